// The subcommands of `caucus`, one file each.
#pragma once

#include <string>
#include <vector>

namespace caucus::cli {

using Argv = std::vector<std::string>;

int run_annotate(const Argv& argv);
int run_graph(const Argv& argv);
int run_rules(const Argv& argv);
int run_explain(const Argv& argv);
int run_eval(const Argv& argv);
int run_annotators(const Argv& argv);
int run_bench(const Argv& argv);

}  // namespace caucus::cli

// caucus bench: how fast the pipeline runs, stage by stage and rule by rule, on a corpus.
//
// The corpus is read once into memory and repeated until it reaches --size MB, so that the
// figures measure annotation, not the disk. Reported: MB/s of each step and of the whole
// pipeline, ICU sentence segmentation alone (the floor of any pipeline that splits sentences),
// the time to load and compile the rules, and peak memory.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>

#include "caucus/json.hpp"
#include "caucus/reader.hpp"
#include "caucus/rules.hpp"
#include "caucus/segmentation.hpp"
#include "commands.hpp"
#include "common.hpp"

namespace caucus::cli {
namespace {

using Clock = std::chrono::steady_clock;
double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

long peak_kb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

const CommandSpec& spec() {
  static const CommandSpec spec{
      "bench",
      "[OPTIONS] INPUT...",
      "measure the pipeline's speed (MB/s per step and per rule) and peak memory",
      "The documents of INPUT are repeated in memory up to --size MB of text. Steps run one after\n"
      "the other on one thread; --rules lists the slowest rules.",
      {pipeline_option(),
       {"size", 's', "MB", "Text to annotate, in MB (default 100)"},
       {"rules", 0, "N", "Also list the N slowest rules"},
       {"json", 0, "", "Also time writing the JSON Lines output"},
       {"no-prefilter", 0, "", "Run every rule on every sentence, searching every position (to measure what the prefilter and name starts save)"}}};
  return spec;
}

}  // namespace

int run_bench(const Argv& argv) {
  int exit = kExitOk;
  auto args = parse_command(spec(), argv, exit);
  if (!args) return exit;
  const double target_mb = std::stod(args->get("size", "100"));
  const std::size_t top_rules = static_cast<std::size_t>(std::stoul(args->get("rules", "0")));
  const bool prefilter = !args->has("no-prefilter");

  const auto load_start = Clock::now();
  AnnotatorRegistry registry;
  register_builtin_annotators(registry);
  auto pipeline = load_pipeline(*args, registry);
  if (!pipeline) return kExitUsage;
  const double load_seconds = seconds_since(load_start);

  Diagnostics diagnostics;
  std::vector<std::pair<std::string, std::string>> corpus;  // name, text
  std::size_t corpus_bytes = 0;
  for (const auto& input : expand_inputs(args->positional().empty() ? std::vector<std::string>{"examples/corpus"} : args->positional(),
                                         diagnostics)) {
    if (auto document = read_document(input, {}, diagnostics)) {
      corpus_bytes += document->text().size();
      corpus.emplace_back(document->name(), std::string(document->text()));
    }
  }
  print_diagnostics(diagnostics);
  if (corpus.empty() || corpus_bytes == 0) {
    std::fprintf(stderr, "caucus bench: no documents\n");
    return kExitUsage;
  }

  const auto& steps = pipeline->steps();
  std::vector<double> step_seconds(steps.size(), 0.0);
  std::map<std::string, double> rule_seconds;  // "file: rule" -> seconds
  double segmentation_seconds = 0, json_seconds = 0;
  std::size_t bytes = 0, documents = 0, annotations = 0;
  const auto total_start = Clock::now();
  while (static_cast<double>(bytes) < target_mb * 1e6) {
    for (const auto& [name, text] : corpus) {
      Document document(name, text);
      for (std::size_t i = 0; i < steps.size(); ++i) {
        const auto started = Clock::now();
        const bool rule_by_rule = top_rules || !prefilter;
        const auto* provider = rule_by_rule ? dynamic_cast<const RuleProvider*>(steps[i].instance.get()) : nullptr;
        if (provider) {
          for (const auto& set : provider->rule_sets()) {
            std::vector<double> per_rule;
            ApplyOptions options;
            options.annotator = steps[i].id;
            options.rule_seconds = &per_rule;
            options.use_prefilter = prefilter;
            apply_rules(*set, document, options);
            for (std::size_t r = 0; r < per_rule.size(); ++r) rule_seconds[set->name + ": " + set->rules[r].id] += per_rule[r];
          }
        } else {
          pipeline->run_step(document, i);
        }
        step_seconds[i] += seconds_since(started);
      }
      if (args->has("json")) {
        const auto started = Clock::now();
        const std::string json = document_to_json(document);
        json_seconds += seconds_since(started);
      }
      annotations += document.annotations().size();
      bytes += text.size();
      ++documents;
    }
  }
  const double total_seconds = seconds_since(total_start);

  // The floor: ICU sentence segmentation alone, on the same text.
  {
    SentenceSplitter& splitter = SentenceSplitter::for_this_thread();
    std::vector<Span> sentences;
    std::size_t done = 0;
    const auto started = Clock::now();
    while (done < bytes) {
      for (const auto& [name, text] : corpus) {
        for (const Span paragraph : find_paragraphs(text)) {
          sentences.clear();
          splitter.split(text, paragraph, sentences);
        }
        done += text.size();
      }
    }
    segmentation_seconds = seconds_since(started);
  }

  const double mb = static_cast<double>(bytes) / 1e6;
  std::printf("corpus: %zu documents, %.1f MB (the %zu inputs, %.2f MB, repeated), %zu annotations\n", documents, mb, corpus.size(),
              static_cast<double>(corpus_bytes) / 1e6, annotations);
  std::printf("load and compile the pipeline: %.1f ms\n", load_seconds * 1000);
  std::printf("%-24s %10s %10s\n", "step", "seconds", "MB/s");
  for (std::size_t i = 0; i < steps.size(); ++i) {
    std::printf("%-24s %10.3f %10.1f\n", steps[i].id.c_str(), step_seconds[i], mb / std::max(step_seconds[i], 1e-9));
  }
  if (args->has("json")) std::printf("%-24s %10.3f %10.1f\n", "(json output)", json_seconds, mb / std::max(json_seconds, 1e-9));
  std::printf("%-24s %10.3f %10.1f\n", "whole pipeline", total_seconds, mb / total_seconds);
  std::printf("%-24s %10.3f %10.1f   (floor: pipeline/floor = %.1f)\n", "ICU sentences alone", segmentation_seconds,
              mb / segmentation_seconds, total_seconds / segmentation_seconds);
  std::printf("peak memory: %.1f MB\n", static_cast<double>(peak_kb()) / 1024.0);
  if (top_rules) {
    std::vector<std::pair<double, std::string>> slowest;
    for (const auto& [rule, secs] : rule_seconds) slowest.emplace_back(secs, rule);
    std::sort(slowest.rbegin(), slowest.rend());
    std::printf("slowest rules:\n");
    for (std::size_t i = 0; i < std::min(top_rules, slowest.size()); ++i) {
      std::printf("  %8.3f s  %6.1f MB/s  %s\n", slowest[i].first, mb / std::max(slowest[i].first, 1e-9), slowest[i].second.c_str());
    }
  }
  return kExitOk;
}

}  // namespace caucus::cli

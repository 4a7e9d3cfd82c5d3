// caucus annotate: runs the pipeline over documents and writes JSON Lines.
#include <chrono>
#include <cstdio>
#include <iostream>
#include <map>

#include "caucus/json.hpp"
#include "caucus/reader.hpp"
#include "caucus/summary.hpp"
#include "commands.hpp"
#include "common.hpp"

namespace caucus::cli {
namespace {

const CommandSpec& spec() {
  static const CommandSpec spec{
      "annotate",
      "[OPTIONS] INPUT...",
      "annotate documents and write one JSON object per document (JSON Lines)",
      "INPUT is a file, a directory (searched recursively for *.txt) or - for standard input.\n"
      "Documents are written in input order. Offsets are Unicode code points into the text as read\n"
      "(Python's text[start:end]). A summary goes to stderr. Exit status: 0 ok, 1 some documents\n"
      "failed, 2 usage or configuration error.",
      {
          pipeline_option(),
          {"output", 'o', "FILE", "Write to FILE instead of standard output (replaced atomically)"},
          {"types", 't', "TYPES", "Write only these annotation types (comma-separated)"},
          {"no-text", 0, "", "Leave out each annotation's text"},
          {"format", 'f', "FORMAT", "jsonl (default) or summary (one readable line per speech and annotation)"},
          {"encoding", 0, "NAME", "Read documents in this encoding (e.g. windows-1252, utf-16le)"},
          {"encoding-errors", 0, "MODE", "fail (default) or replace: invalid UTF-8 becomes U+FFFD"},
          {"quiet", 'q', "", "No summary on stderr"},
      }};
  return spec;
}

std::vector<std::string> split_commas(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t comma = std::min(text.find(',', start), text.size());
    if (comma > start) out.push_back(text.substr(start, comma - start));
    start = comma + 1;
  }
  return out;
}

std::optional<Document> read_input(const std::string& input, const ReadOptions& options, Diagnostics& diagnostics) {
  if (input != "-") return read_document(input, options, diagnostics);
  std::string bytes((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
  return make_document("<stdin>", std::move(bytes), options, diagnostics);
}

}  // namespace

int run_annotate(const Argv& argv) {
  std::string error;
  auto args = parse_args(spec(), argv, error);
  if (!args) {
    std::fprintf(stderr, "caucus annotate: %s\n", error.c_str());
    return kExitUsage;
  }
  if (args->has("help")) {
    std::fputs(format_help(spec()).c_str(), stdout);
    return kExitOk;
  }
  if (args->positional().empty()) {
    std::fprintf(stderr, "caucus annotate: no INPUT given (see 'caucus annotate --help')\n");
    return kExitUsage;
  }
  ReadOptions read_options;
  read_options.encoding = args->get("encoding");
  const std::string errors_mode = args->get("encoding-errors", "fail");
  if (errors_mode != "fail" && errors_mode != "replace") {
    std::fprintf(stderr, "caucus annotate: --encoding-errors must be 'fail' or 'replace', not '%s'\n", errors_mode.c_str());
    return kExitUsage;
  }
  read_options.encoding_errors = errors_mode == "replace" ? EncodingErrors::replace : EncodingErrors::fail;
  if (!read_options.encoding.empty() && !is_known_encoding(read_options.encoding)) {
    std::fprintf(stderr, "caucus annotate: unknown encoding '%s'\n", read_options.encoding.c_str());
    return kExitUsage;
  }
  const std::string format = args->get("format", "jsonl");
  if (format != "jsonl" && format != "summary") {
    std::fprintf(stderr, "caucus annotate: --format must be 'jsonl' or 'summary', not '%s'\n", format.c_str());
    return kExitUsage;
  }
  JsonOptions json_options;
  json_options.types = split_commas(args->get("types"));
  json_options.include_text = !args->has("no-text");

  AnnotatorRegistry registry;
  register_builtin_annotators(registry);
  auto pipeline = load_pipeline(*args, registry);
  if (!pipeline) return kExitUsage;

  Diagnostics input_problems;
  const auto inputs = expand_inputs(args->positional(), input_problems);
  print_diagnostics(input_problems);
  Output output(args->get("output"));
  if (!output.ok()) {
    std::fprintf(stderr, "caucus annotate: %s\n", output.error().c_str());
    return kExitUsage;
  }

  const auto started = std::chrono::steady_clock::now();
  std::size_t documents = 0, failed = input_problems.error_count();
  uint64_t bytes = 0;
  std::map<std::string, std::size_t> per_type;
  for (const auto& input : inputs) {
    Diagnostics diagnostics;
    auto document = read_input(input, read_options, diagnostics);
    if (document) {
      pipeline->run(*document);
      diagnostics.append(document->problems());
      if (format == "summary") {
        output.write(document_summary(*document, {json_options.types}));
      } else {
        output.write(document_to_json(*document, json_options));
        output.write("\n");
      }
      ++documents;
      bytes += document->text().size();
      for (const auto& type : document->annotations().types()) per_type[type] += document->annotations().count(type);
    }
    if (diagnostics.has_errors()) ++failed;
    print_diagnostics(diagnostics);
    if (!output.ok()) break;
  }
  if (!output.commit()) {
    std::fprintf(stderr, "caucus annotate: %s\n", output.error().c_str());
    return kExitUsage;
  }
  if (!args->has("quiet")) {
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    const double mb = static_cast<double>(bytes) / 1e6;
    std::fprintf(stderr, "caucus annotate: %zu documents, %.2f MB, %zu failed, %.2f s (%.1f MB/s)\n", documents, mb, failed,
                 seconds, seconds > 0 ? mb / seconds : 0.0);
    for (const auto& [type, count] : per_type) std::fprintf(stderr, "  %-14s %zu\n", type.c_str(), count);
  }
  return failed ? kExitFailures : kExitOk;
}

}  // namespace caucus::cli

// caucus annotate: runs the pipeline over documents and writes JSON Lines.
//
// Documents are annotated on -j threads and written in input order: finished documents wait in
// a small window until those before them are written, so memory does not grow with the corpus.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <map>
#include <optional>
#include <set>

#include "caucus/json.hpp"
#include "caucus/json_value.hpp"
#include "caucus/reader.hpp"
#include "caucus/summary.hpp"
#include "commands.hpp"
#include "common.hpp"
#include "corpus_run.hpp"
#include "heap_pages.hpp"

namespace caucus::cli {
namespace {

using Clock = std::chrono::steady_clock;

const CommandSpec& spec() {
  static const CommandSpec spec{
      "annotate",
      "[OPTIONS] INPUT...",
      "annotate documents and write one JSON object per document (JSON Lines)",
      "INPUT is a file, a directory (searched recursively for *.txt) or - for standard input. On\n"
      "standard input, JSON Lines {\"doc\": ID, \"text\": TEXT} are documents, one per line (the map\n"
      "step of Hadoop Streaming, Spark's RDD.pipe or GNU parallel); any other input is one document.\n"
      "Documents are written in input order. Offsets are Unicode code points into the text as read\n"
      "(Python's text[start:end]). A summary goes to stderr, and a progress bar when stderr is a\n"
      "terminal. Exit status: 0 ok, 1 some documents failed, 2 usage or configuration error.",
      {
          pipeline_option(),
          {"output", 'o', "FILE", "Write to FILE instead of standard output (replaced atomically)"},
          {"jobs", 'j', "N", "Annotate N documents at a time (default: all cores)"},
          {"types", 't', "TYPES", "Write only these annotation types (comma-separated)"},
          {"all-types", 0, "", "Also write the intermediate types rules use internally (statement_ref, self_mention, ...)"},
          {"no-text", 0, "", "Leave out each annotation's text"},
          {"format", 'f', "FORMAT", "jsonl (default) or summary (one readable line per speech and annotation)"},
          {"encoding", 0, "NAME", "Read documents in this encoding (e.g. windows-1252, utf-16le)"},
          {"encoding-errors", 0, "MODE", "fail (default) or replace: invalid UTF-8 becomes U+FFFD"},
          {"quiet", 'q', "", "No summary or progress on stderr"},
      }};
  return spec;
}

// One document to annotate: a path, or a name and a text read from standard input.
struct Item {
  std::string name;
  std::optional<std::string> bytes;  // set for standard input
  std::size_t line = 0;              // JSON Lines line number, for messages
  std::string error;                 // a bad JSON Lines record
};

// Hands out the documents in order. Standard input is read here, one record at a time, so that
// reading stays sequential while annotation runs in parallel (run_in_order() calls next() from
// one thread at a time).
class Source {
 public:
  explicit Source(std::vector<std::string> inputs) : inputs_(std::move(inputs)) {}

  bool next(Item& item) {
    while (true) {
      if (reading_stdin_) {
        if (read_stdin_record(item)) return true;
        reading_stdin_ = false;
      }
      if (next_input_ >= inputs_.size()) return false;
      const std::string& input = inputs_[next_input_++];
      if (input == "-") {
        reading_stdin_ = true;
        stdin_first_ = true;
        continue;
      }
      item = Item{input, std::nullopt, 0, ""};
      return true;
    }
  }

  std::size_t files() const { return inputs_.size(); }

 private:
  bool read_stdin_record(Item& item) {
    if (stdin_first_) {
      stdin_first_ = false;
      // JSON Lines if the first non-space character opens an object; else one plain document.
      std::cin >> std::ws;
      if (std::cin.peek() != '{') {
        std::string bytes;
        read_all(std::cin, bytes);
        item = Item{"<stdin>", std::move(bytes), 0, ""};
        stdin_plain_done_ = true;
        return true;
      }
    }
    if (stdin_plain_done_) return false;
    std::string line;
    while (std::getline(std::cin, line)) {
      ++line_;
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      std::string error;
      auto record = parse_json(line, error);
      item = Item{"", std::string(), line_, ""};
      if (!record || !(*record)["text"].is_string()) {
        item.name = "<stdin>:" + std::to_string(line_);
        item.error = record ? "a record needs \"text\" (and \"doc\")" : "bad JSON: " + error;
        return true;
      }
      static const std::string kEmpty;
      const JsonValue& id = (*record)["doc"];
      item.name = id.is_string() ? id.string_or(kEmpty) : id.is_number() ? std::to_string(static_cast<long long>(id.number_or(0)))
                                                                         : "<stdin>:" + std::to_string(line_);
      item.bytes = (*record)["text"].string_or(kEmpty);
      return true;
    }
    return false;
  }

  std::vector<std::string> inputs_;
  std::size_t next_input_ = 0;
  bool reading_stdin_ = false, stdin_first_ = false, stdin_plain_done_ = false;
  std::size_t line_ = 0;
};

// A document's record is several times its text. Past this size the worker does not build
// it: the writer streams it from the annotated document when its turn comes, a chunk at a
// time, so that memory stays near the document's own size.
constexpr std::size_t kStreamRecordAbove = std::size_t{1} << 20;

struct Result {
  std::string output;
  std::optional<Document> to_stream;  // a long document whose record the writer makes
  std::string messages;  // rendered diagnostics
  bool failed = false;
  bool written = false;  // a record was produced
  std::size_t bytes = 0;
  std::map<std::string, std::size_t> counts;
};

struct Settings {
  ReadOptions read;
  JsonOptions json;
  bool summary_format = false;
  bool color = false;
};

Result annotate_one(const Item& item, const Pipeline& pipeline, const Settings& settings) {
  Result result;
  Diagnostics diagnostics;
  std::optional<Document> document;
  if (!item.error.empty()) {
    diagnostics.error("D010", item.error, {item.name});
  } else if (item.bytes) {
    document = make_document(item.name, *item.bytes, settings.read, diagnostics);
  } else {
    document = read_document(item.name, settings.read, diagnostics);
  }
  if (document) {
    pipeline.run(*document);
    diagnostics.append(document->problems());
    const bool stream = !settings.summary_format && document->text().size() > kStreamRecordAbove;
    if (settings.summary_format) {
      result.output = document_summary(*document, {settings.json.types});
    } else if (!stream) {
      result.output = document_to_json(*document, settings.json);
      result.output += '\n';
    }
    result.written = true;
    result.bytes = document->text().size();
    for (const auto& type : document->annotations().types()) result.counts[type] += document->annotations().count(type);
    if (stream) {
      result.to_stream = std::move(document);
      release_free_heap();  // before the writer makes the record (heap_pages.hpp)
    }
  }
  result.failed = diagnostics.has_errors();
  result.messages = diagnostics.render(settings.color);
  return result;
}

}  // namespace

int run_annotate(const Argv& argv) {
  int exit = kExitOk;
  auto args = parse_command(spec(), argv, exit);
  if (!args) return exit;
  // From here on an interrupt ends the run cleanly: no output file is left half-written.
  InterruptGuard interrupts;
  if (args->positional().empty()) {
    std::fprintf(stderr, "caucus annotate: no INPUT given (see 'caucus annotate --help')\n");
    return kExitUsage;
  }
  Settings settings;
  settings.read.encoding = args->get("encoding");
  const std::string errors_mode = args->get("encoding-errors", "fail");
  if (errors_mode != "fail" && errors_mode != "replace") {
    std::fprintf(stderr, "caucus annotate: --encoding-errors must be 'fail' or 'replace', not '%s'\n", errors_mode.c_str());
    return kExitUsage;
  }
  settings.read.encoding_errors = errors_mode == "replace" ? EncodingErrors::replace : EncodingErrors::fail;
  if (!settings.read.encoding.empty() && !is_known_encoding(settings.read.encoding)) {
    std::fprintf(stderr, "caucus annotate: unknown encoding '%s'\n", settings.read.encoding.c_str());
    return kExitUsage;
  }
  const std::string format = args->get("format", "jsonl");
  if (format != "jsonl" && format != "summary") {
    std::fprintf(stderr, "caucus annotate: --format must be 'jsonl' or 'summary', not '%s'\n", format.c_str());
    return kExitUsage;
  }
  settings.summary_format = format == "summary";
  settings.json.types = split_commas(args->get("types"));
  settings.json.include_text = !args->has("no-text");
  settings.color = stderr_is_terminal();
  const auto jobs_given = jobs_option("annotate", args->has("jobs"), args->get("jobs"));
  if (!jobs_given) return kExitUsage;
  const unsigned jobs = *jobs_given;

  AnnotatorRegistry registry;
  register_builtin_annotators(registry);
  auto pipeline = load_pipeline(*args, registry);
  if (!pipeline) return kExitUsage;
  const std::set<std::string> internal = pipeline->internal_types();
  if (!args->has("all-types") && settings.json.types.empty()) settings.json.hidden = internal;

  Diagnostics input_problems;
  Source source(expand_inputs(args->positional(), input_problems));
  print_diagnostics(input_problems);
  Output output(args->get("output"));
  if (!output.ok()) {
    std::fprintf(stderr, "caucus annotate: %s\n", output.error().c_str());
    return kExitUsage;
  }

  // Workers annotate; this thread writes results in input order.
  const auto started = Clock::now();
  Progress progress(!args->has("quiet") && stderr_is_terminal(), source.files());
  std::size_t documents = 0, failed = input_problems.error_count();
  uint64_t bytes = 0;
  std::map<std::string, std::size_t> per_type;
  run_in_order<Item, Result>(
      jobs, [&](Item& item) { return source.next(item); },
      [&](Item& item) { return annotate_one(item, *pipeline, settings); },
      [&](Result& result) {
        if (!result.messages.empty()) {
          progress.update(documents, bytes, true);
          std::fputs(result.messages.c_str(), stderr);
        }
        if (result.written) {
          if (result.to_stream) {
            write_document_json(*result.to_stream, settings.json, [&](std::string_view chunk) { output.write(chunk); });
            output.write("\n");
            result.to_stream.reset();
          } else {
            output.write(result.output);
          }
          ++documents;
          bytes += result.bytes;
          for (const auto& [type, count] : result.counts) per_type[type] += count;
        }
        if (result.failed) ++failed;
        progress.update(documents, bytes);
        return output.ok();  // a full disk or a closed pipe ends the run
      },
      [&] { progress.update(documents, bytes); });
  progress.update(documents, bytes, true);

  if (!output.ok()) {
    std::fprintf(stderr, "caucus annotate: %s\n", output.error().c_str());
    return kExitUsage;
  }
  if (g_interrupted) {
    // The temporary output is removed: the previous output, if any, stays as it was.
    std::fprintf(stderr, "caucus annotate: interrupted after %zu documents; nothing was written\n", documents);
    return 130;
  }
  if (!output.commit()) {
    std::fprintf(stderr, "caucus annotate: %s\n", output.error().c_str());
    return kExitUsage;
  }
  if (!args->has("quiet")) {
    const double seconds = std::chrono::duration<double>(Clock::now() - started).count();
    const double mb = static_cast<double>(bytes) / 1e6;
    std::fprintf(stderr, "caucus annotate: %s, %.2f MB, %zu failed, %.2f s (%.1f MB/s, %s)\n", counted(documents, "document").c_str(), mb,
                 failed, seconds, seconds > 0 ? mb / seconds : 0.0, counted(jobs, "job").c_str());
    for (const auto& [type, count] : per_type) {
      if (args->has("all-types") || !internal.count(type)) std::fprintf(stderr, "  %-14s %zu\n", type.c_str(), count);
    }
  }
  return failed ? kExitFailures : kExitOk;
}

}  // namespace caucus::cli

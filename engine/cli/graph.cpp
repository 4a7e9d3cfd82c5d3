// caucus graph: the who-aligns-with-whom network of a corpus, as GraphML, DOT, JSON, CSV or SVG.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <sstream>

#include "caucus/network.hpp"
#include "caucus/reader.hpp"
#include "commands.hpp"
#include "common.hpp"
#include "corpus_run.hpp"

namespace caucus::cli {
namespace {

namespace fs = std::filesystem;

const CommandSpec& spec() {
  static const CommandSpec spec{
      "graph",
      "[OPTIONS] INPUT...",
      "build the alignment network of a corpus",
      "INPUT is a document or directory of documents (annotated with the pipeline first), a JSON\n"
      "Lines file written by 'caucus annotate' (*.jsonl: annotate once, graph many times), or a\n"
      "GraphML network written by 'caucus graph' (*.graphml: partial networks are merged).\n"
      "Nodes are actors (GraphML node id = actor id: ISO 3166-1 alpha-3 for States); edges are\n"
      "(source, target, relation) with weight (statements), documents, first_date and last_date.\n"
      "The format is taken from -o's extension unless --format says otherwise. With csv, -o X.csv\n"
      "writes the edges to X.csv and the nodes to X.nodes.csv. Inputs are read on -j threads and\n"
      "merged in input order; a progress bar goes to stderr when it is a terminal.",
      {
          pipeline_option(),
          {"output", 'o', "FILE", "Write here (with --per: a directory) instead of standard output"},
          {"format", 'f', "FORMAT", "graphml (default), dot, json (networkx node-link), csv, svg"},
          {"relations", 'r', "LIST", "Keep these relations (comma-separated): aligns_with, speaks_for, member_of"},
          {"min-weight", 0, "N", "Keep edges with at least N statements"},
          {"from", 0, "DATE", "Keep edges with a statement on or after DATE (YYYY-MM-DD)"},
          {"to", 0, "DATE", "Keep edges with a statement on or before DATE (YYYY-MM-DD)"},
          {"per", 0, "WHAT", "One network per 'document' or per 'meeting', written into the -o directory"},
          {"coalign", 0, "", "The co-alignment projection: States linked when they align with the same group in the same meeting"},
          {"stats", 0, "", "Print a summary on stderr: counts, most aligned-with groups, components, betweenness"},
          {"evidence", 0, "FILE", "Write, per edge, the statements behind it (JSON Lines)"},
          {"jobs", 'j', "N", "Annotate N documents at a time (default: all cores)"},
          {"quiet", 'q', "", "No summary or progress on stderr"},
      }};
  return spec;
}

std::string extension_format(const std::string& path) {
  const std::string ext = fs::path(path).extension().string();
  if (ext == ".dot" || ext == ".gv") return "dot";
  if (ext == ".json") return "json";
  if (ext == ".csv") return "csv";
  if (ext == ".svg") return "svg";
  return "graphml";
}

std::string format_extension(const std::string& format) { return format == "dot" ? ".dot" : "." + format; }

bool write_text(const std::string& path, const std::string& text) {
  Output out(path);
  out.write(text);
  if (!out.commit()) {
    std::fprintf(stderr, "caucus graph: %s\n", out.error().c_str());
    return false;
  }
  return true;
}

bool write_network(const AlignmentNetwork& network, const std::string& format, const std::string& path) {
  std::ostringstream text;
  if (format == "graphml") network.write_graphml(text);
  else if (format == "dot") network.write_dot(text);
  else if (format == "json") network.write_json(text);
  else if (format == "svg") network.write_svg(text);
  else if (format == "csv") {
    network.write_csv_edges(text);
    if (!path.empty() && path != "-") {
      std::ostringstream nodes;
      network.write_csv_nodes(nodes);
      const fs::path p(path);
      if (!write_text((p.parent_path() / (p.stem().string() + ".nodes.csv")).string(), nodes.str())) return false;
    }
  }
  return write_text(path, text.str());
}

// The group a document belongs to with --per: itself, or its meeting.
std::string group_key(const std::string& per, const std::string& doc, const std::map<std::string, std::string>& meta) {
  if (per == "meeting") {
    for (const char* key : {"symbol", "meeting"}) {
      if (auto it = meta.find(key); it != meta.end() && !it->second.empty()) {
        std::string name = it->second;
        for (char& c : name) {
          if (c == '/' || c == ' ' || c == '(' || c == ')') c = '_';
        }
        return name;
      }
    }
  }
  return fs::path(doc).stem().string();
}

// What one input adds: its part of the network (per --per group), its problems, its counts.
struct InputResult {
  std::map<std::string, AlignmentNetwork> parts;  // group -> network ("" without --per)
  std::string messages;                            // its diagnostics, rendered
  std::size_t documents = 0, failed = 0;
  uint64_t bytes = 0;
};

// What an input is: a document to annotate, an annotation stream (`*.jsonl` or "-"), or a
// network written by `caucus graph` (`*.graphml`).
enum class InputKind { document, stream, network };

InputKind input_kind(const std::string& input) {
  const std::string ext = fs::path(input).extension().string();
  if (input == "-" || ext == ".jsonl") return InputKind::stream;
  return ext == ".graphml" ? InputKind::network : InputKind::document;
}

bool is_document(const std::string& input) { return input_kind(input) == InputKind::document; }

// One unit of work: a document or GraphML file, or one record of a JSON Lines stream (read
// here, in order, so that a single large stream is parsed on every thread).
struct GraphItem {
  std::string input;  // the path, or "<stdin>"
  std::optional<std::string> record;  // a JSON Lines record
  std::size_t line = 0;
  std::string error;  // the stream could not be opened
};

// Hands out the items of the inputs in order: run_in_order() calls next() from one thread at
// a time.
class GraphSource {
 public:
  explicit GraphSource(const std::vector<std::string>& inputs) : inputs_(inputs) {}

  bool next(GraphItem& item) {
    while (true) {
      if (stream_) {
        for (std::string line; std::getline(*stream_, line);) {
          ++line_;
          if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
          item = GraphItem{stream_name_, std::move(line), line_, ""};
          return true;
        }
        stream_ = nullptr;
        file_.reset();
      }
      if (next_ == inputs_.size()) return false;
      const std::string& input = inputs_[next_++];
      if (input_kind(input) != InputKind::stream) {
        item = GraphItem{input, std::nullopt, 0, ""};
        return true;
      }
      line_ = 0;
      stream_name_ = input == "-" ? "<stdin>" : input;
      if (input == "-") {
        stream_ = &std::cin;
      } else {
        file_ = std::make_unique<std::ifstream>(input);
        if (!*file_) {
          file_.reset();
          item = GraphItem{input, std::nullopt, 0, "cannot open"};
          return true;
        }
        stream_ = file_.get();
      }
    }
  }

 private:
  const std::vector<std::string>& inputs_;
  std::size_t next_ = 0;
  std::istream* stream_ = nullptr;
  std::unique_ptr<std::ifstream> file_;
  std::string stream_name_;
  std::size_t line_ = 0;
};

// Turns an item into its part of the network: safe to call from several threads at once.
class GraphReader {
 public:
  // `color`: whether messages are for a terminal (asked once, not per record).
  GraphReader(const std::string& per, const Pipeline* pipeline, bool color) : per_(per), pipeline_(pipeline), color_(color) {}

  InputResult read(const GraphItem& item) const {
    InputResult result;
    Diagnostics diagnostics;
    if (!item.error.empty()) {
      diagnostics.error("D001", item.error, {item.input});
      ++result.failed;
    } else if (item.record) {
      read_record(item, result, diagnostics);
    } else if (input_kind(item.input) == InputKind::network) {
      std::ifstream in(item.input);
      std::string message;
      AlignmentNetwork part;
      if (!in || !part.add_graphml(in, message)) {
        diagnostics.error("G002", in ? message : "cannot open", {item.input});
        ++result.failed;
      } else {
        result.parts[per_.empty() ? "" : fs::path(item.input).stem().string()].merge(part);
      }
    } else {
      auto document = read_document(item.input, {}, diagnostics);
      if (document) {
        pipeline_->run(*document);
        diagnostics.append(document->problems());
        result.parts[per_.empty() ? "" : group_key(per_, document->name(), document->meta())].add_document(*document);
        ++result.documents;
        result.bytes += document->text().size();
      }
      if (diagnostics.has_errors()) ++result.failed;
    }
    if (diagnostics.size()) result.messages = diagnostics.render(color_);
    return result;
  }

 private:
  void read_record(const GraphItem& item, InputResult& result, Diagnostics& diagnostics) const {
    result.bytes = item.record->size() + 1;
    std::string message;
    auto record = parse_json(*item.record, message);
    AlignmentNetwork part;
    if (!record || !part.add_annotation_record(*record, message)) {
      diagnostics.error("G001", "bad JSON Lines record: " + message, {item.input, static_cast<uint32_t>(item.line), 0});
      ++result.failed;
      return;
    }
    std::map<std::string, std::string> meta;
    for (const auto& [key, value] : (*record)["meta"].object()) meta[key] = value.string_or("");
    result.parts[per_.empty() ? "" : group_key(per_, (*record)["doc"].string_or(""), meta)].merge(part);
    ++result.documents;
  }

  std::string per_;
  const Pipeline* pipeline_;
  bool color_;
};

}  // namespace

int run_graph(const Argv& argv) {
  int exit = kExitOk;
  auto args = parse_command(spec(), argv, exit);
  if (!args) return exit;
  if (args->positional().empty()) {
    std::fprintf(stderr, "caucus graph: no INPUT given (see 'caucus graph --help')\n");
    return kExitUsage;
  }
  const std::string output = args->get("output");
  const std::string format = args->get("format", extension_format(output));
  if (format != "graphml" && format != "dot" && format != "json" && format != "csv" && format != "svg") {
    std::fprintf(stderr, "caucus graph: unknown format '%s': graphml, dot, json, csv or svg\n", format.c_str());
    return kExitUsage;
  }
  const std::string per = args->get("per");
  if (!per.empty() && per != "document" && per != "meeting") {
    std::fprintf(stderr, "caucus graph: --per takes 'document' or 'meeting'\n");
    return kExitUsage;
  }
  if (!per.empty() && output.empty()) {
    std::fprintf(stderr, "caucus graph: --per needs -o DIRECTORY\n");
    return kExitUsage;
  }
  NetworkFilter filter;
  const auto relations = split_commas(args->get("relations"));
  filter.relations = {relations.begin(), relations.end()};
  filter.from = args->get("from");
  filter.to = args->get("to");
  try {
    filter.min_weight = static_cast<uint64_t>(std::stoull(args->get("min-weight", "1")));
  } catch (const std::exception&) {
    std::fprintf(stderr, "caucus graph: --min-weight takes a number\n");
    return kExitUsage;
  }

  const auto jobs = jobs_option("graph", args->has("jobs"), args->get("jobs"));
  if (!jobs) return kExitUsage;

  Diagnostics diagnostics;
  std::map<std::string, AlignmentNetwork> networks;  // group -> network ("" without --per)
  const auto inputs = expand_inputs(args->positional(), diagnostics);
  print_diagnostics(diagnostics);
  std::size_t failed = diagnostics.error_count(), documents = 0, done = 0;  // failed: inputs that do not exist
  uint64_t bytes = 0;

  // The pipeline is loaded only if some input is a document to annotate.
  AnnotatorRegistry registry;
  register_builtin_annotators(registry);
  std::unique_ptr<Pipeline> pipeline;
  if (std::any_of(inputs.begin(), inputs.end(), is_document)) {
    pipeline = load_pipeline(*args, registry);
    if (!pipeline) return kExitUsage;
  }

  // Inputs (and the records of JSON Lines streams) are read on -j threads and merged here in
  // input order (the merge is associative, but the evidence lists keep the order of the inputs).
  InterruptGuard interrupts;
  const auto started = std::chrono::steady_clock::now();
  GraphSource source(inputs);
  const GraphReader reader(per, pipeline.get(), stderr_is_terminal());
  const bool all_documents = std::all_of(inputs.begin(), inputs.end(), is_document);
  Progress progress(!args->has("quiet") && stderr_is_terminal(), all_documents ? inputs.size() : 0);
  run_in_order<GraphItem, InputResult>(
      *jobs, [&](GraphItem& item) { return source.next(item); }, [&](GraphItem& item) { return reader.read(item); },
      [&](InputResult& result) {
        if (!result.messages.empty()) {
          progress.update(documents, bytes, true);
          std::fputs(result.messages.c_str(), stderr);
        }
        for (auto& [key, part] : result.parts) networks[key].merge(part);
        documents += result.documents;
        failed += result.failed;
        bytes += result.bytes;
        progress.update(all_documents ? ++done : documents, bytes);
        return true;
      },
      [&] { progress.update(all_documents ? done : documents, bytes); });
  progress.update(all_documents ? done : documents, bytes, true);
  if (g_interrupted) {
    std::fprintf(stderr, "caucus graph: interrupted after %zu documents; nothing was written\n", documents);
    return 130;
  }
  if (networks.empty()) networks[""];  // an empty corpus still gives a (empty) network

  bool ok = true;
  if (!per.empty()) {
    std::error_code ec;
    fs::create_directories(output, ec);
    if (ec) {
      std::fprintf(stderr, "caucus graph: cannot create %s: %s\n", output.c_str(), ec.message().c_str());
      return kExitUsage;
    }
  }
  AlignmentNetwork all;
  for (auto& [key, network] : networks) {
    AlignmentNetwork result = network.filtered(filter);
    if (args->has("coalign")) result = result.coalignment();
    const std::string path = per.empty() ? output : (fs::path(output) / (key + format_extension(format))).string();
    ok &= write_network(result, format, path);
    all.merge(result);
  }
  if (args->has("evidence")) {
    std::ostringstream text;
    all.write_evidence(text);
    ok &= write_text(args->get("evidence"), text.str());
  }
  if (args->has("stats")) std::fputs(all.stats().c_str(), stderr);
  if (!args->has("quiet")) {
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    const double mb = static_cast<double>(bytes) / 1e6;
    std::fprintf(stderr, "caucus graph: %s, %.2f MB, %s, %s, %zu failed, %.2f s (%.1f MB/s, %s)\n", counted(documents, "document").c_str(),
                 mb, counted(all.actors.size(), "actor").c_str(), counted(all.edges.size(), "edge").c_str(), failed, seconds,
                 seconds > 0 ? mb / seconds : 0.0, counted(*jobs, "job").c_str());
  }
  if (!ok) return kExitUsage;
  return failed ? kExitFailures : kExitOk;
}

}  // namespace caucus::cli

// caucus bench: how fast the pipeline runs, stage by stage and rule by rule, on a corpus.
//
// The corpus is read once into memory and repeated until it reaches --size MB, so that the
// figures measure annotation, not the disk. Reported: MB/s of reading the files (from the page
// cache), of each step, of the alignment graph and of the whole pipeline; ICU sentence
// segmentation alone (the floor of any pipeline that splits sentences); the time to load and
// compile the rules; peak memory, of each stage (from one more pass, untimed) and of the run;
// the whole pipeline again on -j threads, against one. With --repeat N each figure is the best
// of N runs: on a shared machine single runs vary by a third.
#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <map>
#include <sstream>
#include <thread>

#include "caucus/json.hpp"
#include "caucus/network.hpp"
#include "caucus/pattern_cache.hpp"
#include "caucus/reader.hpp"
#include "caucus/rules.hpp"
#include "caucus/segmentation.hpp"
#include "commands.hpp"
#include "common.hpp"
#include "corpus_run.hpp"
#include "stage_memory.hpp"

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
      "the other on one thread; --rules lists the slowest rules. Then the whole pipeline runs again\n"
      "on -j threads, a document each at a time as `annotate -j` runs them, to show how it scales.",
      {pipeline_option(),
       {"jobs", 'j', "N", "Threads of the scaling run (default: all cores; 1 leaves it out)"},
       {"size", 's', "MB", "Text to annotate, in MB (default 100)"},
       {"repeat", 'r', "N", "Run N times and report the best figure of each line (default 1)"},
       {"rules", 0, "N", "Also list the N slowest rules"},
       {"json", 0, "", "Also time writing the JSON Lines output"},
       {"no-prefilter", 0, "", "Run every rule on every sentence, searching every position (to measure what the prefilter and name starts save)"}}};
  return spec;
}

struct Settings {
  double target_mb = 100;
  bool rule_by_rule = false, prefilter = true, json = false;
  unsigned threads = 1;  // of the scaling run; 1: none
};

using Corpus = std::vector<std::pair<std::string, std::string>>;  // name, text

// The seconds one run spends in each stage.
struct Timings {
  double reading = 0, whole = 0, json = 0, graph = 0, floor = 0;
  double shared = 0;    // the trigger scan and name-start pass the rule steps share
  // The whole pipeline without the timers, on one thread and on settings.threads threads.
  double one_thread = 0, threaded = 0;
  std::vector<double> steps;
  std::map<std::string, double> rules;  // "file: rule" -> seconds
  std::size_t bytes = 0, documents = 0, annotations = 0;

  // Keeps the smaller of each figure.
  void keep_best(const Timings& other) {
    reading = std::min(reading, other.reading), whole = std::min(whole, other.whole), json = std::min(json, other.json);
    graph = std::min(graph, other.graph), floor = std::min(floor, other.floor), shared = std::min(shared, other.shared);
    one_thread = std::min(one_thread, other.one_thread), threaded = std::min(threaded, other.threaded);
    for (std::size_t i = 0; i < steps.size(); ++i) steps[i] = std::min(steps[i], other.steps[i]);
    for (auto& [rule, seconds] : rules) seconds = std::min(seconds, other.rules.at(rule));
  }
};

// The step before which the scans the rule steps share are run (and timed) on their own:
// the first rule step, if the pipeline shares them, the prefilter is on and the segmenter (or
// any step) has begun the document's run before it; else SIZE_MAX (the scans, if any, are then
// part of the first rule step).
std::size_t shared_scans_before(const Pipeline& pipeline, const Settings& settings) {
  if (!pipeline.shares_rule_scans() || !settings.prefilter) return SIZE_MAX;
  const auto& steps = pipeline.steps();
  for (std::size_t i = 1; i < steps.size(); ++i) {
    if (dynamic_cast<const RuleProvider*>(steps[i].instance.get())) return i;
  }
  return SIZE_MAX;
}

// Runs step `index` of `pipeline` on `document` as the settings say: rule steps file by file
// with each rule timed into `rule_seconds` ("file: rule") when rules are listed or the
// prefilter is off, other steps (and all steps otherwise) as a pipeline run does.
void run_one_step(const Pipeline& pipeline, Document& document, std::size_t index, const Settings& settings,
                  std::map<std::string, double>* rule_seconds) {
  const PipelineStep& step = pipeline.steps()[index];
  const auto* provider = settings.rule_by_rule ? dynamic_cast<const RuleProvider*>(step.instance.get()) : nullptr;
  if (!provider) {
    pipeline.run_step(document, index);
    return;
  }
  for (const auto& set : provider->rule_sets()) {
    std::vector<double> per_rule;
    ApplyOptions options;
    options.annotator = step.id;
    options.rule_seconds = &per_rule;
    options.use_prefilter = settings.prefilter;
    apply_rules(*set, document, options);
    if (!rule_seconds) continue;
    for (std::size_t r = 0; r < per_rule.size(); ++r) (*rule_seconds)[set->name + ": " + set->rules[r].id] += per_rule[r];
  }
}

// Runs the stages of `pipeline` on `document`: the scans the rule steps share (apart, before
// the first of them, when they are shared) and each step, each through `measure(figure,
// work)`, which runs `work` and records it into `figure` (`shared`, or steps[i]); rules are
// timed into `rule_seconds` if it is not null. The timed passes and the memory pass run
// the stages so.
template <typename Measure>
void run_stages(const Pipeline& pipeline, Document& document, const Settings& settings,
                std::map<std::string, double>* rule_seconds, double& shared, std::vector<double>& steps, Measure measure) {
  const std::size_t shared_before = shared_scans_before(pipeline, settings);
  for (std::size_t i = 0; i < pipeline.steps().size(); ++i) {
    if (i == shared_before) measure(shared, [&] { pipeline.run_shared_scans(document); });
    measure(steps[i], [&] { run_one_step(pipeline, document, i, settings, rule_seconds); });
  }
}

// Runs the stages of `pipeline` on `document`, timing each (and each rule if asked) into `t`.
void run_steps(const Pipeline& pipeline, Document& document, const Settings& settings, Timings& t) {
  run_stages(pipeline, document, settings, &t.rules, t.shared, t.steps, [](double& seconds, const auto& work) {
    const auto started = Clock::now();
    work();
    seconds += seconds_since(started);
  });
}

// The same without recording anything.
void run_steps(const Pipeline& pipeline, Document& document, const Settings& settings) {
  double shared = 0;
  std::vector<double> steps(pipeline.steps().size());
  run_stages(pipeline, document, settings, nullptr, shared, steps, [](double&, const auto& work) { work(); });
}

// The seconds the whole pipeline (and the JSON output, if timed) takes over the first
// `documents` of the corpus repeated, on `count` threads taking the next document as they
// finish one, as `annotate -j` does: the work of the timed pass but the graph (left out of its
// figure too), without its timers and the graph's use of the caches in between.
double measure_threads(const Pipeline& pipeline, const Corpus& corpus, const Settings& settings, std::size_t documents,
                       unsigned count) {
  std::atomic<std::size_t> next{0};
  const auto worker = [&] {
    for (std::size_t k = next++; k < documents; k = next++) {
      const auto& [name, text] = corpus[k % corpus.size()];
      Document document(name, text);
      run_steps(pipeline, document, settings);
      if (settings.json) document_to_json(document);
    }
  };
  const auto started = Clock::now();
  std::vector<std::thread> threads;
  for (unsigned i = 0; i < count; ++i) threads.emplace_back(worker);
  for (auto& thread : threads) thread.join();
  return seconds_since(started);
}

Timings measure(const Pipeline& pipeline, const std::vector<std::string>& files, const Corpus& corpus,
                const Settings& settings) {
  Timings t;
  t.steps.assign(pipeline.steps().size(), 0.0);
  AlignmentNetwork network;
  const auto total_start = Clock::now();
  while (static_cast<double>(t.bytes) < settings.target_mb * 1e6) {
    for (const auto& [name, text] : corpus) {
      Document document(name, text);
      run_steps(pipeline, document, settings, t);
      if (settings.json) {
        const auto started = Clock::now();
        const std::string json = document_to_json(document);
        t.json += seconds_since(started);
      }
      const auto started = Clock::now();
      network.add_document(document);
      t.graph += seconds_since(started);
      t.annotations += document.annotations().size();
      t.bytes += text.size();
      ++t.documents;
    }
  }
  const auto graph_started = Clock::now();
  std::ostringstream graphml;
  network.write_graphml(graphml);
  t.graph += seconds_since(graph_started);
  t.whole = seconds_since(total_start) - t.graph;

  // Reading: the same number of bytes from the files (warm in the page cache), checked as
  // UTF-8 and made into documents.
  {
    Diagnostics ignored;
    std::size_t done = 0;
    const auto started = Clock::now();
    while (done < t.bytes) {
      for (const auto& file : files) {
        if (auto document = read_document(file, {}, ignored)) done += document->text().size();
      }
    }
    t.reading = seconds_since(started);
  }
  // The floor: ICU sentence segmentation alone, reading every character of the same text
  // (the segmenter lets it read windows around the terminators only, and so runs faster).
  {
    SentenceSplitter& splitter = SentenceSplitter::for_this_thread();
    std::vector<Span> sentences;
    std::size_t done = 0;
    const auto started = Clock::now();
    while (done < t.bytes) {
      for (const auto& [name, text] : corpus) {
        for (const Span paragraph : find_paragraphs(text)) {
          sentences.clear();
          splitter.split_reading_everything(text, paragraph, sentences);
        }
        done += text.size();
      }
    }
    t.floor = seconds_since(started);
  }
  if (settings.threads > 1) {
    t.one_thread = measure_threads(pipeline, corpus, settings, t.documents, 1);
    t.threaded = measure_threads(pipeline, corpus, settings, t.documents, settings.threads);
  }
  return t;
}

// The peak resident memory of each stage (MB; 0 where it cannot be measured), from one pass
// over the inputs (each stage's peak the highest over the documents; see stage_memory.hpp),
// run as the timed passes run them. The alignment graph is built in a second loop, so that
// the steps' figures do not carry the graph of the documents before.
struct StagePeaks {
  double reading = 0, shared = 0, json = 0, graph = 0;
  std::vector<double> steps;
};

StagePeaks measure_memory(const Pipeline& pipeline, const std::vector<std::string>& files, const Corpus& corpus,
                          const Settings& settings) {
  StagePeaks peaks;
  peaks.steps.assign(pipeline.steps().size(), 0.0);
  if (!StageMemory::available()) return peaks;
  const auto stage = [](double& peak, const auto& work) {
    StageMemory::start();
    work();
    peak = std::max(peak, StageMemory::peak_mb());
  };
  Diagnostics ignored;
  for (const auto& file : files) stage(peaks.reading, [&] { read_document(file, {}, ignored); });
  for (const auto& [name, text] : corpus) {
    Document document(name, text);
    run_stages(pipeline, document, settings, nullptr, peaks.shared, peaks.steps, stage);
    if (settings.json) stage(peaks.json, [&] { document_to_json(document); });
  }
  AlignmentNetwork network;
  for (const auto& [name, text] : corpus) {
    Document document(name, text);
    pipeline.run(document);
    stage(peaks.graph, [&] { network.add_document(document); });
  }
  stage(peaks.graph, [&] {
    std::ostringstream graphml;
    network.write_graphml(graphml);
  });
  return peaks;
}

// One line of the table; `peak` is left blank when not positive.
void print_line(const char* what, double seconds, double mb, double peak, const char* note = "") {
  char memory[16] = "";
  if (peak > 0) std::snprintf(memory, sizeof memory, "%.1f", peak);
  std::printf("%-24s %10.3f %10.1f %9s%s\n", what, seconds, mb / std::max(seconds, 1e-9), memory, note);
}

}  // namespace

int run_bench(const Argv& argv) {
  int exit = kExitOk;
  auto args = parse_command(spec(), argv, exit);
  if (!args) return exit;
  Settings settings;
  std::size_t top_rules = 0, repeat = 1;
  try {
    settings.target_mb = std::stod(args->get("size", "100"));
    top_rules = std::stoul(args->get("rules", "0"));
    repeat = std::stoul(args->get("repeat", "1"));
  } catch (const std::exception&) {
    repeat = 0;
  }
  if (repeat == 0 || !(settings.target_mb > 0)) {
    std::fprintf(stderr, "caucus bench: --size takes a positive number of MB, --repeat and --rules a number (repeat 1 or more)\n");
    return kExitUsage;
  }
  settings.prefilter = !args->has("no-prefilter");
  settings.rule_by_rule = top_rules || !settings.prefilter;
  settings.json = args->has("json");
  const auto threads = jobs_option("bench", args->has("jobs"), args->get("jobs"));
  if (!threads) return kExitUsage;
  settings.threads = *threads;

  const auto load_start = Clock::now();
  AnnotatorRegistry registry;
  register_builtin_annotators(registry);
  auto pipeline = load_pipeline(*args, registry);
  if (!pipeline) return kExitUsage;
  const double load_seconds = seconds_since(load_start);

  Diagnostics diagnostics;
  const std::vector<std::string> files =
      expand_inputs(args->positional().empty() ? std::vector<std::string>{"examples/corpus"} : args->positional(), diagnostics);
  Corpus corpus;
  std::vector<std::string> readable;
  std::size_t corpus_bytes = 0;
  for (const auto& file : files) {
    if (auto document = read_document(file, {}, diagnostics)) {
      corpus_bytes += document->text().size();
      corpus.emplace_back(document->name(), std::string(document->text()));
      readable.push_back(file);
    }
  }
  print_diagnostics(diagnostics);
  if (corpus.empty() || corpus_bytes == 0) {
    std::fprintf(stderr, "caucus bench: no documents\n");
    return kExitUsage;
  }

  Timings best = measure(*pipeline, readable, corpus, settings);
  for (std::size_t run = 1; run < repeat; ++run) best.keep_best(measure(*pipeline, readable, corpus, settings));
  const double run_peak_mb = static_cast<double>(peak_kb()) / 1024.0;  // before the memory pass trims the heap
  const StagePeaks peaks = measure_memory(*pipeline, readable, corpus, settings);

  const double mb = static_cast<double>(best.bytes) / 1e6;
  std::printf("corpus: %zu documents, %.1f MB (the %zu inputs, %.2f MB, repeated), %zu annotations\n", best.documents, mb,
              corpus.size(), static_cast<double>(corpus_bytes) / 1e6, best.annotations);
  if (repeat > 1) std::printf("best of %zu runs\n", repeat);
  std::printf("load and compile the pipeline: %.1f ms (%zu patterns from the cache of compiled patterns)\n",
              load_seconds * 1000, patterns_from_cache());
  std::printf("%-24s %10s %10s %9s\n", "stage", "seconds", "MB/s", "peak MB");
  print_line("reading (files, UTF-8)", best.reading, mb, peaks.reading);
  const auto& steps = pipeline->steps();
  const std::size_t shared_before = shared_scans_before(*pipeline, settings);
  for (std::size_t i = 0; i < steps.size(); ++i) {
    if (i == shared_before) print_line("(shared rule scans)", best.shared, mb, peaks.shared);
    print_line(steps[i].id.c_str(), best.steps[i], mb, peaks.steps[i]);
  }
  if (settings.json) print_line("(json output)", best.json, mb, peaks.json);
  print_line("(alignment graph)", best.graph, mb, peaks.graph);
  print_line(settings.json ? "whole pipeline with JSON" : "whole pipeline", best.whole, mb, 0);
  if (settings.threads > 1) {
    char label[48], scaling[48];
    print_line("  untimed, 1 thread", best.one_thread, mb, 0);
    std::snprintf(label, sizeof label, "  untimed, %u threads", settings.threads);
    std::snprintf(scaling, sizeof scaling, "   (%.2fx one thread)", best.one_thread / std::max(best.threaded, 1e-9));
    print_line(label, best.threaded, mb, 0, scaling);
  }
  char floor_note[64];
  std::snprintf(floor_note, sizeof floor_note, "   (floor: pipeline/floor = %.1f)", best.whole / best.floor);
  print_line("ICU sentences alone", best.floor, mb, 0, floor_note);
  std::printf("peak memory of the whole run: %.1f MB%s\n", run_peak_mb,
              StageMemory::available() ? " (each stage's: resident at its highest in one more pass over the inputs)" : "");
  if (top_rules) {
    std::vector<std::pair<double, std::string>> slowest;
    for (const auto& [rule, secs] : best.rules) slowest.emplace_back(secs, rule);
    std::sort(slowest.rbegin(), slowest.rend());
    std::printf("slowest rules:\n");
    for (std::size_t i = 0; i < std::min(top_rules, slowest.size()); ++i) {
      // (A rule the prefilter never let run has no time to divide by.)
      if (slowest[i].first < 1e-6) {
        std::printf("  %8.3f s  %11s  %s (never run: no trigger word in the text)\n", slowest[i].first, "-", slowest[i].second.c_str());
      } else {
        std::printf("  %8.3f s  %6.1f MB/s  %s\n", slowest[i].first, mb / slowest[i].first, slowest[i].second.c_str());
      }
    }
  }
  return kExitOk;
}

}  // namespace caucus::cli

// caucus eval: scores the pipeline against gold files (relations.tsv, speakers.tsv,
// citations.tsv in the format of the seed gold) and lists every error with its evidence.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "caucus/reader.hpp"
#include "caucus/summary.hpp"
#include "caucus/text.hpp"
#include "commands.hpp"
#include "common.hpp"

namespace caucus::cli {
namespace {

const CommandSpec& spec() {
  static const CommandSpec spec{
      "eval",
      "--gold DIR [OPTIONS] INPUT...",
      "score the pipeline against gold annotations",
      "DIR holds any of relations.tsv, speakers.tsv and citations.tsv (tab-separated, '#' comment\n"
      "lines, a header row; see tests/data/gold). Documents are matched by file name.\n"
      "relations: a predicted (relation, source, target) counts once per gold row; rows with\n"
      "required=optional are neither rewarded nor errors. speakers: the speeches of a document\n"
      "against its gold turns, in order, names compared without case, a leading \"the\" or the\n"
      "honorifics \"H.E.\", \"His/Her Excellency\", \"Hon.\", \"Ambassador\", \"Judge\", \"Mr\", \"Ms\",\n"
      "\"Miss\", \"Dr\" and the military ranks \"Colonel\", \"General\" (gold files differ on them),\n"
      "runs of white space as one space, typographic\n"
      "apostrophes, quotes and dashes as their ASCII forms, two names the document gives one actor\n"
      "(\"EU\", \"European Union\") as one, a gold name or actor \"*\" as any.\n"
      "citations: mentions per (kind, symbol) of UN documents\n"
      "(Charter articles and named instruments are not scored).\n"
      "Exit status 1 if a score is below its --min value.",
      {
          pipeline_option(),
          {"gold", 'g', "DIR", "Directory with the gold TSV files"},
          {"min", 0, "KIND=F1", "Fail (exit 1) if KIND's F1 is below F1, e.g. relations=1.0 (repeatable)", true},
          {"quiet", 'q', "", "Only the scores, not the list of errors"},
      }};
  return spec;
}

using Row = std::vector<std::string>;

// Reads a gold TSV: skips '#' comments and the header row.
std::optional<std::vector<Row>> read_tsv(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) return std::nullopt;
  std::vector<Row> rows;
  bool header = true;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    if (header) {
      header = false;
      continue;
    }
    Row row;
    std::stringstream fields(line);
    for (std::string field; std::getline(fields, field, '\t');) row.push_back(field);
    rows.push_back(std::move(row));
  }
  return rows;
}

struct Score {
  std::size_t tp = 0, fp = 0, fn = 0;
  double precision() const { return tp + fp ? static_cast<double>(tp) / static_cast<double>(tp + fp) : 1.0; }
  double recall() const { return tp + fn ? static_cast<double>(tp) / static_cast<double>(tp + fn) : 1.0; }
  double f1() const {
    const double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
};

struct Errors {
  std::vector<std::string> lines;
  void add(const std::string& kind, const std::string& text) { lines.push_back(kind + "  " + text); }
};

std::string base_name(const std::string& path) { return std::filesystem::path(path).filename().string(); }

std::string actor_id(const Annotation& a, std::string_view key) {
  const ActorRef* actor = a.attrs.actor(key);
  return actor ? actor->id : "";
}

struct Predicted {
  std::string doc;
  std::string key;
  std::string evidence;
};

class Evaluator {
 public:
  void add_document(const Document& document) {
    const std::string doc = base_name(document.name());
    documents_.insert(doc);
    const AnnotationStore& store = document.annotations();
    for (AnnotationId id : store.of_type("alignment")) {
      const Annotation& a = store[id];
      relations_.push_back({doc, a.attrs.text("relation") + "\t" + actor_id(a, "source") + "\t" + actor_id(a, "target"),
                            one_line(document.slice(a.span), 140)});
    }
    for (AnnotationId id : store.of_type("citation")) {
      const Annotation& a = store[id];
      // The gold lists UN documents; Charter articles and named instruments are not scored.
      static const std::set<std::string> kScored = {"sc_resolution", "ga_resolution", "document", "meeting_record",
                                                    "presidential_statement", "press_release"};
      if (!kScored.count(a.attrs.text("kind"))) continue;
      citations_.push_back({doc, a.attrs.text("kind") + "\t" + a.attrs.text("symbol"), one_line(document.slice(a.span), 140)});
    }
    auto& turns = speeches_[doc];
    for (const Speech& s : document.speeches()) turns.push_back({s.speaker, s.actor.id});
    // The names the document gives its actors ("EU", "European Union"), for speakers named
    // by their delegation or group.
    auto& names = actor_names_[doc];
    for (AnnotationId id : store.of_type("actor")) {
      const std::string actor = actor_id(store[id], "actor");
      if (!actor.empty()) names[comparable_name(document.slice(store[id].span))].insert(actor);
    }
  }

  // Relations: multiset matching of (doc, relation, source, target).
  Score relations(const std::vector<Row>& gold, Errors& errors) const {
    std::map<std::pair<std::string, std::string>, std::vector<const Row*>> required, optional;
    for (const Row& row : gold) {
      if (row.size() < 5 || !documents_.count(row[0])) continue;
      auto& bucket = row[4] == "yes" ? required : optional;
      bucket[{row[0], row[1] + "\t" + row[2] + "\t" + row[3]}].push_back(&row);
    }
    Score score;
    std::map<std::pair<std::string, std::string>, std::size_t> used_required, used_optional;
    for (const auto& p : relations_) {
      const auto key = std::make_pair(p.doc, p.key);
      if (used_required[key] < (required.count(key) ? required.at(key).size() : 0)) {
        ++used_required[key];
        ++score.tp;
      } else if (used_optional[key] < (optional.count(key) ? optional.at(key).size() : 0)) {
        ++used_optional[key];
      } else {
        ++score.fp;
        errors.add("FP relation", p.doc + "  " + tabs_to_spaces(p.key) + "  \"" + p.evidence + "\"");
      }
    }
    for (const auto& [key, rows] : required) {
      for (std::size_t i = used_required[key]; i < rows.size(); ++i) {
        ++score.fn;
        errors.add("FN relation", key.first + "  " + tabs_to_spaces(key.second) + "  \"" + (rows[i]->size() > 5 ? (*rows[i])[5] : "") + "\"");
      }
    }
    return score;
  }

  // The honorifics and the article a speaker's name is compared without (see comparable_name()).
  static constexpr std::string_view kNamePrefixes[] = {"the ",
                                                       "h.e. ",
                                                       "h. e. ",
                                                       "h.e ",
                                                       "he ",
                                                       "his excellency ",
                                                       "her excellency ",
                                                       "hon. ",
                                                       "hon ",
                                                       "ambassador ",
                                                       "amb. ",
                                                       "judge ",
                                                       "mr. ",
                                                       "mr ",
                                                       "mrs. ",
                                                       "mrs ",
                                                       "ms. ",
                                                       "ms ",
                                                       "miss ",
                                                       "dr. ",
                                                       "dr ",
                                                       "lieutenant colonel ",
                                                       "colonel ",
                                                       "col. ",
                                                       "lieutenant general ",
                                                       "major general ",
                                                       "brigadier general ",
                                                       "general "};

  // A speaker's name as the turns are compared: lower case, white space collapsed, without a
  // leading "the" or honorific ("The representative of Egypt" = "representative of Egypt",
  // "H.E. Ambassador Jerry Matjila" = "Mr Jerry Matjila" = "Jerry Matjila"), and with
  // typographic apostrophes, quotes and dashes as their ASCII forms ("China’s representative" =
  // "China's representative"): gold files written by different hands differ on these, and they
  // name the same turn. The modifier letter apostrophe U+02BC, which some hands type for ’ and
  // the typography table leaves out, is folded here.
  static std::string comparable_name(std::string_view name) {
    std::string apostrophes(name);
    for (std::size_t at; (at = apostrophes.find("\xCA\xBC")) != std::string::npos;) apostrophes.replace(at, 2, "'");
    std::string out = lower_ascii(normalise_punctuation(apostrophes));
    for (bool stripped = true; stripped;) {
      stripped = false;
      for (std::string_view prefix : kNamePrefixes) {
        if (out.starts_with(prefix) && out.size() > prefix.size()) {
          out.erase(0, prefix.size());
          stripped = true;
        }
      }
    }
    return out;
  }

  // True if the document names one actor by both names, as it prints them: a delegation or group
  // named in two forms ("EU" in "EU Statement", "European Union" in "on behalf of the European
  // Union"), which gold files written by different hands choose between.
  bool name_the_same_actor(const std::string& doc, const std::string& a, const std::string& b) const {
    const auto names = actor_names_.find(doc);
    if (names == actor_names_.end()) return false;
    const auto first = names->second.find(a), second = names->second.find(b);
    if (first == names->second.end() || second == names->second.end()) return false;
    return std::any_of(first->second.begin(), first->second.end(),
                       [&](const std::string& id) { return second->second.count(id) > 0; });
  }

  // Speakers: gold turns against predicted speeches, aligned in order by speaker name.
  Score speakers(const std::vector<Row>& gold, Errors& errors) const {
    std::map<std::string, std::vector<std::pair<std::string, std::string>>> gold_turns;
    for (const Row& row : gold) {
      if (row.size() >= 4 && documents_.count(row[0])) gold_turns[row[0]].push_back({row[2], row[3]});
    }
    Score score;
    for (const auto& [doc, expected] : gold_turns) {
      const auto found = speeches_.count(doc) ? speeches_.at(doc) : std::vector<std::pair<std::string, std::string>>{};
      // Longest common subsequence on speaker names, so that one missing turn costs one error.
      const std::size_t n = expected.size(), m = found.size();
      std::vector<std::vector<uint32_t>> lcs(n + 1, std::vector<uint32_t>(m + 1, 0));
      std::vector<std::string> expected_names, found_names;
      for (const auto& turn : expected) expected_names.push_back(comparable_name(turn.first));
      for (const auto& speech : found) found_names.push_back(comparable_name(speech.first));
      std::vector<std::vector<char>> same(n, std::vector<char>(m));
      for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = 0; j < m; ++j)
          same[i][j] = expected[i].first == "*" || expected_names[i] == found_names[j] ||
                       name_the_same_actor(doc, expected_names[i], found_names[j]);
      }
      for (std::size_t i = n; i-- > 0;) {
        for (std::size_t j = m; j-- > 0;) {
          lcs[i][j] = same[i][j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
        }
      }
      std::size_t i = 0, j = 0;
      while (i < n || j < m) {
        if (i < n && j < m && same[i][j]) {
          const bool actor_ok = expected[i].second == "*" || expected[i].second == found[j].second;
          if (actor_ok) {
            ++score.tp;
          } else {
            ++score.fp;
            ++score.fn;
            errors.add("ERR speaker", doc + "  turn " + std::to_string(i + 1) + " " + expected[i].first + ": actor " +
                                          (found[j].second.empty() ? "(none)" : found[j].second) + ", gold " + expected[i].second);
          }
          ++i, ++j;
        } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
          ++score.fp;
          errors.add("FP speaker", doc + "  speech " + std::to_string(j) + " " + found[j].first + " (" + found[j].second + ")");
          ++j;
        } else {
          ++score.fn;
          errors.add("FN speaker", doc + "  turn " + std::to_string(i + 1) + " " + expected[i].first + " (" + expected[i].second + ")");
          ++i;
        }
      }
    }
    return score;
  }

  // Citations: mentions per (doc, kind, symbol).
  Score citations(const std::vector<Row>& gold, Errors& errors) const {
    std::map<std::pair<std::string, std::string>, std::size_t> expected, found;
    for (const Row& row : gold) {
      if (row.size() >= 4 && documents_.count(row[0])) expected[{row[0], row[1] + "\t" + row[2]}] += std::stoul(row[3]);
    }
    std::map<std::pair<std::string, std::string>, std::string> evidence;
    for (const auto& p : citations_) {
      ++found[{p.doc, p.key}];
      evidence.emplace(std::make_pair(p.doc, p.key), p.evidence);
    }
    Score score;
    for (const auto& [key, count] : found) {
      const std::size_t want = expected.count(key) ? expected.at(key) : 0;
      score.tp += std::min(count, want);
      if (count > want) {
        score.fp += count - want;
        errors.add("FP citation", key.first + "  " + tabs_to_spaces(key.second) + "  " + std::to_string(count - want) +
                                      " too many (found " + std::to_string(count) + ", gold " + std::to_string(want) + ")  \"" +
                                      evidence[key] + "\"");
      }
    }
    for (const auto& [key, want] : expected) {
      const std::size_t count = found.count(key) ? found.at(key) : 0;
      if (want > count) {
        score.fn += want - count;
        errors.add("FN citation", key.first + "  " + tabs_to_spaces(key.second) + "  " + std::to_string(want - count) +
                                      " missing (found " + std::to_string(count) + ", gold " + std::to_string(want) + ")");
      }
    }
    return score;
  }

 private:
  static std::string tabs_to_spaces(std::string text) {
    std::replace(text.begin(), text.end(), '\t', ' ');
    return text;
  }

  std::set<std::string> documents_;
  std::vector<Predicted> relations_, citations_;
  std::map<std::string, std::vector<std::pair<std::string, std::string>>> speeches_;
  std::map<std::string, std::map<std::string, std::set<std::string>>> actor_names_;  // doc -> name -> actor ids
};

}  // namespace

int run_eval(const Argv& argv) {
  int exit = kExitOk;
  auto args = parse_command(spec(), argv, exit);
  if (!args) return exit;
  const std::filesystem::path gold_dir = args->get("gold");
  if (gold_dir.empty() || args->positional().empty()) {
    std::fprintf(stderr, "caucus eval: give --gold DIR and INPUT (see 'caucus eval --help')\n");
    return kExitUsage;
  }
  std::map<std::string, double> minimum;
  for (const auto& item : args->all("min")) {
    const auto eq = item.find('=');
    if (eq == std::string::npos) {
      std::fprintf(stderr, "caucus eval: --min takes KIND=F1, e.g. relations=0.95\n");
      return kExitUsage;
    }
    minimum[item.substr(0, eq)] = std::stod(item.substr(eq + 1));
  }
  std::map<std::string, std::vector<Row>> gold;
  for (const char* kind : {"relations", "speakers", "citations"}) {
    if (auto rows = read_tsv(gold_dir / (std::string(kind) + ".tsv"))) gold[kind] = std::move(*rows);
  }
  if (gold.empty()) {
    std::fprintf(stderr, "caucus eval: no relations.tsv, speakers.tsv or citations.tsv in %s\n", gold_dir.c_str());
    return kExitUsage;
  }

  AnnotatorRegistry registry;
  register_builtin_annotators(registry);
  auto pipeline = load_pipeline(*args, registry);
  if (!pipeline) return kExitUsage;
  Diagnostics diagnostics;
  Evaluator evaluator;
  for (const auto& input : expand_inputs(args->positional(), diagnostics)) {
    auto document = read_document(input, {}, diagnostics);
    if (!document) continue;
    pipeline->run(*document);
    diagnostics.append(document->problems());
    evaluator.add_document(*document);
  }
  print_diagnostics(diagnostics);

  Errors errors;
  bool below = false;
  std::printf("%-10s %6s %6s %6s %9s %7s %7s\n", "kind", "tp", "fp", "fn", "precision", "recall", "F1");
  for (const auto& [kind, rows] : gold) {
    const Score score = kind == "relations"  ? evaluator.relations(rows, errors)
                        : kind == "speakers" ? evaluator.speakers(rows, errors)
                                             : evaluator.citations(rows, errors);
    std::printf("%-10s %6zu %6zu %6zu %9.3f %7.3f %7.3f\n", kind.c_str(), score.tp, score.fp, score.fn, score.precision(),
                score.recall(), score.f1());
    if (minimum.count(kind) && score.f1() + 1e-9 < minimum.at(kind)) {
      below = true;
      std::fprintf(stderr, "caucus eval: %s F1 %.3f is below the minimum %.3f\n", kind.c_str(), score.f1(), minimum.at(kind));
    }
  }
  if (!args->has("quiet") && !errors.lines.empty()) {
    std::printf("\n");
    for (const auto& line : errors.lines) std::printf("%s\n", line.c_str());
  }
  return below || diagnostics.has_errors() ? kExitFailures : kExitOk;
}

}  // namespace caucus::cli

// Helpers shared by the rule-language tests: a throw-away rule tree on disk, and a compact
// text form of annotations for comparisons.
#pragma once

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "caucus/annotation.hpp"
#include "caucus/document.hpp"

namespace caucus::testing {

// A directory under the system temporary directory, removed at the end of the test. Every
// instance has its own name: the compiler caches lexicon files by path for the whole process,
// so two tests must never write different lexicons to the same path.
class TempTree {
 public:
  TempTree() {
    static std::atomic<int> counter{0};
    root_ = std::filesystem::temp_directory_path() /
            ("caucus-rules-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(root_);
    std::filesystem::create_directories(root_);
  }
  ~TempTree() {
    std::error_code ignored;
    std::filesystem::remove_all(root_, ignored);
  }
  TempTree(const TempTree&) = delete;
  TempTree& operator=(const TempTree&) = delete;

  const std::filesystem::path& root() const { return root_; }
  std::filesystem::path path(const std::string& relative) const { return root_ / relative; }
  std::filesystem::path write(const std::string& relative, const std::string& text) const {
    const auto file = root_ / relative;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << text;
    return file;
  }

 private:
  std::filesystem::path root_;
};

// "type[begin,end)='text' key=value ..." for every annotation of `type`, in store order.
inline std::vector<std::string> describe(const Document& document, std::string_view type) {
  std::vector<std::string> out;
  for (AnnotationId id : document.annotations().of_type(type)) {
    const Annotation& a = document.annotations()[id];
    std::string line = std::string(type) + "[" + std::to_string(a.span.begin) + "," + std::to_string(a.span.end) + ")='" +
                       std::string(document.slice(a.span)) + "'";
    for (const auto& [key, value] : a.attrs) {
      line += " " + key + "=" + a.attrs.text(key);
      if (const auto* actor = std::get_if<ActorRef>(&value)) line += "(" + actor->label + ")";
    }
    if (!a.rule.empty()) line += " <" + a.rule + ">";
    out.push_back(std::move(line));
  }
  return out;
}

// Every annotation of a document, in output order, with rule, annotator and attributes: two
// documents annotated the same way give the same list.
inline std::vector<std::string> describe_all(const Document& document) {
  std::vector<std::string> out;
  for (AnnotationId id : document.annotations().ordered()) {
    const Annotation& a = document.annotations()[id];
    std::string line = a.type + "[" + std::to_string(a.span.begin) + "," + std::to_string(a.span.end) + ") <" + a.rule +
                       "> @" + a.annotator;
    for (const auto& [key, value] : a.attrs) {
      line += " " + key + "=" + a.attrs.text(key);
      if (const auto* actor = std::get_if<ActorRef>(&value)) line += "(" + actor->label + ")";
    }
    out.push_back(std::move(line));
  }
  return out;
}

}  // namespace caucus::testing

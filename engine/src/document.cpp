#include "caucus/document.hpp"

#include <algorithm>

namespace caucus {

Document::Document(std::string name, std::string text)
    : name_(std::move(name)),
      text_(std::make_unique<std::string>(std::move(text))),
      rejoined_(RejoinedWords::rejoin(*text_)),
      offsets_(*text_),
      problems_(std::make_unique<Diagnostics>()) {}

const LineIndex& Document::lines() const {
  if (!lines_) lines_ = std::make_unique<LineIndex>(*text_);
  return *lines_;
}

const std::vector<uint32_t>& Document::ascii_stand_ins() const {
  if (!ascii_stand_ins_) ascii_stand_ins_ = find_ascii_stand_ins(*text_);
  return *ascii_stand_ins_;
}

int Document::speech_at(uint32_t offset) const {
  // Speeches are in text order and do not overlap.
  auto it = std::upper_bound(speeches_.begin(), speeches_.end(), offset,
                             [](uint32_t value, const Speech& s) { return value < s.span.begin; });
  if (it == speeches_.begin()) return -1;
  --it;
  return offset < it->span.end ? static_cast<int>(it - speeches_.begin()) : -1;
}

}  // namespace caucus

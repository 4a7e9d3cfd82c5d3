#include "ascii_view.hpp"

#include <algorithm>

#include "caucus/text.hpp"

namespace caucus {

void AsciiView::find(std::string_view text, Span unit, const std::vector<uint32_t>& stand_ins) {
  shifts_.clear();
  uint32_t dropped = 0;
  auto it = std::lower_bound(stand_ins.begin(), stand_ins.end(), unit.begin);
  for (; it != stand_ins.end() && *it < unit.end; ++it) {
    const auto length = static_cast<uint32_t>(ascii_stand_in_length(text.substr(*it)));
    dropped += length - 1;
    const uint32_t begin = *it - unit.begin, after = begin + length;
    shifts_.push_back({begin, after, after - dropped, dropped});
  }
}

void AsciiView::make(std::string_view subject, std::string& view) const {
  view.clear();
  view.reserve(subject.size());
  std::size_t copied = 0;  // the subject before it is in the view
  for (const Shift& shift : shifts_) {
    view.append(subject.substr(copied, shift.begin - copied));
    const std::string_view at = subject.substr(shift.begin);
    const bool kept = ascii_stand_in_length(at) == static_cast<int>(shift.text_after - shift.begin);
    view += kept ? ascii_stand_in(at) : subject[shift.begin];
    copied = shift.text_after;
  }
  view.append(subject.substr(copied));
}

uint32_t AsciiView::to_view(uint32_t offset) const {
  const auto after = std::upper_bound(shifts_.begin(), shifts_.end(), offset, [](uint32_t o, const Shift& s) { return o < s.text_after; });
  return after == shifts_.begin() ? offset : offset - std::prev(after)->dropped;
}

uint32_t AsciiView::from_view(uint32_t offset) const {
  const auto after = std::upper_bound(shifts_.begin(), shifts_.end(), offset, [](uint32_t o, const Shift& s) { return o < s.view_after; });
  return after == shifts_.begin() ? offset : offset + std::prev(after)->dropped;
}

}  // namespace caucus

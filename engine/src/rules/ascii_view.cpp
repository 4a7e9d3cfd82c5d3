#include "space_view.hpp"

#include <algorithm>

#include "caucus/text.hpp"

namespace caucus {

void SpaceView::find(std::string_view text, Span unit, const std::vector<uint32_t>& wide_spaces) {
  shifts_.clear();
  uint32_t dropped = 0;
  auto it = std::lower_bound(wide_spaces.begin(), wide_spaces.end(), unit.begin);
  for (; it != wide_spaces.end() && *it < unit.end; ++it) {
    const auto length = static_cast<uint32_t>(wide_space_length(text.substr(*it)));
    dropped += length - 1;
    const uint32_t begin = *it - unit.begin, after = begin + length;
    shifts_.push_back({begin, after, after - dropped, dropped});
  }
}

void SpaceView::make(std::string_view subject, std::string& view) const {
  view.clear();
  view.reserve(subject.size());
  std::size_t copied = 0;  // the subject before it is in the view
  for (const Shift& shift : shifts_) {
    view.append(subject.substr(copied, shift.begin - copied));
    const bool kept = wide_space_length(subject.substr(shift.begin)) == static_cast<int>(shift.text_after - shift.begin);
    view += kept ? ' ' : subject[shift.begin];
    copied = shift.text_after;
  }
  view.append(subject.substr(copied));
}

uint32_t SpaceView::to_view(uint32_t offset) const {
  const auto after = std::upper_bound(shifts_.begin(), shifts_.end(), offset, [](uint32_t o, const Shift& s) { return o < s.text_after; });
  return after == shifts_.begin() ? offset : offset - std::prev(after)->dropped;
}

uint32_t SpaceView::from_view(uint32_t offset) const {
  const auto after = std::upper_bound(shifts_.begin(), shifts_.end(), offset, [](uint32_t o, const Shift& s) { return o < s.view_after; });
  return after == shifts_.begin() ? offset : offset + std::prev(after)->dropped;
}

}  // namespace caucus

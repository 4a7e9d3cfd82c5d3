#include "speeches/speaker_lines.hpp"

#include <algorithm>
#include <cstdint>

namespace caucus::annotators {
namespace {

// The layouts the rules give the doubtful speaker lines.
constexpr std::string_view kLineWithoutColon = "verbatim_line";    // "Mr. Burgh (South Africa)" alone on its line
constexpr std::string_view kLineInParagraph = "verbatim_inline";   // "... L.117. Mr. Rattray (Jamaica): ..."
constexpr std::string_view kContinuationLine = "continuation";     // "(Sir Crispin Tickell, United Kingdom)"
constexpr std::string_view kActorLabel = "actor_label";            // "Malaysia: The number of drug users ..."

std::size_t count_layout(const std::vector<Header>& headers, std::string_view layout) {
  return static_cast<std::size_t>(std::count_if(headers.begin(), headers.end(), [layout](const Header& h) { return h.layout == layout; }));
}

// Doubtful speaker lines count when there are two of them, or one under a record's cover.
bool enough(std::size_t doubtful, bool record_cover) { return doubtful >= 2 || (doubtful == 1 && record_cover); }

// The headers of `layout` become speaker lines if `accept`, else are dropped.
void accept_layout(std::vector<Header>& headers, std::string_view layout, bool accept) {
  if (!accept) {
    std::erase_if(headers, [layout](const Header& h) { return h.layout == layout; });
    return;
  }
  for (auto& h : headers) {
    if (h.layout == layout) h.layout = "verbatim";
  }
}

// Web copies of verbatim records may print each speaker line alone, without its colon ("Mr.
// Burgh (South Africa)"). Such lines are speaker lines only in a text with no speaker line
// that has its colon, and with two of them or a record's cover: a statement's heading may set
// "The President" on a line of its own.
void accept_lines_without_colon(std::vector<Header>& headers, bool record_cover) {
  const auto with_colon = count_layout(headers, "verbatim"), without = count_layout(headers, kLineWithoutColon);
  accept_layout(headers, kLineWithoutColon, with_colon == 0 && enough(without, record_cover));
}

// A record copied without its line breaks has its speaker lines inside paragraphs ("...
// A/73/L.117. Mr. Rattray (Jamaica): ..."): taken only from a text with no speaker line at a
// line's start, and two of them or a record's cover (a speech may quote one).
void accept_lines_inside_paragraphs(std::vector<Header>& headers, bool record_cover) {
  accept_layout(headers, kLineInParagraph, count_layout(headers, "verbatim") == 0 && enough(count_layout(headers, kLineInParagraph), record_cover));
}

// Older records print at the top of a page the name of the speaker whose speech runs on to it
// ("(Sir Crispin Tickell, United Kingdom)"). Before the first speaker line, such a line opens
// the speech an extract begins with (once: the same name atop the next page goes on with it);
// after it, the speech above goes on.
void accept_continuation_lines(std::vector<Header>& headers) {
  const auto first = std::find_if(headers.begin(), headers.end(), [](const Header& h) { return h.layout == "verbatim"; });
  const uint32_t first_line = first == headers.end() ? 0 : first->span.begin;
  const Header* opened = nullptr;
  for (auto& h : headers) {
    if (h.layout != kContinuationLine || h.span.begin >= first_line) continue;
    if (opened && opened->speaker == h.speaker) continue;  // the extract's first speech goes on
    h.layout = "verbatim";
    opened = &h;
  }
  std::erase_if(headers, [](const Header& h) { return h.layout == kContinuationLine; });
}

// Notes of a debate may label each turn with the delegation alone ("Malaysia: The number of
// drug users ...", "Peru: We are ..."). Such labels are speaker lines only in a text with no
// other speaker line, and two of them: a statement's title may begin "Myanmar: ...".
void accept_actor_labels(std::vector<Header>& headers) {
  accept_layout(headers, kActorLabel,
                count_layout(headers, "verbatim") == 0 && count_layout(headers, kActorLabel) >= 2);
}

}  // namespace

void accept_speaker_lines(std::vector<Header>& headers, bool record_cover) {
  accept_lines_without_colon(headers, record_cover);
  accept_lines_inside_paragraphs(headers, record_cover);
  accept_continuation_lines(headers);
  accept_actor_labels(headers);
}

}  // namespace caucus::annotators

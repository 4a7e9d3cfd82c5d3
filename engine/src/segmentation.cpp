#include "caucus/segmentation.hpp"

#include <unicode/brkiter.h>
#include <unicode/filteredbrk.h>
#include <unicode/utext.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <array>
#include <cstring>
#include <stdexcept>
#include <string>

#include "caucus/text.hpp"
#include "sentence_windows.hpp"

namespace caucus {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }

// No-break space (U+00A0, C2 A0): press releases pad sentences with it.
bool nbsp_at(std::string_view text, uint32_t i) { return i + 1 < text.size() && text[i] == '\xC2' && text[i + 1] == '\xA0'; }

// Shrinks `span` so that it neither starts nor ends with white space.
Span trim(std::string_view text, Span span) {
  for (;;) {
    if (span.begin < span.end && is_space(text[span.begin])) ++span.begin;
    else if (span.begin + 2 <= span.end && nbsp_at(text, span.begin)) span.begin += 2;
    else break;
  }
  for (;;) {
    if (span.end > span.begin && is_space(text[span.end - 1])) --span.end;
    else if (span.end >= span.begin + 2 && nbsp_at(text, span.end - 2)) span.end -= 2;
    else break;
  }
  return span;
}

struct Line {
  uint32_t begin, end;  // without the line end
  bool blank;
};

std::vector<Line> split_lines(std::string_view text) {
  std::vector<Line> lines;
  const auto n = static_cast<uint32_t>(text.size());
  // Where the line that starts at `from` ends: with line feeds only (the usual case), memchr
  // finds it; carriage returns (CR LF, or CR alone) need a look at every byte.
  const bool carriage_returns = std::memchr(text.data(), '\r', text.size()) != nullptr;
  auto line_end = [&](uint32_t from) {
    if (!carriage_returns) {
      const void* found = std::memchr(text.data() + from, '\n', n - from);
      return found ? static_cast<uint32_t>(static_cast<const char*>(found) - text.data()) : n;
    }
    while (from < n && text[from] != '\n' && text[from] != '\r') ++from;
    return from;
  };
  for (uint32_t start = 0;;) {
    const uint32_t end = line_end(start);
    lines.push_back({start, end, trim(text, {start, end}).empty()});
    if (end == n) return lines;
    start = end + (text[end] == '\r' && end + 1 < n && text[end + 1] == '\n' ? 2 : 1);
  }
}

// Whether a line, trimmed to `span`, ends a sentence or a heading's colon (after any closing
// quote or bracket).
bool ends_sentence(std::string_view text, Span span) {
  std::string_view line = text.substr(span.begin, span.size());
  while (!line.empty() && (line.back() == '"' || line.back() == ')' || line.back() == '\'')) line.remove_suffix(1);
  if (line.ends_with("\u201D") || line.ends_with("\u2019")) line.remove_suffix(3);
  return !line.empty() && (line.back() == '.' || line.back() == '!' || line.back() == '?' || line.back() == ':');
}

// Some web pages double-space a hard-wrapped text: a blank line after every line, two between
// paragraphs ("On behalf of member states of the Non-Proliferation and Disarmament⏎⏎Initiative
// (NPDI), namely ..."). In a text laid out so (most lines that one blank line follows run to near
// the wrap width and end no sentence, and few lines follow each other without one), such a
// blank line goes on with the next line: the blank lines this marks are no paragraph break.
std::vector<bool> double_spacing_blank_lines(std::string_view text, const std::vector<Line>& lines) {
  std::vector<bool> joining(lines.size(), false);
  std::vector<uint32_t> lengths;
  std::size_t adjacent = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].blank) continue;
    const Span line = trim(text, {lines[i].begin, lines[i].end});
    if (line.size() <= kLongLineBytes) lengths.push_back(line.size());
    if (i + 1 < lines.size() && !lines[i + 1].blank) ++adjacent;
  }
  if (lengths.size() < 8) return joining;
  // The wrap width: the length that nine lines in ten stay within.
  auto nth = lengths.begin() + static_cast<std::ptrdiff_t>(lengths.size() * 9 / 10);
  std::nth_element(lengths.begin(), nth, lengths.end());
  const uint32_t width = *nth;
  if (width < 50) return joining;
  std::size_t single = 0, wrapped = 0;
  for (std::size_t i = 0; i + 2 < lines.size(); ++i) {
    if (lines[i].blank || !lines[i + 1].blank || lines[i + 2].blank) continue;
    ++single;
    const Span line = trim(text, {lines[i].begin, lines[i].end});
    if (line.size() * 10 >= width * 7 && line.size() <= kLongLineBytes && !ends_sentence(text, line)) {
      joining[i + 1] = true;
      ++wrapped;
    }
  }
  if (wrapped < 4 || wrapped * 2 < single || adjacent * 4 > single) std::fill(joining.begin(), joining.end(), false);
  return joining;
}

}  // namespace

std::vector<Span> find_paragraphs(std::string_view text) {
  std::vector<Span> paragraphs;
  const auto lines = split_lines(text);
  const std::vector<bool> joining = double_spacing_blank_lines(text, lines);
  auto breaks = [&](std::size_t i) { return lines[i].blank && !joining[i]; };
  std::size_t i = 0;
  while (i < lines.size()) {
    if (lines[i].blank) {
      ++i;
      continue;
    }
    std::size_t j = i;
    bool long_lines = false;
    while (j < lines.size() && !breaks(j)) {
      long_lines |= lines[j].end - lines[j].begin > kLongLineBytes;
      ++j;
    }
    if (long_lines) {
      for (std::size_t k = i; k < j; ++k) {
        if (!lines[k].blank) paragraphs.push_back(trim(text, {lines[k].begin, lines[k].end}));
      }
    } else {
      paragraphs.push_back(trim(text, {lines[i].begin, lines[j - 1].end}));
    }
    i = j;
  }
  return paragraphs;
}

namespace {

bool all_of(std::string_view s, bool (*pred)(char)) { return !s.empty() && std::all_of(s.begin(), s.end(), pred); }
bool digit(char c) { return c >= '0' && c <= '9'; }

// "17-38455", "17-38455 (E)": the job number printed on every page of a UN document; Geneva
// prints it "GE.01-60420".
bool job_number(std::string_view word) {
  if (word.starts_with("GE.")) word.remove_prefix(3);
  return word.size() == 8 && word[2] == '-' && all_of(word.substr(0, 2), digit) && all_of(word.substr(3), digit);
}
// "5/34": page of pages.
bool page_number(std::string_view word) {
  const auto slash = word.find('/');
  return slash != std::string_view::npos && slash > 0 && slash + 1 < word.size() && all_of(word.substr(0, slash), digit) &&
         all_of(word.substr(slash + 1), digit) && word.size() <= 9;
}
// "21/11/2017"
bool numeric_date(std::string_view word) {
  return word.size() == 10 && word[2] == '/' && word[5] == '/' && all_of(word.substr(0, 2), digit) &&
         all_of(word.substr(3, 2), digit) && all_of(word.substr(6), digit);
}
// "S/PV.8111", "A/72/PV.45", "CD/PV.865", and summary records: "A/C.4/64/SR.22", "E/CN.4/SR.201".
bool record_symbol(std::string_view word) {
  if (word.size() > 24) return false;
  return word.starts_with("S/PV.") || word.starts_with("CD/PV.") ||
         (word.starts_with("A/") && word.find("/PV.") != std::string_view::npos) || word.find("/SR.") != std::string_view::npos;
}
// "2": a bare page number.
bool short_number(std::string_view word) { return word.size() <= 3 && all_of(word, digit); }
// "*0162870*": the job number's barcode, as the text of a document of 1999 or later prints it.
bool barcode(std::string_view word) {
  return word.size() == 9 && word.front() == '*' && word.back() == '*' && all_of(word.substr(1, 7), digit);
}

// Calls `visit` with each word of the line (runs of other than spaces and tabs).
template <typename Visit>
void for_each_word(std::string_view line, Visit visit) {
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    const std::size_t start = i;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t') ++i;
    if (i > start) visit(line.substr(start, i - start));
  }
}

bool is_furniture(std::string_view line) {
  if (line.size() > 140) return false;
  // Every line of a hard-wrapped record comes here: its words are looked at in place.
  std::array<std::string_view, 5> first;
  std::string_view last;
  std::size_t count = 0;
  for_each_word(line, [&](std::string_view word) {
    if (count < first.size()) first[count] = word;
    last = word;
    ++count;
  });
  if (count == 0) return false;
  // "17-38455 5/34", "6/34 17-38455", "17-38455 (E)", Geneva's head "GE.01-60420 (E) CD/PV.865 2",
  // and a foot with the barcode: "01-62870 (E) *0162870* S/PV.4410"
  if (count <= first.size()) {
    bool job = false, other = true;
    for (std::size_t k = 0; k < count; ++k) {
      if (job_number(first[k])) job = true;
      else if (!page_number(first[k]) && first[k] != "(E)" && !record_symbol(first[k]) && !short_number(first[k]) &&
               !barcode(first[k]))
        other = false;
    }
    if (job && other) return true;
  }
  // "S/PV.8111 Trafficking in persons ... 21/11/2017" and the same the other way round.
  const bool symbol_first = record_symbol(first[0]) && numeric_date(last);
  const bool date_first = numeric_date(first[0]) && record_symbol(last);
  return count >= 2 && (symbol_first || date_first);
}

}  // namespace

std::string_view running_head_symbol(std::string_view line) {
  std::string_view first, last;
  for_each_word(line, [&](std::string_view word) {
    if (first.empty()) first = word;
    last = word;
  });
  return record_symbol(first) ? first : record_symbol(last) ? last : std::string_view();
}

std::vector<Span> find_page_furniture(std::string_view text) {
  std::vector<Span> out;
  for (const Line& line : split_lines(text)) {
    if (line.blank) continue;
    const Span content = trim(text, {line.begin, line.end});
    if (is_furniture(text.substr(content.begin, content.size()))) out.push_back(content);
  }
  return out;
}

struct SentenceSplitter::Impl {
  std::unique_ptr<icu::BreakIterator> iterator;
  std::string buffer;
  // The paragraph in UTF-16, which ICU iterates faster than UTF-8, and for a paragraph with
  // non-ASCII characters the byte offset of each UTF-16 unit (plus the end).
  std::vector<UChar> units;
  std::vector<uint32_t> byte_of;
  // What of the paragraph the iterator reads (see sentence_windows.hpp), and where each unit
  // of it is in `units`.
  SentenceWindows windows;
  std::vector<UChar> compact;
  std::vector<int32_t> origin;
  UText* utext = nullptr;  // reused from paragraph to paragraph
  ~Impl() { utext_close(utext); }

  // Fills `units` (and `byte_of` unless the text is ASCII); returns true for ASCII. Line
  // breaks become spaces: ICU ends a sentence at every line break (UAX #29 rule SB4), and a
  // record breaks its lines mid-sentence. Runs of ASCII, most of any record, go 16 bytes at
  // a time.
  bool to_utf16(std::string_view text) {
    const std::size_t n = text.size();
    units.resize(n);  // UTF-16 never needs more units than UTF-8 has bytes
    std::size_t at = ascii_run(text.data(), n, units.data());
    if (at == n) return true;
    byte_of.resize(n + 1);
    for (std::size_t k = 0; k < at; ++k) byte_of[k] = static_cast<uint32_t>(k);
    const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
    std::size_t unit = at;
    while (at < n) {
      if (bytes[at] < 0x80) {
        const std::size_t run = ascii_run(text.data() + at, n - at, units.data() + unit);  // at least 1
        for (std::size_t k = 0; k < run; ++k) byte_of[unit + k] = static_cast<uint32_t>(at + k);
        unit += run;
        at += run;
        continue;
      }
      const auto from = static_cast<uint32_t>(at);
      auto next = static_cast<int32_t>(at);
      UChar32 c;
      U8_NEXT(bytes, next, static_cast<int32_t>(n), c);
      at = static_cast<std::size_t>(next);
      if (c < 0) c = 0xFFFD;
      if (U_IS_BMP(c)) {
        units[unit] = plain(c);
        byte_of[unit++] = from;
      } else {
        units[unit] = U16_LEAD(c);
        byte_of[unit++] = from;
        units[unit] = U16_TRAIL(c);
        byte_of[unit++] = from;
      }
    }
    units.resize(unit);
    byte_of[unit] = static_cast<uint32_t>(n);
    byte_of.resize(unit + 1);
    return false;
  }

  // Converts the run of ASCII bytes `text` begins with (line breaks made spaces) into `out`;
  // returns its length.
  static std::size_t ascii_run(const char* text, std::size_t n, UChar* out) {
    std::size_t k = 0;
#if defined(__SSE2__)
    const __m128i zero = _mm_setzero_si128(), space = _mm_set1_epi8(' ');
    const __m128i newline = _mm_set1_epi8('\n'), carriage_return = _mm_set1_epi8('\r');
    for (; k + 16 <= n; k += 16) {
      __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text + k));
      if (_mm_movemask_epi8(v)) break;  // a byte of 0x80 or more
      const __m128i breaks = _mm_or_si128(_mm_cmpeq_epi8(v, newline), _mm_cmpeq_epi8(v, carriage_return));
      v = _mm_or_si128(_mm_andnot_si128(breaks, v), _mm_and_si128(breaks, space));
      _mm_storeu_si128(reinterpret_cast<__m128i*>(out + k), _mm_unpacklo_epi8(v, zero));
      _mm_storeu_si128(reinterpret_cast<__m128i*>(out + k + 8), _mm_unpackhi_epi8(v, zero));
    }
#endif
    for (; k < n && static_cast<unsigned char>(text[k]) < 0x80; ++k) out[k] = plain(static_cast<unsigned char>(text[k]));
    return k;
  }
  static UChar plain(UChar32 c) { return c == '\n' || c == '\r' ? u' ' : static_cast<UChar>(c); }
};

namespace {

// Abbreviations of diplomatic records that end no sentence: titles before names (with "Mr.",
// "Mrs.", "Ms.", which ICU's English list has too) and the abbreviations of document
// references ("No.", "para.", "Rev."), also as the last part of a symbol that a scan spaced
// before its number ("A/C.3/42/L. 2", "E/CN.4/1989/SR. 54", "L.85/Rev. 1"), and the abbreviated
// words of names ("Mansour Ayyad Sh. A. Alotaibi", "Mohd. Radzi").
constexpr const char* kAbbreviations[] = {
    "Mr.",  "Mrs.",  "Ms.",  "Dr.",  "Prof.", "Amb.", "H.E.", "St.", "Messrs.", "Mmes.", "Mses.", "Mlle.", "Sr.",
    "Jr.",  "Gen.",  "Lt.",  "Col.", "Capt.", "Hon.", "Rt.",  "No.", "Nos.",    "Art.",  "Arts.", "para.", "paras.",
    "Rev.", "Corr.", "Add.", "Vol.", "Ref.",  "e.g.", "i.e.", "cf.", "U.N.",    "U.S.",  "Sh.",   "Mohd.", "Md.",
};

// Abbreviations that end other words too ("res." for resolution, "measures."): ICU's filter
// would keep those sentences going, so only the splitter's check below, which reads whole
// words, knows them.
constexpr const char* kWordAbbreviations[] = {"res.", "Res.", "G.A.", "S.C."};

// True if `sentence` ends in one of the abbreviations above or an initial ("V."), as a word of
// its own. ICU's filter misses some of them
// ("Hon. Browne", "H.E. Ambassador", "Lt. Smith" break in ICU 72, whatever the suppressions
// added), so the splitter checks each break again.
// True if `sentence` ends in a run of initials, "Fahad M.E.H.A." before "Mohammad": capitals
// each with its full stop, two or more. (ICU breaks after a long run; a dotted acronym, "U.S.",
// it does not break after either.)
bool ends_in_initials(std::string_view sentence) {
  const std::size_t space = sentence.find_last_of(" (");
  const std::string_view word = space == std::string_view::npos ? sentence : sentence.substr(space + 1);
  if (word.size() < 4 || word.size() % 2 != 0) return false;
  for (std::size_t i = 0; i < word.size(); i += 2) {
    if (word[i] < 'A' || word[i] > 'Z' || word[i + 1] != '.') return false;
  }
  return true;
}

bool ends_in_abbreviation(std::string_view sentence) {
  if (sentence.empty() || sentence.back() != '.') return false;
  const auto word_at = [&](std::size_t length) {
    if (length > sentence.size()) return false;
    if (length == sentence.size()) return true;
    const char before = sentence[sentence.size() - length - 1];
    return is_ascii_space(before) || before == '(' || before == '/';
  };
  if (sentence.size() >= 2 && sentence[sentence.size() - 2] >= 'A' && sentence[sentence.size() - 2] <= 'Z' && word_at(2)) return true;
  const auto ends_in_one_of = [&](const auto& words) {
    return std::any_of(std::begin(words), std::end(words),
                       [&](std::string_view word) { return sentence.ends_with(word) && word_at(word.size()); });
  };
  if (ends_in_one_of(kAbbreviations) || ends_in_one_of(kWordAbbreviations)) return true;
  if (ends_in_initials(sentence)) return true;
  // A symbol's series, which a number follows ("E/CN.4/1989/SR. 54"); not "USSR.". ("A/C.3/42/L."
  // ends as an initial does, after a slash.)
  for (const std::string_view series : {"/SR.", "/PV."}) {
    if (sentence.ends_with(series)) return true;
  }
  return false;
}

// True if `sentence` ends in a question or exclamation mark (perhaps inside closing quotes or
// brackets) and `rest`, the text after it, goes on in lower case: a footnote mark a page
// printed as "?" inside a list ("The Candidate Countries Turkey, Croatia? and the former
// Yugoslav Republic of Macedonia* align themselves"), or a quotation inside a sentence ("“Where
// are we going?” she asked"). UAX #29 breaks after either (rule SB11); no sentence of a record
// begins in lower case.
bool goes_on_in_lower_case(std::string_view sentence, std::string_view rest) {
  const std::string_view tail = sentence.substr(sentence.size() - std::min<std::size_t>(sentence.size(), 4));
  const std::size_t mark = tail.find_last_of("?!");  // "?", "?”", "!)"
  if (mark == std::string_view::npos) return false;
  for (const char c : tail.substr(mark + 1)) {
    if (c != ')' && c != '"' && c != '\'' && static_cast<unsigned char>(c) < 0x80) return false;
  }
  const std::size_t word = rest.find_first_not_of(" \t\r\n");
  return word != std::string_view::npos && rest[word] >= 'a' && rest[word] <= 'z';
}

}  // namespace

SentenceSplitter::SentenceSplitter() : impl_(std::make_unique<Impl>()) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Locale english("en");
  std::unique_ptr<icu::BreakIterator> base(icu::BreakIterator::createSentenceInstance(english, status));
  // ICU's standard English suppressions ("Mr.", "Mrs.", "Ms.", ...) plus ours.
  std::unique_ptr<icu::FilteredBreakIteratorBuilder> filter(
      icu::FilteredBreakIteratorBuilder::createInstance(english, status));
  if (U_SUCCESS(status)) {
    for (const char* abbreviation : kAbbreviations) {
      filter->suppressBreakAfter(icu::UnicodeString::fromUTF8(abbreviation), status);
    }
    // A middle initial ("Petr V. Iliichev") ends no sentence; a sentence that ends in a lone
    // capital ("Plan B.") is rarer in the records than a name with an initial.
    for (char16_t initial = u'A'; initial <= u'Z'; ++initial) {
      const char16_t abbreviation[] = {initial, u'.', 0};
      filter->suppressBreakAfter(icu::UnicodeString(abbreviation), status);
    }
    impl_->iterator.reset(filter->wrapIteratorWithFilter(base.release(), status));
  }
  if (U_FAILURE(status) || !impl_->iterator) {
    throw std::runtime_error(std::string("ICU sentence break iterator unavailable: ") + u_errorName(status));
  }
}

SentenceSplitter::~SentenceSplitter() = default;

SentenceSplitter& SentenceSplitter::for_this_thread() {
  thread_local SentenceSplitter splitter;
  return splitter;
}

void SentenceSplitter::split(std::string_view text, Span paragraph, std::vector<Span>& out, const std::vector<Span>& ignored) {
  split(text, paragraph, out, ignored, true);
}

void SentenceSplitter::split_reading_everything(std::string_view text, Span paragraph, std::vector<Span>& out,
                                                const std::vector<Span>& ignored) {
  split(text, paragraph, out, ignored, false);
}

void SentenceSplitter::split(std::string_view text, Span paragraph, std::vector<Span>& out, const std::vector<Span>& ignored,
                             bool windows) {
  // Page furniture inside the paragraph is blanked in a copy of the same length (so that the
  // offsets stay those of the document); found by binary search, since a long record has
  // thousands of furniture lines and as many paragraphs.
  std::string_view source = text.substr(paragraph.begin, paragraph.size());
  if (const auto [first, last] = spans_overlapping(ignored, paragraph); first != last) {
    std::string& buffer = impl_->buffer;
    buffer.assign(source);
    for (auto span = first; span != last; ++span) {
      const uint32_t from = std::max(span->begin, paragraph.begin), to = std::min(span->end, paragraph.end);
      std::fill(buffer.begin() + (from - paragraph.begin), buffer.begin() + (to - paragraph.begin), ' ');
    }
    source = buffer;
  }
  const bool ascii = impl_->to_utf16(source);
  const auto plan = windows ? impl_->windows.plan(impl_->units, impl_->compact, impl_->origin) : SentenceWindows::Plan::whole;
  if (plan == SentenceWindows::Plan::one_sentence) {
    if (const Span sentence = trim(text, paragraph); !sentence.empty()) out.push_back(sentence);
    return;
  }
  const std::vector<UChar>& read = plan == SentenceWindows::Plan::windows ? impl_->compact : impl_->units;
  UErrorCode status = U_ZERO_ERROR;
  impl_->utext = utext_openUChars(impl_->utext, read.data(), static_cast<int64_t>(read.size()), &status);
  if (U_FAILURE(status)) {
    out.push_back(paragraph);
    return;
  }
  icu::BreakIterator& iterator = *impl_->iterator;
  iterator.setText(impl_->utext, status);
  auto byte = [&](int32_t at) {
    const std::size_t unit = plan == SentenceWindows::Plan::windows ? static_cast<std::size_t>(impl_->origin[static_cast<std::size_t>(at)])
                                                                   : static_cast<std::size_t>(at);
    return paragraph.begin + (ascii ? static_cast<uint32_t>(unit) : impl_->byte_of[unit]);
  };
  int32_t start = iterator.first();
  for (int32_t end = iterator.next(); end != icu::BreakIterator::DONE;) {
    const int32_t next = iterator.next();
    const Span sentence = trim(text, {byte(start), byte(end)});
    const std::string_view sentence_text = text.substr(sentence.begin, sentence.size());
    if (next != icu::BreakIterator::DONE &&
        (ends_in_abbreviation(sentence_text) ||
         goes_on_in_lower_case(sentence_text, text.substr(byte(end), paragraph.end - byte(end))))) {
      end = next;  // a break after an abbreviation or a mark inside the sentence: it goes on
      continue;
    }
    if (!sentence.empty()) out.push_back(sentence);
    start = end;
    end = next;
  }
}

}  // namespace caucus

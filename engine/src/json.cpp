#include "caucus/json.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <functional>
#include <unordered_map>

#include "bytes.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace caucus {

namespace {

// The bytes JSON escapes: control characters, '"' and '\\'.
constexpr std::array<bool, 256> kEscaped = [] {
  std::array<bool, 256> table{};
  for (int c = 0; c < 0x20; ++c) table[c] = true;
  table['"'] = table['\\'] = true;
  return table;
}();

#if !defined(__SSE2__)
// True if one of the 8 bytes of `word` is one JSON escapes.
bool needs_escape(uint64_t word) {
  return bytes::any_below(word, 0x20) || bytes::any_equal(word, '"') || bytes::any_equal(word, '\\');
}
#endif

// The offset of the first byte from `from` on that JSON escapes, or text.size(): sixteen bytes
// at a time with SSE2 (eight without), most of a document's text needing no escape; the rest,
// and short strings, a byte at a time.
std::size_t next_to_escape(std::string_view text, std::size_t from) {
  const char* data = text.data();
  std::size_t i = from;
#if defined(__SSE2__)
  const __m128i below_space = _mm_set1_epi8(0x1F), quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\');
  for (; i + 16 <= text.size(); i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i));
    // v <= 0x1F unsigned: the smaller of v and 0x1F is v.
    const __m128i control = _mm_cmpeq_epi8(_mm_min_epu8(v, below_space), v);
    const __m128i special = _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash));
    const auto mask = static_cast<uint32_t>(_mm_movemask_epi8(_mm_or_si128(control, special)));
    if (mask != 0) return i + static_cast<std::size_t>(__builtin_ctz(mask));
  }
#else
  while (i + 8 <= text.size() && !needs_escape(bytes::load8(data + i))) i += 8;
#endif
  for (; i < text.size(); ++i) {
    if (kEscaped[static_cast<unsigned char>(data[i])]) return i;
  }
  return text.size();
}

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::size_t i = next_to_escape(text, 0);
  if (i == text.size() && text.size() <= 62) {
    // Nothing to escape in a short string (keys, types, rule names, most values): one append.
    char quoted[64];
    quoted[0] = '"';
    if (!text.empty()) std::memcpy(quoted + 1, text.data(), text.size());  // (an empty Name's data() is null)
    quoted[text.size() + 1] = '"';
    out.append(quoted, text.size() + 2);
    return;
  }
  // Written in place: room for the text and its quotes first, more as escapes need it (a
  // hard-wrapped document has a line break to escape every fifty bytes or so).
  std::size_t at = out.size();
  out.resize(at + text.size() + 2);
  out[at++] = '"';
  std::size_t run = 0;  // start of the bytes not yet written
  for (; i < text.size(); i = next_to_escape(text, run)) {
    std::memcpy(out.data() + at, text.data() + run, i - run);
    at += i - run;
    run = i + 1;
    // An escape takes up to 6 bytes for the 1 planned: grow by more than that at once.
    const std::size_t room = out.size() - at - (text.size() - i) - 1;
    if (room < 6) out.resize(out.size() + 6 + (text.size() - i) / 8);
    char* w = out.data() + at;
    const auto c = static_cast<unsigned char>(text[i]);
    const char simple = c == '"' ? '"' : c == '\\' ? '\\' : c == '\n' ? 'n' : c == '\r' ? 'r' : c == '\t' ? 't' : 0;
    w[0] = '\\';
    if (simple) {
      w[1] = simple;
      at += 2;
    } else {
      std::memcpy(w + 1, "u00", 3);
      w[4] = kHex[c >> 4];
      w[5] = kHex[c & 0xF];
      at += 6;
    }
  }
  std::memcpy(out.data() + at, text.data() + run, text.size() - run);
  at += text.size() - run;
  out[at++] = '"';
  out.resize(at);
}

namespace {

void append_number(std::string& out, int64_t n) {
  char buffer[24];
  const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, n);
  out.append(buffer, static_cast<std::size_t>(end - buffer));
}

// Not finite: null (JSON has no NaN or infinity).
void append_real(std::string& out, double number) {
  if (!std::isfinite(number)) {
    out += "null";
    return;
  }
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.17g", number);
  out += buffer;
}

// An attribute's value as JSON; an actor as its id (its label is written under a key of its own).
void append_value(std::string& out, const AttrValue& attr) {
  struct Visitor {
    std::string& out;
    void operator()(const std::string& s) const { append_json_string(out, s); }
    void operator()(int64_t n) const { append_number(out, n); }
    void operator()(double d) const { append_real(out, d); }
    void operator()(bool b) const { out += b ? "true" : "false"; }
    void operator()(const StringList& list) const {
      out += '[';
      for (std::size_t k = 0; k < list.size(); ++k) {
        if (k) out += ',';
        append_json_string(out, list[k]);
      }
      out += ']';
    }
    void operator()(const ActorRef& actor) const { append_json_string(out, actor.id); }
  };
  std::visit(Visitor{out}, attr);
}

}  // namespace

void JsonWriter::separate() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!first_.empty()) {
    if (!first_.back()) out_ += ',';
    first_.back() = false;
  }
}

JsonWriter& JsonWriter::begin_object() {
  separate();
  out_ += '{';
  first_.push_back(true);
  return *this;
}

JsonWriter& JsonWriter::end_object() {
  out_ += '}';
  first_.pop_back();
  return *this;
}

JsonWriter& JsonWriter::begin_array() {
  separate();
  out_ += '[';
  first_.push_back(true);
  return *this;
}

JsonWriter& JsonWriter::end_array() {
  out_ += ']';
  first_.pop_back();
  return *this;
}

JsonWriter& JsonWriter::key(std::string_view key) {
  separate();
  append_json_string(out_, key);
  out_ += ':';
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view text) {
  separate();
  append_json_string(out_, text);
  return *this;
}

JsonWriter& JsonWriter::value(int64_t number) {
  separate();
  append_number(out_, number);
  return *this;
}

JsonWriter& JsonWriter::value(double number) {
  separate();
  append_real(out_, number);
  return *this;
}

JsonWriter& JsonWriter::value(bool flag) {
  separate();
  out_ += flag ? "true" : "false";
  return *this;
}

JsonWriter& JsonWriter::null() {
  separate();
  out_ += "null";
  return *this;
}

JsonWriter& JsonWriter::value(const AttrValue& attr) {
  separate();
  append_value(out_, attr);
  return *this;
}

namespace {

void write_span(JsonWriter& w, const Document& document, Span span) {
  w.key("start").value(document.code_point_as_read(span.begin));
  w.key("end").value(document.code_point_as_read(span.end));
}

// The JSON string literals of the names every annotation repeats (its type, rule, annotator
// and attribute keys: a few hundred in a corpus), escaped once per document, not each time.
class NameLiterals {
 public:
  const std::string& of(Name name) {
    // Most look-ups hit a slot of the small direct-mapped table in front of the map.
    Slot& slot = recent_[(reinterpret_cast<uintptr_t>(name.id()) >> 4) % recent_.size()];
    if (slot.id != name.id() || !slot.literal) slot = {name.id(), &literal(literals_, name, "")};
    return *slot.literal;
  }
  // The key of an actor's label: `role_label` for the role `role`.
  const std::string& label_of(Name name) { return literal(labels_, name, "_label"); }

 private:
  using Cache = std::unordered_map<const void*, std::string>;
  static const std::string& literal(Cache& cache, Name name, std::string_view suffix) {
    auto [it, added] = cache.try_emplace(name.id());
    if (added) append_json_string(it->second, suffix.empty() ? name.str() : name.str() + std::string(suffix));
    return it->second;
  }
  struct Slot {
    const void* id = nullptr;
    const std::string* literal = nullptr;  // in literals_, whose nodes do not move
  };
  std::array<Slot, 64> recent_{};
  Cache literals_, labels_;
};

// Actor references are written as two keys, `role` = id and `role_label` = label, so that the
// output stays flat and easy to load into data frames.
void append_attrs(std::string& out, const Attributes& attrs, NameLiterals& literals) {
  char separator = '{';
  for (const auto& [key, value] : attrs) {
    out += separator;
    separator = ',';
    out += literals.of(key);
    out += ':';
    append_value(out, value);
    if (const auto* actor = std::get_if<ActorRef>(&value)) {
      out += ',';
      out += literals.label_of(key);
      out += ':';
      append_json_string(out, actor->label);
    }
  }
  out += separator == '{' ? "{}" : "}";
}

}  // namespace

namespace {

// Writes the record into `out`; with a `flush`, hands `out` to it whenever it holds a chunk
// or more (and at the end) and starts again, so that a long document's output is never held
// whole.
void write_document(const Document& document, const JsonOptions& options, std::string& out,
                    const std::function<void(std::string_view)>* flush, std::size_t chunk) {
  JsonWriter w(out);
  w.begin_object();
  w.key("doc").value(std::string_view(document.name()));
  auto kind = document.meta().find("kind");
  w.key("kind").value(kind != document.meta().end() ? std::string_view(kind->second) : std::string_view("unknown"));
  w.key("meta").begin_object();
  for (const auto& [key, value] : document.meta()) {
    if (key != "kind") w.key(key).value(std::string_view(value));
  }
  w.end_object();

  w.key("speeches").begin_array();
  for (std::size_t i = 0; i < document.speeches().size(); ++i) {
    const Speech& speech = document.speeches()[i];
    w.begin_object();
    w.key("index").value(static_cast<int64_t>(i));
    write_span(w, document, speech.span);
    w.key("speaker").value(std::string_view(speech.speaker));
    if (speech.actor.id.empty()) {
      w.key("actor").null();
      w.key("actor_label").null();
    } else {
      w.key("actor").value(std::string_view(speech.actor.id));
      w.key("actor_label").value(std::string_view(speech.actor.label));
    }
    w.key("role").value(std::string_view(speech.role));
    w.key("mode").value(std::string_view(speech.mode));
    w.end_object();
  }
  w.end_array();

  // Annotations: the kept types' ids (each list already in order) merged, then written with
  // plain appends: this loop is most of the time spent on output.
  const AnnotationStore& store = document.annotations();
  const std::vector<std::string> types = store.types();
  std::vector<std::string_view> kept_types;
  for (const auto& type : types) {
    const bool keep = options.types.empty() ? !options.hidden.count(type)
                                            : std::find(options.types.begin(), options.types.end(), type) != options.types.end();
    if (keep) kept_types.push_back(type);
  }

  w.key("annotations").begin_array();
  // Room for all of it at once: a large document's output is several times its size, and
  // growing the string by doubling would copy it over and over. (Streamed, `out` holds a
  // piece at a time: write_document_json reserved for one.)
  if (!flush) {
    std::size_t expected = out.size() + 64;
    for (std::string_view type : kept_types) {
      for (AnnotationId id : store.of_type(type)) {
        expected += 192;
        if (options.include_text) expected += store[id].span.size() + store[id].span.size() / 16;
      }
    }
    out.reserve(expected);
  }
  NameLiterals literals;
  std::string as_read;
  int64_t next_id = 0;
  store.visit_in_output_order(kept_types, [&](AnnotationId id) {
    const Annotation& a = store[id];
    out += next_id ? ",{\"id\":" : "{\"id\":";
    append_number(out, next_id++);
    out += ",\"type\":";
    out += literals.of(a.type);
    out += ",\"start\":";
    append_number(out, document.code_point_as_read(a.span.begin));
    out += ",\"end\":";
    append_number(out, document.code_point_as_read(a.span.end));
    if (options.include_text) {
      out += ",\"text\":";
      append_json_string(out, document.slice_as_read(a.span, as_read));
    }
    out += ",\"rule\":";
    if (a.rule.empty()) out += "null";
    else out += literals.of(a.rule);
    out += ",\"annotator\":";
    out += literals.of(a.annotator);
    out += ",\"speech\":";
    const int speech = document.speech_at(a.span.begin);
    if (speech < 0) out += "null";
    else append_number(out, speech);
    out += ",\"attrs\":";
    append_attrs(out, a.attrs, literals);
    out += '}';
    if (flush && out.size() >= chunk) {
      (*flush)(out);
      out.clear();
    }
  });
  // The writer did not see the elements written by hand: close the array ourselves.
  out += ']';
  out += '}';
  if (flush) {
    (*flush)(out);
    out.clear();
  }
}

}  // namespace

std::string document_to_json(const Document& document, const JsonOptions& options) {
  std::string out;
  out.reserve(document.text().size() / 2 + 256);
  write_document(document, options, out, nullptr, 0);
  return out;
}

void write_document_json(const Document& document, const JsonOptions& options,
                         const std::function<void(std::string_view)>& flush, std::size_t chunk) {
  std::string out;
  out.reserve(2 * chunk);  // a piece is flushed once it holds a chunk: at most one annotation more
  write_document(document, options, out, &flush, chunk);
}

}  // namespace caucus

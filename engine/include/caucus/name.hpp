// Name: an interned string, for the few distinct strings every annotation repeats (its type,
// rule and annotator, attribute keys, actor ids and labels).
//
// A corpus run makes millions of annotations but uses a few hundred such strings. A Name is
// one pointer to the single copy of its text: copying it allocates nothing, two Names are
// equal when their pointers are, and an annotation is 56 bytes instead of 128. The pool only
// grows: intern names that come from rule files, lexicons and code, never free text of the
// documents (that would grow with the corpus).
#pragma once

#include <compare>
#include <cstddef>
#include <functional>
#include <ostream>
#include <string>
#include <string_view>

namespace caucus {

class Name {
 public:
  Name() = default;  // the empty name
  Name(std::string_view text);  // NOLINT: implicit, so that "actor" and a std::string are Names
  Name(const char* text) : Name(std::string_view(text)) {}
  Name(const std::string& text) : Name(std::string_view(text)) {}

  const std::string& str() const { return text_ ? *text_ : empty_text(); }
  std::string_view view() const { return text_ ? std::string_view(*text_) : std::string_view(); }
  operator const std::string&() const { return str(); }  // NOLINT: reads as the string it is
  operator std::string_view() const { return view(); }   // NOLINT
  const char* c_str() const { return str().c_str(); }
  bool empty() const { return text_ == nullptr; }
  std::size_t size() const { return text_ ? text_->size() : 0; }

  // The same text is the same pointer: equality is one comparison.
  friend bool operator==(Name a, Name b) { return a.text_ == b.text_; }
  friend bool operator==(Name a, std::string_view b) { return a.view() == b; }
  friend bool operator==(Name a, const char* b) { return a.view() == b; }
  friend bool operator==(Name a, const std::string& b) { return a.view() == b; }
  // Ordered by text, so that sorted output does not depend on the order names were interned.
  friend std::strong_ordering operator<=>(Name a, Name b) { return a.view() <=> b.view(); }
  friend std::strong_ordering operator<=>(Name a, std::string_view b) { return a.view() <=> b; }
  friend std::ostream& operator<<(std::ostream& out, Name name) { return out << name.view(); }
  friend std::string operator+(const std::string& a, Name b) { return a + b.str(); }
  friend std::string operator+(Name a, const std::string& b) { return a.str() + b; }
  friend std::string operator+(const char* a, Name b) { return a + b.str(); }
  friend std::string operator+(Name a, const char* b) { return a.str() + b; }

  // Identity of the text, for hashing.
  const void* id() const { return text_; }

 private:
  static const std::string& empty_text();
  const std::string* text_ = nullptr;  // the pool's copy; nullptr for ""
};

}  // namespace caucus

template <>
struct std::hash<caucus::Name> {
  std::size_t operator()(caucus::Name name) const noexcept { return std::hash<const void*>{}(name.id()); }
};

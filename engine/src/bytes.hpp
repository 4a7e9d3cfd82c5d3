// Eight bytes at a time: the word-wide tests with which hot loops skip runs of plain text
// (the usual bit tricks for "some byte is below n" and "some byte is zero").
#pragma once

#include <cstdint>
#include <cstring>

namespace caucus::bytes {

inline constexpr uint64_t kOnes = 0x0101010101010101ULL, kHighs = 0x8080808080808080ULL;

// The eight bytes at `p`, whatever their alignment.
inline uint64_t load8(const char* p) {
  uint64_t word;
  std::memcpy(&word, p, 8);
  return word;
}

// The byte with an ASCII capital made small; any other byte as it is (no locale, no UTF-8).
inline constexpr unsigned char ascii_lower(unsigned char c) { return c >= 'A' && c <= 'Z' ? static_cast<unsigned char>(c + 32) : c; }

// True for the ASCII digits.
inline constexpr bool ascii_digit(unsigned char c) { return c >= '0' && c <= '9'; }

// True if some byte of `word` is below `n` (n at most 128).
inline bool any_below(uint64_t word, uint8_t n) { return ((word - kOnes * n) & ~word & kHighs) != 0; }

// True if some byte of `word` is `c`.
inline bool any_equal(uint64_t word, uint8_t c) {
  const uint64_t zero_where_c = word ^ (kOnes * c);
  return ((zero_where_c - kOnes) & ~zero_where_c & kHighs) != 0;
}

}  // namespace caucus::bytes

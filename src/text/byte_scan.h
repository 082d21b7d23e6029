// Byte scans eight bytes at a time, for the loops that look at every byte of a text.
//
// Takes: a text. Produces: whether it holds a control byte or a byte above ASCII, how long a
// run of one byte it starts with, where its next white space is, its ASCII lower case.
// Method: a 64-bit word of eight bytes is tested at once with exact per-byte tests (no carries
// between bytes), the tail of fewer than eight bytes one by one. The words are read in memory
// order on little-endian machines; elsewhere every byte goes through the plain loop.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace filmscope {

namespace byte_scan_detail {

inline constexpr std::uint64_t kLow7 = 0x7F7F7F7F7F7F7F7FULL;
inline constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
inline constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
inline constexpr bool kWordwise = std::endian::native == std::endian::little;

inline std::uint64_t load(const char* at) {
  std::uint64_t word = 0;
  std::memcpy(&word, at, 8);
  return word;
}

// The high bit of each byte below 0x20, exactly.
inline std::uint64_t below_space(std::uint64_t word) { return ~(((word & kLow7) + 0x6060606060606060ULL) | word) & kHigh; }

// The high bit of each byte equal to `c`, exactly.
inline std::uint64_t equal_to(std::uint64_t word, char c) {
  const std::uint64_t x = word ^ (kOnes * static_cast<unsigned char>(c));
  return ~(((x & kLow7) + kLow7) | x) & kHigh;
}

// The high bit of each byte from 'A' to 'Z', exactly.
inline std::uint64_t ascii_upper(std::uint64_t word) {
  const std::uint64_t low = word & kLow7;
  const std::uint64_t from_a = low + 0x3F3F3F3F3F3F3F3FULL;   // high bit once at least 'A'
  const std::uint64_t past_z = low + 0x2525252525252525ULL;   // high bit once past 'Z'
  return from_a & ~past_z & ~word & kHigh;
}

// How many bytes `flags` flags (bit 7 of each byte, as the tests above give them).
inline std::size_t count_flagged(std::uint64_t flags) {
  return static_cast<std::size_t>(((flags >> 7) * kOnes) >> 56);
}

}  // namespace byte_scan_detail

// Whether some byte of `text` is below 0x20: a control character, a tab, a line break.
inline bool has_control_byte(std::string_view text) {
  using namespace byte_scan_detail;
  std::size_t i = 0;
  if constexpr (kWordwise)
    for (; i + 8 <= text.size(); i += 8)
      if (below_space(load(text.data() + i)) != 0) return true;
  for (; i < text.size(); ++i)
    if (static_cast<unsigned char>(text[i]) < 0x20) return true;
  return false;
}

// Whether every byte of `text` is below 0x80.
inline bool all_ascii(std::string_view text) {
  using namespace byte_scan_detail;
  std::size_t i = 0;
  if constexpr (kWordwise) {
    std::uint64_t high = 0;
    for (; i + 8 <= text.size(); i += 8) high |= load(text.data() + i);
    if ((high & kHigh) != 0) return false;
  }
  for (; i < text.size(); ++i)
    if (static_cast<unsigned char>(text[i]) >= 0x80) return false;
  return true;
}

// Whether `c` is ASCII white space: ' ' or a tab, line feed, vertical tab, form feed or return.
inline bool is_ascii_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// Whether `c` is an ASCII letter, and of which case: the byte tests of the ASCII fast paths.
constexpr bool is_ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }
constexpr bool is_ascii_lower(char c) { return c >= 'a' && c <= 'z'; }
constexpr bool is_ascii_letter(char c) { return is_ascii_upper(c) || is_ascii_lower(c); }
constexpr bool is_ascii_alnum(char c) { return is_ascii_letter(c) || (c >= '0' && c <= '9'); }

// The offset of the first ASCII white-space byte of `text` at or after `from`, or its size.
inline std::size_t next_ascii_space(std::string_view text, std::size_t from) {
  using namespace byte_scan_detail;
  std::size_t i = from;
  if constexpr (kWordwise) {
    for (; i + 8 <= text.size(); i += 8) {
      const std::uint64_t word = load(text.data() + i);
      // Control bytes that are not white space are rare: each is stepped over byte by byte.
      const std::uint64_t candidates = below_space(word) | equal_to(word, ' ');
      if (candidates == 0) continue;
      const std::size_t first = i + static_cast<std::size_t>(std::countr_zero(candidates)) / 8;
      for (std::size_t k = first; k < i + 8; ++k)
        if (is_ascii_space(text[k])) return k;
    }
  }
  while (i < text.size() && !is_ascii_space(text[i])) ++i;
  return i;
}

// `text` into `out` with 'A' to 'Z' lowered and every other byte as it is: the lower case of
// ASCII text, byte for byte at the same offsets.
inline void assign_ascii_lower(std::string_view text, std::string& out) {
  using namespace byte_scan_detail;
  out.assign(text);
  char* const bytes = out.data();
  std::size_t i = 0;
  if constexpr (kWordwise) {
    for (; i + 8 <= out.size(); i += 8) {
      std::uint64_t word = load(bytes + i);
      word |= ascii_upper(word) >> 2;  // 0x80 >> 2 is the case bit, 0x20
      std::memcpy(bytes + i, &word, 8);
    }
  }
  for (; i < out.size(); ++i)
    if (bytes[i] >= 'A' && bytes[i] <= 'Z') bytes[i] = static_cast<char>(bytes[i] - 'A' + 'a');
}

// How many bytes at the start of `text` equal `c`.
inline std::size_t leading_run(std::string_view text, char c) {
  using namespace byte_scan_detail;
  std::size_t i = 0;
  if constexpr (kWordwise) {
    for (; i + 8 <= text.size(); i += 8) {
      const std::uint64_t others = equal_to(load(text.data() + i), c) ^ kHigh;
      // The first byte that differs is the lowest flagged one.
      if (others != 0) return i + static_cast<std::size_t>(std::countr_zero(others)) / 8;
    }
  }
  while (i < text.size() && text[i] == c) ++i;
  return i;
}

}  // namespace filmscope

// Byte scans eight bytes at a time, for the loops that look at every byte of a text.
//
// Takes: a text. Produces: whether it holds a control byte, how long a run of one byte it
// starts with.
// Method: a 64-bit word of eight bytes is tested at once with exact per-byte tests (no carries
// between bytes), the tail of fewer than eight bytes one by one. The words are read in memory
// order on little-endian machines; elsewhere every byte goes through the plain loop.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
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

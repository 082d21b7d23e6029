// Hash containers keyed by std::string that can be searched with a std::string_view, so that
// looking up a word cut from a text does not copy it into a std::string first (C++20
// heterogeneous lookup: a transparent hash and std::equal_to<>). The hash is inline and reads
// eight bytes at a time: lexicon look-ups of short words are the analysis's hottest loop, and
// the library's out-of-line byte hash was a tenth of its time. Nothing iterates these
// containers to produce output, so their order never shows.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace filmscope {

struct StringViewHash {
  using is_transparent = void;
  // Deliberately not noexcept: libstdc++ then keeps each key's hash in its node, so a look-up
  // walking a bucket compares stored hashes instead of rehashing every key it passes.
  std::size_t operator()(std::string_view text) const {
    const char* bytes = text.data();
    std::size_t left = text.size();
    std::uint64_t hash = 0x9E3779B97F4A7C15ULL ^ left;
    while (left >= 8) {
      std::uint64_t chunk = 0;
      std::memcpy(&chunk, bytes, 8);
      hash = (hash ^ chunk) * 0xBF58476D1CE4E5B9ULL;
      hash ^= hash >> 31;
      bytes += 8;
      left -= 8;
    }
    std::uint64_t tail = 0;
    std::memcpy(&tail, bytes, left);
    hash = (hash ^ tail) * 0x94D049BB133111EBULL;
    return static_cast<std::size_t>(hash ^ (hash >> 29));
  }
};

template <typename Value>
using StringMap = std::unordered_map<std::string, Value, StringViewHash, std::equal_to<>>;

using StringSet = std::unordered_set<std::string, StringViewHash, std::equal_to<>>;

}  // namespace filmscope

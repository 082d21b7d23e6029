// Hash containers keyed by std::string that can be searched with a std::string_view, so that
// looking up a word cut from a text does not copy it into a std::string first (C++20
// heterogeneous lookup: a transparent hash and std::equal_to<>). The hash is inline and reads
// eight bytes at a time: lexicon look-ups of short words are the analysis's hottest loop, and
// the library's out-of-line byte hash was a tenth of its time. Nothing iterates these
// containers to produce output, so their order never shows.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

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
    // The last bytes in fixed-size loads (a copy of variable length is a call): four and
    // more as two overlapping words, fewer one by one. An empty view may have no data at all.
    std::uint64_t tail = 0;
    if (left >= 4) {
      std::uint32_t first = 0;
      std::uint32_t last = 0;
      std::memcpy(&first, bytes, 4);
      std::memcpy(&last, bytes + left - 4, 4);
      tail = (static_cast<std::uint64_t>(first) << 32) | last;
    } else if (left > 0) {
      const auto* b = reinterpret_cast<const unsigned char*>(bytes);
      tail = (static_cast<std::uint64_t>(b[0]) << 16) | (static_cast<std::uint64_t>(b[left / 2]) << 8) | b[left - 1];
    }
    hash = (hash ^ tail) * 0x94D049BB133111EBULL;
    // A full avalanche, so that the low bits (which pick a slot of a power-of-two table) depend
    // on every byte: a product's low bits see only the multiplicand's low bits, which would put
    // "happy", "happily" and "happiness" in one cluster.
    hash ^= hash >> 33;
    hash *= 0xFF51AFD7ED558CCDULL;
    hash ^= hash >> 33;
    hash *= 0xC4CEB9FE1A85EC53ULL;
    hash ^= hash >> 33;
    return static_cast<std::size_t>(hash);
  }
};

// Whether `a` and `b` hold the same bytes; words are short, and for up to 16 bytes this
// compares a few overlapping fixed-size loads inline instead of calling memcmp, whose call
// cost more than the comparison itself in the per-word look-ups.
inline bool same_text(std::string_view a, std::string_view b) {
  const std::size_t n = a.size();
  if (n != b.size()) return false;
  if (n > 16) return std::memcmp(a.data(), b.data(), n) == 0;
  auto load8 = [](const char* p) {
    std::uint64_t v = 0;
    std::memcpy(&v, p, 8);
    return v;
  };
  auto load4 = [](const char* p) {
    std::uint32_t v = 0;
    std::memcpy(&v, p, 4);
    return v;
  };
  if (n >= 8)
    return load8(a.data()) == load8(b.data()) && load8(a.data() + n - 8) == load8(b.data() + n - 8);
  if (n >= 4)
    return load4(a.data()) == load4(b.data()) && load4(a.data() + n - 4) == load4(b.data() + n - 4);
  for (std::size_t i = 0; i < n; ++i)
    if (a[i] != b[i]) return false;
  return true;
}

template <typename Value>
using StringMap = std::unordered_map<std::string, Value, StringViewHash, std::equal_to<>>;

using StringSet = std::unordered_set<std::string, StringViewHash, std::equal_to<>>;

// Adds `phrase` and each of its beginnings that ends before a space ("fall in love" → "fall",
// "fall in", "fall in love"): a search that builds a phrase word by word from a text can then
// stop at the first word that begins no phrase.
inline void insert_word_prefixes(StringSet& prefixes, std::string_view phrase) {
  for (std::size_t space = phrase.find(' '); space != std::string_view::npos; space = phrase.find(' ', space + 1))
    prefixes.emplace(phrase.substr(0, space));
  prefixes.emplace(phrase);
}

// A read-only map from strings to values for the hottest look-ups (a word of every sentence
// against a lexicon of thousands): open addressing over a power-of-two array of 16-byte slots,
// keys packed in one buffer and values in another. A look-up of an absent word, the common
// case, reads one or two adjacent slots of a table that stays in cache; std::unordered_map
// divides by a prime and follows a node pointer to wherever the node was allocated.
template <typename Value>
class FlatStringMap {
 public:
  FlatStringMap() = default;

  template <typename Range>
  explicit FlatStringMap(const Range& entries) {
    std::size_t count = 0;
    for (const auto& entry : entries) {
      (void)entry;
      ++count;
    }
    std::size_t capacity = 8;
    while (capacity < count * 2) capacity *= 2;
    slots_.resize(capacity);
    mask_ = capacity - 1;
    for (const auto& [key, value] : entries) insert(key, value);
  }

  const Value* find(std::string_view key) const {
    if (slots_.empty() || !may_hold(key)) return nullptr;
    const std::size_t hash = StringViewHash{}(key);
    const auto tag = static_cast<std::uint32_t>(hash >> 32);
    for (std::size_t i = hash & mask_;; i = (i + 1) & mask_) {
      const Slot& slot = slots_[i];
      if (slot.value == kEmpty) return nullptr;
      if (slot.tag == tag && same_text(std::string_view(keys_).substr(slot.offset, slot.length), key))
        return &values_[slot.value];
    }
  }

  // Whether some key of `length` bytes begins with `first`: false means find() of any such key
  // fails, so a caller can skip building a key it would look up (a word folded to lower case).
  bool may_hold(unsigned char first, std::size_t length) const {
    if (length == 0) return has_empty_key_;
    return (shapes_[first] >> shape_bit(length)) & 1U;
  }

  std::size_t size() const { return values_.size(); }
  bool empty() const { return values_.empty(); }

 private:
  static constexpr std::uint32_t kEmpty = 0xFFFFFFFF;

  // A first filter that needs no hash: which (first byte, length) pairs some key has, lengths
  // above 63 sharing one bit. Most words of a sentence fail it against a small lexicon.
  static std::size_t shape_bit(std::size_t length) { return length < 64 ? length : 63; }
  bool may_hold(std::string_view key) const {
    return may_hold(key.empty() ? 0 : static_cast<unsigned char>(key.front()), key.size());
  }

  struct Slot {
    std::uint32_t tag = 0;  // the hash's high half; the low bits chose the slot
    std::uint32_t offset = 0;  // into keys_
    std::uint32_t length = 0;
    std::uint32_t value = kEmpty;  // into values_
  };

  void insert(std::string_view key, const Value& value) {
    const std::size_t hash = StringViewHash{}(key);
    const auto tag = static_cast<std::uint32_t>(hash >> 32);
    for (std::size_t i = hash & mask_;; i = (i + 1) & mask_) {
      Slot& slot = slots_[i];
      if (slot.value != kEmpty) {
        if (slot.tag == tag && std::string_view(keys_).substr(slot.offset, slot.length) == key) {
          values_[slot.value] = value;  // a repeated key keeps the last value, as operator[] would
          return;
        }
        continue;
      }
      slot = Slot{tag, static_cast<std::uint32_t>(keys_.size()), static_cast<std::uint32_t>(key.size()),
                  static_cast<std::uint32_t>(values_.size())};
      if (key.empty())
        has_empty_key_ = true;
      else
        shapes_[static_cast<unsigned char>(key.front())] |= std::uint64_t{1} << shape_bit(key.size());
      keys_.append(key);
      values_.push_back(value);
      return;
    }
  }

  std::vector<Slot> slots_;
  std::string keys_;
  std::vector<Value> values_;
  std::size_t mask_ = 0;
  std::array<std::uint64_t, 256> shapes_{};
  bool has_empty_key_ = false;
};

// Which shapes — first two bytes and length — a set of words has, blind to ASCII case (a byte
// counts by its low five bits, so 'A' and 'a' are one). A test with no hash and no folding that
// rejects nineteen words of running text in twenty against a word list of a hundred, where the
// first byte alone lets a third through. False answers are exact; true ones may be wrong.
class WordShapeFilter {
 public:
  void add(std::string_view word) { bits_[shape(word) / 64] |= std::uint64_t{1} << (shape(word) % 64); }
  bool may_hold(std::string_view word) const { return (bits_[shape(word) / 64] >> (shape(word) % 64)) & 1U; }

 private:
  static std::size_t shape(std::string_view word) {
    const std::size_t first = word.empty() ? 0 : static_cast<unsigned char>(word[0]) & 0x1F;
    const std::size_t second = word.size() < 2 ? 0 : static_cast<unsigned char>(word[1]) & 0x1F;
    const std::size_t length = word.size() < 64 ? word.size() : 63;
    return (first << 11) | (second << 6) | length;
  }

  std::array<std::uint64_t, (std::size_t{1} << 16) / 64> bits_{};
};

}  // namespace filmscope

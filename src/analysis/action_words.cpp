// Word cutting and capitalised words of action text. See action_words.h for the method.
#include "analysis/action_words.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <array>
#include <bit>
#include <cstdint>
#include <string>

#include "text/byte_scan.h"
#include "text/unicode_text.h"

namespace filmscope {

namespace {

// Byte length of a word separator at `i`, 0 when text[i] starts a word character. ASCII
// punctuation and space separate; so do the no-break space, guillemets and the General
// Punctuation block (curly quotes, dashes, ellipsis), so that "Edward’s" and "Edward—" hold
// the word "Edward". Other non-ASCII bytes are letters of a word.
std::size_t separator_length(std::string_view text, std::size_t i) {
  const auto c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) return is_ascii_alnum(c) ? 0 : 1;
  if (c == 0xC2 && i + 1 < text.size()) {
    const auto d = static_cast<unsigned char>(text[i + 1]);
    if (d == 0xA0 || d == 0xAB || d == 0xBB) return 2;
  }
  if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80) return 3;
  return 0;
}

// First code point of `word` (valid UTF-8 or not) and whether it is upper or title case.
bool starts_with_capital(std::string_view word) {
  const auto c = static_cast<unsigned char>(word[0]);
  if (c < 0x80) return is_ascii_upper(c);
  std::int32_t i = 0;
  UChar32 cp = 0;
  U8_NEXT(reinterpret_cast<const std::uint8_t*>(word.data()), i,
          static_cast<std::int32_t>(word.size()), cp);
  return cp >= 0 && (u_isupper(cp) || u_istitle(cp));
}

bool word_is_all_caps(std::string_view word) {
  bool ascii = true;
  bool letter = false;
  for (char ch : word) {
    const auto c = static_cast<unsigned char>(ch);
    if (c >= 0x80) {
      ascii = false;
      break;
    }
    if (is_ascii_lower(c)) return false;
    letter = letter || is_ascii_upper(c);
  }
  return ascii ? letter : is_all_caps(word);
}

// What the word scans need to know of a byte.
enum ByteClass : std::uint8_t {
  kSeparatorByte = 0,
  kWordByte = 1,  // a letter or digit of a word whatever follows it
  // The lead bytes 0xC2 and 0xE2, which begin a separator or a letter (separator_length).
  kMaybeSeparator = 2,
};

constexpr std::array<std::uint8_t, 256> kByteClasses = [] {
  std::array<std::uint8_t, 256> table{};
  for (int c = 0; c < 256; ++c) {
    const bool lead = c == 0xC2 || c == 0xE2;
    const bool word = c >= 0x80 || is_ascii_alnum(static_cast<unsigned char>(c));
    table[static_cast<std::size_t>(c)] = lead ? kMaybeSeparator : word ? kWordByte : kSeparatorByte;
  }
  return table;
}();

// The end of the word that starts at `begin`: the first separator after it, or the end.
std::size_t word_end(std::string_view text, std::size_t begin) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  std::size_t i = begin + 1;
  while (true) {
    while (i < text.size() && kByteClasses[bytes[i]] == kWordByte) ++i;
    if (i == text.size() || kByteClasses[bytes[i]] == kSeparatorByte ||
        separator_length(text, i) > 0)
      return i;
    ++i;  // a lead byte that begins no separator is a letter
  }
}

// Bit 7 of each byte of `chunk` (no byte 0xC2 or 0xE2 among them) that is a letter or digit
// of a word: an ASCII letter or digit, or any byte from 0x80.
std::uint64_t word_byte_flags(std::uint64_t chunk) {
  using namespace byte_scan_detail;
  const std::uint64_t ascii = chunk & kLow7;
  const std::uint64_t folded = ascii | (kOnes * 0x20);  // 'A'-'Z' onto 'a'-'z'
  const std::uint64_t letter =
      (folded + kOnes * (0x80 - 'a')) & ~(folded + kOnes * (0x80 - 'z' - 1));
  const std::uint64_t digit = (ascii + kOnes * (0x80 - '0')) & ~(ascii + kOnes * (0x80 - '9' - 1));
  return (chunk | letter | digit) & kHigh;
}

// Bit 7 of each byte of `chunk` that is an ASCII capital.
std::uint64_t upper_byte_flags(std::uint64_t chunk) {
  using namespace byte_scan_detail;
  const std::uint64_t ascii = chunk & kLow7;
  return (ascii + kOnes * (0x80 - 'A')) & ~(ascii + kOnes * (0x80 - 'Z' - 1)) & ~chunk & kHigh;
}

}  // namespace

std::optional<WordSpan> next_word(std::string_view text, std::size_t from) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  std::size_t i = from;
  while (i < text.size()) {
    const std::uint8_t kind = kByteClasses[bytes[i]];
    if (kind == kSeparatorByte) {
      ++i;
      continue;
    }
    if (kind == kMaybeSeparator) {
      if (const std::size_t skip = separator_length(text, i); skip > 0) {
        i += skip;
        continue;
      }
    }
    return WordSpan{i, word_end(text, i)};
  }
  return std::nullopt;
}

// Eight bytes are looked at together: a chunk with no ASCII capital or non-ASCII byte at the
// start of a word is passed over at once. A chunk that may hold the start of a multi-byte
// separator goes byte by byte, so that separators are cut exactly as next_word cuts them.
void append_capitalised_words(std::string_view text, std::vector<CapitalisedWord>& out) {
  using namespace byte_scan_detail;
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t size = text.size();
  std::size_t newlines = 0;
  std::size_t i = 0;
  bool in_word = false;  // the byte before i belongs to a word
  // A word [begin, end) starts at `begin`: keep it when capitalised, and go on after it.
  auto take_word = [&](std::size_t begin, std::size_t end) {
    const std::string_view word = text.substr(begin, end - begin);
    if (starts_with_capital(word)) out.push_back({begin, end, newlines, word_is_all_caps(word)});
    i = end;
    in_word = false;
  };
  while (i < size) {
    if (kWordwise && i + 8 <= size) {
      const std::uint64_t chunk = load(text.data() + i);
      const std::uint64_t high = chunk & kHigh;
      if (high == 0 || (equal_to(chunk, '\xC2') | equal_to(chunk, '\xE2')) == 0) {
        const std::uint64_t words = word_byte_flags(chunk);
        const std::uint64_t starts = words & ~((words << 8) | (in_word ? 0x80U : 0U));
        const std::uint64_t candidates = starts & (upper_byte_flags(chunk) | high);
        const std::uint64_t breaks = equal_to(chunk, '\n');
        if (candidates == 0) {
          newlines += count_flagged(breaks);
          in_word = (words >> 63) != 0;
          i += 8;
          continue;
        }
        const auto at = static_cast<std::size_t>(std::countr_zero(candidates)) / 8;
        const std::uint64_t before = (std::uint64_t{1} << (8 * at)) - 1;
        newlines += count_flagged(breaks & before);
        // Most words end inside the chunk they start in, where the flags already say where:
        // the chunk holds no lead byte of a separator, so its word bytes are exactly those.
        const std::uint64_t ends = ~words & kHigh & ~before;
        const std::size_t end = ends != 0
                                    ? i + static_cast<std::size_t>(std::countr_zero(ends)) / 8
                                    : word_end(text, i + at);
        take_word(i + at, end);
        continue;
      }
    }
    const std::uint8_t kind = kByteClasses[bytes[i]];
    if (kind == kSeparatorByte) {
      newlines += bytes[i] == '\n';
      in_word = false;
      ++i;
      continue;
    }
    if (kind == kMaybeSeparator) {
      if (const std::size_t skip = separator_length(text, i); skip > 0) {
        in_word = false;
        i += skip;
        continue;
      }
    }
    if (in_word) {
      ++i;
      continue;
    }
    take_word(i, word_end(text, i));
  }
}

}  // namespace filmscope

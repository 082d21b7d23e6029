// Unicode helpers: thin wrappers that keep ICU types out of the rest of the code base.
#include "text/unicode_text.h"

#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>
#include <mutex>

#include "text/byte_scan.h"

namespace filmscope {

namespace {

UChar32 first_code_point(std::string_view text) {
  if (text.empty()) return U_SENTINEL;
  int32_t i = 0;
  UChar32 c = 0;
  U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), i, static_cast<int32_t>(text.size()), c);
  return c;
}

template <typename Visit>
void for_each_code_point(std::string_view text, Visit visit) {
  int32_t i = 0;
  const auto length = static_cast<int32_t>(text.size());
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  while (i < length) {
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    if (c >= 0) visit(c);
  }
}

}  // namespace

std::string fold_case(std::string_view text) {
  // Full case folding maps ASCII A-Z to a-z and leaves the rest of ASCII alone; nearly every
  // word is ASCII, and ICU's round trip through UTF-16 costs far more than the folding.
  if (is_ascii(text)) {
    std::string out(text);
    for (char& c : out)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
  }
  auto unicode = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  unicode.foldCase();
  std::string out;
  unicode.toUTF8String(out);
  return out;
}

bool starts_upper(std::string_view word) {
  UChar32 c = first_code_point(word);
  return c >= 0 && (u_isupper(c) || u_istitle(c));
}

bool is_all_caps(std::string_view word) {
  bool letter = false;
  bool lower = false;
  for_each_code_point(word, [&](UChar32 c) {
    if (u_isalpha(c)) letter = true;
    if (u_islower(c)) lower = true;
  });
  return letter && !lower;
}

bool has_letter(std::string_view word) {
  bool letter = false;
  for_each_code_point(word, [&](UChar32 c) { letter = letter || u_isalpha(c); });
  return letter;
}

namespace {

// ASCII text needs no transliteration, and names are nearly always ASCII: building an ICU
// transliterator costs more than the rest of a screenplay's analysis.
std::string ascii_slug(std::string_view text) {
  std::string slug;
  bool pending_dash = false;
  for (char ch : text) {
    auto c = static_cast<unsigned char>(ch);
    bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (alnum) {
      if (pending_dash && !slug.empty()) slug += '-';
      pending_dash = false;
      slug += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    } else if (c != '\'') {  // "O'Brien" → "obrien"
      pending_dash = true;
    }
  }
  return slug;
}

}  // namespace

std::string unique_slug(std::string_view name, std::set<std::string>& taken, std::string_view fallback) {
  std::string base = to_slug(name);
  if (base.empty()) base = std::string(fallback);
  std::string id = base;
  for (int n = 2; taken.count(id); ++n) id = base + "-" + std::to_string(n);
  taken.insert(id);
  return id;
}

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (const auto& part : parts) {
    if (!out.empty()) out += separator;
    out += part;
  }
  return out;
}

std::string to_slug(std::string_view text) {
  if (is_ascii(text))
    return ascii_slug(text);
  // One for the process, used under a lock: creating the transliterator costs about 10 ms,
  // and its first use on each script builds that script's rules (some 70 ms for Han), far more
  // than a synopsis's whole analysis. One per thread paid all that again in every batch
  // worker; names that need it are few and quick to transliterate once it exists, so the lock
  // is seldom waited on.
  struct SharedTransliterator {
    std::mutex lock;
    std::unique_ptr<icu::Transliterator> ascii;
    bool created = false;
  };
  static SharedTransliterator shared;
  auto unicode = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  {
    const std::lock_guard<std::mutex> held(shared.lock);
    if (!shared.created) {
      shared.created = true;
      UErrorCode status = U_ZERO_ERROR;
      shared.ascii.reset(icu::Transliterator::createInstance("Any-Latin; Latin-ASCII; Lower", UTRANS_FORWARD, status));
      if (U_FAILURE(status)) shared.ascii.reset();
    }
    if (shared.ascii) shared.ascii->transliterate(unicode);
  }
  std::string plain;
  unicode.toUTF8String(plain);
  return ascii_slug(plain);
}

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  for_each_code_point(text, [&](UChar32 c) {
    if (u_getIntPropertyValue(c, UCHAR_GENERAL_CATEGORY) == U_NON_SPACING_MARK) return;
    auto east_asian = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
    width += (east_asian == U_EA_WIDE || east_asian == U_EA_FULLWIDTH) ? 2 : 1;
  });
  return width;
}

namespace {

// Eight bytes of text, flagged with exact per-byte tests: byte k's flag is bit 8k+7 in memory
// order on little-endian machines. Any byte below 0x20 counts as suspect, which sends the rare
// other control characters to the careful path too.
struct ChunkFlags {
  std::uint64_t below = 0;   // bytes below 0x20 (high bit clear and low seven bits below 0x20)
  std::uint64_t spaces = 0;  // bytes equal to ' '
};

ChunkFlags chunk_flags(const char* at) {
  const std::uint64_t word = byte_scan_detail::load(at);
  return {byte_scan_detail::below_space(word), byte_scan_detail::equal_to(word, ' ')};
}

// Bit 7 of each byte of `chunk` that is white space other than ' ': \t \n \v \f \r.
std::uint64_t white_space_flags(std::uint64_t chunk) {
  using namespace byte_scan_detail;
  const std::uint64_t ascii = chunk & kLow7;
  return (ascii + kOnes * (0x80 - '\t')) & ~(ascii + kOnes * (0x80 - '\r' - 1)) & ~chunk & kHigh;
}

// Whether the chunk is already as collapse_whitespace leaves it, given whether the byte before
// it was a space: no white space but single spaces.
bool chunk_collapsed(const ChunkFlags& flags, bool after_space) {
  return flags.below == 0 && (flags.spaces & (flags.spaces << 8)) == 0 && !(after_space && (flags.spaces & 0x80ULL));
}

// The shifts of the chunk tests follow memory order on little-endian machines only; elsewhere
// every byte takes the byte-by-byte loop.
constexpr bool kChunked = byte_scan_detail::kWordwise;

// How many leading bytes of `text` are already as collapse_whitespace leaves them: no
// white-space character but single spaces between other characters, and none at the start.
// A trailing space is left for the caller, which sees the end.
std::size_t collapsed_prefix(std::string_view text) {
  const std::size_t n = text.size();
  if (n == 0 || text[0] == ' ') return 0;
  bool after_space = false;  // the byte before the current chunk was a space
  std::size_t i = 0;
  for (; kChunked && i + 8 <= n; i += 8) {
    const ChunkFlags flags = chunk_flags(text.data() + i);
    if (!chunk_collapsed(flags, after_space)) break;
    after_space = (flags.spaces >> 63) != 0;
  }
  // The rest byte by byte, from the start of the chunk that stopped the loop.
  for (; i < n; ++i) {
    const char c = text[i];
    if (static_cast<unsigned char>(c) < 0x20) return i;
    if (c == ' ' && i > 0 && text[i - 1] == ' ') return i - 1;
  }
  return n;
}

}  // namespace

void append_collapsed_whitespace(std::string& out, std::string_view text) {
  // Most short texts (a line, a name) are already collapsed: they are checked eight bytes at
  // a time and copied whole. Otherwise the clean prefix is copied and the rest is written
  // through a pointer into a buffer of the input's size, which the output never exceeds (scene
  // texts run to megabytes in a batch), without a branch per character: every character is
  // stored, and the pointer moves on except over a space after a space, so a run of white
  // space leaves one ' ' (one at the end is cut below). Words are short, and branching at
  // each of their edges mispredicted about once a word.
  const std::size_t clean = collapsed_prefix(text);
  const std::size_t base = out.size();
  if (clean == text.size()) {
    out.append(text);
    if (out.size() > base && out.back() == ' ') out.pop_back();
    return;
  }
  out.resize(base + text.size());
  char* const first = out.data() + base;
  std::memcpy(first, text.data(), clean);
  char* write = first + clean;
  bool after_space = clean == 0 || text[clean - 1] == ' ';
  auto put = [&](char c) {
    const bool space = c == ' ' || static_cast<unsigned char>(c - '\t') <= '\r' - '\t';  // \t \n \v \f \r
    *write = space ? ' ' : c;
    write += !(space && after_space);
    after_space = space;
  };
  // A chunk that is already collapsed (most of a text with a line break every few dozen
  // bytes) is copied whole, and so is one that is once its white space is made spaces (a line
  // break between two words); the others go byte by byte.
  const char* in = text.data() + clean;
  const char* const end = text.data() + text.size();
  for (; kChunked && end - in >= 8; in += 8) {
    const ChunkFlags flags = chunk_flags(in);
    if (chunk_collapsed(flags, after_space)) {
      std::memcpy(write, in, 8);
      write += 8;
      after_space = (flags.spaces >> 63) != 0;
      continue;
    }
    if (flags.below != 0) {
      std::uint64_t chunk = byte_scan_detail::load(in);
      const std::uint64_t white = white_space_flags(chunk);
      const ChunkFlags spaced{0, flags.spaces | white};
      if (white == flags.below && chunk_collapsed(spaced, after_space)) {
        const std::uint64_t white_bytes = (white >> 7) * 0xFF;
        chunk = (chunk & ~white_bytes) | (white_bytes & (byte_scan_detail::kOnes * ' '));
        std::memcpy(write, &chunk, 8);
        write += 8;
        after_space = (spaced.spaces >> 63) != 0;
        continue;
      }
    }
    for (int k = 0; k < 8; ++k) put(in[k]);
  }
  for (; in < end; ++in) put(*in);
  if (write != first && write[-1] == ' ') --write;
  out.resize(base + static_cast<std::size_t>(write - first));
}

std::string collapse_whitespace(std::string_view text) {
  std::string out;
  append_collapsed_whitespace(out, text);
  return out;
}

}  // namespace filmscope

// Fountain emphasis. See emphasis.h for the method and its limits.
#include "screenplay/emphasis.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <vector>

#include "text/byte_scan.h"
#include "text/unicode_text.h"

namespace filmscope {

namespace {

bool is_blank(char c) { return c == ' ' || c == '\t'; }

bool is_word(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

struct Run {
  std::size_t start;
  std::size_t length;
  char marker;
};

// Whether some byte of the eight in `word` is one that append_plain_line leaves to the careful
// path: a control byte (white space other than ' ' among them), '*', or one of 0x5C to 0x5F
// ('\\', ']', '^', '_'), tested together. ']' and '^' are rare enough in a script that sending
// them the long way costs nothing. The zero-byte test ((x - 1) & ~x) may flag bytes above a
// real match, never a word without one: exact for "is there any".
bool has_careful_byte(std::uint64_t word) {
  using namespace byte_scan_detail;
  const std::uint64_t star = word ^ (kOnes * '*');
  const std::uint64_t marks = (word & ~(kOnes * 3)) ^ (kOnes * '\\');
  return (((word - kOnes * 0x20) & ~word) | ((star - kOnes) & ~star) | ((marks - kOnes) & ~marks)) &
         kHigh;
}

bool is_careful_byte(char c) {
  return static_cast<unsigned char>(c) < 0x20 || c == '*' || (c >= '\\' && c <= '_');
}

// append_clean_line for a line without careful bytes, where cleaning only folds spaces: one
// pass eight bytes at a time, each chunk stored whole and the pointer moved past the bytes it
// keeps. Returns false, with `out` as it was, when the line holds a careful byte.
bool append_plain_line(std::string& out, std::string_view line) {
  using namespace byte_scan_detail;
  const std::size_t base = out.size();
  // Written never further than read, so the eight bytes stored per chunk stay inside.
  out.resize(base + line.size());
  char* const first = out.data() + base;
  char* write = first;
  bool after_space = true;  // leading spaces go
  std::size_t i = 0;
  if constexpr (kWordwise) {
    for (; i + 8 <= line.size(); i += 8) {
      std::uint64_t word = load(line.data() + i);
      if (has_careful_byte(word)) {
        out.resize(base);
        return false;
      }
      const std::uint64_t spaces = equal_to(word, ' ');
      std::uint64_t drop = spaces & ((spaces << 8) | (after_space ? 0x80U : 0U));
      after_space = (spaces >> 63) != 0;
      std::size_t kept = 8;
      // A space after a space (two after a full stop, in many scripts) is cut out, the bytes
      // above it moved down one; the highest first, so that the lower ones stay in place.
      while (drop != 0) {
        const int at = (63 - std::countl_zero(drop)) / 8;
        const std::uint64_t below = at == 0 ? 0 : ~std::uint64_t{0} >> (64 - 8 * at);
        word = (word & below) | ((word >> 8) & ~below);
        drop &= below;
        --kept;
      }
      std::memcpy(write, &word, 8);
      write += kept;
    }
  }
  for (; i < line.size(); ++i) {
    const char c = line[i];
    if (is_careful_byte(c)) {
      out.resize(base);
      return false;
    }
    if (c == ' ' && after_space) continue;
    *write++ = c;
    after_space = c == ' ';
  }
  if (write != first && write[-1] == ' ') --write;
  out.resize(base + static_cast<std::size_t>(write - first));
  return true;
}

}  // namespace

void append_clean_line(std::string& out, std::string_view line) {
  if (append_plain_line(out, line)) return;
  // Markers need strip_emphasis's bookkeeping; a line without them is folded straight from
  // the view.
  if (has_emphasis_markers(line))
    append_collapsed_whitespace(out, strip_emphasis(line));
  else
    append_collapsed_whitespace(out, line);
}

bool has_emphasis_markers(std::string_view line) {
  // Every line of a script is asked, and nearly all answer no: eight bytes at a time.
  using namespace byte_scan_detail;
  std::size_t i = 0;
  if constexpr (kWordwise) {
    for (; i + 8 <= line.size(); i += 8) {
      const std::uint64_t word = load(line.data() + i);
      if ((equal_to(word, '*') | equal_to(word, '_') | equal_to(word, '\\')) != 0) return true;
    }
  }
  return std::any_of(line.begin() + static_cast<std::ptrdiff_t>(i), line.end(),
                     [](char c) { return c == '*' || c == '_' || c == '\\'; });
}

std::string strip_emphasis(std::string_view line) {
  // Most lines have no marker at all; they need no bookkeeping (this is the reader's hot path).
  if (!has_emphasis_markers(line)) return std::string(line);
  std::vector<Run> runs;
  std::vector<bool> escaped(line.size(), false);
  for (std::size_t i = 0; i < line.size();) {
    char c = line[i];
    if (c == '\\' && i + 1 < line.size() && (line[i + 1] == '*' || line[i + 1] == '_')) {
      escaped[i] = true;  // the backslash is dropped, the marker kept literally
      i += 2;
      continue;
    }
    if (c == '*' || c == '_') {
      std::size_t j = i;
      while (j < line.size() && line[j] == c) ++j;
      runs.push_back({i, j - i, c});
      i = j;
      continue;
    }
    ++i;
  }
  std::vector<bool> drop(line.size(), false);
  // Index 0–2: '*' runs of length 1–3; index 3: '_'.
  std::array<std::vector<std::size_t>, 4> open;
  for (std::size_t r = 0; r < runs.size(); ++r) {
    const Run& run = runs[r];
    std::size_t slot;
    if (run.marker == '*' && run.length <= 3) slot = run.length - 1;
    else if (run.marker == '_' && run.length == 1) slot = 3;
    else continue;
    std::size_t end = run.start + run.length;
    bool can_close = run.start > 0 && !is_blank(line[run.start - 1]);
    bool can_open = end < line.size() && !is_blank(line[end]);
    if (run.marker == '_') {
      // Underscores inside a word ("snake_case") are not emphasis.
      if (run.start > 0 && is_word(line[run.start - 1])) can_open = false;
      if (end < line.size() && is_word(line[end])) can_close = false;
    }
    if (can_close && !open[slot].empty()) {
      const Run& opener = runs[open[slot].back()];
      open[slot].pop_back();
      for (std::size_t k = 0; k < opener.length; ++k) drop[opener.start + k] = true;
      for (std::size_t k = 0; k < run.length; ++k) drop[run.start + k] = true;
    } else if (can_open) {
      open[slot].push_back(r);
    }
  }
  std::string out;
  out.reserve(line.size());
  for (std::size_t i = 0; i < line.size(); ++i)
    if (!drop[i] && !escaped[i]) out.push_back(line[i]);
  return out;
}

}  // namespace filmscope

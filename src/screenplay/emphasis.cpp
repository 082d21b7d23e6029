// Fountain emphasis. See emphasis.h for the method and its limits.
#include "screenplay/emphasis.h"

#include <algorithm>
#include <array>
#include <vector>

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

}  // namespace

bool has_emphasis_markers(std::string_view line) {
  return std::any_of(line.begin(), line.end(), [](char c) { return c == '*' || c == '_' || c == '\\'; });
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

// Fountain boneyard and notes. See fountain_hidden.h for the method and its limits.
#include "screenplay/fountain_hidden.h"

#include <algorithm>
#include <cstring>
#include <utility>

#include "screenplay/line_text.h"
#include "text/unicode_text.h"

namespace filmscope::fountain_detail {

namespace {

using screenplay_detail::split_lines;
using screenplay_detail::trim;

// Byte ranges [first, second) of the outermost matched `/* … */` pairs, plus the offsets of
// unmatched markers.
struct BoneyardPairs {
  std::vector<std::pair<std::size_t, std::size_t>> regions;
  std::vector<std::size_t> unmatched_open;
  std::vector<std::size_t> unmatched_close;
};

BoneyardPairs pair_boneyard(std::string_view text) {
  BoneyardPairs result;
  std::vector<std::size_t> open_stack;
  std::vector<std::pair<std::size_t, std::size_t>> matched;
  // Both marks contain '*', so the scan jumps from star to star. Read left to right, a star
  // opens when the byte before it is a '/' not already taken by the previous mark ("*/*" is a
  // close and then a lone star), and closes when a '/' follows it.
  std::size_t free_from = 0;  // bytes before this belong to marks already read
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto* star = static_cast<const char*>(std::memchr(text.data() + i, '*', text.size() - i));
    if (!star) break;
    i = static_cast<std::size_t>(star - text.data());
    if (i > free_from && text[i - 1] == '/') {
      open_stack.push_back(i - 1);
      free_from = i + 1;
    } else if (i + 1 < text.size() && text[i + 1] == '/') {
      if (open_stack.empty()) {
        result.unmatched_close.push_back(i);
      } else {
        matched.emplace_back(open_stack.back(), i + 2);
        open_stack.pop_back();
      }
      free_from = i + 2;
      ++i;
    }
  }
  result.unmatched_open = std::move(open_stack);
  // Pairs were recorded in closing order; the outermost ones are those no earlier-opening pair
  // contains.
  std::sort(matched.begin(), matched.end());
  std::size_t covered_until = 0;
  for (const auto& region : matched) {
    if (!result.regions.empty() && region.first < covered_until) continue;
    result.regions.push_back(region);
    covered_until = region.second;
  }
  return result;
}

// The line (1-based) holding the byte at `at`: lines are in order, each starting where its
// `raw` view does.
std::size_t line_of(const std::vector<VisibleLine>& lines, const char* at) {
  auto it = std::upper_bound(
      lines.begin(), lines.end(), at,
      [](const char* byte, const VisibleLine& line) { return byte < line.raw.data(); });
  return static_cast<std::size_t>(it - lines.begin());
}

}  // namespace

HiddenScan scan_hidden(std::string_view text) {
  HiddenScan scan;
  // The lines first, each its own content until hidden text is found in it (most scripts have
  // none, and then this is all).
  for (std::size_t i = 0; i < text.size();) {
    std::size_t end = text.find('\n', i);
    if (end == std::string_view::npos) end = text.size();
    VisibleLine& line = scan.lines.emplace_back();
    line.raw = text.substr(i, end - i);
    if (!line.raw.empty() && line.raw.back() == '\r') line.raw.remove_suffix(1);
    line.content = line.raw;
    i = end + 1;
  }
  const auto line_at = [&](std::size_t offset) {
    return line_of(scan.lines, text.data() + offset);
  };
  // What hides each byte; made at the first hidden span, so that a script without any (most
  // of them) costs no byte of memory per byte of text.
  std::vector<Hidden> hidden;
  auto hide = [&](std::size_t first, std::size_t last, Hidden kind) {
    if (hidden.empty()) hidden.assign(text.size(), Hidden::none);
    std::fill(hidden.begin() + static_cast<std::ptrdiff_t>(first), hidden.begin() + static_cast<std::ptrdiff_t>(last),
              kind);
  };
  auto hidden_at = [&](std::size_t k) { return hidden.empty() ? Hidden::none : hidden[k]; };

  BoneyardPairs boneyard = pair_boneyard(text);
  for (const auto& [first, last] : boneyard.regions) {
    hide(first, last, Hidden::boneyard);
    scan.spans.push_back({Hidden::boneyard,
                          {line_at(first), line_at(last - 1)},
                          collapse_whitespace(text.substr(first + 2, last - first - 4))});
  }
  for (std::size_t offset : boneyard.unmatched_open)
    scan.diagnostics.push_back({Severity::warning, "boneyard-unterminated", line_at(offset),
                                "'/*' is never closed by '*/'; kept as text"});
  for (std::size_t offset : boneyard.unmatched_close)
    scan.diagnostics.push_back({Severity::warning, "boneyard-unopened", line_at(offset),
                                "'*/' without a matching '/*'; kept as text"});

  // "Does this note cross a boneyard" is a binary search over the regions, which are sorted
  // and disjoint (so their ends are sorted too); a per-byte prefix table would cost eight bytes
  // of memory per input byte.
  const auto& regions = boneyard.regions;
  auto crosses_region = [&regions](std::size_t from, std::size_t to) {
    auto it = std::upper_bound(regions.begin(), regions.end(), from,
                               [](std::size_t offset, const auto& region) { return offset < region.second; });
    return it != regions.end() && it->first < to;
  };

  // Notes: searches are cached so that each byte is looked at a bounded number of times.
  std::size_t next_close = 0;
  bool close_known = false;
  std::size_t next_empty = 0;
  bool empty_known = false;
  for (std::size_t i = 0; i + 1 < text.size(); ++i) {
    // Straight to the next '[': most texts have few or none.
    const auto* bracket = static_cast<const char*>(std::memchr(text.data() + i, '[', text.size() - 1 - i));
    if (!bracket) break;
    i = static_cast<std::size_t>(bracket - text.data());
    if (hidden_at(i) != Hidden::none || text[i + 1] != '[') continue;
    if (!close_known || next_close < i + 2) {
      next_close = text.find("]]", i + 2);
      close_known = true;
    }
    if (!empty_known || (next_empty != std::string_view::npos && next_empty < i)) {
      next_empty = text.find("\n\n", i);
      empty_known = true;
    }
    std::size_t line = line_at(i);
    if (next_close == std::string_view::npos) {
      scan.diagnostics.push_back({Severity::warning, "note-unterminated", line,
                                  "'[[' is never closed by ']]'; kept as text"});
      continue;
    }
    std::size_t close_line = line_at(next_close);
    bool crosses_empty = next_empty != std::string_view::npos && next_empty < next_close;
    bool crosses_boneyard = crosses_region(i, next_close);
    if (crosses_empty || close_line - line + 1 > kMaxNoteLines || crosses_boneyard) {
      scan.diagnostics.push_back({Severity::warning, "note-unterminated", line,
                                  "'[[' is not closed before an empty line or within the note "
                                  "length limit; kept as text"});
      continue;
    }
    hide(i, next_close + 2, Hidden::note);
    scan.spans.push_back({Hidden::note, {line, close_line},
                          collapse_whitespace(text.substr(i + 2, next_close - i - 2))});
    i = next_close + 1;
  }
  std::stable_sort(scan.spans.begin(), scan.spans.end(),
                   [](const HiddenSpan& a, const HiddenSpan& b) { return a.lines.first < b.lines.first; });

  // Every hidden byte belongs to a span: without spans, every line is visible.
  if (hidden.empty()) return scan;
  for (std::size_t n = 0; n < scan.lines.size(); ++n) {
    VisibleLine& line = scan.lines[n];
    const auto start = static_cast<std::size_t>(line.raw.data() - text.data());
    const std::size_t end =
        n + 1 < scan.lines.size()
            ? static_cast<std::size_t>(scan.lines[n + 1].raw.data() - text.data()) - 1
            : text.size();
    const auto first = hidden.begin() + static_cast<std::ptrdiff_t>(start);
    const bool visible = std::all_of(first, first + static_cast<std::ptrdiff_t>(line.raw.size()),
                                     [](Hidden h) { return h == Hidden::none; });
    if (!visible) {
      std::string& edited = scan.edited.emplace_back();
      for (std::size_t k = 0; k < line.raw.size(); ++k) {
        Hidden h = hidden[start + k];
        if (h == Hidden::none)
          edited.push_back(line.raw[k]);
        else if (h == Hidden::boneyard)
          line.had_boneyard = true;
        else
          line.had_note = true;
      }
      line.content = edited;
    }
    // An empty line inside a boneyard or note has no bytes of its own; its line end tells.
    if (end < text.size()) {
      if (hidden[end] == Hidden::boneyard)
        line.had_boneyard = true;
      else if (hidden[end] == Hidden::note)
        line.had_note = true;
    }
  }
  return scan;
}

}  // namespace filmscope::fountain_detail

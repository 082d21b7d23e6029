// Scene headings → SceneSetting. See scene_heading.h for the method and its limits.
#include "screenplay/scene_heading.h"

#include <algorithm>
#include <array>
#include <string>

#include "screenplay/line_text.h"
#include "text/unicode_text.h"

namespace filmscope {

namespace {

using screenplay_detail::ascii_upper;
using screenplay_detail::is_space;
using screenplay_detail::starts_with_ci;
using screenplay_detail::trim;

struct HeadingPrefix {
  std::string_view text;
  std::string_view setting;
  bool in_spec;  // listed by the Fountain 1.1 spec
};

// Longest first, so that "INT./EXT" wins over "INT".
constexpr std::array<HeadingPrefix, 9> kHeadingPrefixes{{
    {"INT./EXT", "INT/EXT", true},
    {"EXT./INT", "INT/EXT", false},
    {"INT/EXT", "INT/EXT", true},
    {"EXT/INT", "INT/EXT", false},
    {"I/E", "INT/EXT", true},
    {"E/I", "INT/EXT", false},
    {"INT", "INT", true},
    {"EXT", "EXT", true},
    {"EST", "EXT", true},
}};

// Whether a line starting with these two bytes (upper-cased) may start with a prefix: the
// readers ask about every line, and nearly all of them are answered here without walking the
// table. Cues such as "EDWARD" get past the first byte only.
constexpr bool may_start_prefix(char first, char second) {
  return (first == 'I' || first == 'E') &&
         (second == 'N' || second == 'X' || second == 'S' || second == '/');
}
static_assert(std::all_of(kHeadingPrefixes.begin(), kHeadingPrefixes.end(),
                          [](const HeadingPrefix& p) {
                            return may_start_prefix(p.text[0], p.text[1]);
                          }));

// Words that make the last " - " segment of a heading a time of day rather than a place.
constexpr std::array<std::string_view, 24> kTimeWords{
    "DAY",      "NIGHT",   "MORNING",    "EVENING", "AFTERNOON", "DUSK",
    "DAWN",     "SUNSET",  "SUNRISE",    "NOON",    "MIDNIGHT",  "CONTINUOUS",
    "LATER",    "SAME",    "MOMENTS",    "TWILIGHT", "NIGHTFALL", "DAYBREAK",
    "PRE-DAWN", "MAGIC",   "CONTINUING", "SIMULTANEOUS", "DAYTIME", "NIGHTTIME"};

const HeadingPrefix* match_prefix(std::string_view line, HeadingPrefixes prefixes) {
  if (line.size() < 2 || !may_start_prefix(ascii_upper(line[0]), ascii_upper(line[1])))
    return nullptr;
  for (const auto& prefix : kHeadingPrefixes) {
    if (prefixes == HeadingPrefixes::fountain_spec && !prefix.in_spec) continue;
    if (!starts_with_ci(line, prefix.text)) continue;
    if (line.size() == prefix.text.size()) continue;
    char next = line[prefix.text.size()];
    if (next == '.' || is_space(next)) return &prefix;
  }
  return nullptr;
}

bool is_time_word_byte(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-';
}

bool has_time_word(std::string_view segment) {
  std::size_t i = 0;
  while (i < segment.size()) {
    while (i < segment.size() && !is_time_word_byte(segment[i])) ++i;
    std::size_t start = i;
    while (i < segment.size() && is_time_word_byte(segment[i])) ++i;
    const std::string_view word = segment.substr(start, i - start);
    for (auto time_word : kTimeWords)
      if (word.size() == time_word.size() && starts_with_ci(word, time_word)) return true;
  }
  return false;
}

// Splits "#12A#" off the end of a heading. Fountain scene numbers are alphanumerics, '-' and '.'.
std::string_view split_scene_number(std::string_view& line) {
  line = trim(line);
  if (line.size() < 3 || line.back() != '#') return {};
  std::size_t open = line.rfind('#', line.size() - 2);
  if (open == std::string_view::npos) return {};
  std::string_view number = line.substr(open + 1, line.size() - open - 2);
  if (number.empty()) return {};
  for (char c : number) {
    bool ok = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
              c == '-' || c == '.';
    if (!ok) return {};
  }
  line = trim(line.substr(0, open));
  return number;
}

// Finds the last dash separator (" - ", " -- ", " – ", " — ") and returns its start and length.
// Every separator starts with a space and no two can start at one place, so one backward scan
// over the spaces finds the last of all of them.
std::pair<std::size_t, std::size_t> last_separator(std::string_view s) {
  constexpr std::array<std::string_view, 4> kSeparators{" - ", " -- ", " \xE2\x80\x93 ",
                                                        " \xE2\x80\x94 "};
  for (std::size_t at = s.rfind(' '); at != std::string_view::npos;
       at = at == 0 ? std::string_view::npos : s.rfind(' ', at - 1)) {
    for (auto sep : kSeparators)
      if (s.substr(at, sep.size()) == sep) return {at, sep.size()};
  }
  return {std::string_view::npos, 0};
}

std::string_view strip_dashes(std::string_view s) {
  s = trim(s);
  while (!s.empty() && (s.front() == '-' || s.front() == '.' || is_space(s.front()))) s.remove_prefix(1);
  while (!s.empty() && (s.back() == '-' || is_space(s.back()))) s.remove_suffix(1);
  return s;
}

}  // namespace

std::string_view scene_number_of(std::string_view heading) {
  // Prefixes hold no '#', so the number found at the end of the whole line is the one
  // parse_scene_heading finds after the prefix.
  return split_scene_number(heading);
}

bool looks_like_scene_heading(std::string_view line, HeadingPrefixes prefixes) {
  return match_prefix(trim(line), prefixes) != nullptr;
}

std::optional<SceneSetting> parse_scene_heading(std::string_view line, HeadingPrefixes prefixes) {
  line = trim(line);
  SceneSetting setting;
  std::string_view rest;
  if (const HeadingPrefix* prefix = match_prefix(line, prefixes)) {
    setting.setting = std::string(prefix->setting);
    rest = line.substr(prefix->text.size());
  } else if (line.size() >= 2 && line[0] == '.' && line[1] != '.') {
    rest = line.substr(1);
  } else {
    return std::nullopt;
  }
  setting.number = std::string(split_scene_number(rest));
  rest = strip_dashes(rest);
  auto [at, length] = last_separator(rest);
  if (at != std::string_view::npos && has_time_word(rest.substr(at + length))) {
    setting.time_of_day = collapse_whitespace(strip_dashes(rest.substr(at + length)));
    rest = strip_dashes(rest.substr(0, at));
  }
  setting.location = collapse_whitespace(rest);
  return setting;
}

}  // namespace filmscope

// Small Unicode helpers over UTF-8 strings, backed by ICU: case folding for comparisons,
// letter-case tests for name detection, display width, and ASCII slugs for stable ids.
#pragma once

#include <cstddef>
#include <string>
#include <set>
#include <string_view>
#include <vector>

#include "text/byte_scan.h"

namespace filmscope {

// Every byte below 0x80: text that byte-wise ASCII paths may handle instead of ICU.
inline bool is_ascii(std::string_view text) { return all_ascii(text); }

// Full Unicode case folding ("Straße" and "STRASSE" fold equal).
std::string fold_case(std::string_view text);

// First code point is an uppercase or titlecase letter.
bool starts_upper(std::string_view word);
// Has at least one letter and no lowercase letters ("NYPD", "GERTY", "WALL-E").
bool is_all_caps(std::string_view word);
// Has at least one letter.
bool has_letter(std::string_view word);

// Lower-case ASCII slug: "Dr. Howard Mierzwiak" → "dr-howard-mierzwiak", "Amélie" → "amelie".
std::string to_slug(std::string_view text);

// A slug of `name` not yet in `taken` ("sam", "sam-2", …; `fallback` when the name has no
// letters or digits), added to `taken`.
std::string unique_slug(std::string_view name, std::set<std::string>& taken, std::string_view fallback);

// Joins `parts` with `separator` between them.
std::string join(const std::vector<std::string>& parts, std::string_view separator);

// Number of code points, a fair column width for the Latin, Cyrillic and Greek text of cast
// tables (East Asian wide characters count double).
std::size_t display_width(std::string_view text);

// Collapses runs of whitespace to one space and trims both ends.
std::string collapse_whitespace(std::string_view text);

// Appends collapse_whitespace(text) to `out`, without a string of its own: for callers that
// build one text from many pieces. `text` must not view into `out`, which may move.
void append_collapsed_whitespace(std::string& out, std::string_view text);

}  // namespace filmscope

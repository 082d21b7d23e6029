// The small pieces every report figure is built from: text escaped for HTML and SVG, numbers
// written for SVG coordinates, text shortened for labels, and the fixed colour palettes.
//
// Takes: text from the input (titles, names, sentences) and figures from the analysis.
// Produces: markup-safe strings. Everything the input contributes passes through
// escape_markup, so a title or name holding <, &, or quotes cannot change the page's structure.
// Numbers are written with one fixed rounding in the C locale, and colours come from fixed
// lists, so the same analysis always gives byte-identical pages.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace filmscope::report {

// Escapes &, <, >, " and ' so the result is safe as HTML or XML text and inside quoted
// attributes; control characters XML forbids become spaces, and the colon of "://" becomes a
// character reference, so URLs quoted in the input are not URLs in the page's source.
std::string escape_markup(std::string_view text);

// A coordinate or length for SVG: rounded to one decimal, no exponent, no trailing ".0",
// never "-0".
std::string svg_number(double value);

// `text` cut to at most `max_code_points` code points (on a code point boundary), with "…"
// appended when something was cut. Whitespace runs become single spaces.
std::string shorten(std::string_view text, std::size_t max_code_points);

// Community colours: Paul Tol's "muted" scheme, distinguishable with colour-blindness; indices
// beyond it share a neutral grey.
std::string_view community_colour(std::size_t community);

// Line colours for the characters of charts that draw one line each (narrative chart,
// dialogue share): Tol's muted scheme followed by Okabe and Ito's orange and blue and a grey.
inline constexpr std::size_t kSeriesColourCount = 12;
std::string_view series_colour(std::size_t index);

// The colour of a relationship kind ("romance", "family", …); co-occurrence only (no kind)
// and unknown kinds are grey.
std::string_view relationship_kind_colour(std::string_view kind);

}  // namespace filmscope::report

// report/markup.h: escaping, SVG numbers, shortening and the fixed palettes.
#include <catch2/catch.hpp>

#include <set>

#include "report/markup.h"

using namespace filmscope::report;

TEST_CASE("escape_markup makes input text inert in HTML and SVG", "[report]") {
  CHECK(escape_markup("Tom & \"Jerry\" <b>'s</b>") == "Tom &amp; &quot;Jerry&quot; &lt;b&gt;&#39;s&lt;/b&gt;");
  CHECK(escape_markup("Amélie 荻野千尋") == "Amélie 荻野千尋");
  CHECK(escape_markup(std::string("a\x01" "b\x7f" "c\td")) == "a b c\td");
  CHECK(escape_markup("") == "");
  CHECK(escape_markup("see https://example.org: now") == "see https&#58;//example.org: now");
}

TEST_CASE("svg_number rounds to one decimal without -0 or exponent", "[report]") {
  CHECK(svg_number(12.0) == "12");
  CHECK(svg_number(12.34) == "12.3");
  CHECK(svg_number(-0.04) == "0");
  CHECK(svg_number(-3.25) == "-3.3");
  CHECK(svg_number(1e7) == "10000000");
  CHECK(svg_number(std::numeric_limits<double>::quiet_NaN()) == "0");
}

TEST_CASE("shorten cuts on code points and collapses whitespace", "[report]") {
  CHECK(shorten("short", 10) == "short");
  CHECK(shorten("  two\n\nlines  ", 20) == "two lines");
  CHECK(shorten("abcdef", 3) == "abc…");
  CHECK(shorten("ab cdef", 3) == "ab…");
  CHECK(shorten("荻野千尋", 2) == "荻野…");
  CHECK(shorten("", 3) == "");
}

TEST_CASE("palettes are fixed and distinguish their first entries", "[report]") {
  std::set<std::string_view> communities, series;
  for (std::size_t i = 0; i < 9; ++i) communities.insert(community_colour(i));
  for (std::size_t i = 0; i < kSeriesColourCount; ++i) series.insert(series_colour(i));
  CHECK(communities.size() == 9);
  CHECK(series.size() == kSeriesColourCount);
  CHECK(community_colour(9) == community_colour(50));
  CHECK(series_colour(kSeriesColourCount) == series_colour(0));
  CHECK(relationship_kind_colour("romance") != relationship_kind_colour(""));
  CHECK(relationship_kind_colour("unheard-of") == relationship_kind_colour(""));
}

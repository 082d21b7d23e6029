// report/theme_figure.h: a bar, a sparkline and an evidence list per theme.
#include <catch2/catch.hpp>

#include "report/report_test_util.h"
#include "report/theme_figure.h"

using namespace filmscope;
using filmscope::testing::occurrences;

TEST_CASE("themes: one bar, sparkline and evidence list per theme", "[report]") {
  Analysis a = filmscope::testing::sample_report_analysis();
  std::string html = report::theme_figure(a);
  CHECK(occurrences(html, "class=\"theme-bar\"") == 3);
  CHECK(occurrences(html, "<details class=\"theme\">") == 3);
  CHECK(occurrences(html, "class=\"sparkline\"") == 3);
  CHECK(occurrences(html, "<li>") == 3 * report::kThemeEvidenceShown);
  CHECK(html.find("love&lt;&amp;&gt;") != std::string::npos);
  CHECK(html.find("<b>") == std::string::npos);
  // Bars are proportional to the score: 0.9 of 260.
  CHECK(html.find("class=\"theme-bar\" width=\"234\"") != std::string::npos);
}

TEST_CASE("sparkline has one vertex per value", "[report]") {
  std::string svg = report::sparkline({0.0, 1.0, 0.5}, 100, 20);
  CHECK(svg.find("d=\"M1 19 L50 1 L99 10\"") != std::string::npos);
  CHECK(report::sparkline({}, 100, 20).find("<path") == std::string::npos);
}

TEST_CASE("no themes is said in words", "[report]") {
  Analysis a = filmscope::testing::sample_analysis();
  CHECK(report::theme_figure(a).find("No theme") != std::string::npos);
}

// report/narrative_chart.h: one line per charted character, bundles where characters meet,
// cast descriptions left out, the cap on lines.
#include <catch2/catch.hpp>

#include "report/narrative_chart.h"
#include "report/report_test_util.h"

using namespace filmscope;
using filmscope::testing::occurrences;

TEST_CASE("narrative chart draws one line per character in the story", "[report]") {
  Analysis a = filmscope::testing::sample_report_analysis();
  std::string svg = report::narrative_chart_figure(a);
  // Scenes name doc-brown, amelie-poulain, chihiro and nobody; back-slash is in none.
  CHECK(occurrences(svg, "class=\"narrative-line\"") == 4);
  CHECK(occurrences(svg, "class=\"line-label\"") == 4);
  CHECK(svg.find("data-id=\"back-slash\"") == std::string::npos);
  // Scenes 1 and 2 hold two or more charted characters: one bundle each.
  CHECK(occurrences(svg, "<rect ") == 2);
  CHECK(svg.find("Nobody &lt;&amp;&gt;") != std::string::npos);
  CHECK(svg == report::narrative_chart_figure(a));
}

TEST_CASE("narrative chart skips cast descriptions", "[report]") {
  Analysis a = filmscope::testing::sample_report_analysis();
  a.scenes[1].cast_description = true;  // the only scene with chihiro and nobody
  std::string svg = report::narrative_chart_figure(a);
  CHECK(occurrences(svg, "class=\"narrative-line\"") == 2);
  CHECK(svg.find("data-id=\"chihiro\"") == std::string::npos);
}

TEST_CASE("narrative chart caps its lines and says so", "[report]") {
  Analysis a = filmscope::testing::sample_screenplay_analysis(30, 16);
  std::string svg = report::narrative_chart_figure(a);
  CHECK(occurrences(svg, "class=\"narrative-line\"") == report::kNarrativeCharacterLimit);
  CHECK(svg.find("The 12 most important of 16 characters are drawn.") != std::string::npos);
}

TEST_CASE("narrative chart of a story without characters says so", "[report]") {
  Analysis a = filmscope::testing::sample_report_analysis();
  for (Scene& s : a.scenes) s.characters.clear();
  std::string svg = report::narrative_chart_figure(a);
  CHECK(svg.find("<svg") == std::string::npos);
  CHECK(svg.find("No character appears") != std::string::npos);
}

// report/character_graph_figure.h: one node per connected character, one edge per relationship,
// hover titles, escaped names, the cap on nodes.
#include <catch2/catch.hpp>

#include "report/character_graph_figure.h"
#include "report/report_test_util.h"

using namespace filmscope;
using filmscope::testing::occurrences;

TEST_CASE("character graph draws connected characters and their relationships", "[report]") {
  Analysis a = filmscope::testing::sample_analysis();
  std::string svg = report::character_graph_figure(a);
  // Four characters have relationships; "Nobody <&>" has none.
  CHECK(occurrences(svg, "<g class=\"node\"") == 4);
  CHECK(occurrences(svg, "<line class=\"edge\"") == a.relationships.size());
  CHECK(occurrences(svg, "<title>") == 4 + a.relationships.size());
  CHECK(svg.find("1 character has no relationship") != std::string::npos);
  CHECK(svg.find("Dr. &quot;Doc&quot; Brown") != std::string::npos);
  CHECK(svg.find("“Amélie meets &quot;Doc&quot; at the diner") != std::string::npos);  // evidence on hover
  CHECK(svg.find(">Back\\Slash</text>") != std::string::npos);
  CHECK(svg.find("data-kind=\"friend\"") != std::string::npos);
  CHECK(svg.find("data-kind=\"co-occurrence\"") != std::string::npos);
  CHECK(svg == report::character_graph_figure(a));
}

TEST_CASE("character graph says so when there is nothing to draw", "[report]") {
  Analysis a = filmscope::testing::sample_analysis();
  a.relationships.clear();
  apply_graph_metrics(a);
  std::string svg = report::character_graph_figure(a);
  CHECK(svg.find("<svg") == std::string::npos);
  CHECK(svg.find("No relationships") != std::string::npos);
}

TEST_CASE("character graph draws at most kGraphCharacterLimit nodes", "[report]") {
  Analysis a = filmscope::testing::sample_screenplay_analysis(10, report::kGraphCharacterLimit + 5);
  std::string svg = report::character_graph_figure(a);
  CHECK(occurrences(svg, "<g class=\"node\"") == report::kGraphCharacterLimit);
  CHECK(occurrences(svg, "<line class=\"edge\"") == report::kGraphCharacterLimit - 1);
  CHECK(svg.find("Showing the 40 most important of 45") != std::string::npos);
}

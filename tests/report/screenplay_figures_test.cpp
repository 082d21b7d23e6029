// report/screenplay_figures.h: presence cells, dialogue bars, setting segments, scene bars.
#include <catch2/catch.hpp>

#include "report/report_test_util.h"
#include "report/screenplay_figures.h"

using namespace filmscope;
using filmscope::testing::occurrences;

TEST_CASE("presence grid has one cell per appearance, dark where the character speaks", "[report]") {
  Analysis a = filmscope::testing::sample_screenplay_analysis(12, 3);
  std::size_t appearances = 0, speaking = 0;
  for (const Scene& s : a.scenes) {
    appearances += s.characters.size();
    speaking += s.speakers.size();
  }
  std::string svg = report::presence_grid_figure(a);
  CHECK(occurrences(svg, "class=\"cell speaks\"") == speaking);
  CHECK(occurrences(svg, "class=\"cell named\"") == appearances - speaking);
  CHECK(occurrences(svg, "class=\"row-label\"") == 3);
}

TEST_CASE("presence grid caps its rows", "[report]") {
  Analysis a = filmscope::testing::sample_screenplay_analysis(30, 25);
  std::string svg = report::presence_grid_figure(a);
  CHECK(occurrences(svg, "class=\"row-label\"") == report::kPresenceGridCharacters);
  CHECK(svg.find("20 most important of 25") != std::string::npos);
}

TEST_CASE("dialogue share: one bar per speaker up to the cap", "[report]") {
  Analysis a = filmscope::testing::sample_screenplay_analysis(6, 4);
  CHECK(occurrences(report::dialogue_share_figure(a), "class=\"dialogue-bar\"") == 4);
  Analysis many = filmscope::testing::sample_screenplay_analysis(6, 15);
  std::string svg = report::dialogue_share_figure(many);
  CHECK(occurrences(svg, "class=\"dialogue-bar\"") == report::kDialogueShareSpeakers);
  CHECK(svg.find("CHARACTER 0") != std::string::npos);
  Analysis silent = filmscope::testing::sample_screenplay_analysis(6, 2);
  silent.stats->dialogue_shares.clear();
  CHECK(report::dialogue_share_figure(silent).find("no dialogue") != std::string::npos);
}

TEST_CASE("setting breakdown: a segment per label in each bar", "[report]") {
  Analysis a = filmscope::testing::sample_screenplay_analysis(9, 2);
  std::string html = report::setting_breakdown_figure(a);
  CHECK(occurrences(html, "class=\"segment\"") == 4);
  CHECK(html.find("INT: 6 scenes (66.7%)") != std::string::npos);
  CHECK(html.find("NIGHT: 4 scenes (44.4%)") != std::string::npos);
}

TEST_CASE("scene lengths: one bar per scene, in lines unless every scene states eighths", "[report]") {
  Analysis a = filmscope::testing::sample_screenplay_analysis(9, 2);
  std::string svg = report::scene_length_figure(a);
  CHECK(occurrences(svg, "class=\"length-bar\"") == 9);
  CHECK(svg.find("source lines") != std::string::npos);
  for (Scene& s : a.scenes) s.setting->eighths = 3;
  CHECK(report::scene_length_figure(a).find("eighths of a page") != std::string::npos);
}

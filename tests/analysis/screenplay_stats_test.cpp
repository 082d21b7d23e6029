// compute_screenplay_stats over a hand-built Analysis: breakdowns, shares, balance, sections.
#include <catch2/catch.hpp>

#include "analysis/screenplay_stats.h"

using namespace filmscope;

namespace {

Scene scene(std::size_t index, std::optional<SceneSetting> setting, std::string section, LineSpan lines,
            std::size_t blocks, std::size_t dialogue_words, std::size_t action_words,
            std::vector<std::string> speakers) {
  Scene s;
  s.index = index;
  if (setting) s.heading = setting->setting + ". " + setting->location;
  s.setting = std::move(setting);
  s.section = std::move(section);
  s.lines = lines;
  s.dialogue_blocks = blocks;
  s.dialogue_words = dialogue_words;
  s.action_words = action_words;
  s.speakers = std::move(speakers);
  return s;
}

SceneSetting setting(std::string where, std::string location, std::string time, double eighths = 0.0) {
  SceneSetting s;
  s.setting = std::move(where);
  s.location = std::move(location);
  s.time_of_day = std::move(time);
  s.eighths = eighths;
  return s;
}

Character speaker(std::string id, std::size_t blocks, std::size_t words) {
  Character c;
  c.id = std::move(id);
  c.name = c.id;
  c.dialogue_blocks = blocks;
  c.dialogue_words = words;
  return c;
}

Analysis sample() {
  Analysis a;
  // An opening voice-over without a heading, then four scenes in two sections.
  a.scenes.push_back(scene(1, std::nullopt, "", {1, 3}, 1, 10, 0, {"ed"}));
  a.scenes.push_back(scene(2, setting("INT", "Diner", "NIGHT", 12), "Act One", {4, 13}, 2, 20, 30, {"ed", "sue"}));
  a.scenes.push_back(scene(3, setting("EXT", "RIVER", "DAY [LATER]"), "Act One", {14, 15}, 0, 0, 10, {}));
  a.scenes.push_back(scene(4, setting("INT", "DINER", "(PRESENT) NIGHT", 4), "Act Two", {16, 20}, 1, 10, 10, {"sue"}));
  a.scenes.push_back(scene(5, setting("INT/EXT", "CAR", "DAY / DRIVING"), "Act Two", {21, 30}, 1, 0, 10, {"ed"}));
  a.characters.push_back(speaker("ed", 3, 30));
  a.characters.push_back(speaker("sue", 2, 10));
  a.characters.push_back(speaker("jenny", 0, 0));
  return a;
}

}  // namespace

TEST_CASE("scene counts by setting, time of day and location", "[screenplay-stats]") {
  ScreenplayStats s = compute_screenplay_stats(sample());
  CHECK(s.scenes == 4);
  CHECK(s.unheaded_units == 1);
  CHECK(s.lines == 3 + 10 + 2 + 5 + 10);
  CHECK(s.eighths == 16.0);
  REQUIRE(s.settings.size() == 3);
  CHECK(s.settings[0].label == "INT");
  CHECK(s.settings[0].scenes == 2);
  CHECK(s.settings[1].label == "EXT");  // ties keep the order of first use
  CHECK(s.settings[2].label == "INT/EXT");
  // Annotations on the time of day are dropped.
  REQUIRE(s.times_of_day.size() == 2);
  CHECK(s.times_of_day[0].label == "NIGHT");
  CHECK(s.times_of_day[0].scenes == 2);
  CHECK(s.times_of_day[1].label == "DAY");
  CHECK(s.times_of_day[1].scenes == 2);
  // "Diner" and "DINER" are one location.
  REQUIRE(s.locations.size() == 3);
  CHECK(s.locations[0].label == "DINER");
  CHECK(s.locations[0].scenes == 2);
}

TEST_CASE("dialogue shares and the action/dialogue balance", "[screenplay-stats]") {
  ScreenplayStats s = compute_screenplay_stats(sample());
  CHECK(s.speakers == 2);
  CHECK(s.dialogue_blocks == 5);
  CHECK(s.dialogue_words == 40);
  CHECK(s.action_words == 60);
  CHECK(s.dialogue_ratio == Approx(0.4));
  REQUIRE(s.dialogue_shares.size() == 2);
  CHECK(s.dialogue_shares[0].character == "ed");
  CHECK(s.dialogue_shares[0].words == 30);
  CHECK(s.dialogue_shares[0].blocks == 3);
  CHECK(s.dialogue_shares[0].share == Approx(0.75));
  CHECK(s.dialogue_shares[1].share == Approx(0.25));
}

TEST_CASE("per-section figures in script order", "[screenplay-stats]") {
  ScreenplayStats s = compute_screenplay_stats(sample());
  REQUIRE(s.sections.size() == 3);
  CHECK(s.sections[0].section == "");
  CHECK(s.sections[0].scenes == 0);  // only the unheaded opening
  CHECK(s.sections[0].dialogue_words == 10);
  CHECK(s.sections[1].section == "Act One");
  CHECK(s.sections[1].scenes == 2);
  CHECK(s.sections[1].lines == 12);
  CHECK(s.sections[1].eighths == 12.0);
  CHECK(s.sections[1].speakers == 2);
  CHECK(s.sections[1].action_words == 40);
  CHECK(s.sections[2].section == "Act Two");
  CHECK(s.sections[2].speakers == 2);
  CHECK(s.sections[2].dialogue_blocks == 2);
}

TEST_CASE("an empty analysis gives zero figures", "[screenplay-stats]") {
  ScreenplayStats s = compute_screenplay_stats(Analysis{});
  CHECK(s.scenes == 0);
  CHECK(s.dialogue_ratio == 0.0);
  CHECK(s.settings.empty());
  CHECK(s.sections.empty());
  CHECK(s.dialogue_shares.empty());
}

#include <catch2/catch.hpp>

#include "screenplay/fountain_reader.h"
#include "screenplay/screenplay_story.h"

using namespace filmscope;

TEST_CASE("story from a fountain screenplay", "[story]") {
  const char* text =
      "Title: *Big Fish*\nAuthor: John August & Daniel Wallace\n\n"
      "[[only a note]]\n\n"
      "# Act One\n\n"
      "INT. DINER - NIGHT #4#\n\nEDWARD sits.\n\nEDWARD (V.O.)\n(quietly)\nI was *there*.\n\n"
      "SANDRA ^\nNo.\n\n"
      "EXT. RIVER - DAY\n\nWater.\n";
  Story story = story_from_screenplay(read_fountain(text));
  CHECK(story.film.title == "Big Fish");
  CHECK(story.film.writers == std::vector<std::string>{"John August", "Daniel Wallace"});
  CHECK(story.sections == std::vector<std::string>{"Act One"});
  REQUIRE(story.units.size() == 2);  // the note before the first heading makes no unit
  const NarrativeUnit& diner = story.units[0];
  CHECK(diner.section == "Act One");
  REQUIRE(diner.heading);
  CHECK(*diner.heading == "INT. DINER - NIGHT");
  REQUIRE(diner.setting);
  CHECK(diner.setting->location == "DINER");
  CHECK(diner.setting->number == "4");
  CHECK(diner.action == "EDWARD sits.");
  REQUIRE(diner.dialogue.size() == 2);
  CHECK(diner.dialogue[0].speaker == "EDWARD");
  CHECK(diner.dialogue[0].extensions == std::vector<std::string>{"V.O."});
  CHECK(diner.dialogue[0].text == "I was there.");
  CHECK(diner.dialogue[0].words == 3);
  CHECK(diner.dialogue[0].lines.first == 12);
  CHECK(diner.dialogue[0].lines.last == 14);
  CHECK(diner.dialogue[1].dual);
  CHECK(diner.lines.first == 8);
  CHECK(story.units[1].lines.first == 19);
}

TEST_CASE("content before the first heading becomes a unit", "[story]") {
  Story story = story_from_screenplay(read_fountain("A river.\n\nINT. HOUSE - DAY\n\nQuiet.\n"));
  REQUIRE(story.units.size() == 2);
  CHECK_FALSE(story.units[0].heading);
  CHECK(story.units[0].action == "A river.");
}

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

TEST_CASE("dialogue blocks from an element stream", "[story]") {
  ScreenplayDocument document;
  auto add = [&](ElementKind kind, std::string text, bool dual = false) {
    Element& element = document.elements.emplace_back();
    element.kind = kind;
    element.text = std::move(text);
    element.dual = dual;
    const std::size_t line = document.elements.size();
    element.lines = {line, line};
  };
  add(ElementKind::scene_heading, "INT. HOUSE - DAY");
  add(ElementKind::character, "EDWARD");
  add(ElementKind::dialogue, "  I   was\nthere. ");
  add(ElementKind::parenthetical, "(beat)");
  add(ElementKind::dialogue, "");
  add(ElementKind::dialogue, "Again.");
  add(ElementKind::character, "EDWARD");
  add(ElementKind::dialogue, "Once more.");
  add(ElementKind::character, "Edward (v.o.) ^");
  add(ElementKind::dialogue, "Far.");
  add(ElementKind::character, "SANDRA", true);
  add(ElementKind::scene_heading, "EXT. RIVER - DAY");
  add(ElementKind::character, "EDWARD");
  add(ElementKind::dialogue, "Water.");
  Story story = story_from_screenplay(document);
  REQUIRE(story.units.size() == 2);
  const NarrativeUnit& house = story.units[0];
  REQUIRE(house.dialogue.size() == 4);
  CHECK(house.dialogue[0].speaker == "EDWARD");
  CHECK(house.dialogue[0].text == "I was there. Again.");
  CHECK(house.dialogue[0].words == 4);
  CHECK(house.dialogue[0].lines.last == 6);
  CHECK(house.dialogue[1].speaker == "EDWARD");  // the same cue again
  CHECK(house.dialogue[1].extensions.empty());
  CHECK(house.dialogue[1].text == "Once more.");
  // Not a cue as written (lower case), so read as a forced one; its '^' makes it dual.
  CHECK(house.dialogue[2].cue == "Edward (v.o.) ^");
  CHECK(house.dialogue[2].speaker == "EDWARD");
  CHECK(house.dialogue[2].extensions == std::vector<std::string>{"v.o."});
  CHECK(house.dialogue[2].dual);
  CHECK(house.dialogue[3].dual);
  CHECK(house.dialogue[3].text.empty());
  CHECK(house.dialogue[3].words == 0);
  CHECK(house.text == "INT. HOUSE - DAY\nI was there.\nAgain.\nOnce more.\nFar.");
  REQUIRE(story.units[1].dialogue.size() == 1);
  CHECK(story.units[1].dialogue[0].speaker == "EDWARD");
  CHECK(story.units[1].text == "EXT. RIVER - DAY\nWater.");
}

#include <catch2/catch.hpp>

#include "screenplay/scene_heading.h"

using namespace filmscope;

TEST_CASE("scene heading prefixes", "[scene_heading]") {
  CHECK(looks_like_scene_heading("INT. HOUSE - NIGHT"));
  CHECK(looks_like_scene_heading("  ext forest"));
  CHECK(looks_like_scene_heading("I/E CAR"));
  CHECK(looks_like_scene_heading("EXT/INT. SHACK"));
  CHECK_FALSE(looks_like_scene_heading("EXT/INT. SHACK", HeadingPrefixes::fountain_spec));
  CHECK_FALSE(looks_like_scene_heading("INTERIOR"));
  CHECK_FALSE(looks_like_scene_heading("INT"));
  CHECK_FALSE(looks_like_scene_heading("EXTRA"));
  CHECK_FALSE(looks_like_scene_heading("ESTATE SALE"));
  CHECK_FALSE(looks_like_scene_heading("EDWARD"));
  CHECK_FALSE(looks_like_scene_heading("E"));
  CHECK_FALSE(looks_like_scene_heading(""));
  CHECK(looks_like_scene_heading("est. city"));
  CHECK(looks_like_scene_heading("e/i car"));
}

TEST_CASE("scene heading parts", "[scene_heading]") {
  auto s = parse_scene_heading("INT.  WILL'S BEDROOM - NIGHT (1973) #12A#");
  REQUIRE(s);
  CHECK(s->setting == "INT");
  CHECK(s->location == "WILL'S BEDROOM");
  CHECK(s->time_of_day == "NIGHT (1973)");
  CHECK(s->number == "12A");

  auto est = parse_scene_heading("EST. CITY -- DAWN");
  REQUIRE(est);
  CHECK(est->setting == "EXT");
  CHECK(est->location == "CITY");
  CHECK(est->time_of_day == "DAWN");

  auto both = parse_scene_heading("INT./EXT. CAR - MOVING - CONTINUOUS");
  REQUIRE(both);
  CHECK(both->setting == "INT/EXT");
  CHECK(both->location == "CAR - MOVING");
  CHECK(both->time_of_day == "CONTINUOUS");

  auto no_time = parse_scene_heading("EXT. BACKYARD / STREET, MORNING");
  REQUIRE(no_time);
  CHECK(no_time->location == "BACKYARD / STREET, MORNING");
  CHECK(no_time->time_of_day.empty());

  // The last separator of any kind splits off the time of day; time words match in any case.
  auto dashes = parse_scene_heading("EXT. ROAD -- MILE 9 \xE2\x80\x93 Pre-Dawn");
  REQUIRE(dashes);
  CHECK(dashes->location == "ROAD -- MILE 9");
  CHECK(dashes->time_of_day == "Pre-Dawn");
  auto em_dash = parse_scene_heading("INT. HALL \xE2\x80\x94 LATER - ROOM 5");
  REQUIRE(em_dash);
  CHECK(em_dash->location == "HALL \xE2\x80\x94 LATER - ROOM 5");
  CHECK(em_dash->time_of_day.empty());
  auto spaced = parse_scene_heading("INT. HALL -  NIGHTS -- DAYTIME");
  REQUIRE(spaced);
  CHECK(spaced->location == "HALL - NIGHTS");
  CHECK(spaced->time_of_day == "DAYTIME");

  auto forced = parse_scene_heading(".FLASHBACK");
  REQUIRE(forced);
  CHECK(forced->setting.empty());
  CHECK(forced->location == "FLASHBACK");

  CHECK_FALSE(parse_scene_heading("...and so"));
  CHECK_FALSE(parse_scene_heading("He enters."));
}

TEST_CASE("scene number of a heading line", "[scene_heading]") {
  CHECK(scene_number_of("INT. HOUSE - DAY #12A#") == "12A");
  CHECK(scene_number_of(".FLASHBACK #3#  ") == "3");
  CHECK(scene_number_of("INT. HOUSE - DAY") == "");
  CHECK(scene_number_of("INT. HOUSE #1 2#") == "");
  CHECK(scene_number_of("INT. #") == "");
  // The number parse_scene_heading finds after the prefix, for every line it accepts.
  for (const char* line :
       {"INT. HOUSE - DAY #12A#", "EXT.#1#", "INT.##", "INT #", ".#7#", ". #A-1.2#",
        "I/E CAR #9#  ", "EST. CITY # 4#", "INT./EXT. CAR #10# #11#"}) {
    INFO(line);
    auto parsed = parse_scene_heading(line);
    REQUIRE(parsed);
    CHECK(scene_number_of(line) == parsed->number);
  }
}

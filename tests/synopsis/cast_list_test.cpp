#include <catch2/catch.hpp>

#include "synopsis/cast_list.h"

using namespace filmscope;

TEST_CASE("actor plays character, description", "[synopsis]") {
  std::string line = "- Joaquin Phoenix plays Theodore Twombly, a lonely writer.";
  auto entry = parse_cast_line(line, 100, 7);
  REQUIRE(entry);
  CHECK(entry->actor == "Joaquin Phoenix");
  CHECK(entry->credit == "plays");
  CHECK(entry->character == "Theodore Twombly");
  CHECK(entry->description == "a lonely writer.");
  CHECK(entry->line == 7);
  CHECK(entry->description_offset == 100 + line.find("a lonely"));
}

TEST_CASE("an actor sharing a name with the character stays an actor", "[synopsis]") {
  auto entry = parse_cast_line("- Amy Adams plays Amy, a close friend of the protagonist.", 0, 1);
  REQUIRE(entry);
  CHECK(entry->actor == "Amy Adams");
  CHECK(entry->character == "Amy");
}

TEST_CASE("voices, portrays and as", "[synopsis]") {
  auto voiced = parse_cast_line("- Scarlett Johansson voices Samantha, an advanced AI", 0, 1);
  REQUIRE(voiced);
  CHECK(voiced->credit == "voices");
  auto portrayed = parse_cast_line("* Tom Wilkinson portrays Dr. Howard Mierzwiak - the inventor", 0, 1);
  REQUIRE(portrayed);
  CHECK(portrayed->credit == "portrays");
  CHECK(portrayed->character == "Dr. Howard Mierzwiak");
  CHECK(portrayed->description == "the inventor");
  auto as = parse_cast_line("- Kevin Spacey as GERTY", 0, 1);
  REQUIRE(as);
  CHECK(as->character == "GERTY");
  CHECK(as->description.empty());
}

TEST_CASE("character first: parenthesised actor and voiced by", "[synopsis]") {
  auto paren = parse_cast_line("- Monty Brogan (Edward Norton): a dealer facing prison", 0, 1);
  REQUIRE(paren);
  CHECK(paren->character == "Monty Brogan");
  CHECK(paren->actor == "Edward Norton");
  CHECK(paren->description == "a dealer facing prison");
  auto voiced = parse_cast_line("- GERTY, voiced by Kevin Spacey, the base computer", 0, 1);
  REQUIRE(voiced);
  CHECK(voiced->character == "GERTY");
  CHECK(voiced->actor == "Kevin Spacey");
  CHECK(voiced->credit == "voices");
}

TEST_CASE("lines that are not credits", "[synopsis]") {
  CHECK_FALSE(parse_cast_line("- He travels to the city as a stranger.", 0, 1));
  CHECK_FALSE(parse_cast_line("The story follows a lonely man.", 0, 1));
}

TEST_CASE("credits written into plot sentences", "[synopsis]") {
  auto credits = find_prose_credits(
      "NYPD detective Eddie Flemming (Robert De Niro) and Jordy Warsaw (Edward Burns) meet.", 3);
  REQUIRE(credits.size() == 2);
  CHECK(credits[0].character == "Eddie Flemming");
  CHECK(credits[0].actor == "Robert De Niro");
  CHECK(credits[1].character == "Jordy Warsaw");
  CHECK(credits[1].line == 3);
  auto stars = find_prose_credits("Sam Rockwell stars as Sam Bell, an astronaut.", 1);
  REQUIRE(stars.size() == 1);
  CHECK(stars[0].actor == "Sam Rockwell");
  CHECK(stars[0].character == "Sam Bell");
  auto voiced = find_prose_credits("The base is run by GERTY, voiced by Kevin Spacey.", 1);
  REQUIRE(voiced.size() == 1);
  CHECK(voiced[0].character == "GERTY");
  CHECK(voiced[0].credit == "voices");
  auto surname = find_prose_credits("a Newcomer named Cecil Porter (Parton), who dies", 1);
  REQUIRE(surname.size() == 1);
  CHECK(surname[0].actor == "Parton");
  CHECK(find_prose_credits("He arrives (late) and leaves.", 1).empty());
  // Every "voiced by" of a sentence, not only the first.
  auto several = find_prose_credits(
      "Beside her work Worry, voiced by Ann Holt, Spite, voiced by Lewis Grey, and Scorn, voiced by Mia Kay.", 1);
  REQUIRE(several.size() == 3);
  CHECK(several[0].character == "Worry");
  CHECK(several[1].character == "Spite");
  CHECK(several[1].actor == "Lewis Grey");
  CHECK(several[2].character == "Scorn");
}

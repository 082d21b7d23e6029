#include <catch2/catch.hpp>

#include "synopsis/film_header.h"

using namespace filmscope;

TEST_CASE("credits line with the year glued to Directed by", "[synopsis]") {
  auto credits = parse_credits_line("| 2013Directed by: Spike Jonze");
  REQUIRE(credits);
  CHECK(credits->year == 2013);
  CHECK(credits->directors == std::vector<std::string>{"Spike Jonze"});
  CHECK(credits->writers.empty());
}

TEST_CASE("written and directed by credits both", "[synopsis]") {
  auto credits = parse_credits_line("| 2009 Written and directed by: Duncan Jones");
  REQUIRE(credits);
  CHECK(credits->directors == std::vector<std::string>{"Duncan Jones"});
  CHECK(credits->writers == std::vector<std::string>{"Duncan Jones"});
}

TEST_CASE("two directors and a separate writer", "[synopsis]") {
  auto credits = parse_credits_line("| 1996 Directed by: Joel and Ethan Coen | Written by: Joel Coen, Ethan Coen");
  REQUIRE(credits);
  CHECK(credits->year == 1996);
  CHECK(credits->directors == std::vector<std::string>{"Joel Coen", "Ethan Coen"});
  CHECK(credits->writers == std::vector<std::string>{"Joel Coen", "Ethan Coen"});
}

TEST_CASE("a line without credits or year is not a credits line", "[synopsis]") {
  CHECK_FALSE(parse_credits_line("Main Plot"));
}

TEST_CASE("film facts from an opening prose sentence", "[synopsis]") {
  auto film = parse_film_sentence(
      "Moon is a 2009 British science fiction drama film directed by Duncan Jones and written by Nathan Parker.", true);
  CHECK(film.title == "Moon");
  CHECK(film.year == 2009);
  CHECK(film.directors == std::vector<std::string>{"Duncan Jones"});
  CHECK(film.writers == std::vector<std::string>{"Nathan Parker"});
}

TEST_CASE("a plot sentence gives no film facts", "[synopsis]") {
  auto film = parse_film_sentence("After getting out of prison in 1999, two men travel to New York.", true);
  CHECK(film.title.empty());
  CHECK_FALSE(film.year);
}

TEST_CASE("find_year ignores longer numbers", "[synopsis]") {
  CHECK(find_year("| 2013Directed") == 2013);
  CHECK_FALSE(find_year("a 12345 b"));
  CHECK_FALSE(find_year("room 1234"));
}

#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

#include "synopsis/synopsis_reader.h"

using namespace filmscope;

namespace {
// A film-site synopsis in the shape users paste: title, glued credits line, headed sections.
const char* kSiteShape =
    "Moon\n"
    "| 2009Directed by: Duncan Jones\n"
    "Main Plot\n"
    "An astronaut nears the end of a three-year shift on the far side of the Moon. "
    "His only company is the base computer.\n"
    "Characters\n"
    "- Sam Rockwell plays Sam Bell, a lonely astronaut. He mines helium.\n"
    "- Kevin Spacey voices GERTY, the base computer.\n"
    "Ending Explained\n"
    "Sam escapes to Earth.\n";
}  // namespace

TEST_CASE("title, glued year and director from the header", "[synopsis]") {
  auto story = read_synopsis(kSiteShape);
  CHECK(story.film.title == "Moon");
  CHECK(story.film.year == 2009);
  CHECK(story.film.directors == std::vector<std::string>{"Duncan Jones"});
  CHECK(story.sections == std::vector<std::string>{"Main Plot", "Characters", "Ending Explained"});
}

TEST_CASE("cast list entries and their description units", "[synopsis]") {
  auto story = read_synopsis(kSiteShape);
  REQUIRE(story.cast.size() == 2);
  CHECK(story.cast[0].actor == "Sam Rockwell");
  CHECK(story.cast[0].character == "Sam Bell");
  CHECK(story.cast[0].line == 6);
  CHECK(story.cast[1].credit == "voices");
  CHECK(story.cast[1].character == "GERTY");
  std::size_t cast_units = 0;
  for (const auto& unit : story.units) {
    if (!unit.from_cast_list) continue;
    ++cast_units;
    CHECK(unit.section == "Characters");
    // The actor is not part of the text read about the character.
    CHECK(unit.text.find("Rockwell") == std::string::npos);
  }
  CHECK(cast_units == 3);  // Sam Bell's entry has two sentences
}

TEST_CASE("narrative units keep sections, line spans and offsets", "[synopsis]") {
  std::string text = kSiteShape;
  auto story = read_synopsis(text);
  REQUIRE(story.units.size() >= 4);
  CHECK(story.units[0].section == "Main Plot");
  CHECK(story.units[0].lines.first == 4);
  CHECK(story.units[0].text.starts_with("An astronaut"));
  CHECK(story.units[1].text == "His only company is the base computer.");
  for (const auto& unit : story.units) CHECK(text.substr(unit.offset, unit.text.size()) == unit.text);
  CHECK(story.units.back().section == "Ending Explained");
  CHECK(story.units.back().lines.first == 9);
}

TEST_CASE("Markdown headings and a title with its year", "[synopsis]") {
  auto story = read_synopsis("# Arrival (2016)\n\n## Plot\n\nLouise Banks teaches linguistics.\n\n## Cast\n\n"
                             "- Amy Adams as Louise Banks\n");
  CHECK(story.film.title == "Arrival");
  CHECK(story.film.year == 2016);
  REQUIRE(story.cast.size() == 1);
  CHECK(story.cast[0].character == "Louise Banks");
}

TEST_CASE("plain prose takes film facts from its opening sentence", "[synopsis]") {
  auto story = read_synopsis(
      "Moon is a 2009 British science fiction film directed by Duncan Jones. "
      "Sam Bell (Sam Rockwell) is nearing the end of his contract.\n\n"
      "The base computer GERTY, voiced by Kevin Spacey, helps him.\n");
  CHECK(story.film.title == "Moon");
  CHECK(story.film.year == 2009);
  CHECK(story.film.directors == std::vector<std::string>{"Duncan Jones"});
  REQUIRE(story.cast.size() == 2);
  CHECK(story.cast[0].character == "Sam Bell");
  CHECK(story.cast[0].actor == "Sam Rockwell");
  CHECK(story.cast[1].character == "GERTY");
  CHECK(story.cast[1].credit == "voices");
  CHECK(story.sections.empty());
}

TEST_CASE("one sentence a line, paragraphs by blank lines", "[synopsis]") {
  auto story = read_synopsis("Emil kills Milos.\nOleg tapes it.\n\nWarsaw arrives.\n");
  REQUIRE(story.units.size() == 3);
  CHECK(story.units[1].lines.first == 2);
  CHECK(story.units[2].lines.first == 4);
  CHECK(story.film.title.empty());
}

TEST_CASE("an empty synopsis gives a diagnostic, not a crash", "[synopsis]") {
  auto story = read_synopsis("\n\n");
  CHECK(story.units.empty());
  REQUIRE(story.diagnostics.size() == 1);
  CHECK(story.diagnostics[0].code == "no-narrative");
}

TEST_CASE("property: any mix of synopsis lines reads without crashing, spans inside the text",
          "[synopsis][property]") {
  std::mt19937 random(20261125);
  const std::vector<std::string> lines{
      "Her", "| 2013Directed by: Spike Jonze", "Main Plot", "Characters", "## Cast", "",
      "- Joaquin Phoenix plays Theodore Twombly, a lonely writer.", "- Amy Adams as Amy",
      "- GERTY (Kevin Spacey): the base computer", "He meets Dr. Howard Mierzwiak (Tom Wilkinson).",
      "Sam Rockwell stars as Sam Bell.", "# ", "**Ending**", "- ", "- plays , ,", "(", "\"", "Mr.",
      "A lonely man buys an OS. This OS becomes his partner!", "Written and directed by: ",
      "Moon is a 2009 film directed by Duncan Jones."};
  for (int round = 0; round < 300; ++round) {
    std::string text;
    int n = static_cast<int>(random() % 14);
    for (int k = 0; k < n; ++k) text += lines[random() % lines.size()] + (random() % 5 ? "\n" : "\r\n");
    auto story = read_synopsis(text);
    std::size_t line_count = 1 + static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
    for (const auto& unit : story.units) {
      REQUIRE(unit.offset + unit.text.size() <= text.size());
      REQUIRE(text.compare(unit.offset, unit.text.size(), unit.text) == 0);
      REQUIRE(unit.lines.first >= 1);
      REQUIRE(unit.lines.first <= unit.lines.last);
      REQUIRE(unit.lines.last <= line_count);
    }
    for (const auto& entry : story.cast) {
      REQUIRE_FALSE(entry.character.empty());
      REQUIRE(entry.line <= line_count);
    }
  }
}

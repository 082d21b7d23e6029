// The tone stage: the sentences every model reads (a screenplay heading is one of its own),
// scene valence as their mean, and the words of names left out of it.
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "analysis/tone_analysis.h"

using namespace filmscope;

namespace {

Scene scene(std::size_t index, std::optional<std::string> heading, std::string text) {
  Scene s;
  s.index = index;
  s.heading = std::move(heading);
  s.text = std::move(text);
  return s;
}

std::vector<std::string> texts(const std::vector<ThemeSentence>& sentences) {
  std::vector<std::string> out;
  for (const ThemeSentence& sentence : sentences) out.emplace_back(sentence.text);
  return out;
}

}  // namespace

TEST_CASE("a screenplay scene's heading is a sentence of its own", "[analysis][tone]") {
  const Scene kitchen = scene(1, "INT. KITCHEN - NIGHT", "INT. KITCHEN - NIGHT Anna cooks. Ben sings badly.");
  CHECK(heading_length(kitchen) == 20);
  CHECK(texts(scene_sentences(kitchen)) ==
        std::vector<std::string>{"INT. KITCHEN - NIGHT", "Anna cooks.", "Ben sings badly."});
  // A heading alone is the scene's one sentence.
  const Scene bare = scene(2, "EXT. ROAD - DAY", "EXT. ROAD - DAY");
  CHECK(texts(scene_sentences(bare)) == std::vector<std::string>{"EXT. ROAD - DAY"});
  // A heading whose white space was collapsed in the scene's text still opens it.
  CHECK(heading_length(scene(3, "INT.  HALL -  DAY", "INT. HALL - DAY Tom waits.")) == 15);
  // No heading, a heading the text does not start with, or one that runs into a longer word.
  CHECK(heading_length(scene(4, std::nullopt, "Anna cooks.")) == 0);
  CHECK(heading_length(scene(5, "INT. HALL - DAY", "Tom waits.")) == 0);
  CHECK(heading_length(scene(6, "INT. HALL - DAY", "INT. HALL - DAYS later.")) == 0);
  CHECK(texts(scene_sentences(scene(7, std::nullopt, "Anna cooks. Ben sings."))) ==
        std::vector<std::string>{"Anna cooks.", "Ben sings."});
}

TEST_CASE("scene valence leaves out the words of the characters' names", "[analysis][tone]") {
  Analysis analysis;
  analysis.scenes = {scene(1, std::nullopt, "Joy hands the controls to Sadness.")};
  Character joy, sadness;
  joy.id = "joy";
  joy.name = "Joy";
  sadness.id = "sadness";
  sadness.name = "Sadness";
  analysis.characters = {joy, sadness};
  apply_themes_and_valence(analysis);
  CHECK(analysis.scenes[0].valence == 0.0);
  // Without the characters, the same words are the feelings they spell.
  analysis.characters.clear();
  apply_themes_and_valence(analysis);
  CHECK(analysis.scenes[0].valence > 0.0);
}

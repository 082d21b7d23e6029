// Turn text: the sentence quoted for a turning point, among all of a scene's or among those given.
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "arcs/turn_text.h"

using namespace filmscope;

namespace {

// A scene cut and scored as the tone stage would have: sentences with their valences.
Scene scored_scene(std::optional<std::string> heading, const std::vector<std::pair<std::string, double>>& sentences) {
  Scene s;
  s.index = 1;
  s.heading = std::move(heading);
  s.sentences.emplace();
  for (const auto& [text, valence] : sentences) {
    if (!s.text.empty()) s.text += ' ';
    s.sentences->push_back({s.text.size(), text.size(), valence});
    s.text += text;
  }
  return s;
}

}  // namespace

TEST_CASE("a turn quotes the sentence that moves most its way", "[arcs][turn]") {
  const Scene s = scored_scene(std::nullopt, {{"They laugh.", 0.5}, {"She weeps.", -0.6}, {"He waits.", 0.0}});
  SceneSentenceCache cache;
  CHECK(turn_sentence(s, +0.3, nullptr, cache) == "They laugh.");
  CHECK(turn_sentence(s, -0.3, nullptr, cache) == "She weeps.");
  // Among the sentences given (a screenplay pair's), only those.
  const std::vector<std::size_t> among{1, 2};
  CHECK(turn_sentence(s, +0.3, nullptr, cache, among) == "He waits.");
  // No sentences given: all of them.
  CHECK(turn_sentence(s, +0.3, nullptr, cache, {}) == "They laugh.");
}

TEST_CASE("a turn does not quote a scene's heading while the scene has other sentences", "[arcs][turn]") {
  const Scene s = scored_scene("INT. WARD - NIGHT", {{"INT. WARD - NIGHT", 0.0}, {"She weeps.", -0.6}, {"He dies.", -0.8}});
  SceneSentenceCache cache;
  // A rise in a scene of grief: the least grim sentence, not the heading's zero.
  CHECK(turn_sentence(s, +0.3, nullptr, cache) == "She weeps.");
  const Scene bare = scored_scene("INT. WARD - NIGHT", {{"INT. WARD - NIGHT", 0.0}});
  CHECK(turn_sentence(bare, +0.3, nullptr, cache) == "INT. WARD - NIGHT");
}

TEST_CASE("the sentence cache keeps each scene's cut, events and heading apart", "[arcs][turn]") {
  const Scene a = scored_scene("INT. WARD - NIGHT", {{"INT. WARD - NIGHT", 0.0}, {"She leaves him.", -0.4}});
  Scene b = scored_scene(std::nullopt, {{"They kiss.", 0.5}, {"He waits.", 0.0}, {"They reunite.", 0.6}});
  b.index = 2;
  SceneSentenceCache cache;
  // Asked for in turn, as the arcs of several pairs ask.
  for (int round = 0; round < 2; ++round) {
    REQUIRE(cache.sentences(a).size() == 2);
    REQUIRE(cache.sentences(b).size() == 3);
    CHECK(cache.events(a, 1).size() == 1);
    CHECK(cache.events(b, 0).size() == 1);
    CHECK(cache.events(a, 0).empty());
    CHECK(cache.events(b, 1).empty());
    CHECK(cache.heading_length(a) == std::string("INT. WARD - NIGHT").size());
    CHECK(cache.heading_length(b) == 0);
    CHECK(cache.sentences(b)[2].text == "They reunite.");
  }
}

TEST_CASE("a cache given the scenes keeps them by position and others by address", "[arcs][turn]") {
  std::vector<Scene> scenes;
  scenes.push_back(scored_scene(std::nullopt, {{"She leaves him.", -0.4}}));
  scenes.push_back(scored_scene(std::nullopt, {{"They kiss.", 0.5}, {"He waits.", 0.0}}));
  const Scene elsewhere = scored_scene(std::nullopt, {{"They reunite.", 0.6}});
  SceneSentenceCache cache(scenes);
  for (int round = 0; round < 2; ++round) {
    REQUIRE(cache.sentences(scenes[0]).size() == 1);
    REQUIRE(cache.sentences(scenes[1]).size() == 2);
    REQUIRE(cache.sentences(elsewhere).size() == 1);
    CHECK(cache.sentences(scenes[1])[1].text == "He waits.");
    CHECK(cache.sentences(elsewhere)[0].text == "They reunite.");
    CHECK(cache.events(scenes[0], 0).size() == 1);
    CHECK(cache.events(scenes[1], 1).empty());
    CHECK(cache.events(elsewhere, 0).size() == 1);
  }
  // An empty list of scenes: every scene by address.
  SceneSentenceCache none(std::span<const Scene>{});
  CHECK(none.sentences(scenes[1]).size() == 2);
}

// The relationship event lexicon: phrase matching, negation, kinds and the shift it gives.
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "arcs/relation_events.h"

using filmscope::default_relation_events;
using filmscope::event_applies;
using filmscope::event_shift;
using filmscope::find_relation_events;

namespace {

std::vector<std::string> phrases(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& m : find_relation_events(text, default_relation_events())) {
    std::string phrase;
    for (const auto& w : m.event->words) phrase += (phrase.empty() ? "" : " ") + w;
    out.push_back(phrase);
  }
  return out;
}

}  // namespace

TEST_CASE("the compiled-in event lexicon parses", "[arcs][events]") {
  const auto& lexicon = default_relation_events();
  REQUIRE(lexicon.events.size() > 50);
  // Longest phrase first, so "falls in love" is never read as a bare word.
  CHECK(lexicon.events.front().words.size() >= lexicon.events.back().words.size());
  for (const auto& e : lexicon.events) {
    CHECK(e.weight >= -1.0);
    CHECK(e.weight <= 1.0);
    CHECK(!e.kinds.empty());
  }
}

TEST_CASE("events are matched as whole words and phrases, in text order", "[arcs][events]") {
  CHECK(phrases("She must leave, and he is heartbroken.") == std::vector<std::string>{"leave", "heartbroken"});
  CHECK(phrases("They FALL IN LOVE and later break up") == std::vector<std::string>{"fall in love", "break up"});
  CHECK(phrases("Cleaver and leaves-blower") == std::vector<std::string>{});  // no part-word matches
  CHECK(phrases("a painful divorce") == std::vector<std::string>{"divorce"});
}

TEST_CASE("a negated event is dropped", "[arcs][events]") {
  CHECK(phrases("She does not leave.").empty());
  CHECK(phrases("She doesn’t leave him.").empty());  // typographic apostrophe
  CHECK(phrases("He will never forgive her.").empty());
  CHECK(phrases("Not long after, she leaves.") == std::vector<std::string>{"leaves"});  // beyond the window
}

TEST_CASE("events apply to the kinds they name", "[arcs][events]") {
  const auto& lexicon = default_relation_events();
  const auto divorce = find_relation_events("divorce", lexicon);
  REQUIRE(divorce.size() == 1);
  CHECK(event_applies(*divorce[0].event, {"former-spouse"}));
  CHECK_FALSE(event_applies(*divorce[0].event, {"friendship", "work"}));
  CHECK(event_applies(*divorce[0].event, {}));  // an untyped pair takes every event
  const auto betrayal = find_relation_events("betrays", lexicon);
  REQUIRE(betrayal.size() == 1);
  CHECK(event_applies(*betrayal[0].event, {"work"}));  // "any"
}

TEST_CASE("the event shift sums applicable weights and is clamped", "[arcs][events]") {
  const auto& lexicon = default_relation_events();
  CHECK(event_shift("They reunite.", {"family"}, lexicon) == Approx(0.5));
  CHECK(event_shift("They reunite and forgive each other.", {"family"}, lexicon) ==
        Approx(filmscope::kMaxEventShift));  // 0.5 + 0.5, clamped
  CHECK(event_shift("She leaves.", {"romance"}, lexicon) < 0.0);
  CHECK(event_shift("She leaves.", {"work"}, lexicon) == 0.0);
  CHECK(event_shift("leaves, departs, abandons, betrays, kills", {"romance"}, lexicon) ==
        Approx(-filmscope::kMaxEventShift));
}

// The relationship event lexicon: phrase matching, negation, kinds and the shift it gives.
#include <algorithm>
#include <random>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include "arcs/relation_events.h"

using filmscope::default_relation_events;
using filmscope::event_applies;
using filmscope::event_shift;
using filmscope::find_relation_events;

namespace {

// The matching as first written: the whole text folded into a copy, every word cut from the
// copy, then the same longest-first, claim-once scan. find_relation_events folds only the words
// that could matter, and must give the same matches.
std::vector<std::pair<const filmscope::RelationEvent*, std::size_t>> reference_events(
    std::string_view text, const filmscope::RelationEventLexicon& lexicon) {
  std::string folded;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text.substr(i, 3) == "\xE2\x80\x99") {
      folded += '\'';
      i += 2;
      continue;
    }
    const char c = text[i];
    folded += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  auto word_byte = [](char c) {
    const auto b = static_cast<unsigned char>(c);
    return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || c == '\'' || c == '-' ||
           b >= 0x80;
  };
  std::vector<std::string_view> words;
  const std::string_view all = folded;
  for (std::size_t i = 0; i < all.size();) {
    while (i < all.size() && !word_byte(all[i])) ++i;
    const std::size_t start = i;
    while (i < all.size() && word_byte(all[i])) ++i;
    std::string_view word = all.substr(start, i - start);
    while (!word.empty() && (word.back() == '\'' || word.back() == '-')) word.remove_suffix(1);
    if (!word.empty()) words.push_back(word);
  }
  auto negation = [&](std::string_view word) {
    return (word.size() > 3 && word.ends_with("n't")) ||
           std::binary_search(lexicon.negations.begin(), lexicon.negations.end(), word);
  };
  std::vector<bool> claimed(words.size(), false);
  std::vector<std::pair<const filmscope::RelationEvent*, std::size_t>> matches;
  for (const auto& event : lexicon.events) {
    for (std::size_t i = 0; i + event.words.size() <= words.size(); ++i) {
      bool match = true;
      for (std::size_t k = 0; k < event.words.size() && match; ++k)
        match = !claimed[i + k] && words[i + k] == event.words[k];
      if (!match) continue;
      for (std::size_t k = 0; k < event.words.size(); ++k) claimed[i + k] = true;
      bool negated = false;
      for (std::size_t back = 1; back <= filmscope::kEventNegationWindow && back <= i && !negated; ++back)
        negated = negation(words[i - back]);
      if (!negated) matches.emplace_back(&event, i);
    }
  }
  std::stable_sort(matches.begin(), matches.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
  return matches;
}

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

TEST_CASE("a word start filter knows the first three letters of its words, blind to case", "[arcs][events]") {
  filmscope::WordStartFilter starts;
  CHECK_FALSE(starts.usable());  // knows no word yet
  starts.add("leave");
  starts.add("Hug");
  CHECK(starts.usable());
  CHECK(starts.may_begin("lea"));
  CHECK(starts.may_begin("LEAF"));
  CHECK(starts.may_begin("hUg"));
  CHECK_FALSE(starts.may_begin("lef"));
  CHECK_FALSE(starts.may_begin("the"));
  // Words sharing their first two letters keep each other's third.
  starts.add("left");
  CHECK(starts.may_begin("lef"));
  CHECK(starts.may_begin("lea"));
  CHECK_FALSE(starts.may_begin("leb"));
  CHECK_FALSE(starts.may_begin("elf"));
  starts.add("up");  // too short to be told by three letters
  CHECK_FALSE(starts.usable());
  filmscope::WordStartFilter digits;
  digits.add("4ever");
  CHECK_FALSE(digits.usable());
  CHECK(default_relation_events().first_word_starts.usable());
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

TEST_CASE("event matching agrees with folding the whole text first, property", "[arcs][events][property]") {
  const auto& lexicon = default_relation_events();
  // A lexicon with a two-letter first word cannot be passed over, and is searched in full.
  filmscope::RelationEventLexicon short_words = filmscope::parse_relation_events(
      "up\t0.5\tany\tn\nleave\t-0.5\tany\ty\n", filmscope::default_valence_lexicon());
  REQUIRE_FALSE(short_words.first_word_starts.usable());
  // Pieces that stress the folding: event words in every case, negations with either
  // apostrophe, trailing apostrophes and hyphens, non-ASCII letters, stray UTF-8 bytes.
  std::vector<std::string> pieces = {"not", "never", "doesn't", "doesn\xE2\x80\x99t", "Don\xE2\x80\x99T", "-",
                                     "'", "\xE2\x80\x99", "\xE2", "\x80\x99", "caf\xC3\xA9", "the", "and", "he",
                                     ".", ",", "  ", "\n", "!", "--", "x-", "in", "love", "up", "with",
                                     // Words that begin as an event's first word does and are none.
                                     "lea", "leav", "leaven", "thank", "hugely", "kis", "Dieter", "3", "7leaves",
                                     "'", "\xE2\x80\x99leaves", "le\xE2\x80\x99" "ave", "l"};
  for (const auto& event : lexicon.events)
    for (const auto& word : event.words) pieces.push_back(word);
  std::mt19937 random(20261205);
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    const std::size_t count = random() % 24;
    for (std::size_t p = 0; p < count; ++p) {
      std::string piece = pieces[random() % pieces.size()];
      const auto casing = random() % 4;
      for (char& c : piece) {
        if (casing == 1 && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        if (casing == 2 && c >= 'a' && c <= 'z' && random() % 2) c = static_cast<char>(c - 'a' + 'A');
      }
      text += piece;
      if (random() % 5) text += " \xE2\x80\x99'-.,"[random() % 8];
    }
    std::vector<std::pair<const filmscope::RelationEvent*, std::size_t>> got;
    for (const auto& match : find_relation_events(text, lexicon)) got.emplace_back(match.event, match.word);
    INFO(text);
    REQUIRE(got == reference_events(text, lexicon));
    got.clear();
    for (const auto& match : find_relation_events(text, short_words)) got.emplace_back(match.event, match.word);
    REQUIRE(got == reference_events(text, short_words));
  }
}

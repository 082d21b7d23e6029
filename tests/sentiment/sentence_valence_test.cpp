// The sentence valence model: hand-checked sentences for each rule, and values worked out by
// hand from the lexicon (good = 1.9, terrible = -2.1, kiss = 1.8) with VADER's constants.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "sentiment/sentence_valence.h"

using filmscope::default_valence_lexicon;
using filmscope::score_valence;
using filmscope::split_valence_words;

namespace {

double compound(const std::string& sentence) {
  return score_valence(sentence, default_valence_lexicon()).compound;
}

double normalized(double sum) { return sum / std::sqrt(sum * sum + 15.0); }

}  // namespace

TEST_CASE("the lexicon and rules are compiled in", "[valence]") {
  const auto& lexicon = default_valence_lexicon();
  CHECK(lexicon.valences.size() > 7000);
  CHECK(lexicon.valences.at("good") == Approx(1.9));
  CHECK(lexicon.negations.count("isn't") == 1);
  CHECK(lexicon.boosters.at("very") == Approx(0.293));
  CHECK(lexicon.boosters.at("kind of") == Approx(-0.293));
  CHECK(lexicon.idioms.at("kiss of death") == Approx(-1.5));
}

TEST_CASE("tokens keep case and emoticons, lose surrounding punctuation", "[valence]") {
  auto words = split_valence_words("“Wow,” he said :) GOOD!!!  ok");
  REQUIRE(words.size() == 6);
  CHECK(words[0].text == "Wow");
  CHECK(words[3].text == ":)");
  CHECK(words[4].text == "GOOD");
  CHECK(words[4].all_caps);
  CHECK_FALSE(words[0].all_caps);
  CHECK(words[5].text == "ok");  // two characters or fewer stay as written
}

TEST_CASE("hand-checked sentences", "[valence]") {
  CHECK(compound("The film is good.") > 0);
  CHECK(compound("The film is good.") == Approx(normalized(1.9)).margin(1e-9));
  CHECK(compound("not good") < 0);
  CHECK(compound("not good") == Approx(normalized(1.9 * -0.74)).margin(1e-9));
  CHECK(compound("very good") > compound("good"));
  CHECK(compound("very good") == Approx(normalized(1.9 + 0.293)).margin(1e-9));
  CHECK(compound("GOOD!!!") > compound("good"));
  CHECK(compound("The film is GOOD") > compound("The film is good"));  // capitals in mixed case
  CHECK(compound("good, but terrible") < 0);
  CHECK(compound("good, but terrible") == Approx(normalized(1.9 * 0.5 - 2.1 * 1.5)).margin(1e-9));
}

TEST_CASE("dampeners, least, never so, no and idioms", "[valence]") {
  CHECK(compound("barely good") < compound("good"));
  CHECK(compound("barely good") == Approx(normalized(1.9 - 0.293)).margin(1e-9));
  CHECK(compound("The book was only kind of good.") < compound("The book was good."));
  CHECK(compound("It is the least good idea") < 0);  // "least" negates
  CHECK(compound("It is at least good") > 0);        // "at least" does not
  CHECK(compound("It has never been this good") > compound("It has been good"));
  CHECK(compound("no good") < 0);
  // The idiom's -1.5 replaces "death" (-2.9); "kiss" keeps its own 1.8.
  CHECK(compound("the kiss of death") == Approx(normalized(1.8 - 1.5)).margin(1e-9));
  CHECK(compound("It isn't horrible") > 0);
  CHECK(compound("I can't say that it is horrible") < 0);  // the negation is out of reach
  CHECK(compound("It isn’t horrible") > 0);  // typographic apostrophe negates too
}

TEST_CASE("punctuation emphasis", "[valence]") {
  CHECK(compound("good!") == Approx(normalized(1.9 + 0.292)).margin(1e-9));
  CHECK(compound("good!!!!!!!!") == Approx(normalized(1.9 + 4 * 0.292)).margin(1e-9));
  CHECK(compound("good??") == Approx(normalized(1.9 + 2 * 0.18)).margin(1e-9));
  CHECK(compound("good?????") == Approx(normalized(1.9 + 0.96)).margin(1e-9));
  CHECK(compound("terrible!") < compound("terrible"));
  CHECK(compound("The door opens!!!") == 0);  // emphasis alone carries no valence
}

TEST_CASE("empty and pathological input", "[valence]") {
  CHECK(compound("") == 0);
  CHECK(compound("   \n\t ") == 0);
  std::string long_sentence;
  for (int i = 0; i < 20000; ++i) long_sentence += "very good but not ";
  const auto scores = score_valence(long_sentence, default_valence_lexicon());
  CHECK(scores.compound >= -1.0);
  CHECK(scores.compound <= 1.0);
  CHECK(split_valence_words(long_sentence).size() == filmscope::kMaxValenceWords);
  const auto mixed = score_valence("good, but terrible", default_valence_lexicon());
  CHECK(mixed.positive + mixed.negative + mixed.neutral == Approx(1.0));
}

TEST_CASE("the words of a story's names carry no valence", "[valence]") {
  const auto names = filmscope::ProperNames::of({"Joy", "Sadness", "Carl Fredricksen", "Hope O’Hara"});
  CHECK(names.contains("joy"));
  CHECK(names.contains("joy's"));  // a possessive of a name
  CHECK(names.contains("o'hara"));  // typographic apostrophes look up as ASCII, as words do
  CHECK_FALSE(names.contains("happy"));
  auto with_names = [&](const std::string& sentence) {
    return score_valence(sentence, default_valence_lexicon(), &names).compound;
  };
  // Character names, at the start of the sentence or inside it, in capitals or not.
  CHECK(compound("Joy hands the controls to Sadness.") > 0);  // the reference model reads "joy"
  CHECK(with_names("Joy hands the controls to Sadness.") == 0);
  CHECK(with_names("JOY hands the controls to SADNESS.") == 0);
  CHECK(with_names("Joy's plan fails.") == Approx(compound("The plan fails.")).margin(1e-9));
  CHECK(with_names("Hope arrives.") == 0);
  // Any capitalised word inside a clause is a name: "Paradise Falls" is a place.
  CHECK(with_names("The house lands near Paradise Falls.") == 0);
  // The same words in lower case are the common words they spell.
  CHECK(with_names("Carl feels joy.") == Approx(compound("Carl feels joy.")).margin(1e-9));
  CHECK(with_names("Carl feels joy.") > 0);
  // A clause's first word and a word in capitals throughout keep their valence.
  CHECK(with_names("Happy at last, Carl sleeps.") == Approx(compound("happy at last, Carl sleeps.")).margin(1e-9));
  CHECK(with_names("He waits: Happy days follow.") > 0);
  CHECK(with_names("He shouts, “Great work!”") > 0);
  CHECK(with_names("It is GOOD news for Carl.") == Approx(compound("It is GOOD news for Carl.")).margin(1e-9));
  // Without names, the reference model's scores.
  CHECK(score_valence("The house lands near Paradise Falls.", default_valence_lexicon(), nullptr).compound ==
        compound("The house lands near Paradise Falls."));
}

TEST_CASE("an ASCII sentence's words are those the general path cuts, property", "[valence][property]") {
  // A word with a byte above ASCII sends a sentence down the general path: the words before it
  // must come out the same as from the sentence alone, which takes the ASCII path.
  std::mt19937 random(5122028);
  const std::vector<std::string> pieces = {"good", "Bad", "NEVER", "it's", "\"Yes,", "(no)", ":)", "--", "said.",
                                           "O'Brien", "end!\"", "'quote'", "a", "I", "x.y", "..", "?", ";", "\t", "  "};
  for (int round = 0; round < 20000; ++round) {
    std::string sentence;
    const std::size_t count = random() % 12;
    for (std::size_t k = 0; k < count; ++k) sentence += pieces[random() % pieces.size()] + (random() % 3 ? " " : "");
    CAPTURE(sentence);
    const auto ascii = split_valence_words(sentence);
    const std::string extended = sentence + " caf\xC3\xA9";  // outlives the words' views into it
    const auto general = split_valence_words(extended);
    REQUIRE(general.size() == ascii.size() + 1);
    for (std::size_t k = 0; k < ascii.size(); ++k) {
      CAPTURE(k);
      REQUIRE(ascii[k].text == general[k].text);
      REQUIRE(ascii[k].lower == general[k].lower);
      REQUIRE(ascii[k].all_caps == general[k].all_caps);
      REQUIRE(ascii[k].capitalised == general[k].capitalised);
      REQUIRE(ascii[k].clause_initial == general[k].clause_initial);
    }
  }
}

TEST_CASE("scoring cut and looked-up tokens gives score_valence's scores, property", "[valence][property]") {
  // The steps one by one, as a caller that cuts sentences itself takes them: the compound to the
  // last bit (scene valences are written out), with and without a story's names.
  const auto& lexicon = default_valence_lexicon();
  const auto names = filmscope::ProperNames::of({"Joy", "Hope Castle", "O'Brien"});
  std::mt19937 random(20260415);
  const std::vector<std::string> pieces = {"good", "Bad", "NEVER", "no", "isn't", "Joy", "joy's", "Hope", "but",
                                           "kind", "of", "very", "without", "doubt", "least", "at", "\"Yes,",
                                           "(no)", ":)", "--", "said.", "O'Brien", "end!\"", "?", "!", "\t"};
  for (int round = 0; round < 20000; ++round) {
    std::string sentence;
    const std::size_t count = random() % 14;
    for (std::size_t k = 0; k < count; ++k) sentence += pieces[random() % pieces.size()] + (random() % 4 ? " " : "");
    CAPTURE(sentence);
    const filmscope::ProperNames* story_names = round % 2 ? &names : nullptr;
    filmscope::ValenceWords cut;
    filmscope::cut_valence_words(sentence, cut);
    for (auto& token : cut.tokens) {
      const auto found = filmscope::look_up_valence(token.lower, lexicon);
      token.entry = found.entry;
      token.negation = found.negation;
    }
    auto tokens = cut.tokens;
    const auto expected = score_valence(sentence, lexicon, story_names);
    const auto scores = filmscope::valence_scores(sentence, tokens, lexicon, story_names);
    REQUIRE(std::memcmp(&scores.compound, &expected.compound, sizeof(double)) == 0);
    REQUIRE(scores.positive == expected.positive);
    REQUIRE(scores.negative == expected.negative);
    REQUIRE(scores.neutral == expected.neutral);
    tokens = cut.tokens;
    const double compound = filmscope::compound_valence(sentence, tokens, lexicon, story_names);
    REQUIRE(std::memcmp(&compound, &expected.compound, sizeof(double)) == 0);
  }
}

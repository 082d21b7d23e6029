// One cut of a sentence for both tone models: the tokens it gives are those each model's own
// path gives, field by field, and so are the scores and theme profiles built from them.
#include <catch2/catch.hpp>

#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "analysis/tone_words.h"
#include "support/real_texts.h"
#include "themes/theme_set.h"

using namespace filmscope;

namespace {

// Pieces that exercise both tokenizers' rules and VADER's: letters in every case, digits,
// possessives, contractions, hyphens, quotes, brackets, emoticons, marks that end clauses or
// join words, short words before a mark ("no," is kept whole), every kind of white space, and
// the bytes that send a sentence down the models' own paths.
const std::vector<std::string> kPieces{
    "good", "Bad", "NEVER", "no", "not", "isn't", "it's", "Joy's", "Smiths'", "O'Brien", "kind", "of", "but",
    "very", "ex-wife", "T-800", "U.S.", "3,000", "x.y", "a", "I", "ok", "Love", "lonely", "LONELY", "42", "7th",
    ",", ".", ";", ":", "!", "?", "'", "\"", "(", ")", "[", "]", "-", "--", "...", ":)", ":-(", "@", "#", "/",
    " ", " ", " ", "  ", "\t", "\n", "\r\n", "\v", "\f", "_", "caf\xC3\xA9", "\xE2\x80\x9CYes\xE2\x80\x9D"};

std::string random_sentence(std::mt19937& random, std::size_t max_pieces) {
  std::string sentence;
  const std::size_t count = random() % (max_pieces + 1);
  for (std::size_t k = 0; k < count; ++k) {
    sentence += kPieces[random() % kPieces.size()];
    if (random() % 3 != 0) sentence += ' ';
  }
  return sentence;
}

// The first difference between the one cut and each model's own path, or "".
std::string tone_word_difference(std::string_view sentence, const ToneWords& cut, WordForms& forms,
                                 const ValenceLexicon& lexicon) {
  ValenceWords valence;
  cut_valence_words(sentence, valence);
  const auto& tokens = cut.valence.tokens;
  if (tokens.size() != valence.tokens.size())
    return std::to_string(tokens.size()) + " valence tokens, not " + std::to_string(valence.tokens.size());
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    const ValenceToken& a = tokens[k];
    const ValenceToken& b = valence.tokens[k];
    const ValenceLookup found = look_up_valence(b.lower, lexicon);
    if (a.lower != b.lower || a.entry != found.entry || a.negation != found.negation || a.all_caps != b.all_caps ||
        a.capitalised != b.capitalised || a.clause_initial != b.clause_initial)
      return "valence token " + std::to_string(k) + " \"" + std::string(a.lower) + "\" vs \"" +
             std::string(b.lower) + "\"";
  }
  ThemeWords themes;
  cut_theme_words(sentence, forms, themes);
  if (cut.themes.tokens.size() != themes.tokens.size())
    return std::to_string(cut.themes.tokens.size()) + " theme tokens, not " + std::to_string(themes.tokens.size());
  for (std::size_t k = 0; k < themes.tokens.size(); ++k) {
    const ThemeToken& a = cut.themes.tokens[k];
    const ThemeToken& b = themes.tokens[k];
    if (a.folded != b.folded || a.boundary != b.boundary || (!a.boundary && a.form != b.form))
      return "theme token " + std::to_string(k) + " \"" + std::string(a.folded) + "\" vs \"" + std::string(b.folded) +
             "\"";
  }
  return "";
}

bool same_profile(const ThemeProfile& a, const ThemeProfile& b) {
  if (a.words != b.words || a.themes.size() != b.themes.size()) return false;
  for (std::size_t t = 0; t < a.themes.size(); ++t) {
    const ThemeMeasure& x = a.themes[t];
    const ThemeMeasure& y = b.themes[t];
    if (x.tag != y.tag || x.matches != y.matches || x.expected != y.expected || x.score != y.score ||
        x.trajectory != y.trajectory || x.evidence.size() != y.evidence.size())
      return false;
    for (std::size_t e = 0; e < x.evidence.size(); ++e)
      if (x.evidence[e].scene != y.evidence[e].scene || x.evidence[e].text != y.evidence[e].text ||
          x.evidence[e].weight != y.evidence[e].weight)
        return false;
  }
  return true;
}

}  // namespace

TEST_CASE("one cut gives each model's own tokens, property", "[analysis][tone][property]") {
  const ValenceLexicon& lexicon = default_valence_lexicon();
  WordForms& forms = thread_word_forms();
  forms.start_story();
  ToneWordCutter cutter(forms, lexicon);
  ToneWords cut;
  std::mt19937 random(20260413);
  std::size_t in_one_pass = 0;
  for (int round = 0; round < 30000; ++round) {
    const std::string sentence = random_sentence(random, 14);
    if (one_cut_applies(sentence)) ++in_one_pass;
    cutter.cut(sentence, cut);
    INFO(sentence);
    REQUIRE(tone_word_difference(sentence, cut, forms, lexicon).empty());
  }
  // Most sentences must take the one pass, or it is not what is being tested.
  CHECK(in_one_pass > 10000);
}

TEST_CASE("one cut applies to ASCII without '_', vertical tab or form feed", "[analysis][tone]") {
  CHECK(one_cut_applies("He said: \"No, it's not.\"\tShe left.\r\n"));
  CHECK(one_cut_applies(""));
  CHECK_FALSE(one_cut_applies("snake_case"));
  CHECK_FALSE(one_cut_applies("a\vb"));
  CHECK_FALSE(one_cut_applies("a long sentence with a form feed\f in its second half"));
  CHECK_FALSE(one_cut_applies("caf\xC3\xA9"));
}

TEST_CASE("one cut stops valence tokens where the model stops, theme tokens not", "[analysis][tone]") {
  std::string sentence;
  for (std::size_t k = 0; k < kMaxValenceWords + 10; ++k) sentence += k % 2 ? "good, " : "Bad ";
  WordForms& forms = thread_word_forms();
  forms.start_story();
  ToneWordCutter cutter(forms, default_valence_lexicon());
  ToneWords cut;
  cutter.cut(sentence, cut);
  CHECK(cut.valence.tokens.size() == kMaxValenceWords);
  CHECK(cut.themes.tokens.size() == (kMaxValenceWords + 10) * 3 / 2);
  CHECK(tone_word_difference(sentence, cut, forms, default_valence_lexicon()).empty());
}

TEST_CASE("scores and theme profiles from one cut are the models' own, property", "[analysis][tone][property]") {
  const ValenceLexicon& lexicon = default_valence_lexicon();
  const ThemeSet& set = default_theme_set();
  const ProperNames names = ProperNames::of({"Joy", "Carl Fredricksen", "Love"});
  std::mt19937 random(20260414);
  for (int story = 0; story < 300; ++story) {
    std::vector<std::string> texts;
    const std::size_t count = 1 + random() % 12;
    for (std::size_t k = 0; k < count; ++k) texts.push_back(random_sentence(random, 20));
    std::vector<ThemeSentence> sentences;
    for (std::size_t k = 0; k < texts.size(); ++k) sentences.push_back({k + 1, texts[k]});
    const ThemeProfile expected = profile_themes(sentences, set);

    WordForms& forms = thread_word_forms();
    ThemeCounter counter(set, forms);
    ToneWordCutter cutter(forms, lexicon);
    ToneWords cut;
    for (const ThemeSentence& sentence : sentences) {
      cutter.cut(sentence.text, cut);
      counter.add_sentence(cut.themes.tokens);
      const ProperNames* story_names = story % 2 ? &names : nullptr;
      INFO(std::string(sentence.text));
      // Equal to the last bit: the scene valences are written out.
      const double compound = compound_valence(sentence.text, cut.valence.tokens, lexicon, story_names);
      const double reference = score_valence(sentence.text, lexicon, story_names).compound;
      REQUIRE(std::memcmp(&compound, &reference, sizeof compound) == 0);
    }
    REQUIRE(same_profile(counter.profile(sentences), expected));
  }
}

TEST_CASE("one cut agrees with the models on every line of the corpus and the shared texts", "[analysis][tone]") {
  const ValenceLexicon& lexicon = default_valence_lexicon();
  WordForms& forms = thread_word_forms();
  forms.start_story();
  ToneWordCutter cutter(forms, lexicon);
  ToneWords cut;
  std::size_t in_one_pass = 0;
  testing::for_each_real_piece("\n", [&](std::string_view line, const std::filesystem::path& path) {
    if (one_cut_applies(line)) ++in_one_pass;
    cutter.cut(line, cut);
    INFO(path.string());
    INFO(std::string(line));
    REQUIRE(tone_word_difference(line, cut, forms, lexicon).empty());
  });
  CHECK(in_one_pass > 500);
}

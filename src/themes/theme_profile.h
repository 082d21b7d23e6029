// Theme tagging: how strongly a story is about each theme of a ThemeSet, with evidence.
//
// Takes: the story's sentences in order, each with its 1-based scene index, and a ThemeSet.
// Produces: per theme, the weighted number of term matches, the number expected from the
// background rate, a score in 0..1, the strongest evidence sentences and a trajectory.
// Method:
//   Matching — each sentence is tokenised (text/tokenizer.h), words are case-folded and
//   stemmed; at each word every theme takes its longest term that starts there (a phrase never
//   spans punctuation), and the words it covers cannot start another match of that theme. A
//   match is dropped when a negation word (theme_negations.txt) stands within the
//   kNegationWindow words before it in the same clause ("not lonely", "no longer afraid").
//   Score — with c the weighted matches, N the words of the story, b the theme's background
//   rate and e = N·b the matches expected of an ordinary synopsis of that length:
//       lift     = ln((c + kLiftPrior) / (e + kLiftPrior))        (log-odds-like, smoothed)
//       presence = 1 − exp(−c / kPresenceScale)                   (enough evidence at all?)
//       score    = presence · lift / (lift + kLiftHalf) when lift > 0, else 0
//   so a theme needs both repeated evidence and a density above what common words give any
//   story: "love" in every third synopsis does not make every film a love story.
//   Evidence — the kEvidencePerTheme sentences with the most weight for the theme (ties: the
//   earlier). Trajectory — the story's words cut into kTrajectoryBins equal parts (by
//   sentence start); per part, matches per word, scaled so that the highest part is 1.
// Limits: bag of stems, no sense disambiguation ("cell" in prison and in biology), and
// background rates measured on one reference set (see scripts/theme-background).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "model/analysis.h"
#include "text/tokenizer.h"
#include "themes/theme_set.h"
#include "themes/word_forms.h"

namespace filmscope {

inline constexpr std::size_t kNegationWindow = 3;
inline constexpr std::size_t kEvidencePerTheme = 3;
inline constexpr std::size_t kTrajectoryBins = 10;

struct ThemeSentence {
  std::size_t scene = 0;  // 1-based
  std::string_view text;
};

struct ThemeMeasure {
  std::string tag;
  double matches = 0.0;   // weighted
  double expected = 0.0;  // from the background rate
  double score = 0.0;
  std::vector<ThemeEvidence> evidence;
  std::vector<double> trajectory;  // kTrajectoryBins values in 0..1
};

struct ThemeProfile {
  std::size_t words = 0;
  std::vector<ThemeMeasure> themes;  // every theme of the set, in set order
};

ThemeProfile profile_themes(const std::vector<ThemeSentence>& sentences, const ThemeSet& set);

// The themes worth reporting (score > 0), highest score first (ties: definition order).
std::vector<Theme> ranked_themes(const ThemeProfile& profile);

// For a caller that cuts a story's sentences itself, as the tone stage does once for both of its
// models: profile_themes(sentences, set) is a ThemeCounter fed with each sentence's
// cut_theme_words, in story order.

// A word of a sentence as matching reads it: case-folded, with its number in a WordForms, or
// punctuation that phrases and negation do not reach across (quotes are left out).
struct ThemeToken {
  std::string_view folded;
  std::uint32_t form = 0;  // for words
  bool boundary = false;
};

// A sentence's tokens and the memory their views need, reused from sentence to sentence.
struct ThemeWords {
  std::vector<ThemeToken> tokens;
  std::string lowered;           // the folded forms of an ASCII sentence
  std::vector<TokenSpan> spans;  // its tokens
  std::vector<Token> folded;     // the tokens of any other sentence
};

// The tokens of `sentence` into `out`, numbered in `forms`.
void cut_theme_words(std::string_view sentence, WordForms& forms, ThemeWords& out);

// Whether a punctuation token is a quote or apostrophe, which matching leaves out: it does not
// end a clause.
bool is_theme_quote(std::string_view folded);

class ThemeCounter {
 public:
  // Starts a story in `forms` (numbers from before are no longer valid); `set` and `forms`
  // must outlive the counter.
  ThemeCounter(const ThemeSet& set, WordForms& forms);

  // The next sentence's tokens, numbered in the counter's `forms`.
  void add_sentence(const std::vector<ThemeToken>& words);

  // The profile of the sentences added, which are `sentences` (evidence quotes them).
  ThemeProfile profile(const std::vector<ThemeSentence>& sentences) const;

 private:
  struct SentenceWeight {
    std::size_t sentence = 0;
    double weight = 0.0;
  };

  bool term_matches(const ThemeTerm& term, const std::vector<ThemeToken>& words, std::size_t at) const;
  bool negated(const std::vector<ThemeToken>& words, std::size_t at);
  bool is_negation(const ThemeToken& word);

  // Per form number, whether the form is a negation word, noted the first time a match looks
  // back at it: the look-back may ask of three words per match, and a story repeats them.
  enum class NegationNote : std::uint8_t { unknown, negation, other };

  const ThemeSet& set_;
  std::unique_ptr<ThemeSet> indexed_;  // for a set put together without index_theme_terms
  const FlatStringMap<std::vector<ThemeTermRef>>* by_first_stem_;
  WordForms& forms_;
  // Per sentence, its first word's position in the story; per theme, the sentences it matched
  // in story order with their weight. Most sentences match no theme, so nothing here grows
  // with sentences × themes.
  std::vector<std::size_t> sentence_start_;
  std::vector<std::vector<SentenceWeight>> matched_;
  std::size_t story_words_ = 0;
  // In story word positions, which only grow, so nothing needs resetting between sentences.
  std::vector<std::size_t> next_free_;
  std::vector<const ThemeTerm*> best_;
  std::vector<double> sentence_weight_;
  std::vector<std::size_t> touched_;  // themes with a match in the current sentence
  std::size_t sentence_base_ = 0;     // the first word's position, counting punctuation
  std::vector<NegationNote> negation_notes_;
};

// A word as theme matching sees it: case-folded, or punctuation that phrases and negation do
// not reach across (quotes are dropped).
struct ThemeWord {
  std::string folded;
  bool boundary = false;

  bool operator==(const ThemeWord&) const = default;
};

// The words of `sentence` as profile_themes reads them. ASCII text takes a faster path that
// folds the sentence once; theme_words_via_tokens always goes through tokenize, and the tests
// hold the two to the same words.
std::vector<ThemeWord> theme_words(std::string_view sentence);
std::vector<ThemeWord> theme_words_via_tokens(std::string_view sentence);

}  // namespace filmscope

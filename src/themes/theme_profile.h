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
#include <string>
#include <string_view>
#include <vector>

#include "model/analysis.h"
#include "themes/theme_set.h"

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

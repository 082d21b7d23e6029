// Sentence valence: how positive or negative one sentence reads, after VADER (Hutto & Gilbert,
// "VADER: A Parsimonious Rule-based Model for Sentiment Analysis of Social Media Text",
// ICWSM 2014), ported rule for rule from the reference implementation.
//
// Takes: one sentence as UTF-8 and a ValenceLexicon. Produces: the compound score in -1..1 and
// the positive / negative / neutral proportions.
// Method: the sentence is split on white space (ICU's definition) and leading and trailing
// punctuation is stripped from each token unless that leaves two characters or fewer (so ":)"
// and ":-(" survive as emoticons); case is kept, because a word in capitals inside a
// mixed-case sentence is emphasised. Each lexicon word's valence is then adjusted by the three
// tokens before it (boosters and dampeners, scaled down with distance; negations × -0.74;
// "never so/this" intensifies), by "no", "least", "kind of", idioms, capitals, and "but" (words
// before it count half, after it one and a half times). The sum, plus 0.292 per "!" (up to 4)
// and 0.18 per "?" (2 or 3; 0.96 from 4), is normalised as x / sqrt(x² + 15).
// Limits: no emoji translation (the reference maps emoji to words first); punctuation
// stripping also removes Unicode punctuation such as curly quotes, which the reference keeps
// (it strips ASCII punctuation only), and a typographic apostrophe counts as ASCII in
// look-ups ("isn’t" negates) — deliberate differences, since synopses use “…” and ’. A
// sentence longer than kMaxValenceWords tokens is scored on its first kMaxValenceWords.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "sentiment/valence_lexicon.h"
#include "text/string_lookup.h"

namespace filmscope {

// Bounds the work for one "sentence" (a screenplay scene without full stops can be pages long);
// the rules are linear in the token count, so this only bounds memory and time per call.
inline constexpr std::size_t kMaxValenceWords = 4096;

// A token that stripping its punctuation would leave this short is kept whole: ":)", ":-(",
// and also "no," (the reference's rule, kept for its scores).
inline constexpr std::size_t kEmoticonMaxLength = 2;

struct ValenceWord {
  std::string_view text;  // as written, punctuation stripped unless it is an emoticon
  std::string lower;      // lower-cased, for lexicon look-ups
  bool all_caps = false;  // has an upper-case letter and no lower-case one
  bool capitalised = false;     // its first letter is upper or title case
  bool clause_initial = false;  // first of the sentence, after . ! ? : ; or opening a quotation
};

struct ValenceScores {
  double compound = 0.0;  // -1 .. 1
  double positive = 0.0;  // proportions of the sentence, summing to 1 (0 for an empty one)
  double negative = 0.0;
  double neutral = 0.0;
};

// Splits a sentence into the tokens the valence rules work on; views point into `sentence`.
std::vector<ValenceWord> split_valence_words(std::string_view sentence);

ValenceScores score_valence(std::string_view sentence, const ValenceLexicon& lexicon);

// A story's names, whose words say who or where and not how things feel: "Joy hands the
// controls to Sadness" in Inside Out, "Paradise Falls" in Up. The reference model scores them
// as the common words they spell, which tilts whole arcs. With these names, score_valence gives
// no valence (and no booster or negation) to
// - a capitalised word inside a clause: not the sentence's first word, not the first after a
//   token ending in . ! ? : or ;, and not one opening a quotation or bracket ("Paradise Falls"),
//   unless it is in capitals throughout ("NEVER", the model's emphasis);
// - a capitalised word anywhere, capitals included, whose lower-case form (less a final 's) is
//   a word of one of the names ("Joy smiles", "SADNESS sits down").
// A lower-case "joy" keeps its valence. Without names the scores are the reference model's.
struct ProperNames {
  StringSet words;  // lower-case words of the names: "joy", "sadness", "carl", "fredricksen"

  // The words of each name (split at anything that is not a letter, digit or apostrophe).
  static ProperNames of(const std::vector<std::string>& names);
  bool contains(std::string_view lower_word) const;
};

ValenceScores score_valence(std::string_view sentence, const ValenceLexicon& lexicon, const ProperNames* names);

// For a caller that cuts a sentence's words itself, as the tone stage does once for both of its
// models: the steps of score_valence one by one. score_valence(sentence, lexicon, names) is
// cut_valence_words, look_up_valence for each token, then valence_scores.

// A word as the rules read it, with its lexicon entry.
struct ValenceToken {
  std::string_view lower;                   // as ValenceWord::lower
  const ValenceWordEntry* entry = nullptr;  // from ValenceLexicon::words, or null
  bool negation = false;                    // a lexicon negation, or it contains "n't"
  bool all_caps = false;
  bool capitalised = false;
  bool clause_initial = false;
};

// What the lexicon says of a lower-case word: its entry and whether it negates.
struct ValenceLookup {
  const ValenceWordEntry* entry = nullptr;
  bool negation = false;
};
ValenceLookup look_up_valence(std::string_view lower, const ValenceLexicon& lexicon);

// A sentence's tokens and the memory their views need, reused from sentence to sentence.
struct ValenceWords {
  std::vector<ValenceToken> tokens;  // not yet looked up
  std::vector<std::string_view> texts;  // per token, as ValenceWord::text
  std::string lowered;  // the tokens' lower-case forms
  std::vector<std::size_t> starts;  // where each token's form starts in `lowered`, while it grows
};
void cut_valence_words(std::string_view sentence, ValenceWords& out);

// The token of one white-space-delimited token of an ASCII sentence, sentence[start, end),
// as cut_valence_words cuts it; `lowered` is the sentence's ASCII lower case, which the
// token's form views. `after_clause_end` says whether the previous token ended a clause (true
// before the first) and is updated for the next.
ValenceToken ascii_valence_token(std::string_view sentence, std::string_view lowered, std::size_t start,
                                 std::size_t end, bool& after_clause_end);

// The scores of a sentence whose tokens are cut and looked up. The words of `names` lose their
// entries in `tokens`, which are otherwise kept; `sentence` gives the punctuation emphasis.
ValenceScores valence_scores(std::string_view sentence, std::vector<ValenceToken>& tokens, const ValenceLexicon& lexicon,
                             const ProperNames* names);
// As valence_scores(...).compound, without working out the proportions.
double compound_valence(std::string_view sentence, std::vector<ValenceToken>& tokens, const ValenceLexicon& lexicon,
                        const ProperNames* names);

}  // namespace filmscope

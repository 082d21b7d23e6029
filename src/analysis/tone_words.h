// Tone words: one cut of a sentence for both tone models, sentence valence
// (sentiment/sentence_valence.h) and theme matching (themes/theme_profile.h).
//
// Takes: a sentence, the story's WordForms and a ValenceLexicon. Produces: the sentence's
// valence tokens with their lexicon entries, and its theme tokens with their form numbers,
// the same as cut_valence_words with look_up_valence, and cut_theme_words, give them.
// Method: both models cut within white-space-delimited stretches: VADER splits at white space,
// and the theme tokenizer's pieces never cross it (hyphenated compounds and possessives take
// no space). An ASCII sentence is therefore lowered once and walked once, stretch by stretch.
// A stretch of letters and digits only, most of them, is one word to both models, numbered in
// the WordForms with one hash; its valence entry is noted per form, so the lexicon is asked
// once per distinct form rather than per word. Any other stretch is cut by each model's rules
// for a stretch (ascii_valence_token, append_ascii_token_spans), and its valence word takes the
// note of the theme word that is the same text, when there is one ("said," is "said" to both).
// Limits: a sentence with a byte above ASCII, a vertical tab or form feed (white space to VADER
// but not to the theme tokenizer) or '_' (which the theme tokenizer leaves to ICU) is cut by
// each model's own path.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "sentiment/sentence_valence.h"
#include "sentiment/valence_lexicon.h"
#include "themes/theme_profile.h"
#include "themes/word_forms.h"

namespace filmscope {

// One sentence's words for both models, and the memory their views need; reused from sentence
// to sentence. valence.texts is filled only where a sentence takes the models' own paths.
struct ToneWords {
  ValenceWords valence;  // tokens looked up
  ThemeWords themes;
};

// Whether ToneWordCutter cuts `sentence` in one pass: ASCII without '_', '\v' or '\f'.
bool one_cut_applies(std::string_view sentence);

class ToneWordCutter {
 public:
  // Numbers words in `forms` for the story it has begun (a ThemeCounter begins it); the cutter
  // must not outlive that story, and `forms` and `lexicon` must outlive the cutter.
  ToneWordCutter(WordForms& forms, const ValenceLexicon& lexicon) : forms_(forms), lexicon_(lexicon) {}

  void cut(std::string_view sentence, ToneWords& out);

 private:
  // A form's valence look-up, made the first time the form is met.
  struct ValenceNote {
    ValenceLookup lookup;
    bool known = false;
  };

  void cut_in_one_pass(std::string_view sentence, ToneWords& out);

  // The look-up of form number `form`, whose text is `folded`.
  const ValenceLookup& valence_of(std::uint32_t form, std::string_view folded) {
    if (form < notes_.size() && notes_[form].known) return notes_[form].lookup;
    return note_valence(form, folded);
  }
  const ValenceLookup& note_valence(std::uint32_t form, std::string_view folded);

  WordForms& forms_;
  const ValenceLexicon& lexicon_;
  std::vector<ValenceNote> notes_;  // per form number
};

}  // namespace filmscope

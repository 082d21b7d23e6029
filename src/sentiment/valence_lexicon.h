// The word lists the sentence valence model reads: token valences and the rule lists
// (negations, boosters and dampeners, idioms), parsed from src/data/valence_lexicon.txt and
// src/data/valence_rules.txt, which the build compiles in. A ValenceLexicon is immutable once
// built and may be shared read-only by any number of threads.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "text/string_lookup.h"

namespace filmscope {

// What the lists below say about one word, gathered so that scoring a sentence looks each of
// its words up once rather than in three lists.
struct ValenceWordEntry {
  std::optional<double> valence;  // from ValenceLexicon::valences
  std::optional<double> booster;  // from ValenceLexicon::boosters
  bool negation = false;
  bool starts_phrase = false;  // the first word of a multi-word idiom or booster
};

struct ValenceLexicon {
  // Keys are lower-cased as written in the data (ASCII lower case: the lexicon is English).
  StringMap<double> valences;  // -4 .. +4
  StringSet negations;
  StringMap<double> boosters;  // single words and two-word phrases
  StringMap<double> idioms;    // two- and three-word phrases
  // Every key of valences, negations and boosters; filled by parse_valence_lexicon, and by
  // index_words after the lists are changed by hand.
  FlatStringMap<ValenceWordEntry> words;
};

// Fills `lexicon.words` from its lists.
void index_words(ValenceLexicon& lexicon);

// Parses a lexicon ("token<TAB>valence") and a rule file ("kind<TAB>phrase<TAB>value"); lines
// that do not parse are skipped.
ValenceLexicon parse_valence_lexicon(std::string_view lexicon_text, std::string_view rules_text);

// The lexicon built from the compiled-in data; built once on first use, thread-safe to share.
const ValenceLexicon& default_valence_lexicon();

}  // namespace filmscope

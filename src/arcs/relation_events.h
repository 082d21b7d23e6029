// Relationship events: the words that make or break a bond, read from src/data/relation_events.txt.
//
// Takes: a sentence or scene text. Produces: the events it names, each with its signed weight,
// the relationship kinds it applies to and whether it implies an unnamed partner.
// Method: the text is lower-cased (ASCII) and cut into words (letters, digits, apostrophes and
// hyphens); each event phrase is matched as a run of whole words, longest phrase first, and a
// word already claimed by a longer phrase is not matched again. An event is dropped when one of
// the kEventNegationWindow words before it is a negation of the valence lexicon ("does not leave").
// Limits: no sense disambiguation ("left" the direction counts as "left" the departure); no
// stemming beyond the inflections the data lists.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "sentiment/valence_lexicon.h"
#include "text/string_lookup.h"

namespace filmscope {

inline constexpr std::size_t kEventNegationWindow = 2;
// The most events can move a valence: a scene full of partings is not "more" than -1.
inline constexpr double kMaxEventShift = 0.8;

struct RelationEvent {
  std::vector<std::string> words;  // the phrase, lower case
  double weight = 0.0;             // -1..1: negative breaks a bond, positive makes or mends one
  std::vector<std::string> kinds;  // relationship kinds it applies to, "personal" and "any" expanded
  bool implies_partner = false;
};

struct RelationEventLexicon {
  std::vector<RelationEvent> events;  // longest phrase first, then in data order
  std::vector<std::string> negations;  // from the valence lexicon, sorted
  // First word → indices into `events`, ascending (index_by_first_word); find_relation_events
  // builds its own when this is empty.
  FlatStringMap<std::vector<std::size_t>> by_first_word;
  // The shapes of those first words, to pass over most words without folding or hashing them.
  WordShapeFilter first_word_shapes;
};

FlatStringMap<std::vector<std::size_t>> index_by_first_word(
    const std::vector<RelationEvent>& events);
WordShapeFilter first_word_shapes(const std::vector<RelationEvent>& events);

// Parses "phrase<TAB>weight<TAB>kinds<TAB>y|n" rows; rows that do not parse are skipped.
RelationEventLexicon parse_relation_events(std::string_view data, const ValenceLexicon& valence);

// The lexicon built from the compiled-in data; built once on first use, thread-safe to share.
const RelationEventLexicon& default_relation_events();

struct EventMatch {
  const RelationEvent* event = nullptr;
  std::size_t word = 0;  // index of the phrase's first word in the text's words
};

std::vector<EventMatch> find_relation_events(std::string_view text, const RelationEventLexicon& lexicon);

// Whether the event applies to a relationship of these kinds (any event applies to an untyped one).
bool event_applies(const RelationEvent& event, const std::vector<std::string>& kinds);

// The summed weight of the events in `text` that apply to a relationship of these kinds,
// clamped to ±kMaxEventShift.
double event_shift(std::string_view text, const std::vector<std::string>& kinds,
                   const RelationEventLexicon& lexicon);
// The same over matches already found.
double event_shift(const std::vector<EventMatch>& matches, const std::vector<std::string>& kinds);

}  // namespace filmscope

// Relationship events: the words that make or break a bond, read from src/data/relation_events.txt.
//
// Takes: a sentence or scene text. Produces: the events it names, each with its signed weight,
// the relationship kinds it applies to and whether it implies an unnamed partner.
// Method: the text is lower-cased (ASCII) and cut into words (letters, digits, apostrophes and
// hyphens); each event phrase is matched as a run of whole words, longest phrase first, and a
// word already claimed by a longer phrase is not matched again. An event is dropped when one of
// the kEventNegationWindow words before it is a negation of the valence lexicon ("does not leave").
// Most sentences name no event, so a text is first passed over without being cut into words:
// only a word whose first three letters begin an event's first word (WordStartFilter) is cut
// and looked up, and only a text where one begins an event is searched as above.
// Limits: no sense disambiguation ("left" the direction counts as "left" the departure); no
// stemming beyond the inflections the data lists.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "sentiment/valence_lexicon.h"
#include "text/byte_scan.h"
#include "text/string_lookup.h"

namespace filmscope {

inline constexpr std::size_t kEventNegationWindow = 2;
// The most events can move a valence: a scene full of partings is not "more" than -1.
inline constexpr double kMaxEventShift = 0.8;

// Which first three bytes, blind to ASCII case (each counts by its low five bits, as in
// WordShapeFilter), begin some word of a list, when every word of the list begins with three
// ASCII letters (usable(); a list with a shorter word or another byte there cannot be passed
// over this way). A text word that begins with three ASCII letters none of the words begins with
// is none of them, and the test needs neither the word's end nor a hash.
class WordStartFilter {
 public:
  void add(std::string_view word) {
    if (word.size() < 3 || !is_ascii_letter(word[0]) || !is_ascii_letter(word[1]) || !is_ascii_letter(word[2])) {
      usable_ = false;
      return;
    }
    filled_ = true;
    thirds_[pair(word.data())] |= std::uint32_t{1} << low(word[2]);
  }
  bool usable() const { return usable_ && filled_; }
  // `three` points at three bytes.
  bool may_begin(const char* three) const { return (thirds_[pair(three)] >> low(three[2])) & 1U; }

 private:
  static unsigned low(char c) { return static_cast<unsigned char>(c) & 0x1FU; }
  static std::size_t pair(const char* two) { return (std::size_t{low(two[0])} << 5) | low(two[1]); }

  // Per first two bytes, the third bytes that may follow them, as bits: a test is one load and
  // a shift, where a bit set of every three bytes needed a word index and a bit index.
  std::array<std::uint32_t, 32 * 32> thirds_{};
  bool usable_ = true;
  bool filled_ = false;
};

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
  // The first three letters of those first words, for the pass over a text that finds most
  // texts name no event.
  WordStartFilter first_word_starts;
};

FlatStringMap<std::vector<std::size_t>> index_by_first_word(
    const std::vector<RelationEvent>& events);
WordShapeFilter first_word_shapes(const std::vector<RelationEvent>& events);
WordStartFilter first_word_starts(const std::vector<RelationEvent>& events);

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

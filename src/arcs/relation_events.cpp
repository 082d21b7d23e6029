// Relationship event lexicon and matching; see relation_events.h.
#include "arcs/relation_events.h"

#include <algorithm>
#include <array>
#include <bit>
#include <charconv>
#include <cstdint>
#include <memory>
#include <string>
#include <system_error>

#include "analysis/lexicon.h"
#include "text/byte_scan.h"

namespace filmscope {

namespace data {
extern const std::string_view relation_events_txt;
}  // namespace data

namespace {

// What the data's "personal" stands for: the bonds of attachment, as opposed to work,
// creator and conflict.
const std::vector<std::string> kPersonalKinds = {"romance", "marriage", "former-spouse",
                                                 "former-partner", "family", "friendship"};

std::vector<std::string> split_on(std::string_view text, char separator) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find(separator, start);
    if (end == std::string_view::npos) end = text.size();
    if (end > start) parts.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}

// Letters, digits, apostrophes, hyphens and every byte of a multi-byte character, as a table:
// the test runs on every byte of every scene.
constexpr std::array<bool, 256> kWordBytes = [] {
  std::array<bool, 256> table{};
  for (int c = 0; c < 256; ++c)
    table[static_cast<std::size_t>(c)] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                                         c == '\'' || c == '-' || c >= 0x80;
  return table;
}();

bool word_byte(unsigned char c) { return kWordBytes[c]; }

constexpr std::string_view kTypographicApostrophe = "\xE2\x80\x99";

char lower_ascii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// A word of the text as written. Its folded form — ASCII lower case, with a typographic
// apostrophe (U+2019) made ASCII so "doesn’t" negates — is made only for the few words that
// could be an event or a negation: folding a copy of every scene cost more than the matching.
struct TextWord {
  std::uint32_t offset = 0;
  std::uint32_t length = 0;
  bool ascii = true;  // no byte above 0x7F, so the folded form has the same length
};

// What one thread's searches reuse from text to text: most texts are single sentences, for
// which a fresh allocation per buffer cost more than the search.
struct SearchBuffers {
  std::vector<TextWord> words;
  std::string folded;
  std::vector<std::pair<std::size_t, std::size_t>> candidates;  // event index, word index
  std::vector<bool> claimed;
};

SearchBuffers& thread_search_buffers() {
  thread_local SearchBuffers buffers;
  return buffers;
}

// The end of the word in the run of word bytes text[start, end): trailing apostrophes and
// hyphens, typographic ones too, are not part of it.
std::size_t trimmed_end(std::string_view text, std::size_t start, std::size_t end) {
  for (;;) {
    if (end > start && (text[end - 1] == '\'' || text[end - 1] == '-'))
      --end;
    else if (end - start >= 3 && text.substr(end - 3, 3) == kTypographicApostrophe)
      end -= 3;
    else
      return end;
  }
}

void text_words(std::string_view text, std::vector<TextWord>& words) {
  words.clear();
  words.reserve(text.size() / 5 + 1);
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && !word_byte(static_cast<unsigned char>(text[i]))) ++i;
    const std::size_t start = i;
    unsigned char high = 0;
    while (i < text.size() && word_byte(static_cast<unsigned char>(text[i]))) high |= static_cast<unsigned char>(text[i++]);
    const std::size_t end = trimmed_end(text, start, i);
    if (end > start)
      words.push_back({static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(end - start), (high & 0x80) == 0});
  }
}

std::string_view folded_word(std::string_view text, const TextWord& word, std::string& buffer) {
  const std::string_view raw = text.substr(word.offset, word.length);
  buffer.resize(raw.size());
  std::size_t out = 0;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (!word.ascii && raw[i] == kTypographicApostrophe[0] && raw.substr(i, 3) == kTypographicApostrophe) {
      buffer[out++] = '\'';
      i += 2;
      continue;
    }
    buffer[out++] = lower_ascii(raw[i]);
  }
  buffer.resize(out);
  return buffer;
}

// Whether the word folds to `lower` (lower case already).
bool folds_to(std::string_view text, const TextWord& word, std::string_view lower, std::string& buffer) {
  if (!word.ascii) return folded_word(text, word, buffer) == lower;
  if (word.length != lower.size()) return false;
  for (std::size_t k = 0; k < lower.size(); ++k)
    if (lower_ascii(text[word.offset + k]) != lower[k]) return false;
  return true;
}

// The events whose first word `word` is, or null.
inline const std::vector<std::size_t>* events_beginning(std::string_view text, const TextWord& word,
                                                        const FlatStringMap<std::vector<std::size_t>>& index,
                                                        const WordShapeFilter& shapes) {
  // The shape filter is blind to ASCII case, so it reads the word as written.
  if (word.ascii && !shapes.may_hold(text.substr(word.offset, word.length))) return nullptr;
  // A short ASCII word is folded on the stack: most words that get this far are.
  constexpr std::size_t kShortWord = 32;
  if (word.ascii && word.length <= kShortWord) {
    std::array<char, kShortWord> lower;
    for (std::size_t k = 0; k < word.length; ++k) lower[k] = lower_ascii(text[word.offset + k]);
    return index.find(std::string_view(lower.data(), word.length));
  }
  return index.find(folded_word(text, word, thread_search_buffers().folded));
}

// The high bit of each ASCII letter of `chunk`, exactly: `low | 0x20` maps 'A'..'Z' onto
// 'a'..'z' and no other byte there, and each sum adds to bytes of at most 0x7F and stays below
// 0x100, so none carries into the next byte.
std::uint64_t letter_flags(std::uint64_t chunk) {
  using namespace byte_scan_detail;
  const std::uint64_t folded = (chunk & kLow7) | (kOnes * 0x20);
  return (folded + kOnes * (0x80 - 'a')) & ~(folded + kOnes * (0x7F - 'z')) & ~chunk & kHigh;
}

// Whether the word at the run of word bytes beginning at `start` begins an event, the word
// cut as text_words cuts it.
bool begins_event(std::string_view text, std::size_t start, const FlatStringMap<std::vector<std::size_t>>& index,
                  const WordShapeFilter& shapes) {
  std::size_t i = start;
  unsigned char high = 0;
  while (i < text.size() && word_byte(static_cast<unsigned char>(text[i]))) high |= static_cast<unsigned char>(text[i++]);
  const std::size_t end = trimmed_end(text, start, i);
  if (end == start) return false;
  const TextWord word{static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(end - start), (high & 0x80) == 0};
  return events_beginning(text, word, index, shapes) != nullptr;
}

// Whether some word of `text` may begin an event (`starts` usable); false only when none does,
// so that a search of the text would find nothing. A first word begins with three ASCII letters,
// so only a word that does can be one — its folded form begins with those letters lower-cased,
// while a word beginning with another byte folds to one that begins with that byte or an
// apostrophe. Each run of ASCII letters after a byte that is not one is tried (a superset of
// such words' beginnings), eight bytes at a time, and where its first three letters begin a
// first word and the run does begin a word, the word is cut and looked up.
bool may_name_event(std::string_view text, const FlatStringMap<std::vector<std::size_t>>& index,
                    const WordShapeFilter& shapes, const WordStartFilter& starts) {
  using namespace byte_scan_detail;
  auto begins = [&](std::size_t at) {
    return at + 3 <= text.size() && starts.may_begin(text.data() + at) &&
           (at == 0 || !word_byte(static_cast<unsigned char>(text[at - 1]))) && begins_event(text, at, index, shapes);
  };
  std::size_t i = 0;
  if constexpr (kWordwise) {
    if (text.size() >= 8) {
      std::uint64_t before = 0;  // the previous chunk's last flag, as the first byte's
      for (; i + 8 < text.size(); i += 8) {
        const std::uint64_t letters = letter_flags(load(text.data() + i));
        for (std::uint64_t runs = letters & ~((letters << 8) | before); runs != 0; runs &= runs - 1)
          if (begins(i + static_cast<std::size_t>(std::countr_zero(runs)) / 8)) return true;
        before = letters >> 56;
      }
      // The last bytes are read as the top of the text's last eight, moved down; the shift
      // brings in zeros, which are not letters.
      const std::uint64_t letters = letter_flags(load(text.data() + text.size() - 8) >> (8 * (i + 8 - text.size())));
      for (std::uint64_t runs = letters & ~((letters << 8) | before); runs != 0; runs &= runs - 1)
        if (begins(i + static_cast<std::size_t>(std::countr_zero(runs)) / 8)) return true;
      return false;
    }
  }
  for (; i < text.size(); ++i)
    if (is_ascii_letter(text[i]) && (i == 0 || !is_ascii_letter(text[i - 1])) && begins(i)) return true;
  return false;
}

bool negation(std::string_view word, const std::vector<std::string>& negations) {
  if (word.size() > 3 && word.ends_with("n't")) return true;
  return std::binary_search(negations.begin(), negations.end(), word);
}

}  // namespace

WordShapeFilter first_word_shapes(const std::vector<RelationEvent>& events) {
  WordShapeFilter shapes;
  for (const RelationEvent& event : events)
    if (!event.words.empty()) shapes.add(event.words.front());
  return shapes;
}

WordStartFilter first_word_starts(const std::vector<RelationEvent>& events) {
  WordStartFilter starts;
  for (const RelationEvent& event : events)
    if (!event.words.empty()) starts.add(event.words.front());
  return starts;
}

FlatStringMap<std::vector<std::size_t>> index_by_first_word(const std::vector<RelationEvent>& events) {
  StringMap<std::vector<std::size_t>> index;
  for (std::size_t e = 0; e < events.size(); ++e)
    if (!events[e].words.empty()) index[events[e].words.front()].push_back(e);
  return FlatStringMap<std::vector<std::size_t>>(index);
}

RelationEventLexicon parse_relation_events(std::string_view data, const ValenceLexicon& valence) {
  RelationEventLexicon lexicon;
  for (const auto& row : parse_data_rows(data)) {
    if (row.size() < 4) continue;
    RelationEvent event;
    event.words = split_on(row[0], ' ');
    double weight = 0.0;
    const auto& w = row[1];
    auto [end, error] = std::from_chars(w.data(), w.data() + w.size(), weight);
    if (error != std::errc() || end != w.data() + w.size() || event.words.empty()) continue;
    event.weight = std::clamp(weight, -1.0, 1.0);
    for (const auto& kind : split_on(row[2], ',')) {
      if (kind == "personal") {
        event.kinds.insert(event.kinds.end(), kPersonalKinds.begin(), kPersonalKinds.end());
      } else if (kind == "any") {
        event.kinds.clear();
        event.kinds.push_back("any");
        break;
      } else {
        event.kinds.push_back(kind);
      }
    }
    event.implies_partner = row[3] == "y";
    lexicon.events.push_back(std::move(event));
  }
  std::stable_sort(lexicon.events.begin(), lexicon.events.end(),
                   [](const RelationEvent& a, const RelationEvent& b) { return a.words.size() > b.words.size(); });
  lexicon.by_first_word = index_by_first_word(lexicon.events);
  lexicon.first_word_shapes = first_word_shapes(lexicon.events);
  lexicon.first_word_starts = first_word_starts(lexicon.events);
  lexicon.negations.assign(valence.negations.begin(), valence.negations.end());
  std::sort(lexicon.negations.begin(), lexicon.negations.end());
  return lexicon;
}

const RelationEventLexicon& default_relation_events() {
  static const RelationEventLexicon lexicon =
      parse_relation_events(data::relation_events_txt, default_valence_lexicon());
  return lexicon;
}

std::vector<EventMatch> find_relation_events(std::string_view text, const RelationEventLexicon& lexicon) {
  // Only an event whose first word is in the text can match there. Scanning every position for
  // each of the lexicon's events cost more than the rest of the analysis; instead the (event,
  // position) candidates are gathered through the first-word index and visited in the same
  // order as that scan, event by event, positions ascending, so claims and matches are the same.
  const FlatStringMap<std::vector<std::size_t>>* index = &lexicon.by_first_word;
  const WordShapeFilter* shapes = &lexicon.first_word_shapes;
  const WordStartFilter* starts = &lexicon.first_word_starts;
  // For a lexicon put together without an index. Allocated only then: a filter is 8 KiB,
  // which an optional on the stack cleared on every call.
  std::unique_ptr<RelationEventLexicon> indexed;
  if (lexicon.by_first_word.empty() && !lexicon.events.empty()) {
    indexed = std::make_unique<RelationEventLexicon>();
    indexed->by_first_word = index_by_first_word(lexicon.events);
    indexed->first_word_shapes = first_word_shapes(lexicon.events);
    indexed->first_word_starts = first_word_starts(lexicon.events);
    index = &indexed->by_first_word;
    shapes = &indexed->first_word_shapes;
    starts = &indexed->first_word_starts;
  }
  if (starts->usable() && !may_name_event(text, *index, *shapes, *starts)) return {};
  SearchBuffers& buffers = thread_search_buffers();
  std::string& folded = buffers.folded;
  std::vector<TextWord>& words = buffers.words;
  text_words(text, words);
  auto& candidates = buffers.candidates;
  candidates.clear();
  for (std::size_t i = 0; i < words.size(); ++i) {
    const auto* events = events_beginning(text, words[i], *index, *shapes);
    if (!events) continue;
    for (std::size_t e : *events) candidates.emplace_back(e, i);
  }
  std::vector<EventMatch> matches;
  if (candidates.empty()) return matches;
  std::sort(candidates.begin(), candidates.end());
  std::vector<bool>& claimed = buffers.claimed;
  claimed.assign(words.size(), false);
  for (const auto& [e, i] : candidates) {
    const RelationEvent& event = lexicon.events[e];
    const std::size_t length = event.words.size();
    if (i + length > words.size()) continue;
    bool match = true;
    for (std::size_t k = 0; k < length && match; ++k)
      match = !claimed[i + k] && folds_to(text, words[i + k], event.words[k], folded);
    if (!match) continue;
    for (std::size_t k = 0; k < length; ++k) claimed[i + k] = true;
    bool negated = false;
    for (std::size_t back = 1; back <= kEventNegationWindow && back <= i && !negated; ++back)
      negated = negation(folded_word(text, words[i - back], folded), lexicon.negations);
    if (!negated) matches.push_back({&event, i});
  }
  std::sort(matches.begin(), matches.end(), [](const EventMatch& a, const EventMatch& b) { return a.word < b.word; });
  return matches;
}

bool event_applies(const RelationEvent& event, const std::vector<std::string>& kinds) {
  if (kinds.empty()) return true;
  for (const auto& kind : event.kinds) {
    if (kind == "any") return true;
    if (std::find(kinds.begin(), kinds.end(), kind) != kinds.end()) return true;
  }
  return false;
}

double event_shift(std::string_view text, const std::vector<std::string>& kinds,
                   const RelationEventLexicon& lexicon) {
  return event_shift(find_relation_events(text, lexicon), kinds);
}

double event_shift(const std::vector<EventMatch>& matches, const std::vector<std::string>& kinds) {
  double shift = 0.0;
  for (const EventMatch& match : matches)
    if (event_applies(*match.event, kinds)) shift += match.event->weight;
  return std::clamp(shift, -kMaxEventShift, kMaxEventShift);
}

}  // namespace filmscope

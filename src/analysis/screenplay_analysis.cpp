// Screenplay Story → Analysis. See screenplay_analysis.h for the method and its limits.
//
// The work is a few linear passes over the units: (1) speakers and capitalised introductions,
// (2) names in the action, (3) which silent introductions qualify, (4) scenes, presence and
// character pairs, (5) characters, relationships, graph metrics and statistics. The action is
// cut into words once, for passes 1 and 2. Nothing is quadratic in the length of the script;
// pairs are quadratic only in the characters present in one scene.
#include "analysis/screenplay_analysis.h"

#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "analysis/action_words.h"
#include "analysis/character_graph.h"
#include "analysis/lexicon.h"
#include "analysis/screenplay_stats.h"
#include "text/byte_scan.h"
#include "text/string_lookup.h"
#include "text/unicode_text.h"

namespace filmscope {

namespace {

// Evidence scenes kept per relationship: enough to show where two characters talk.
constexpr std::size_t kMaxEvidence = 3;
// Evidence text is the heading and the start of a speech, cut to about this many bytes.
constexpr std::size_t kEvidenceTextMax = 160;
// A silent character needs an introduction in capitals and a name in at least this many
// scenes: one capitalised run alone is as likely a sound or a prop ("BANG", "PORSCHE").
constexpr std::size_t kMinSilentScenes = 2;
// Words of a capitalised introduction considered as a name ("MARY ANN HOLT").
constexpr std::size_t kMaxIntroductionWords = 3;
// Bytes allowed between the words of a name in the action ("Dr. Bennett", "Edward\nBloom").
constexpr std::size_t kMaxNameGap = 3;
constexpr std::size_t kNone = SIZE_MAX;
// About how many bytes of action text come with each capitalised word, to reserve those of a
// whole script at once.
constexpr std::size_t kBytesPerCapital = 32;
// Characters of one scene that are paired with each other. Pairs grow with the square of a
// scene's cast, so a scene of 100,000 cues would make five billion relationships; real crowd
// scenes stay far below this. Beyond it, only the first kMaxPairedScenePresence characters
// to appear in the scene are paired (everyone still counts as present), with a diagnostic.
constexpr std::size_t kMaxPairedScenePresence = 50;

std::string_view span_text(std::string_view text, std::size_t begin, std::size_t end) {
  return text.substr(begin, end - begin);
}

std::string_view span_text(std::string_view text, const CapitalisedWord& word) {
  return span_text(text, word.begin, word.end);
}

// The comparison key of a word: ASCII lower case, full case folding when non-ASCII.
void word_key(std::string_view word, std::string& key) {
  key.resize(word.size());
  bool ascii = true;
  for (std::size_t i = 0; i < word.size(); ++i) {
    const auto c = static_cast<unsigned char>(word[i]);
    ascii = ascii && c < 0x80;
    key[i] = static_cast<char>(is_ascii_upper(c) ? c - 'A' + 'a' : c);
  }
  if (!ascii) key = fold_case(word);
}

std::vector<std::string> name_keys(std::string_view name) {
  std::vector<std::string> keys;
  for (auto word = next_word(name, 0); word; word = next_word(name, word->end))
    word_key(span_text(name, word->begin, word->end), keys.emplace_back());
  return keys;
}

// The text between two words of a name: spaces, a line break, an abbreviation's full stop,
// an apostrophe or hyphen inside the name ("O'Brien", "Mary-Ann"); not a comma or a clause.
bool is_name_gap(std::string_view gap) {
  if (gap.empty() || gap.size() > kMaxNameGap) return false;
  if (gap == "\xE2\x80\x99") return true;
  for (char c : gap)
    if (c != ' ' && c != '\t' && c != '\n' && c != '.' && c != '\'' && c != '-') return false;
  return true;
}

// "EDWARD BLOOM" → "Edward Bloom", "O'BRIEN" → "O'Brien", "WILL'S MOM" → "Will's Mom".
std::string title_case(std::string_view upper) {
  bool word_start = true;
  std::size_t letters_in_word = 0;
  // An apostrophe after a one-letter word starts a new one: O'Brien, D'Artagnan.
  auto after_other = [&](bool apostrophe) {
    word_start = !apostrophe || letters_in_word == 1;
    if (!apostrophe) letters_in_word = 0;
  };
  if (is_ascii(upper)) {
    std::string out(upper);
    for (char& ch : out) {
      const auto c = static_cast<unsigned char>(ch);
      if (is_ascii_alnum(c)) {
        if (word_start && is_ascii_lower(c)) ch = static_cast<char>(c - 'a' + 'A');
        if (!word_start && is_ascii_upper(c)) ch = static_cast<char>(c - 'A' + 'a');
        word_start = false;
        ++letters_in_word;
        continue;
      }
      after_other(c == '\'');
    }
    return out;
  }
  icu::UnicodeString u =
      icu::UnicodeString::fromUTF8(icu::StringPiece(upper.data(), static_cast<std::int32_t>(upper.size())));
  icu::UnicodeString out;
  for (std::int32_t i = 0; i < u.length();) {
    UChar32 c = u.char32At(i);
    i += U16_LENGTH(c);
    if (u_isalnum(c)) {
      out.append(word_start ? u_toupper(c) : u_tolower(c));
      word_start = false;
      ++letters_in_word;
      continue;
    }
    out.append(c);
    after_other(c == '\'' || c == 0x2019);
  }
  std::string result;
  out.toUTF8String(result);
  return result;
}

// Speakers the readers gave as different strings that still name one part: "DR. NO" and
// "DR NO", "JOHN’S MOTHER" and "JOHN'S MOTHER".
void speaker_key(std::string_view speaker, std::string& key) {
  key.clear();
  bool pending_space = false;
  for (std::size_t i = 0; i < speaker.size(); ++i) {
    char c = speaker[i];
    if (c == '.' || c == ' ' || c == '\t') {
      pending_space = !key.empty();
      continue;
    }
    if (pending_space) key.push_back(' ');
    pending_space = false;
    if (speaker.compare(i, 3, "\xE2\x80\x99") == 0) {
      key.push_back('\'');
      i += 2;
      continue;
    }
    // The bytes up to the next one that may change are copied together.
    std::size_t run = i + 1;
    while (run < speaker.size() && speaker[run] != '.' && speaker[run] != ' ' &&
           speaker[run] != '\t' && speaker[run] != '\xE2')
      ++run;
    key.append(speaker, i, run - i);
    i = run - 1;
  }
}

// A word starts at each byte that is not white space (' ', '\n', '\t', '\r') after one that
// is, or at the start. Every byte of the action passes here, so eight are tested at a time.
std::size_t count_words(std::string_view text) {
  using namespace byte_scan_detail;
  std::size_t words = 0;
  bool after_space = true;
  std::size_t i = 0;
  if constexpr (kWordwise) {
    for (; i + 8 <= text.size(); i += 8) {
      const std::uint64_t chunk = load(text.data() + i);
      std::uint64_t spaces = equal_to(chunk, ' ');
      if (below_space(chunk) != 0)
        spaces |= equal_to(chunk, '\n') | equal_to(chunk, '\t') | equal_to(chunk, '\r');
      const std::uint64_t after = (spaces << 8) | (after_space ? 0x80U : 0U);
      words += count_flagged(~spaces & after & kHigh);
      after_space = (spaces >> 63) != 0;
    }
  }
  for (; i < text.size(); ++i) {
    const char c = text[i];
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    words += static_cast<std::size_t>(after_space && !space);
    after_space = space;
  }
  return words;
}

// Cuts `text` to about `limit` bytes at a space (or a UTF-8 boundary) and marks the cut.
std::string shorten_text(std::string_view text, std::size_t limit) {
  if (text.size() <= limit) return std::string(text);
  std::size_t cut = limit;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  std::size_t space = text.rfind(' ', cut);
  if (space != std::string_view::npos && space > limit / 2) cut = space;
  std::string out(text.substr(0, cut));
  while (!out.empty() && (out.back() == ' ' || out.back() == ',')) out.pop_back();
  return out + "\xE2\x80\xA6";
}

// A mention before its text is copied out: a speech, whose text is the cue of
// units[unit].dialogue[block], or a name in units[unit].action at bytes [begin, end).
struct MentionSite {
  std::size_t unit = 0;
  std::size_t line = 0;
  std::size_t block = 0;  // speeches only
  std::size_t begin = 0;  // names only
  std::size_t end = 0;
  bool one_word = false;  // a name of one word, which holds no white space to collapse
};

// A speaker or a capitalised introduction: a character in the making.
struct Person {
  std::string upper;  // the name in capitals, as first seen
  std::vector<std::string> keys;  // its words, case-folded
  std::vector<std::string> cues;  // distinct cues as written, in order of first use
  bool speaks = false;
  std::size_t blocks = 0;
  std::size_t words = 0;
  // The speeches (`blocks` of them, in text order), then the names in the action (in text order).
  std::vector<MentionSite> mentions;
  std::size_t action_scenes = 0;  // scenes whose action names the person
  std::size_t last_action_unit = kNone;
  bool kept = true;
  // Filled in pass 4.
  std::size_t speaking_scenes = 0;
  std::size_t present_scenes = 0;
  std::size_t first_scene = 0;
  std::size_t last_scene = 0;
};

// Where a person is first seen in one unit.
struct Hit {
  std::size_t person = 0;
  std::size_t line = 0;
};

// Finds the names of a set of people in action text: the longest name starting at a
// capitalised word wins. The words of the names are numbered, so that a word of the text is
// folded and looked up once and then compared as a number.
class NameMatcher {
 public:
  // A person without words (a cue of punctuation only) is never found.
  explicit NameMatcher(const std::vector<Person>& people) {
    StringMap<std::uint32_t> ids;
    for (std::size_t p = 0; p < people.size(); ++p) {
      if (people[p].keys.empty()) continue;
      Entry entry{p, {}};
      entry.words.reserve(people[p].keys.size());
      for (const std::string& key : people[p].keys)
        entry.words.push_back(
            ids.try_emplace(key, static_cast<std::uint32_t>(ids.size())).first->second);
      if (entry.words.front() >= by_first_.size()) by_first_.resize(entry.words.front() + 1);
      by_first_[entry.words.front()].push_back(std::move(entry));
    }
    // Longest first; among names of one length, the person seen first.
    for (std::vector<Entry>& list : by_first_)
      std::stable_sort(list.begin(), list.end(), [](const Entry& a, const Entry& b) {
        return a.words.size() > b.words.size();
      });
    by_first_.resize(ids.size());
    words_ = FlatStringMap<std::uint32_t>(ids);
    for (const auto& [word, id] : ids) shapes_.add(word);
  }

  // Calls found(person, first_word, end) for every name in `text` that starts at one of the
  // capitalised words `capitals`, where `end` is where the name's last word ends. A name's
  // later words may be in any case, so they are read from the text.
  template <typename Found>
  void match(std::string_view text, std::span<const CapitalisedWord> capitals, Found&& found) {
    for (std::size_t t = 0; t < capitals.size(); ++t) {
      const CapitalisedWord& start = capitals[t];
      const std::uint32_t first = word_id(span_text(text, start));
      if (first == kNoWord) continue;
      for (const Entry& entry : by_first_[first]) {
        std::size_t end = start.end;
        bool ok = true;
        for (std::size_t k = 1; k < entry.words.size() && ok; ++k) {
          const std::optional<WordSpan> next = next_word(text, end);
          ok = next && is_name_gap(span_text(text, end, next->begin)) &&
               word_id(span_text(text, next->begin, next->end)) == entry.words[k];
          if (ok) end = next->end;
        }
        if (!ok) continue;
        found(entry.person, start, end);
        while (t + 1 < capitals.size() && capitals[t + 1].begin < end) ++t;
        break;
      }
    }
  }

 private:
  static constexpr std::uint32_t kNoWord = UINT32_MAX;

  struct Entry {
    std::size_t person = 0;
    std::vector<std::uint32_t> words;
  };

  // The number of `word` among the names' words, kNoWord when no name has it. An
  // ASCII word is tested against the shapes of the names' words before it is folded, and
  // folded on the stack when short.
  std::uint32_t word_id(std::string_view word) {
    if (!shapes_.may_hold(word) && is_ascii(word)) return kNoWord;
    std::array<char, 32> lower{};
    std::string_view key;
    if (word.size() <= lower.size() && is_ascii(word)) {
      for (std::size_t i = 0; i < word.size(); ++i) {
        const auto c = static_cast<unsigned char>(word[i]);
        lower[i] = static_cast<char>(is_ascii_upper(c) ? c - 'A' + 'a' : c);
      }
      key = std::string_view(lower.data(), word.size());
    } else {
      word_key(word, key_);
      key = key_;
    }
    const std::uint32_t* id = words_.find(key);
    return id ? *id : kNoWord;
  }

  FlatStringMap<std::uint32_t> words_;
  // The shapes of the names' words; blind to ASCII case, so that a word need not be folded
  // before it is tested.
  WordShapeFilter shapes_;
  std::vector<std::vector<Entry>> by_first_;  // by the number of the first word
  std::string key_;
};

std::size_t action_line(const NarrativeUnit& unit, std::size_t line_index) {
  if (unit.action_lines.empty()) return unit.lines.first;
  return unit.action_lines[std::min(line_index, unit.action_lines.size() - 1)];
}

Gender gender_of(const std::vector<std::string>& keys, const Lexicon& lexicon) {
  if (keys.empty()) return Gender::unknown;
  std::size_t first = 0;
  auto honorific = lexicon.honorifics.find(keys[0]);
  if (honorific != lexicon.honorifics.end()) {
    if (honorific->second != Gender::unknown) return honorific->second;
    first = 1;
  }
  if (first >= keys.size()) return Gender::unknown;
  return first_name_gender(lexicon, keys[first]);
}

// Pass 1: capitalised runs in the action that introduce someone ("JENNY, 20s,"), keyed by
// their folded words. `capitals` are the action's capitalised words: two of them follow each
// other in a run only when a name gap alone lies between them, and a word between them would
// not be one. `key` is scratch space kept by the caller.
void collect_introductions(std::string_view text, std::span<const CapitalisedWord> capitals,
                           const Lexicon& lexicon,
                           std::map<std::vector<std::string>, std::string>& out, std::string& key) {
  std::size_t t = 0;
  while (t < capitals.size()) {
    if (!capitals[t].all_caps) {
      ++t;
      continue;
    }
    std::size_t end = t + 1;  // one past the run
    while (end < capitals.size() && capitals[end].all_caps &&
           is_name_gap(span_text(text, capitals[end - 1].end, capitals[end].begin)))
      ++end;
    std::size_t run_start = t;
    t = end;
    if (end - run_start > kMaxIntroductionWords) continue;
    // What follows the run must end the name: a comma, a parenthesis, or a lower-case word.
    std::size_t after = capitals[end - 1].end;
    while (after < text.size() && (text[after] == ' ' || text[after] == '\t')) ++after;
    bool ends_name = after < text.size() && (text[after] == ',' || text[after] == '(' ||
                                             is_ascii_lower(static_cast<unsigned char>(text[after])));
    if (!ends_name) continue;
    // The given name (after an honorific) is checked before the other words are folded.
    word_key(span_text(text, capitals[run_start]), key);
    const bool honorific = end - run_start > 1 && lexicon.honorifics.contains(key);
    if (honorific) word_key(span_text(text, capitals[run_start + 1]), key);
    if (!lexicon.given_names.contains(key)) continue;
    std::vector<std::string> keys(end - run_start);
    for (std::size_t k = run_start; k < end; ++k)
      word_key(span_text(text, capitals[k]), keys[k - run_start]);
    if (!out.contains(keys)) {
      std::string_view written = span_text(text, capitals[run_start].begin, capitals[end - 1].end);
      out.emplace(std::move(keys), collapse_whitespace(written));
    }
  }
}

// The speeches and action lines of one shared scene that join a pair (JoiningText).
struct JoiningParts {
  std::vector<std::size_t> blocks;        // indices into the unit's dialogue, ascending
  std::vector<std::size_t> action_lines;  // '\n'-separated lines of the unit's action, ascending
  bool whole_action = false;              // the two are the scene's only characters
};

struct PairData {
  std::size_t a = 0;  // person indices, a < b
  std::size_t b = 0;
  std::size_t shared_scenes = 0;
  std::size_t shared_speaking_scenes = 0;
  std::size_t exchanges = 0;
  std::size_t exchange_unit = kNone;        // the last unit where one answered the other
  std::vector<Evidence> exchange_evidence;  // first exchange of the first scenes
  std::vector<Evidence> shared_evidence;    // first shared scenes without an exchange
  std::vector<JoiningText> joining;         // per scene where the two are paired
};

using ByteRange = std::pair<std::size_t, std::size_t>;  // [begin, end)
constexpr ByteRange kNotFound{kNone, kNone};

// Where a unit's speeches and action lines lie in its scene's text. The scene's text is the
// unit's text with white space collapsed, and a speech or an action line, collapsed alike,
// appears in it whole and in order, so one forward search each finds them.
struct UnitLayout {
  std::vector<ByteRange> blocks;        // per dialogue block; kNotFound for an empty speech
  std::vector<ByteRange> action_lines;  // per '\n'-separated line of the action
};

// Whether collapse_whitespace would give back `text` as it is: no control byte (which
// covers white space other than ' ') and single spaces between other characters. Most action
// lines are, and need no copy to be searched for; a false answer only costs that copy.
bool is_collapsed(std::string_view text) {
  using namespace byte_scan_detail;
  if (text.empty()) return true;
  if (text.front() == ' ' || text.back() == ' ') return false;
  bool after_space = false;
  std::size_t i = 0;
  if constexpr (kWordwise) {
    for (; i + 8 <= text.size(); i += 8) {
      const std::uint64_t chunk = load(text.data() + i);
      const std::uint64_t spaces = equal_to(chunk, ' ');
      if (below_space(chunk) != 0 || (spaces & (spaces << 8)) != 0 ||
          (after_space && (spaces & 0x80U) != 0))
        return false;
      after_space = (spaces >> 63) != 0;
    }
  }
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (static_cast<unsigned char>(c) < 0x20 || (c == ' ' && after_space)) return false;
    after_space = c == ' ';
  }
  return true;
}

UnitLayout layout_of(const NarrativeUnit& unit, std::string_view scene_text) {
  UnitLayout layout;
  auto locate = [&](std::string_view piece, std::size_t& cursor) {
    if (piece.empty()) return kNotFound;
    const std::size_t at = scene_text.find(piece, cursor);
    if (at == std::string_view::npos) return kNotFound;
    cursor = at + piece.size();
    return ByteRange{at, at + piece.size()};
  };
  std::size_t cursor = 0;
  layout.blocks.reserve(unit.dialogue.size());
  for (const DialogueBlock& block : unit.dialogue) layout.blocks.push_back(locate(block.text, cursor));
  cursor = 0;
  layout.action_lines.reserve(unit.action_lines.size());
  std::string collapsed;
  std::string_view action = unit.action;
  while (true) {
    const std::size_t end = action.find('\n');
    const std::string_view line = action.substr(0, end);
    if (is_collapsed(line)) {
      layout.action_lines.push_back(locate(line, cursor));
    } else {
      collapsed = collapse_whitespace(line);
      layout.action_lines.push_back(locate(collapsed, cursor));
    }
    if (end == std::string_view::npos) break;
    action.remove_prefix(end + 1);
  }
  return layout;
}

// The byte ranges of a pair's parts of a scene, ascending and merged where they touch.
// `scratch` is reused between calls, so that only the result is allocated.
std::vector<ByteRange> joining_ranges(const JoiningParts& parts, const UnitLayout& layout,
                                      std::vector<ByteRange>& scratch) {
  scratch.clear();
  for (std::size_t b : parts.blocks)
    if (layout.blocks[b] != kNotFound) scratch.push_back(layout.blocks[b]);
  if (parts.whole_action) {
    for (const ByteRange& range : layout.action_lines)
      if (range != kNotFound) scratch.push_back(range);
  } else {
    for (std::size_t line : parts.action_lines)
      if (line < layout.action_lines.size() && layout.action_lines[line] != kNotFound)
        scratch.push_back(layout.action_lines[line]);
  }
  std::sort(scratch.begin(), scratch.end());
  std::size_t merged = 0;
  for (std::size_t i = 0; i < scratch.size(); ++i) {
    const ByteRange range = scratch[i];
    if (merged > 0 && range.first <= scratch[merged - 1].second) {
      scratch[merged - 1].second = std::max(scratch[merged - 1].second, range.second);
    } else {
      scratch[merged++] = range;
    }
  }
  return {scratch.begin(), scratch.begin() + static_cast<std::ptrdiff_t>(merged)};
}

class PairTable {
 public:
  PairData& at(std::size_t a, std::size_t b) {
    if (a > b) std::swap(a, b);
    std::uint64_t key = (static_cast<std::uint64_t>(a) << 32) | static_cast<std::uint64_t>(b);
    auto [it, inserted] = index_.try_emplace(key, pairs_.size());
    if (inserted) {
      pairs_.emplace_back();
      pairs_.back().a = a;
      pairs_.back().b = b;
    }
    return pairs_[it->second];
  }
  std::vector<PairData>& pairs() { return pairs_; }

 private:
  std::unordered_map<std::uint64_t, std::size_t> index_;
  std::vector<PairData> pairs_;
};

std::string exchange_text(const NarrativeUnit& unit, const DialogueBlock& block, const Person& speaker) {
  std::string text;
  text.reserve((unit.heading ? unit.heading->size() + 2 : 0) + speaker.upper.size() + 2 +
               block.text.size());
  if (unit.heading) {
    text += *unit.heading;
    text += ": ";
  }
  text += speaker.upper;
  text += ": ";
  text += block.text;
  return shorten_text(text, kEvidenceTextMax);
}

// A person's mentions in text order: the speeches and the names in the action merged by
// scene and line, a speech first where the two share a line.
std::vector<Mention> mentions_of(const Person& person, const Story& story) {
  std::vector<Mention> mentions;
  mentions.reserve(person.mentions.size());
  auto speech = person.mentions.begin();
  const auto speeches_end = speech + static_cast<std::ptrdiff_t>(person.blocks);
  auto name = speeches_end;
  const auto names_end = person.mentions.end();
  while (speech != speeches_end || name != names_end) {
    const bool name_first =
        name != names_end && (speech == speeches_end || name->unit < speech->unit ||
                              (name->unit == speech->unit && name->line < speech->line));
    const MentionSite& site = name_first ? *name++ : *speech++;
    const NarrativeUnit& unit = story.units[site.unit];
    Mention& mention = mentions.emplace_back();
    mention.scene = site.unit + 1;
    mention.line = site.line;
    if (!name_first) {
      mention.text = unit.dialogue[site.block].cue;
    } else {
      const std::string_view text =
          std::string_view(unit.action).substr(site.begin, site.end - site.begin);
      mention.text = site.one_word ? std::string(text) : collapse_whitespace(text);
    }
    mention.kind = MentionKind::name;
  }
  return mentions;
}

}  // namespace

Analysis analyze_screenplay(const Story& story, const SourceInfo& source) {
  const Lexicon& lexicon = default_lexicon();
  Analysis analysis;
  analysis.source = source;
  analysis.film = story.film;
  analysis.diagnostics = story.diagnostics;
  const std::size_t unit_count = story.units.size();

  // The capitalised words of every unit's action, found once for passes 1 and 2: unit u's
  // are capitals[capitals_from[u]] up to capitals[capitals_from[u + 1]].
  std::vector<CapitalisedWord> capitals;
  std::vector<std::size_t> capitals_from(unit_count + 1, 0);
  std::size_t action_bytes = 0;
  for (const NarrativeUnit& unit : story.units) action_bytes += unit.action.size();
  capitals.reserve(action_bytes / kBytesPerCapital);
  auto unit_capitals = [&](std::size_t u) {
    return std::span<const CapitalisedWord>(capitals).subspan(
        capitals_from[u], capitals_from[u + 1] - capitals_from[u]);
  };

  // Pass 1: speakers, their cues, speeches and words; capitalised introductions.
  std::vector<Person> people;
  StringMap<std::size_t> by_speaker;
  std::vector<std::vector<std::size_t>> block_person(unit_count);
  std::map<std::vector<std::string>, std::string> introductions;
  std::string key;
  for (std::size_t u = 0; u < unit_count; ++u) {
    const NarrativeUnit& unit = story.units[u];
    block_person[u].reserve(unit.dialogue.size());
    for (const DialogueBlock& block : unit.dialogue) {
      speaker_key(block.speaker, key);
      if (key.empty()) {
        block_person[u].push_back(kNone);
        continue;
      }
      auto it = by_speaker.find(key);
      if (it == by_speaker.end()) {
        it = by_speaker.emplace(key, people.size()).first;
        Person person;
        person.upper = block.speaker;
        person.keys = name_keys(block.speaker);
        person.speaks = true;
        people.push_back(std::move(person));
      }
      Person& person = people[it->second];
      if (std::find(person.cues.begin(), person.cues.end(), block.cue) == person.cues.end())
        person.cues.push_back(block.cue);
      person.blocks += 1;
      person.words += block.words;
      MentionSite& speech = person.mentions.emplace_back();
      speech.unit = u;
      speech.line = block.lines.first;
      speech.block = static_cast<std::size_t>(&block - unit.dialogue.data());
      block_person[u].push_back(it->second);
    }
    append_capitalised_words(unit.action, capitals);
    capitals_from[u + 1] = capitals.size();
    collect_introductions(unit.action, unit_capitals(u), lexicon, introductions, key);
  }
  const std::size_t speaker_count = people.size();

  // Introductions that share a word with a speaker are that speaker's full name or a
  // relative ("EDWARD BLOOM" for EDWARD, "WILL'S MOTHER"): not new characters.
  StringSet speaker_words;
  for (const Person& p : people)
    for (const auto& k : p.keys) speaker_words.insert(k);
  for (auto& [keys, written] : introductions) {
    bool overlaps = std::any_of(keys.begin(), keys.end(),
                                [&](const std::string& k) { return speaker_words.contains(k); });
    if (overlaps) continue;
    Person person;
    person.upper = written;
    for (char& c : person.upper)
      if (is_ascii_lower(static_cast<unsigned char>(c))) c = static_cast<char>(c - 'a' + 'A');
    person.keys = keys;
    people.push_back(std::move(person));
  }

  // Pass 2: names in the action.
  NameMatcher matcher(people);
  std::vector<std::vector<Hit>> action_hits(unit_count);
  // Every (person, action line index) named in each unit, in text order: which action lines a
  // pair's arc reads.
  std::vector<std::vector<Hit>> action_line_hits(unit_count);
  for (std::size_t u = 0; u < unit_count; ++u) {
    const NarrativeUnit& unit = story.units[u];
    std::string_view action = unit.action;
    matcher.match(action, unit_capitals(u),
                  [&](std::size_t p, const CapitalisedWord& a, std::size_t end) {
                    std::size_t line = action_line(unit, a.line_index);
                    Person& person = people[p];
                    MentionSite& name = person.mentions.emplace_back();
                    name.unit = u;
                    name.line = line;
                    name.begin = a.begin;
                    name.end = end;
                    name.one_word = end == a.end;
                    auto& line_hits = action_line_hits[u];
                    if (line_hits.empty() || line_hits.back().person != p ||
                        line_hits.back().line != a.line_index)
                      line_hits.push_back({p, a.line_index});
                    if (person.last_action_unit != u) {
                      person.last_action_unit = u;
                      person.action_scenes += 1;
                      action_hits[u].push_back({p, line});
                    }
                  });
  }

  // Pass 3: silent introductions stay only when named in enough scenes.
  for (std::size_t p = speaker_count; p < people.size(); ++p)
    people[p].kept = people[p].action_scenes >= kMinSilentScenes;

  // The scenes, before their characters are known: pass 4 reads where each speech and action
  // line lies in a scene's text.
  analysis.scenes.reserve(unit_count);
  std::vector<UnitLayout> layouts(unit_count);
  for (std::size_t u = 0; u < unit_count; ++u) {
    const NarrativeUnit& unit = story.units[u];
    Scene scene = scene_from_unit(unit, u + 1);
    layouts[u] = layout_of(unit, scene.text);
    scene.setting = unit.setting;
    scene.dialogue_blocks = unit.dialogue.size();
    for (const DialogueBlock& block : unit.dialogue) scene.dialogue_words += block.words;
    scene.action_words = count_words(unit.action);
    analysis.scenes.push_back(std::move(scene));
  }

  // Pass 4: presence, pairs.
  PairTable pairs;
  std::vector<std::size_t> first_line(people.size(), kNone);
  std::vector<char> speaks_here(people.size(), 0);
  std::vector<std::size_t> present;
  std::vector<std::size_t> speakers;
  std::vector<std::vector<std::size_t>> scene_present(unit_count);
  std::vector<std::vector<std::size_t>> scene_speakers(unit_count);
  // (pair, block) for each speech of an exchange here; sorted, then read pair by pair.
  std::vector<std::pair<std::pair<std::size_t, std::size_t>, std::size_t>> exchange_blocks;
  JoiningParts parts;
  std::vector<ByteRange> range_scratch;
  for (std::size_t u = 0; u < unit_count; ++u) {
    const NarrativeUnit& unit = story.units[u];
    present.clear();
    speakers.clear();
    for (std::size_t i = 0; i < unit.dialogue.size(); ++i) {
      std::size_t p = block_person[u][i];
      if (p == kNone) continue;
      if (first_line[p] == kNone) present.push_back(p);
      if (!speaks_here[p]) speakers.push_back(p);
      speaks_here[p] = 1;
      first_line[p] = std::min(first_line[p], unit.dialogue[i].lines.first);
    }
    for (const Hit& hit : action_hits[u]) {
      if (!people[hit.person].kept) continue;
      if (first_line[hit.person] == kNone) present.push_back(hit.person);
      first_line[hit.person] = std::min(first_line[hit.person], hit.line);
    }
    std::stable_sort(present.begin(), present.end(),
                     [&](std::size_t a, std::size_t b) { return first_line[a] < first_line[b]; });

    // Exchanges: a speech directly followed by another character's speech.
    exchange_blocks.clear();
    std::size_t previous = kNone;
    std::size_t previous_block = 0;
    for (std::size_t i = 0; i < unit.dialogue.size(); ++i) {
      std::size_t p = block_person[u][i];
      if (p == kNone) continue;
      if (previous != kNone && previous != p) {
        PairData& pair = pairs.at(previous, p);
        pair.exchanges += 1;
        std::pair<std::size_t, std::size_t> key = std::minmax(previous, p);
        exchange_blocks.push_back({key, previous_block});
        exchange_blocks.push_back({key, i});
        if (pair.exchange_unit != u) {
          pair.exchange_unit = u;
          if (pair.exchange_evidence.size() < kMaxEvidence) {
            const DialogueBlock& block = unit.dialogue[previous_block];
            pair.exchange_evidence.push_back(
                {u + 1, block.lines.first, exchange_text(unit, block, people[previous]), ""});
          }
        }
      }
      previous = p;
      previous_block = i;
    }

    const std::size_t paired = std::min(present.size(), kMaxPairedScenePresence);
    if (paired < present.size()) {
      analysis.diagnostics.push_back(
          {Severity::warning, "scene-cast-over-limit", unit.lines.first,
           "scene " + std::to_string(u + 1) + " has " + std::to_string(present.size()) +
               " characters: only the first " + std::to_string(kMaxPairedScenePresence) +
               " to appear are paired as relationships"});
    }
    std::sort(exchange_blocks.begin(), exchange_blocks.end());
    exchange_blocks.erase(std::unique(exchange_blocks.begin(), exchange_blocks.end()), exchange_blocks.end());
    for (std::size_t i = 0; i < paired; ++i) {
      for (std::size_t j = i + 1; j < paired; ++j) {
        PairData& pair = pairs.at(present[i], present[j]);
        pair.shared_scenes += 1;
        if (speaks_here[present[i]] && speaks_here[present[j]]) pair.shared_speaking_scenes += 1;
        std::pair<std::size_t, std::size_t> key = std::minmax(present[i], present[j]);
        const bool has_exchange = pair.exchange_unit == u;
        if (!has_exchange && pair.shared_evidence.size() < kMaxEvidence)
          pair.shared_evidence.push_back({u + 1, unit.lines.first, unit.heading.value_or(std::string()), ""});
        parts.blocks.clear();
        parts.action_lines.clear();
        parts.whole_action = present.size() == 2;
        if (has_exchange) {
          auto it = std::lower_bound(exchange_blocks.begin(), exchange_blocks.end(),
                                     std::make_pair(key, std::size_t{0}));
          for (; it != exchange_blocks.end() && it->first == key; ++it) parts.blocks.push_back(it->second);
        }
        if (!parts.whole_action) {
          for (const Hit& hit : action_line_hits[u])
            if ((hit.person == key.first || hit.person == key.second) &&
                (parts.action_lines.empty() || parts.action_lines.back() != hit.line))
              parts.action_lines.push_back(hit.line);
        }
        pair.joining.push_back({u + 1, joining_ranges(parts, layouts[u], range_scratch)});
      }
    }
    for (std::size_t p : present) {
      Person& person = people[p];
      person.present_scenes += 1;
      if (speaks_here[p]) person.speaking_scenes += 1;
      if (person.first_scene == 0) person.first_scene = u + 1;
      person.last_scene = u + 1;
      first_line[p] = kNone;
      speaks_here[p] = 0;
    }
    scene_present[u] = present;
    scene_speakers[u] = speakers;
  }

  // Pass 5: characters in order of speeches, then name.
  std::vector<std::size_t> order;
  std::vector<std::string> names(people.size());
  for (std::size_t p = 0; p < people.size(); ++p) {
    if (!people[p].kept) continue;
    names[p] = title_case(people[p].upper);
    order.push_back(p);
  }
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (people[a].blocks != people[b].blocks) return people[a].blocks > people[b].blocks;
    return names[a] < names[b];
  });
  std::vector<std::string> ids(people.size());
  std::set<std::string> taken;
  analysis.characters.reserve(order.size());
  for (std::size_t p : order) {
    Person& person = people[p];
    Character& character = analysis.characters.emplace_back();
    ids[p] = unique_slug(names[p], taken, "character");
    character.id = ids[p];
    character.name = std::move(names[p]);
    character.aliases = std::move(person.cues);
    if (!person.speaks) character.aliases.push_back(person.upper);
    character.gender = gender_of(person.keys, lexicon);
    character.mentions = mentions_of(person, story);
    character.dialogue_blocks = person.blocks;
    character.dialogue_words = person.words;
    character.speaking_scenes = person.speaking_scenes;
    character.present_scenes = person.present_scenes;
    character.first_scene = person.first_scene;
    character.last_scene = person.last_scene;
  }

  for (std::size_t u = 0; u < unit_count; ++u) {
    Scene& scene = analysis.scenes[u];
    scene.characters.reserve(scene_present[u].size());
    for (std::size_t p : scene_present[u]) scene.characters.push_back(ids[p]);
    scene.speakers.reserve(scene_speakers[u].size());
    for (std::size_t p : scene_speakers[u]) scene.speakers.push_back(ids[p]);
  }

  // Relationships heaviest first, then by source and target id. The sort compares each
  // character's place among the sorted ids, not the ids themselves; ids are unique, so the
  // order is total.
  std::vector<std::size_t> by_id = order;
  std::sort(by_id.begin(), by_id.end(),
            [&](std::size_t a, std::size_t b) { return ids[a] < ids[b]; });
  std::vector<std::size_t> id_rank(people.size(), 0);
  for (std::size_t r = 0; r < by_id.size(); ++r) id_rank[by_id[r]] = r;
  struct RelationshipPlace {
    std::size_t shared_scenes = 0;
    std::size_t source_rank = 0;
    std::size_t target_rank = 0;
    std::size_t pair = 0;  // into pairs.pairs()
  };
  std::vector<RelationshipPlace> places;
  std::vector<PairData>& all_pairs = pairs.pairs();
  for (std::size_t i = 0; i < all_pairs.size(); ++i) {
    const PairData& pair = all_pairs[i];
    if (!people[pair.a].kept || !people[pair.b].kept || pair.shared_scenes == 0) continue;
    const auto [source_rank, target_rank] = std::minmax(id_rank[pair.a], id_rank[pair.b]);
    places.push_back({pair.shared_scenes, source_rank, target_rank, i});
  }
  std::sort(places.begin(), places.end(),
            [](const RelationshipPlace& x, const RelationshipPlace& y) {
              if (x.shared_scenes != y.shared_scenes) return x.shared_scenes > y.shared_scenes;
              if (x.source_rank != y.source_rank) return x.source_rank < y.source_rank;
              return x.target_rank < y.target_rank;
            });
  analysis.relationships.reserve(places.size());
  for (const RelationshipPlace& place : places) {
    PairData& pair = all_pairs[place.pair];
    Relationship& relationship = analysis.relationships.emplace_back();
    relationship.source = ids[by_id[place.source_rank]];
    relationship.target = ids[by_id[place.target_rank]];
    relationship.shared_scenes = pair.shared_scenes;
    relationship.shared_speaking_scenes = pair.shared_speaking_scenes;
    relationship.exchanges = pair.exchanges;
    relationship.weight = static_cast<double>(pair.shared_scenes);
    // Both lists are in scene order and share no scene: a merge puts the evidence in scene
    // order, the exchanges first and then as many shared scenes as there is room for.
    const std::size_t shared_kept =
        std::min(pair.shared_evidence.size(),
                 kMaxEvidence - std::min(kMaxEvidence, pair.exchange_evidence.size()));
    relationship.evidence.reserve(pair.exchange_evidence.size() + shared_kept);
    std::merge(std::make_move_iterator(pair.exchange_evidence.begin()),
               std::make_move_iterator(pair.exchange_evidence.end()),
               std::make_move_iterator(pair.shared_evidence.begin()),
               std::make_move_iterator(pair.shared_evidence.begin() +
                                       static_cast<std::ptrdiff_t>(shared_kept)),
               std::back_inserter(relationship.evidence),
               [](const Evidence& a, const Evidence& b) { return a.scene < b.scene; });
    relationship.joining = std::move(pair.joining);
  }

  apply_graph_metrics(analysis);
  analysis.stats = compute_screenplay_stats(analysis);
  return analysis;
}

}  // namespace filmscope

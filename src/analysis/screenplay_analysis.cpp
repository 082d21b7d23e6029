// Screenplay Story → Analysis. See screenplay_analysis.h for the method and its limits.
//
// The work is a few linear passes over the units: (1) speakers and capitalised introductions,
// (2) names in the action, (3) which silent introductions qualify, (4) scenes, presence and
// character pairs, (5) characters, relationships, graph metrics and statistics. Nothing is
// quadratic in the length of the script; pairs are quadratic only in the characters present
// in one scene.
#include "analysis/screenplay_analysis.h"

#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "analysis/character_graph.h"
#include "analysis/lexicon.h"
#include "analysis/screenplay_stats.h"
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
// Characters of one scene that are paired with each other. Pairs grow with the square of a
// scene's cast, so a scene of 100,000 cues would make five billion relationships; real crowd
// scenes stay far below this. Beyond it, only the first kMaxPairedScenePresence characters
// to appear in the scene are paired (everyone still counts as present), with a diagnostic.
constexpr std::size_t kMaxPairedScenePresence = 50;

constexpr bool is_ascii_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
constexpr bool is_ascii_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
constexpr bool is_ascii_alnum(unsigned char c) { return is_ascii_upper(c) || is_ascii_lower(c) || (c >= '0' && c <= '9'); }

// Byte length of a word separator at `i`, 0 when text[i] starts a word character. ASCII
// punctuation and space separate; so do the no-break space, guillemets and the General
// Punctuation block (curly quotes, dashes, ellipsis), so that "Edward’s" and "Edward—" hold
// the word "Edward". Other non-ASCII bytes are letters of a word.
std::size_t separator_length(std::string_view text, std::size_t i) {
  const auto c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) return is_ascii_alnum(c) ? 0 : 1;
  if (c == 0xC2 && i + 1 < text.size()) {
    const auto d = static_cast<unsigned char>(text[i + 1]);
    if (d == 0xA0 || d == 0xAB || d == 0xBB) return 2;
  }
  if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80) return 3;
  return 0;
}

struct Token {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::size_t line_index = 0;  // '\n's before the token in its text
  bool capital = false;        // starts with an upper-case letter
  bool all_caps = false;       // has a letter and no lower-case letter
};

// First code point of `word` (valid UTF-8 or not) and whether it is upper or title case.
bool starts_with_capital(std::string_view word) {
  const auto c = static_cast<unsigned char>(word[0]);
  if (c < 0x80) return is_ascii_upper(c);
  std::int32_t i = 0;
  UChar32 cp = 0;
  U8_NEXT(reinterpret_cast<const std::uint8_t*>(word.data()), i, static_cast<std::int32_t>(word.size()), cp);
  return cp >= 0 && (u_isupper(cp) || u_istitle(cp));
}

bool word_is_all_caps(std::string_view word) {
  bool ascii = true;
  bool letter = false;
  for (char ch : word) {
    const auto c = static_cast<unsigned char>(ch);
    if (c >= 0x80) {
      ascii = false;
      break;
    }
    if (is_ascii_lower(c)) return false;
    letter = letter || is_ascii_upper(c);
  }
  return ascii ? letter : is_all_caps(word);
}

// ASCII letters and digits, as a table: tokenize asks of every byte of every action line.
constexpr std::array<bool, 128> kAsciiAlnum = [] {
  std::array<bool, 128> table{};
  for (int c = 0; c < 128; ++c) table[static_cast<std::size_t>(c)] = is_ascii_alnum(static_cast<unsigned char>(c));
  return table;
}();

// Splits `text` into words; `out` is reused between calls to spare allocations. ASCII bytes
// are classified inline; only non-ASCII ones go through separator_length.
void tokenize(std::string_view text, std::vector<Token>& out) {
  out.clear();
  std::size_t newlines = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    const auto first = static_cast<unsigned char>(text[i]);
    if (first < 0x80 ? !kAsciiAlnum[first] : false) {
      newlines += first == '\n';
      ++i;
      continue;
    }
    if (first >= 0x80) {
      if (const std::size_t skip = separator_length(text, i); skip > 0) {
        i += skip;
        continue;
      }
    }
    Token token;
    token.begin = i;
    token.line_index = newlines;
    while (i < text.size()) {
      const auto c = static_cast<unsigned char>(text[i]);
      if (c < 0x80 ? !kAsciiAlnum[c] : separator_length(text, i) > 0) break;
      ++i;
    }
    token.end = i;
    std::string_view word = text.substr(token.begin, token.end - token.begin);
    token.capital = starts_with_capital(word);
    token.all_caps = token.capital && word_is_all_caps(word);
    out.push_back(token);
  }
}

// The comparison key of a word: ASCII lower case, full case folding when non-ASCII.
void word_key(std::string_view word, std::string& key) {
  key.assign(word);
  bool ascii = true;
  for (char& ch : key) {
    const auto c = static_cast<unsigned char>(ch);
    if (c >= 0x80) ascii = false;
    if (is_ascii_upper(c)) ch = static_cast<char>(c - 'A' + 'a');
  }
  if (!ascii) key = fold_case(word);
}

std::vector<std::string> name_keys(std::string_view name) {
  std::vector<Token> tokens;
  tokenize(name, tokens);
  std::vector<std::string> keys(tokens.size());
  for (std::size_t t = 0; t < tokens.size(); ++t)
    word_key(name.substr(tokens[t].begin, tokens[t].end - tokens[t].begin), keys[t]);
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
  icu::UnicodeString u =
      icu::UnicodeString::fromUTF8(icu::StringPiece(upper.data(), static_cast<std::int32_t>(upper.size())));
  icu::UnicodeString out;
  bool word_start = true;
  std::size_t letters_in_word = 0;
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
    // An apostrophe after a one-letter word starts a new one: O'Brien, D'Artagnan.
    bool apostrophe = c == '\'' || c == 0x2019;
    word_start = !apostrophe || letters_in_word == 1;
    if (!apostrophe) letters_in_word = 0;
  }
  std::string result;
  out.toUTF8String(result);
  return result;
}

// Speakers the readers gave as different strings that still name one part: "DR. NO" and
// "DR NO", "JOHN’S MOTHER" and "JOHN'S MOTHER".
std::string speaker_key(std::string_view speaker) {
  std::string key;
  key.reserve(speaker.size());
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
    key.push_back(c);
  }
  return key;
}

std::size_t count_words(std::string_view text) {
  std::size_t words = 0;
  bool in_word = false;
  for (char c : text) {
    bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (!space && !in_word) ++words;
    in_word = !space;
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

// A speaker or a capitalised introduction: a character in the making.
struct Person {
  std::string upper;  // the name in capitals, as first seen
  std::vector<std::string> keys;  // its words, case-folded
  std::vector<std::string> cues;  // distinct cues as written, in order of first use
  bool speaks = false;
  std::size_t blocks = 0;
  std::size_t words = 0;
  std::vector<Mention> mentions;
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
// capitalised word wins.
class NameMatcher {
 public:
  void add(std::size_t person, const std::vector<std::string>& keys) {
    if (keys.empty()) return;
    auto& list = by_first_[keys.front()];
    list.push_back({person, keys});
    std::stable_sort(list.begin(), list.end(),
                     [](const Entry& a, const Entry& b) { return a.keys.size() > b.keys.size(); });
  }

  // Calls found(person, first_token, last_token) for every name in `tokens`.
  template <typename Found>
  void match(std::string_view text, const std::vector<Token>& tokens, Found&& found) {
    for (std::size_t t = 0; t < tokens.size(); ++t) {
      if (!tokens[t].capital) continue;
      word_key(text.substr(tokens[t].begin, tokens[t].end - tokens[t].begin), key_);
      auto it = by_first_.find(key_);
      if (it == by_first_.end()) continue;
      for (const Entry& entry : it->second) {
        std::size_t n = entry.keys.size();
        if (t + n > tokens.size()) continue;
        bool ok = true;
        for (std::size_t k = 1; k < n && ok; ++k) {
          const Token& prev = tokens[t + k - 1];
          const Token& cur = tokens[t + k];
          ok = is_name_gap(text.substr(prev.end, cur.begin - prev.end));
          if (!ok) break;
          word_key(text.substr(cur.begin, cur.end - cur.begin), key_);
          ok = key_ == entry.keys[k];
        }
        if (!ok) continue;
        found(entry.person, t, t + n - 1);
        t += n - 1;
        break;
      }
    }
  }

 private:
  struct Entry {
    std::size_t person = 0;
    std::vector<std::string> keys;
  };
  std::unordered_map<std::string, std::vector<Entry>> by_first_;
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
// their folded words.
void collect_introductions(std::string_view text, const std::vector<Token>& tokens, const Lexicon& lexicon,
                           std::map<std::vector<std::string>, std::string>& out) {
  std::size_t t = 0;
  std::string key;
  while (t < tokens.size()) {
    if (!tokens[t].all_caps) {
      ++t;
      continue;
    }
    std::size_t end = t + 1;  // one past the run
    while (end < tokens.size() && tokens[end].all_caps &&
           is_name_gap(text.substr(tokens[end - 1].end, tokens[end].begin - tokens[end - 1].end)))
      ++end;
    std::size_t run_start = t;
    t = end;
    if (end - run_start > kMaxIntroductionWords) continue;
    // What follows the run must end the name: a comma, a parenthesis, or a lower-case word.
    std::size_t after = tokens[end - 1].end;
    while (after < text.size() && (text[after] == ' ' || text[after] == '\t')) ++after;
    bool ends_name = after < text.size() && (text[after] == ',' || text[after] == '(' ||
                                             is_ascii_lower(static_cast<unsigned char>(text[after])));
    if (!ends_name) continue;
    std::vector<std::string> keys;
    for (std::size_t k = run_start; k < end; ++k) {
      word_key(text.substr(tokens[k].begin, tokens[k].end - tokens[k].begin), key);
      keys.push_back(key);
    }
    std::size_t given = lexicon.honorifics.count(keys[0]) && keys.size() > 1 ? 1 : 0;
    if (!lexicon.given_names.count(keys[given])) continue;
    if (!out.count(keys)) {
      std::string written(text.substr(tokens[run_start].begin, tokens[end - 1].end - tokens[run_start].begin));
      out.emplace(std::move(keys), collapse_whitespace(written));
    }
  }
}

// The speeches and action lines of one shared scene that join a pair (JoiningText).
struct JoiningParts {
  std::size_t unit = 0;
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
  std::vector<Evidence> exchange_evidence;  // first exchange of the first scenes
  std::vector<Evidence> shared_evidence;    // first shared scenes without an exchange
  std::vector<JoiningParts> joining;        // per scene where the two are paired
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
  std::string_view action = unit.action;
  while (true) {
    const std::size_t end = action.find('\n');
    layout.action_lines.push_back(locate(collapse_whitespace(action.substr(0, end)), cursor));
    if (end == std::string_view::npos) break;
    action.remove_prefix(end + 1);
  }
  return layout;
}

// The byte ranges of a pair's parts of a scene, ascending and merged where they touch.
std::vector<ByteRange> joining_ranges(const JoiningParts& parts, const UnitLayout& layout) {
  std::vector<ByteRange> ranges;
  for (std::size_t b : parts.blocks) ranges.push_back(layout.blocks[b]);
  if (parts.whole_action) {
    ranges.insert(ranges.end(), layout.action_lines.begin(), layout.action_lines.end());
  } else {
    for (std::size_t line : parts.action_lines)
      if (line < layout.action_lines.size()) ranges.push_back(layout.action_lines[line]);
  }
  std::erase(ranges, kNotFound);
  std::sort(ranges.begin(), ranges.end());
  std::vector<ByteRange> merged;
  for (const ByteRange& range : ranges) {
    if (!merged.empty() && range.first <= merged.back().second) {
      merged.back().second = std::max(merged.back().second, range.second);
    } else {
      merged.push_back(range);
    }
  }
  return merged;
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
  std::string text = unit.heading ? *unit.heading + ": " : std::string();
  text += speaker.upper + ": " + block.text;
  return shorten_text(text, kEvidenceTextMax);
}

}  // namespace

Analysis analyze_screenplay(const Story& story, const SourceInfo& source) {
  const Lexicon& lexicon = default_lexicon();
  Analysis analysis;
  analysis.source = source;
  analysis.film = story.film;
  analysis.diagnostics = story.diagnostics;
  const std::size_t unit_count = story.units.size();

  // Pass 1: speakers, their cues, speeches and words; capitalised introductions.
  std::vector<Person> people;
  std::unordered_map<std::string, std::size_t> by_speaker;
  std::vector<std::vector<std::size_t>> block_person(unit_count);
  std::map<std::vector<std::string>, std::string> introductions;
  std::vector<Token> tokens;
  for (std::size_t u = 0; u < unit_count; ++u) {
    const NarrativeUnit& unit = story.units[u];
    block_person[u].reserve(unit.dialogue.size());
    for (const DialogueBlock& block : unit.dialogue) {
      std::string key = speaker_key(block.speaker);
      if (key.empty()) {
        block_person[u].push_back(kNone);
        continue;
      }
      auto [it, inserted] = by_speaker.try_emplace(std::move(key), people.size());
      if (inserted) {
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
      person.mentions.push_back({u + 1, block.lines.first, 0, block.cue, MentionKind::name});
      block_person[u].push_back(it->second);
    }
    tokenize(unit.action, tokens);
    collect_introductions(unit.action, tokens, lexicon, introductions);
  }
  const std::size_t speaker_count = people.size();

  // Introductions that share a word with a speaker are that speaker's full name or a
  // relative ("EDWARD BLOOM" for EDWARD, "WILL'S MOTHER"): not new characters.
  std::unordered_set<std::string> speaker_words;
  for (const Person& p : people)
    for (const auto& k : p.keys) speaker_words.insert(k);
  for (auto& [keys, written] : introductions) {
    bool overlaps = std::any_of(keys.begin(), keys.end(), [&](const std::string& k) { return speaker_words.count(k) > 0; });
    if (overlaps) continue;
    Person person;
    person.upper = written;
    for (char& c : person.upper)
      if (is_ascii_lower(static_cast<unsigned char>(c))) c = static_cast<char>(c - 'a' + 'A');
    person.keys = keys;
    people.push_back(std::move(person));
  }

  // Pass 2: names in the action.
  NameMatcher matcher;
  for (std::size_t p = 0; p < people.size(); ++p) matcher.add(p, people[p].keys);
  std::vector<std::vector<Hit>> action_hits(unit_count);
  // Every (person, action line index) named in each unit, in text order: which action lines a
  // pair's arc reads.
  std::vector<std::vector<Hit>> action_line_hits(unit_count);
  for (std::size_t u = 0; u < unit_count; ++u) {
    const NarrativeUnit& unit = story.units[u];
    std::string_view action = unit.action;
    tokenize(action, tokens);
    matcher.match(action, tokens, [&](std::size_t p, std::size_t first, std::size_t last) {
      const Token& a = tokens[first];
      const Token& b = tokens[last];
      std::size_t line = action_line(unit, a.line_index);
      Person& person = people[p];
      person.mentions.push_back({u + 1, line, 0, collapse_whitespace(action.substr(a.begin, b.end - a.begin)),
                                 MentionKind::name});
      auto& line_hits = action_line_hits[u];
      if (line_hits.empty() || line_hits.back().person != p || line_hits.back().line != a.line_index)
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

  // Pass 4: scenes, presence, pairs.
  PairTable pairs;
  std::vector<std::size_t> first_line(people.size(), kNone);
  std::vector<char> speaks_here(people.size(), 0);
  std::vector<std::size_t> present;
  std::vector<std::size_t> speakers;
  std::vector<std::vector<std::size_t>> scene_present(unit_count);
  std::vector<std::vector<std::size_t>> scene_speakers(unit_count);
  std::set<std::pair<std::size_t, std::size_t>> exchanged;  // pairs with an exchange here
  // (pair, block) for each speech of an exchange here; sorted, then read pair by pair.
  std::vector<std::pair<std::pair<std::size_t, std::size_t>, std::size_t>> exchange_blocks;
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
    exchanged.clear();
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
        if (exchanged.insert(key).second) {
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
        bool has_exchange = exchanged.count(key) > 0;
        if (!has_exchange && pair.shared_evidence.size() < kMaxEvidence)
          pair.shared_evidence.push_back({u + 1, unit.lines.first, unit.heading.value_or(std::string()), ""});
        JoiningParts& parts = pair.joining.emplace_back();
        parts.unit = u;
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
  for (std::size_t p : order) {
    Person& person = people[p];
    Character character;
    ids[p] = unique_slug(names[p], taken, "character");
    character.id = ids[p];
    character.name = names[p];
    character.aliases = person.cues;
    if (!person.speaks) character.aliases.push_back(person.upper);
    character.gender = gender_of(person.keys, lexicon);
    // Speeches were recorded first, then action names; each run is in text order.
    std::inplace_merge(person.mentions.begin(), person.mentions.begin() + static_cast<std::ptrdiff_t>(person.blocks),
                       person.mentions.end(), [](const Mention& a, const Mention& b) {
                         if (a.scene != b.scene) return a.scene < b.scene;
                         return a.line < b.line;
                       });
    character.mentions = std::move(person.mentions);
    character.dialogue_blocks = person.blocks;
    character.dialogue_words = person.words;
    character.speaking_scenes = person.speaking_scenes;
    character.present_scenes = person.present_scenes;
    character.first_scene = person.first_scene;
    character.last_scene = person.last_scene;
    analysis.characters.push_back(std::move(character));
  }

  analysis.scenes.reserve(unit_count);
  std::vector<UnitLayout> layouts(unit_count);
  for (std::size_t u = 0; u < unit_count; ++u) {
    const NarrativeUnit& unit = story.units[u];
    Scene scene = scene_from_unit(unit, u + 1);
    layouts[u] = layout_of(unit, scene.text);
    for (std::size_t p : scene_present[u]) scene.characters.push_back(ids[p]);
    for (std::size_t p : scene_speakers[u]) scene.speakers.push_back(ids[p]);
    scene.setting = unit.setting;
    scene.dialogue_blocks = unit.dialogue.size();
    for (const DialogueBlock& block : unit.dialogue) scene.dialogue_words += block.words;
    scene.action_words = count_words(unit.action);
    analysis.scenes.push_back(std::move(scene));
  }

  for (PairData& pair : pairs.pairs()) {
    if (!people[pair.a].kept || !people[pair.b].kept || pair.shared_scenes == 0) continue;
    Relationship relationship;
    relationship.source = std::min(ids[pair.a], ids[pair.b]);
    relationship.target = std::max(ids[pair.a], ids[pair.b]);
    relationship.shared_scenes = pair.shared_scenes;
    relationship.shared_speaking_scenes = pair.shared_speaking_scenes;
    relationship.exchanges = pair.exchanges;
    relationship.weight = static_cast<double>(pair.shared_scenes);
    relationship.evidence = std::move(pair.exchange_evidence);
    for (Evidence& e : pair.shared_evidence) {
      if (relationship.evidence.size() >= kMaxEvidence) break;
      relationship.evidence.push_back(std::move(e));
    }
    std::stable_sort(relationship.evidence.begin(), relationship.evidence.end(),
                     [](const Evidence& a, const Evidence& b) { return a.scene < b.scene; });
    relationship.joining.reserve(pair.joining.size());
    for (const JoiningParts& parts : pair.joining)
      relationship.joining.push_back({parts.unit + 1, joining_ranges(parts, layouts[parts.unit])});
    analysis.relationships.push_back(std::move(relationship));
  }
  std::sort(analysis.relationships.begin(), analysis.relationships.end(),
            [](const Relationship& x, const Relationship& y) {
              if (x.weight != y.weight) return x.weight > y.weight;
              if (x.source != y.source) return x.source < y.source;
              return x.target < y.target;
            });

  apply_graph_metrics(analysis);
  analysis.stats = compute_screenplay_stats(analysis);
  return analysis;
}

}  // namespace filmscope

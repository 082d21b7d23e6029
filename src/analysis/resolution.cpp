// Character resolution; the method is described in resolution.h. The passes below keep the
// text's order and touch each token a bounded number of times, so the stage is linear in the
// length of the story (times the small, named look-ahead limits).
#include "analysis/resolution.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>

#include "text/string_lookup.h"
#include "text/unicode_text.h"

namespace filmscope {

using namespace std::string_view_literals;

namespace {

constexpr std::size_t kMaxNameRun = 6;        // tokens in one capitalised run
constexpr std::size_t kMaxRoleAdjectives = 4;  // "a new, advanced operating system"
constexpr std::size_t kMaxRoleWords = 3;       // "artificial intelligence system"
constexpr std::size_t kMaxCastDescriptions = 3;  // noun phrases read from one cast entry
constexpr double kAcceptScore = 2.0;           // person evidence needed for a name from the text
constexpr double kSalienceDecay = 0.5;         // per sentence
constexpr double kRecencyWeight = 100.0;
constexpr double kSubjectWeight = 80.0;
constexpr double kPossessiveWeight = 40.0;
constexpr double kMinSalience = 12.0;  // below this a character is no longer a pronoun antecedent
constexpr double kUnknownGenderFactor = 0.6;
// A pronoun may still go to a character of unknown gender whose first name usually carries the
// other gender ("Ava" for "he"), but only when nobody else is nearly as salient.
constexpr double kNameGenderMismatchFactor = 0.25;
constexpr std::size_t kMinGenderVotes = 1;
// Tokens after a pronoun searched for names it governs (binding_domain_names): a clause rarely
// runs longer, and the bound keeps a long sentence full of pronouns linear.
constexpr std::size_t kMaxBindingDomain = 40;
constexpr std::size_t kNoEntity = static_cast<std::size_t>(-1);

const StringSet kMalePronouns{"he", "him", "his", "himself"};
const StringSet kFemalePronouns{"she", "her", "hers", "herself"};
const StringSet kDeterminers{"the", "this", "that", "his", "her", "their", "its"};
const StringSet kIndefinite{"a", "an"};
const StringSet kNamingVerbs{"named", "called", "calls", "names", "dubs", "dubbed",
                             "nicknames", "nicknamed", "christens", "christened"};
// Person nouns too general to identify a character by themselves ("a man", "the woman").
const StringSet kGenericPersonNouns{
    "man", "woman", "boy", "girl", "guy", "gal", "lady", "gentleman", "person", "kid", "child", "teenager",
    "teen", "stranger", "youth", "individual", "friend", "people", "one"};
// Auxiliary and modal verbs: after a noun they end its phrase ("her father will pay").
const StringSet kAuxiliaries{"will", "would", "can", "cannot", "could", "shall", "should", "may",
                             "might", "must", "do", "does", "did", "have", "had"};
const StringSet kParticles{"van", "von", "de", "del", "della", "da", "di", "du", "la", "le", "bin", "al", "st"};
const StringSet kPrepositions{"in", "at", "to", "from", "into", "near", "across", "toward",
                              "towards", "outside", "inside", "through", "of", "on",
                              "via", "around", "onto", "for", "by", "over", "under"};
const StringSet kLocatives{"in", "at", "to", "from", "into", "near", "toward", "towards",
                           "inside", "outside", "across", "through", "onto", "reach",
                           "reaching", "reaches", "leave", "leaves", "flees"};
const StringSet kStrongVerbs{
    "is", "was", "has", "had", "says", "said", "tells", "told", "asks", "asked", "decides", "tries", "goes",
    "finds", "sees", "meets", "takes", "gets", "leaves", "returns", "arrives", "learns", "realizes", "realises",
    "discovers", "agrees", "refuses", "wants", "begins", "becomes", "reveals", "explains", "admits", "manages",
    "kills", "shoots", "escapes", "dies", "runs", "lives", "works", "falls", "calls", "visits", "helps",
    "and", "who", "himself", "herself", "then", "also", "eventually", "finally", "later"};
// Words that open a story's description of its central character.
const std::array<std::array<std::string_view, 3>, 8> kFollowPhrases{{
    {"follows", "", ""},
    {"centers", "on", ""},
    {"centres", "on", ""},
    {"focuses", "on", ""},
    {"revolves", "around", ""},
    {"story", "of", ""},
    {"is", "about", ""},
    {"tells", "of", ""},
}};

bool is_word(const Token& t) { return t.kind == TokenKind::word; }
bool is_cap_word(const Token& t) { return is_word(t) && starts_upper(t.text); }

std::string join_folded(const std::vector<Token>& tokens, std::size_t from, std::size_t to) {
  std::string key;
  for (std::size_t i = from; i < to; ++i) {
    if (tokens[i].kind == TokenKind::punctuation) continue;
    if (!key.empty()) key += ' ';
    key += tokens[i].folded;
  }
  return key;
}

std::vector<std::string> split_words(std::string_view text) {
  std::vector<std::string> words;
  std::size_t start = 0;
  while (start < text.size()) {
    auto end = text.find(' ', start);
    if (end == std::string_view::npos) end = text.size();
    if (end > start) words.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

bool is_quote(const Token& t) {
  return t.text == "\""sv || t.text == "\xE2\x80\x9C"sv || t.text == "\xE2\x80\x9D"sv || t.text == "'"sv ||
         t.text == "\xE2\x80\x98"sv;
}

// Occupational nouns the lexicon lacks usually end like one: attendant, violinist, guardian.
bool looks_like_agent_noun(std::string_view folded) {
  if (folded.size() < 6) return false;
  for (std::string_view ending : {"ist", "ian", "ant", "eer", "ess"})
    if (folded.ends_with(ending)) return true;
  return false;
}

bool is_possessive_pronoun(std::string_view folded) {
  return folded == "his"sv || folded == "her"sv || folded == "their"sv || folded == "its"sv;
}

Gender pronoun_gender(std::string_view folded) {
  if (kMalePronouns.count(folded)) return Gender::male;
  if (kFemalePronouns.count(folded)) return Gender::female;
  return Gender::unknown;
}

// A multi-word phrase index: folded phrase → value, probed longest first.
template <typename Value>
class PhraseIndex {
 public:
  std::size_t longest = 1;

  void add(const std::string& phrase, Value value) {
    longest = std::max(longest, split_words(phrase).size());
    insert_word_prefixes(prefixes_, phrase);
    entries_.emplace(phrase, std::move(value));
  }
  // The value of exactly `phrase`, or null.
  const Value* find(const std::string& phrase) const {
    auto it = entries_.find(phrase);
    return it == entries_.end() ? nullptr : &it->second;
  }
  // The phrase's value, made if absent; `longest` is the caller's to raise.
  Value& slot(const std::string& phrase) {
    insert_word_prefixes(prefixes_, phrase);
    return entries_[phrase];
  }
  // Longest phrase of word tokens starting at `i` (punctuation-free); returns its length.
  std::size_t match(const std::vector<Token>& tokens, std::size_t i, const Value** found) const {
    // Most tokens begin no phrase: they are turned away before any key is built.
    if (i >= tokens.size() || !prefixes_.count(tokens[i].folded)) return 0;
    std::string key;
    std::size_t best = 0;
    std::size_t words = 0;
    for (std::size_t j = i; j < tokens.size() && words < longest; ++j) {
      // "Dr. Mierzwiak": the full stop of an abbreviated title sits inside the phrase.
      if (tokens[j].text == "."sv && j > i && is_non_final_abbreviation(tokens[j - 1].text)) continue;
      if (!is_word(tokens[j]) && tokens[j].kind != TokenKind::number) break;
      if (!key.empty()) key += ' ';
      key += tokens[j].folded;
      ++words;
      // No phrase goes on from a key that begins none.
      if (!prefixes_.count(key)) break;
      auto it = entries_.find(key);
      if (it != entries_.end()) {
        best = j - i + 1;
        *found = &it->second;
      }
      if (tokens[j].possessive) break;
    }
    return best;
  }

 private:
  // Written through add() and slot() only, so that `prefixes_` covers every phrase.
  std::unordered_map<std::string, Value> entries_;
  // Every phrase and each of its beginnings that ends before a space (insert_word_prefixes).
  StringSet prefixes_;
};

class Resolver {
 public:
  Resolver(const Story& story, const Lexicon& lexicon) : story_(story), lexicon_(lexicon) {}

  Resolution run() {
    tokenize_units();
    index_excluded_people();
    collect_lowercase_words();
    add_cast_entities();
    for (std::size_t u = 0; u < story_.units.size(); ++u) result_.cast_entry_owners.push_back(cast_entry_owner(u));
    add_other_names();
    add_text_entities();
    collect_roles();
    choose_protagonist_by_names();
    apply_gender_priors();
    derive_kinship_roles();
    // Two learning rounds: genders learned in the first disambiguate pronouns in the second.
    resolve_mentions(/*learning=*/true);
    learn_genders();
    resolve_mentions(/*learning=*/true);
    learn_genders();
    resolve_mentions(/*learning=*/false);
    settle_genders();
    return std::move(result_);
  }

 private:
  // ---------------------------------------------------------------- tokens and indexes
  void tokenize_units() {
    result_.tokens.reserve(story_.units.size());
    for (const auto& unit : story_.units) result_.tokens.push_back(tokenize(unit.text, unit.offset));
    result_.mentions.resize(story_.units.size());
  }

  void index_excluded_people() {
    auto add = [&](const std::string& person) {
      auto tokens = tokenize(person);
      auto key = join_folded(tokens, 0, tokens.size());
      if (!key.empty()) excluded_.add(key, true);
    };
    for (const auto& entry : story_.cast)
      if (!entry.actor.empty()) add(entry.actor);
    for (const auto& person : story_.film.directors) add(person);
    for (const auto& person : story_.film.writers) add(person);
  }

  void collect_lowercase_words() {
    for (const auto& tokens : result_.tokens)
      for (const auto& t : tokens)
        if (is_word(t) && !starts_upper(t.text) && !is_all_caps(t.text)) lowercase_words_.insert(t.folded);
  }

  // Splits a name into honorific and core tokens and registers its alias keys.
  void register_name(std::size_t entity, const std::string& name) {
    auto tokens = tokenize(name);
    std::vector<std::string> words;
    for (const auto& t : tokens)
      if (t.kind != TokenKind::punctuation) words.push_back(t.folded);
    if (words.empty()) return;
    // Leading honorifics, longest first: "fire marshal", "dr".
    std::size_t core = 0;
    Gender honorific_gender = Gender::unknown;
    while (core < words.size() - 1) {
      std::size_t matched = 0;
      for (std::size_t n = std::min(lexicon_.longest_honorific, words.size() - 1 - core); n >= 1; --n) {
        std::string key;
        for (std::size_t k = core; k < core + n; ++k) key += (key.empty() ? "" : " ") + words[k];
        auto it = lexicon_.honorifics.find(key);
        if (it != lexicon_.honorifics.end()) {
          matched = n;
          if (it->second != Gender::unknown) honorific_gender = it->second;
          break;
        }
      }
      if (matched == 0) break;
      core += matched;
    }
    auto& e = result_.entities[entity];
    if (honorific_gender != Gender::unknown) gender_prior_[entity] = honorific_gender;
    // "Dr. Howard Mierzwiak" is "the doctor", "Captain McCrea" "the captain".
    static const std::map<std::string, std::string, std::less<>> kTitleNouns{
        {"dr", "doctor"}, {"prof", "professor"}, {"capt", "captain"}, {"det", "detective"},
        {"lt", "lieutenant"}, {"sgt", "sergeant"}, {"insp", "inspector"}, {"gen", "general"}, {"col", "colonel"}};
    for (std::size_t k = 0; k < core; ++k) {
      auto expanded = kTitleNouns.find(words[k]);
      const std::string& noun = expanded != kTitleNouns.end() ? expanded->second : words[k];
      if (lexicon_.person_nouns.count(noun) || lexicon_.honorifics.count(noun)) pending_title_roles_.push_back({entity, noun});
    }
    auto add_key = [&](const std::string& key) {
      if (key.empty() || lexicon_.function_words.count(key)) return;
      if (std::find(e.name_keys.begin(), e.name_keys.end(), key) == e.name_keys.end()) e.name_keys.push_back(key);
      names_.slot(key).push_back(entity);
      names_.longest = std::max(names_.longest, split_words(key).size());
    };
    std::string full;
    for (const auto& w : words) full += (full.empty() ? "" : " ") + w;
    add_key(full);
    std::string core_name;
    for (std::size_t k = core; k < words.size(); ++k) core_name += (core_name.empty() ? "" : " ") + words[k];
    add_key(core_name);
    std::vector<std::string> core_words(words.begin() + static_cast<std::ptrdiff_t>(core), words.end());
    // Drop generational suffixes when picking the surname.
    while (core_words.size() > 1 && (core_words.back() == "jr"sv || core_words.back() == "sr"sv ||
                                      core_words.back() == "ii"sv || core_words.back() == "iii"sv))
      core_words.pop_back();
    if (core_words.size() >= 2) {
      if (!kParticles.count(core_words.front())) add_key(core_words.front());
      add_key(core_words.back());
      // "De Niro", "van Helsing": a particle belongs to the surname.
      if (core_words.size() >= 3 && kParticles.count(core_words[core_words.size() - 2]))
        add_key(core_words[core_words.size() - 2] + " " + core_words.back());
      if (core > 0) {
        std::string honorific;
        for (std::size_t k = 0; k < core; ++k) honorific += (honorific.empty() ? "" : " ") + words[k];
        add_key(honorific + " " + core_words.back());
      }
    }
  }

  std::size_t new_entity(const std::string& name) {
    result_.entities.push_back({});
    result_.entities.back().name = name;
    gender_prior_.push_back(Gender::unknown);
    gender_votes_.push_back({0, 0});
    register_name(result_.entities.size() - 1, name);
    return result_.entities.size() - 1;
  }

  void add_cast_entities() {
    for (std::size_t i = 0; i < story_.cast.size(); ++i) {
      const auto& entry = story_.cast[i];
      auto key = fold_case(entry.character);
      // The same role credited twice (list and prose) is one character.
      auto existing = std::find_if(result_.entities.begin(), result_.entities.end(),
                                   [&](const Entity& e) { return fold_case(e.name) == key; });
      std::size_t id = existing != result_.entities.end()
                           ? static_cast<std::size_t>(existing - result_.entities.begin())
                           : new_entity(entry.character);
      auto& e = result_.entities[id];
      if (!e.actor && !entry.actor.empty()) e.actor = entry.actor;
      if (!e.credit && !entry.credit.empty()) e.credit = entry.credit;
      if (e.description.empty()) e.description = entry.description;
      if (!e.cast_index) e.cast_index = i;
      cast_entity_by_line_[entry.line] = id;
    }
  }

  // The character whose cast entry unit `u` belongs to, if it is one.
  std::optional<std::size_t> cast_entry_owner(std::size_t u) const {
    if (!story_.units[u].from_cast_list) return std::nullopt;
    auto owner = cast_entity_by_line_.find(story_.units[u].lines.first);
    if (owner == cast_entity_by_line_.end()) return std::nullopt;
    return owner->second;
  }

  // "Neo, the hacker name of Thomas Anderson", "Jigsaw, alias of John Kramer": the other name a
  // cast entry gives its character is that character's too, not someone else's.
  void add_other_names() {
    static const StringSet kNameNouns{"name", "alias", "pseudonym", "nickname", "codename"};
    for (std::size_t u = 0; u < story_.units.size(); ++u) {
      const auto owner = cast_entry_owner(u);
      if (!owner) continue;
      const auto& tokens = result_.tokens[u];
      for (std::size_t i = 0; i + 2 < tokens.size(); ++i) {
        if (!kNameNouns.count(tokens[i].folded) || (tokens[i + 1].folded != "of"sv && tokens[i + 1].folded != "for"sv))
          continue;
        std::size_t end = i + 2;
        while (end < tokens.size() && end < i + 2 + kMaxNameRun && is_cap_word(tokens[end]) &&
               !lexicon_.function_words.count(tokens[end].folded))
          ++end;
        if (end == i + 2) continue;
        const auto first = tokens[i + 2].offset - story_.units[u].offset;
        const auto last = tokens[end - 1].offset + tokens[end - 1].text.size() - story_.units[u].offset;
        register_name(*owner, std::string(story_.units[u].text.substr(first, last - first)));
      }
    }
  }

  // ---------------------------------------------------------------- names from the text
  struct Candidate {
    std::string display;  // as first written
    double for_person = 0.0;
    double against = 0.0;
    std::size_t occurrences = 0;
    bool vetoed = false;
    bool seen_inside_sentence = false;  // not only as a sentence's first word
  };

  // Extends a capitalised run starting at `i`; returns one past its end.
  std::size_t run_end(const std::vector<Token>& tokens, std::size_t i) const {
    std::size_t j = i;
    std::size_t words = 0;
    while (j < tokens.size() && words < kMaxNameRun) {
      const auto& t = tokens[j];
      if (is_cap_word(t) || (is_word(t) && j > i && kParticles.count(t.folded) && j + 1 < tokens.size() &&
                             is_cap_word(tokens[j + 1]))) {
        ++words;
        ++j;
        if (t.possessive) break;
        continue;
      }
      // "Dr. Howard": a full stop after an abbreviated honorific stays inside the run.
      if (t.text == "."sv && j > i && lexicon_.honorifics.count(tokens[j - 1].folded) && j + 1 < tokens.size() &&
          is_cap_word(tokens[j + 1]) && !tokens[j + 1].space_before == false) {
        ++j;
        continue;
      }
      break;
    }
    return j;
  }

  // Leading tokens of a run that are not part of a name: sentence-initial common words,
  // function words, honorifics (returned separately).
  std::size_t skip_run_prefix(const std::vector<Token>& tokens, std::size_t i, std::size_t end,
                              bool& honorific) const {
    honorific = false;
    // "Supreme Chancellor Finis Valorum": the name starts after the last honorific.
    for (std::size_t k = end; k > i + 1; --k) {
      if (k - 1 + 1 < end && lexicon_.honorifics.count(tokens[k - 1].folded) && k - 1 > i) {
        bool rest_known = false;
        for (std::size_t r = k; r < end; ++r) rest_known = rest_known || is_cap_word(tokens[r]);
        if (rest_known) {
          honorific = true;
          i = k;
          break;
        }
      }
    }
    while (i < end) {
      const auto& t = tokens[i];
      if (t.kind == TokenKind::punctuation) { ++i; continue; }
      if (lexicon_.honorifics.count(t.folded) && i + 1 < end) {
        honorific = true;
        ++i;
        continue;
      }
      if (lexicon_.function_words.count(t.folded) && !names_.find(t.folded)) { ++i; continue; }
      bool sentence_initial = i == 0 || (i == 1 && tokens[0].kind == TokenKind::punctuation);
      if (sentence_initial && lowercase_words_.count(t.folded) && !names_.find(t.folded) &&
          !lexicon_.given_names.count(t.folded)) {
        ++i;
        continue;
      }
      break;
    }
    return i;
  }

  // Per token position k, one more than the position of the last "(" or ")" before k, or 0:
  // what inside_actor_credit looks back for, found once per unit instead of once per name.
  static std::vector<std::size_t> parentheses_before(const std::vector<Token>& tokens) {
    std::vector<std::size_t> before(tokens.size() + 1, 0);
    for (std::size_t k = 0; k < tokens.size(); ++k)
      before[k + 1] = tokens[k].text == "("sv || tokens[k].text == ")"sv ? k + 1 : before[k];
    return before;
  }

  // "(played by Ray Walston, David Lewis, …)": names in a credit parenthesis are actors.
  static bool inside_actor_credit(const std::vector<Token>& tokens, const std::vector<std::size_t>& parentheses,
                                  std::size_t i) {
    const std::size_t k = parentheses[i];
    if (k == 0 || tokens[k - 1].text == ")"sv) return false;
    if (k + 1 < tokens.size()) {
      const auto& a = tokens[k].folded;
      const auto& b = tokens[k + 1].folded;
      return (a == "played"sv || a == "portrayed"sv || a == "voiced"sv) && b == "by"sv;
    }
    return false;
  }

  // "her parents (Diane Lane and Kyle MacLachlan)": names in parentheses right after a common
  // person noun credit the actors of unnamed characters.
  bool inside_actor_list(const std::vector<Token>& tokens, const std::vector<std::size_t>& parentheses,
                         std::size_t i) const {
    const std::size_t k = parentheses[i];
    if (k < 2 || tokens[k - 1].text != "("sv) return false;
    const auto& before = tokens[k - 2];
    if (!is_person_noun(before) || starts_upper(before.text)) return false;
    for (std::size_t j = k; j < tokens.size() && tokens[j].text != ")"sv; ++j) {
      const auto& t = tokens[j];
      if (!is_cap_word(t) && t.folded != "and"sv && t.text != ","sv && t.text != "&"sv && t.text != "."sv) return false;
    }
    return true;
  }

  bool is_place(const std::vector<Token>& tokens, std::size_t from, std::size_t to) const {
    auto key = join_folded(tokens, from, to);
    if (lexicon_.places.count(key)) return true;
    for (std::size_t k = from; k < to; ++k)
      if (is_word(tokens[k]) && lexicon_.place_words.count(tokens[k].folded) && k > from) return true;
    // Acronyms (NYPD, FBI, CIA) are organisations unless the cast says otherwise.
    if (to - from == 1 && tokens[from].text.size() >= 2 && is_all_caps(tokens[from].text) &&
        tokens[from].text.find('-') == std::string_view::npos)
      return true;
    return false;
  }

  // A person or relation noun, singular or plural ("bosses", "friends", "daughters").
  bool is_person_noun(const Token& t) const {
    if (!is_word(t)) return false;
    auto known = [&](const std::string& w) { return lexicon_.relation_nouns.count(w) || lexicon_.person_nouns.count(w); };
    if (known(t.folded)) return true;
    const auto& w = t.folded;
    if (w.size() > 3 && w.ends_with("es") && known(w.substr(0, w.size() - 2))) return true;
    if (w.size() > 2 && w.ends_with("s") && known(w.substr(0, w.size() - 1))) return true;
    return false;
  }

  // Person evidence for one occurrence of the run [from, to) in a sentence: `for_person`
  // collects what speaks for a person, `against` what speaks for a place or a thing.
  struct Evidence {
    double for_person = 0.0;
    double against = 0.0;
  };

  Evidence occurrence_evidence(const std::vector<Token>& tokens, std::size_t from, std::size_t to,
                               bool honorific) const {
    Evidence evidence;
    if (honorific) evidence.for_person += 2.0;
    // Opening quotes do not separate a name from what introduces it: cousin, "Spider".
    std::size_t before = from;
    while (before > 0 && is_quote(tokens[before - 1])) --before;
    const Token* prev = before > 0 ? &tokens[before - 1] : nullptr;
    const Token* prev2 = before > 1 ? &tokens[before - 2] : nullptr;
    auto is_person_word = [&](const Token& t) { return is_person_noun(t); };
    // "In Albuquerque, a little girl …": a locative before the run, even sentence-initial.
    bool located = prev && is_word(*prev) && kLocatives.count(prev->folded);
    if (located && starts_upper(prev->text)) evidence.against += 1.5;
    if (prev && is_word(*prev) && !starts_upper(prev->text)) {
      if (is_person_word(*prev) || lexicon_.honorifics.count(prev->folded)) evidence.for_person += 2.0;
      else if (looks_like_agent_noun(prev->folded)) evidence.for_person += 1.0;  // "coffee attendant Lola"
      if (kNamingVerbs.count(prev->folded) && prev->folded != "named"sv && prev->folded != "called"sv) {
        evidence.for_person += 2.0;  // "the volleyball he calls Wilson": whatever is named is a character
      } else if (prev->folded == "named"sv || prev->folded == "called"sv) {
        // "a man named Spike" speaks for a person, "a boat named Santa Maria" against.
        bool person_head = prev2 && (is_person_word(*prev2) || is_cap_word(*prev2));
        evidence.for_person += person_head ? 2.0 : 0.5;
      }
      if (kIndefinite.count(prev->folded) || prev->folded == "the"sv) evidence.against += 2.0;
      else if (kLocatives.count(prev->folded)) evidence.against += 1.5;
      else if (kPrepositions.count(prev->folded)) evidence.against += 0.5;
    }
    // A sentence-initial word followed by a comma is an introductory word ("Furious, she …").
    bool sentence_initial = from == 0 || (from == 1 && tokens[0].kind == TokenKind::punctuation);
    bool apposition_follows = to + 1 < tokens.size() && tokens[to].text == ","sv &&
                              (kIndefinite.count(tokens[to + 1].folded) || tokens[to + 1].folded == "the"sv);
    if (sentence_initial && to == from + 1 && to < tokens.size() && tokens[to].text == ","sv &&
        !lexicon_.given_names.count(tokens[from].folded) && !apposition_follows)
      evidence.against += 2.0;
    // "their Mercedes", "Alan's father's Mercedes-Benz": a possessed thing. A person follows a
    // possessive only as the name of a relation, with the relation noun between ("his wife
    // Tamina", "Doug's friend Phil").
    if (prev && (prev->possessive || is_possessive_pronoun(prev->folded) || prev->folded == "my"sv ||
                 prev->folded == "our"sv || prev->folded == "your"sv))
      evidence.against += 2.0;
    // "his ex-wife, Catherine": a relation or person noun, a comma, then the name.
    if (prev && prev->text == ","sv && prev2 && is_person_word(*prev2)) evidence.for_person += 2.0;
    if (prev2 && (prev2->folded == "the"sv || kIndefinite.count(prev2->folded)) && prev && is_word(*prev) &&
        !is_person_word(*prev))
      evidence.against += 2.0;
    // "Garner, Schoolteacher's sister-in-law" and "Schoolteacher and his nephews".
    const Token& last = tokens[to - 1];
    if (to < tokens.size()) {
      const Token& next = tokens[to];
      if (last.possessive) {
        if (is_person_word(next)) evidence.for_person += 2.0;
        else evidence.for_person += 0.5;
      } else if (is_word(next) && !starts_upper(next.text)) {
        // "Chilton secretly records": look past one adverb to the verb.
        const Token& verb = next.text.ends_with("ly") && to + 1 < tokens.size() && is_word(tokens[to + 1])
                                ? tokens[to + 1] : next;
        if (kStrongVerbs.count(verb.folded)) {
          evidence.for_person += 1.0;
        } else if (verb.text.size() > 3 && (verb.text.ends_with("s") || verb.text.ends_with("ed")) &&
                   !lexicon_.function_words.count(verb.folded) && !lexicon_.person_nouns.count(verb.folded) &&
                   !lexicon_.place_words.count(verb.folded)) {
          evidence.for_person += 1.0;
        } else if (false) {
          evidence.for_person += 1.0;
        } else if (next.text.size() > 3 && (next.text.ends_with("s") || next.text.ends_with("ed")) &&
                   !lexicon_.function_words.count(next.folded) && !lexicon_.person_nouns.count(next.folded) &&
                   !lexicon_.place_words.count(next.folded)) {
          evidence.for_person += 1.0;
        } else if (!lexicon_.function_words.count(next.folded) && !next.text.ends_with("ly")) {
          evidence.against += 0.5;  // "Top Story crew": a modifier of a following noun
        }
      } else if (next.text == ","sv && to + 2 < tokens.size()) {
        // Apposition: "Honey, a regular call girl," or "Baby Suggs, Sethe's mother-in-law".
        const Token& opener = tokens[to + 1];
        if (located) return evidence;
        // "Hamunaptra, the city of the dead": an apposition with a place word.
        for (std::size_t k = to + 2; k < tokens.size() && k < to + 5; ++k)
          if (is_word(tokens[k]) && lexicon_.place_words.count(tokens[k].folded)) {
            evidence.against += 2.0;
            break;
          }
        bool opens_np = kIndefinite.count(opener.folded) || opener.folded == "the"sv || opener.folded == "his"sv ||
                        opener.folded == "her"sv || (opener.possessive && is_cap_word(opener));
        if (opens_np) {
          for (std::size_t k = to + 2; k < tokens.size() && k < to + 2 + kMaxRoleAdjectives + 1; ++k) {
            if (is_person_word(tokens[k])) {
              evidence.for_person += 3.0;
              break;
            }
          }
        }
      }
    }
    if (lexicon_.given_names.count(tokens[from].folded)) evidence.for_person += 1.5;
    return evidence;
  }

  // "the Jorgensens' daughter", "the Bennets": one word that is the plural of a surname (the
  // last word of a cast name or of a longer name in the text) names a family, not a character.
  void veto_family_plurals(std::map<std::string, Candidate>& candidates) const {
    std::set<std::string, std::less<>> surnames;
    auto add_surname = [&](std::string_view key) {
      const auto space = key.rfind(' ');
      if (space != std::string_view::npos) surnames.emplace(key.substr(space + 1));
    };
    for (const auto& entity : result_.entities)
      for (const auto& key : entity.name_keys) add_surname(key);
    for (const auto& [key, candidate] : candidates) add_surname(key);
    for (auto& [key, candidate] : candidates) {
      if (key.size() < 3 || key.back() != 's' || key.find(' ') != std::string::npos) continue;
      const std::string_view word = key;
      if (surnames.count(word.substr(0, word.size() - 1)) ||
          (word.ends_with("es") && surnames.count(word.substr(0, word.size() - 2))))
        candidate.vetoed = true;
    }
  }

  bool accepted(const Candidate& candidate) const {
    // A word only ever seen opening a sentence ("Disguised", "Gone") needs more evidence: it
    // is as likely an ordinary word as a name.
    double needed = candidate.seen_inside_sentence ? kAcceptScore : kAcceptScore + 1.0;
    return !candidate.vetoed && candidate.for_person >= needed &&
           candidate.for_person - 0.5 * candidate.against >= 1.0;
  }

  // A capitalised run found in a sentence: a known name (empty key) or a candidate.
  struct RunItem {
    std::size_t first = 0;
    std::size_t end = 0;
    std::string key;
  };

  // Items joined by commas and "and"/"or" form a list ("Bella, Max, Bernie, and Tony"); names
  // in a list with a known or accepted name are names too.
  void boost_coordinated(const std::vector<std::vector<RunItem>>& items_by_unit,
                         std::map<std::string, Candidate>& candidates) const {
    for (std::size_t u = 0; u < items_by_unit.size(); ++u) {
      const auto& tokens = result_.tokens[u];
      const auto& items = items_by_unit[u];
      std::size_t i = 0;
      while (i < items.size()) {
        std::size_t j = i + 1;
        while (j < items.size()) {
          bool joined = true;
          std::size_t separators = 0;
          bool conjunction = false;
          for (std::size_t k = items[j - 1].end; k < items[j].first; ++k) {
            const auto& f = tokens[k].folded;
            joined = joined && (f == ","sv || f == "and"sv || f == "or"sv || f == "&"sv);
            conjunction = conjunction || f != ","sv;
            ++separators;
          }
          if (!joined || separators == 0 || separators > 2) break;
          // Two items need "and"/"or": "… leads to Hamunaptra, Jonathan reveals" is no list.
          if (j == i + 1 && !conjunction) {
            bool more = j + 1 < items.size();
            if (!more) break;
          }
          ++j;
        }
        bool two_with_and = j - i == 2;
        if (two_with_and) {
          bool conjunction = false;
          for (std::size_t k = items[i].end; k < items[i + 1].first; ++k) conjunction = conjunction || tokens[k].folded != ","sv;
          two_with_and = conjunction;
        }
        if (j - i >= 3 || two_with_and) {
          std::size_t known = 0;
          std::size_t given = 0;
          for (std::size_t k = i; k < j; ++k) {
            if (items[k].key.empty()) {
              ++known;
              continue;
            }
            const auto& c = candidates.at(items[k].key);
            if (accepted(c)) ++known;
            auto words = split_words(items[k].key);
            if (lexicon_.given_names.count(words.front())) ++given;
          }
          // "his vampire family, Carlisle, Esme, Alice …": a group noun introduces the list.
          bool introduced = items[i].first >= 2 && tokens[items[i].first - 1].text == ","sv &&
                            is_person_noun(tokens[items[i].first - 2]);
          if (known >= 1 || given >= 2 || introduced)
            for (std::size_t k = i; k < j; ++k)
              if (!items[k].key.empty()) candidates.at(items[k].key).for_person += 2.0;
        }
        i = j;
      }
    }
  }

  void add_text_entities() {
    std::map<std::string, Candidate> candidates;  // ordered: deterministic
    std::vector<std::string> order;
    std::vector<std::vector<RunItem>> items_by_unit(result_.tokens.size());
    std::map<std::string, std::string> nicknames;  // folded full name → folded nickname
    // William "Will" Thacker: a quoted nickname between first name and surname.
    for (const auto& tokens : result_.tokens) {
      for (std::size_t i = 0; i + 4 < tokens.size(); ++i) {
        auto quote = [](const Token& t) {
          return t.text == "\""sv || t.text == "\xE2\x80\x9C"sv || t.text == "\xE2\x80\x9D"sv;
        };
        if (is_cap_word(tokens[i]) && quote(tokens[i + 1]) && is_cap_word(tokens[i + 2]) && quote(tokens[i + 3]) &&
            is_cap_word(tokens[i + 4])) {
          auto full = tokens[i].folded + " " + tokens[i + 4].folded;
          nicknames[full] = tokens[i + 2].folded;
          auto& candidate = candidates[full];
          if (candidate.display.empty()) {
            candidate.display = std::string(tokens[i].text) + " " + std::string(tokens[i + 4].text);
            order.push_back(full);
          }
          candidate.for_person += 3.0;
        }
      }
    }
    for (std::size_t u = 0; u < result_.tokens.size(); ++u) {
      const auto& tokens = result_.tokens[u];
      const std::vector<std::size_t> parentheses = parentheses_before(tokens);
      std::size_t i = 0;
      while (i < tokens.size()) {
        if (!is_cap_word(tokens[i]) && !(is_word(tokens[i]) && lexicon_.honorifics.count(tokens[i].folded) &&
                                         i + 1 < tokens.size() && is_cap_word(tokens[i + 1]))) {
          ++i;
          continue;
        }
        std::size_t end = run_end(tokens, i + (is_cap_word(tokens[i]) ? 0 : 1));
        if (end <= i) end = i + 1;
        bool honorific = false;
        std::size_t start = skip_run_prefix(tokens, i, end, honorific);
        std::size_t k = start;
        while (k < end) {
          // Known people and characters first, longest match.
          const bool* excluded = nullptr;
          std::size_t ex_len = excluded_.match(tokens, k, &excluded);
          const std::vector<std::size_t>* known = nullptr;
          std::size_t known_len = names_.match(tokens, k, &known);
          if (ex_len > 0 && ex_len >= known_len) { k += ex_len; continue; }
          if (known_len > 0) {
            items_by_unit[u].push_back({k, k + known_len, {}});
            k += known_len;
            continue;
          }
          // Unknown: the rest of the run up to the next known name is one candidate.
          std::size_t stop = k + 1;
          while (stop < end) {
            const bool* e2 = nullptr;
            const std::vector<std::size_t>* k2 = nullptr;
            if (excluded_.match(tokens, stop, &e2) || names_.match(tokens, stop, &k2)) break;
            if (tokens[stop - 1].possessive) break;
            ++stop;
          }
          while (stop > k && tokens[stop - 1].kind == TokenKind::punctuation) --stop;
          if (stop > k) {
            auto key = join_folded(tokens, k, stop);
            auto [it, inserted] = candidates.try_emplace(key);
            auto& candidate = it->second;
            if (inserted) {
              order.push_back(key);
              auto first = tokens[k].offset - story_.units[u].offset;
              auto last = tokens[stop - 1].offset + tokens[stop - 1].text.size() - story_.units[u].offset;
              candidate.display = story_.units[u].text.substr(first, last - first);
            }
            ++candidate.occurrences;
            if (is_place(tokens, k, stop) || lexicon_.function_words.count(key) || lexicon_.honorifics.count(key) ||
                inside_actor_credit(tokens, parentheses, k) || inside_actor_list(tokens, parentheses, k) ||
                (stop - k == 1 && lowercase_words_.count(key) && !lexicon_.given_names.count(key)) ||
                fold_case(story_.film.title) == key)
              candidate.vetoed = true;
            items_by_unit[u].push_back({k, stop, key});
            if (k > 1 || (k == 1 && tokens[0].kind != TokenKind::punctuation)) candidate.seen_inside_sentence = true;
            // One letter ("E", "H") is an initial, not a name; "Do I" and "HMS Interceptor" are
            // a question and a ship.
            if (stop - k == 1 && tokens[k].text.size() == 1) candidate.vetoed = true;
            // "Valentine's Day", "Schindler's List", "Joe's Diner": one capitalised word right
            // after a capitalised possessive completes a proper-noun compound.
            if (stop - k == 1 && k > 0 && tokens[k - 1].possessive && starts_upper(tokens[k - 1].text))
              candidate.vetoed = true;
            for (std::size_t w = k; w < stop; ++w)
              if (is_word(tokens[w]) && lexicon_.function_words.count(tokens[w].folded)) candidate.vetoed = true;
            if (stop - k > 1 && tokens[k].text.size() >= 2 && is_all_caps(tokens[k].text) &&
                tokens[k].text.find('-') == std::string_view::npos)
              candidate.vetoed = true;
            auto evidence = occurrence_evidence(tokens, k, stop, honorific && k == start);
            candidate.for_person += evidence.for_person;
            candidate.against += evidence.against;
          }
          k = std::max(stop, k + 1);
        }
        i = end;
      }
    }
    boost_coordinated(items_by_unit, candidates);
    veto_family_plurals(candidates);
    // Accept multi-word candidates first so that "Eddie" joins "Eddie Flemming".
    std::stable_sort(order.begin(), order.end(), [](const std::string& a, const std::string& b) {
      return split_words(a).size() > split_words(b).size();
    });
    for (const auto& key : order) {
      const auto& candidate = candidates[key];
      if (!accepted(candidate)) continue;
      if (names_.find(key)) continue;  // became an alias of a longer name
      auto entity = new_entity(candidate.display);
      auto nickname = nicknames.find(key);
      if (nickname != nicknames.end()) {
        auto& e = result_.entities[entity];
        e.name_keys.push_back(nickname->second);
        names_.slot(nickname->second).push_back(entity);
      }
    }
  }

  // ---------------------------------------------------------------- role nouns
  void add_role(std::size_t entity, const std::string& head, std::string kind = {},
                std::optional<std::size_t> related = std::nullopt) {
    auto& roles = result_.entities[entity].roles;
    for (const auto& r : roles)
      if (r.head == head) return;
    roles.push_back({head, std::move(kind), related});
    roles_.slot(head).push_back(entity);
    roles_.longest = std::max(roles_.longest, split_words(head).size());
  }

  // ---------------------------------------------------------------- kinship
  // Kin the cast list implies without saying: "Richard's father" and "Olive's father" make the
  // first Olive's grandfather; "Sheryl's brother" is the uncle of "Sheryl's daughter"; two
  // children of one parent are siblings; and every parent has the child as son or daughter. The
  // derived roles let "her grandfather" and "his son" resolve like the stated ones.
  void derive_kinship_roles() {
    enum class Kin { parent, child, sibling };
    auto kin_of = [](const std::string& head) -> std::optional<Kin> {
      static const StringSet parents{"father", "mother", "dad", "mom", "mum", "parent"};
      static const StringSet children{"son", "daughter", "child"};
      static const StringSet siblings{"brother",     "sister",     "sibling",
                                      "twin",        "twin brother", "twin sister",
                                      "half-brother", "half-sister"};
      if (parents.count(head)) return Kin::parent;
      if (children.count(head)) return Kin::child;
      if (siblings.count(head)) return Kin::sibling;
      return std::nullopt;
    };
    const std::size_t n = result_.entities.size();
    std::set<std::pair<std::size_t, std::size_t>> parent_of;  // (parent, child)
    std::set<std::pair<std::size_t, std::size_t>> sibling_of;  // both orders
    for (std::size_t a = 0; a < n; ++a) {
      for (const auto& role : result_.entities[a].roles) {
        if (!role.related || *role.related == a) continue;
        auto kin = kin_of(role.head);
        if (!kin) continue;
        const std::size_t b = *role.related;
        if (*kin == Kin::parent) parent_of.insert({a, b});
        if (*kin == Kin::child) parent_of.insert({b, a});
        if (*kin == Kin::sibling) {
          sibling_of.insert({a, b});
          sibling_of.insert({b, a});
        }
      }
    }
    for (const auto& [p, c] : parent_of)
      for (const auto& [p2, c2] : parent_of)
        if (p == p2 && c != c2) sibling_of.insert({c, c2});
    // Gendered nouns by what the character is expected to be; both when that is unknown.
    auto add_kin = [&](std::size_t who, std::size_t of, const char* neutral, const char* male, const char* female) {
      const Gender g = expected_gender(who);
      if (neutral) add_role(who, neutral, "family", of);
      if (g != Gender::female) add_role(who, male, "family", of);
      if (g != Gender::male) add_role(who, female, "family", of);
    };
    for (const auto& [p, c] : parent_of) {
      add_kin(p, c, "parent", "father", "mother");
      add_kin(c, p, "child", "son", "daughter");
      for (const auto& [p2, c2] : parent_of)
        if (p2 == c) {
          add_kin(p, c2, "grandparent", "grandfather", "grandmother");
          add_kin(c2, p, "grandchild", "grandson", "granddaughter");
        }
      for (const auto& [s, t] : sibling_of)
        if (t == p && s != c) {
          add_kin(s, c, nullptr, "uncle", "aunt");
          add_kin(c, s, nullptr, "nephew", "niece");
        }
    }
    for (const auto& [a, b] : sibling_of) {
      add_kin(a, b, "sibling", "brother", "sister");
      add_kin(a, b, nullptr, "half-brother", "half-sister");
    }
  }

  // The noun phrase head ending just before `stop` (exclusive) that starts after `from`:
  // returns the longest lexicon phrase ending there, else the last word.
  std::string head_before(const std::vector<Token>& tokens, std::size_t from, std::size_t stop) const {
    if (stop <= from) return {};
    for (std::size_t n = std::min<std::size_t>(kMaxRoleWords, stop - from); n >= 2; --n) {
      auto key = join_folded(tokens, stop - n, stop);
      if (lexicon_.person_nouns.count(key) || lexicon_.relation_nouns.count(key)) return key;
    }
    const auto& last = tokens[stop - 1];
    if (!is_word(last)) return {};
    return last.folded;
  }

  // Name mention at token i, if any: returns the entity and the length.
  std::size_t name_at(const std::vector<Token>& tokens, std::size_t i, std::size_t& entity) const {
    const std::vector<std::size_t>* found = nullptr;
    const bool* excluded = nullptr;
    std::size_t ex_len = excluded_.match(tokens, i, &excluded);
    std::size_t len = names_.match(tokens, i, &found);
    if (len == 0 || ex_len >= len || !is_cap_word(tokens[i])) return 0;
    entity = found->front();
    return len;
  }

  // Whether a character's name ends just before token `end`.
  bool name_ends_at(const std::vector<Token>& tokens, std::size_t end) const {
    for (std::size_t k = end > kMaxNameRun ? end - kMaxNameRun : 0; k < end; ++k) {
      std::size_t entity = 0;
      if (name_at(tokens, k, entity) == end - k) return true;
    }
    return false;
  }

  void collect_roles() {
    // Cast descriptions: "Theodore Twombly, a lonely writer who …" → writer.
    for (std::size_t u = 0; u < story_.units.size(); ++u) {
      const auto owner = cast_entry_owner(u);
      if (!owner) continue;
      const auto& tokens = result_.tokens[u];
      // Only the first sentence of an entry opens with the name and its description.
      std::size_t entity_len = 0;
      std::size_t entity = 0;
      if (tokens.empty() || (entity_len = name_at(tokens, 0, entity)) == 0 || entity != *owner) continue;
      std::size_t i = entity_len;
      while (i < tokens.size() && (tokens[i].text == ","sv || tokens[i].text == "-"sv || tokens[i].text == ":"sv ||
                                   tokens[i].text == "\xE2\x80\x93"sv || tokens[i].text == "\xE2\x80\x94"sv))
        ++i;
      // "a wealthy businessman and Jean's father", "Marge's husband, a painter of wildlife":
      // an entry may give several descriptions, joined by "and" or a comma.
      for (std::size_t phrase = 0; phrase < kMaxCastDescriptions; ++phrase) {
        const std::size_t end = describe_role(tokens, i, *owner);
        if (end == i) break;
        i = end;
        if (i < tokens.size() && tokens[i].text == ","sv) ++i;
        if (i < tokens.size() && tokens[i].folded == "and"sv) ++i;
        if (i == end) break;
      }
    }
    derive_roles_from_relation_verbs();
    // Appositions in the plot define roles too, so that "the nurse" later finds whom "Harlan's
    // nurse, Marta" named: "the housekeeper, Fran", "Sethe, a former slave". Nouns too general
    // to identify anyone ("the man, Tom") are left out.
    for (std::size_t u = 0; u < story_.units.size(); ++u) {
      if (story_.units[u].from_cast_list) continue;
      const auto& tokens = result_.tokens[u];
      for (std::size_t k = 0; k < tokens.size(); ++k) {
        std::size_t entity = 0;
        const std::size_t len = name_at(tokens, k, entity);
        if (len == 0) continue;
        if (const auto before = apposition_before(tokens, k); before && before->first > 0)
          describe_role(tokens, before->first - 1, entity, /*from_plot=*/true);
        if (k + len + 1 < tokens.size() && tokens[k + len].text == ","sv && !tokens[k + len - 1].possessive)
          describe_role(tokens, k + len + 1, entity, /*from_plot=*/true);
        k += len - 1;
      }
    }
    // Appositions anywhere: "an operating system named Samantha", "his wife Tamina".
    for (auto& tokens : result_.tokens) {
      for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
        const auto& t = tokens[i];
        std::size_t entity = 0;
        // A character's name before the verb is its subject, not a noun it names: "whom Sethe
        // named Denver" (but "a Welshman named Spike").
        if ((t.folded == "named"sv || t.folded == "called"sv) && name_at(tokens, i + 1, entity) &&
            !name_ends_at(tokens, i)) {
          auto head = head_before(tokens, 0, i);
          if (!head.empty() && !lexicon_.function_words.count(head)) add_role(entity, head);
        } else if (kNamingVerbs.count(t.folded) && i >= 2 && pronoun_gender(tokens[i - 1].folded) != Gender::unknown &&
                   name_at(tokens, i + 1, entity)) {
          // "the volleyball he calls Wilson"
          auto head = head_before(tokens, 0, i - 1);
          if (!head.empty() && !lexicon_.function_words.count(head)) add_role(entity, head);
        }
        // "operating system (OS)": an abbreviation whose letters are the phrase's initials.
        if (t.text == "("sv && i >= 2 && i + 2 < tokens.size() && tokens[i + 2].text == ")"sv &&
            is_all_caps(tokens[i + 1].text)) {
          std::string abbreviation = tokens[i + 1].folded;
          std::size_t n = abbreviation.size();
          if (n >= 2 && i >= n) {
            bool initials = true;
            for (std::size_t k = 0; k < n; ++k) {
              const auto& w = tokens[i - n + k];
              initials = initials && is_word(w) && !w.folded.empty() && w.folded[0] == abbreviation[k];
            }
            if (initials) abbreviations_[abbreviation] = join_folded(tokens, i - n, i);
          }
        }
      }
    }
    // Titles become roles once the names are known, unless two characters share the title.
    std::map<std::string, std::vector<std::size_t>> title_owners;
    for (const auto& [entity, noun] : pending_title_roles_) title_owners[noun].push_back(entity);
    for (const auto& [noun, owners] : title_owners)
      if (owners.size() == 1) add_role(owners.front(), noun);
    // An abbreviation stands for every character that its long form stands for; common ones
    // ("OS", "AI") need no definition in the text.
    for (const auto& [short_form, long_form] : lexicon_.abbreviations) abbreviations_.emplace(short_form, long_form);
    for (const auto& [short_form, long_form] : abbreviations_) {
      const auto* found = roles_.find(long_form);
      if (!found) continue;
      auto owners = *found;  // a copy: add_role adds to roles_
      for (auto owner : owners) add_role(owner, short_form);
    }
  }

  // Reads "a lonely writer who …", "a close friend of the protagonist", "Nathan's mute servant",
  // "the base's robot assistant". Returns the index just past the noun phrase it read (`i`
  // when it read none), where a further description may follow ("…, Jean's father"). A
  // description from the plot's text (`from_plot`) gives no role when its noun is too general
  // to identify anyone ("Tom, the man who …").
  std::size_t describe_role(const std::vector<Token>& tokens, std::size_t i, std::size_t owner,
                            bool from_plot = false) {
    std::optional<std::size_t> possessor;
    if (i < tokens.size() && (kIndefinite.count(tokens[i].folded) || tokens[i].folded == "the"sv)) {
      ++i;
      // "the base's robot assistant": a thing's possessive belongs to the phrase, not a person.
      if (i + 1 < tokens.size() && is_word(tokens[i]) && tokens[i].possessive && !starts_upper(tokens[i].text)) ++i;
    } else if (i < tokens.size() && is_possessive_pronoun(tokens[i].folded)) {
      ++i;
    } else {
      std::size_t entity = 0;
      std::size_t len = i < tokens.size() ? name_at(tokens, i, entity) : 0;
      if (len > 0 && tokens[i + len - 1].possessive) {
        possessor = entity;
        i += len;
      } else {
        return i;
      }
    }
    const std::size_t start = i;
    // The head: the last person noun of the phrase ("a lonely writer who …", "the lone
    // astronaut running Sarang base"); failing that, the last plain word before a verb form,
    // a name, a comma or a function word ("an advanced AI who …" → AI).
    std::size_t stop = i;
    if (auto person = description_head(tokens, start)) {
      stop = *person + 1;
    } else if (from_plot) {
      return start;  // in running text, only a person noun makes a description ("Tom, the real …")
    } else {
      while (stop < tokens.size() && stop < start + kMaxRoleAdjectives + kMaxRoleWords) {
        const auto& t = tokens[stop];
        if (!is_word(t) || t.possessive || lexicon_.function_words.count(t.folded) || t.folded.ends_with("ing") ||
            (starts_upper(t.text) && !is_all_caps(t.text)))
          break;
        ++stop;
      }
    }
    auto head = head_before(tokens, start, stop);
    if (head.empty() || lexicon_.function_words.count(head)) return start;
    if (from_plot && !identifying_plot_noun(head)) return stop;
    if (!from_plot) note_description_nouns(tokens, start, stop, owner);
    auto relation = lexicon_.relation_nouns.find(head);
    std::string kind = relation != lexicon_.relation_nouns.end() ? relation->second.kind : std::string();
    if (relation == lexicon_.relation_nouns.end()) {
      // "close friend" is in the lexicon as a phrase; its last word carries the relation too.
      auto words = split_words(head);
      auto last = lexicon_.relation_nouns.find(words.back());
      if (last != lexicon_.relation_nouns.end()) kind = last->second.kind;
    }
    auto gendered = lexicon_.person_nouns.find(head);
    if (gendered != lexicon_.person_nouns.end() && gendered->second.gender != Gender::unknown)
      gender_prior_[owner] = gendered->second.gender;
    if (relation != lexicon_.relation_nouns.end() && relation->second.gender != Gender::unknown)
      gender_prior_[owner] = relation->second.gender;
    // "… of the protagonist" / "… of Theodore": the other side of a relational role.
    if (!kind.empty() && !possessor && stop + 1 < tokens.size() && tokens[stop].folded == "of"sv) {
      std::size_t entity = 0;
      if (name_at(tokens, stop + 1, entity)) {
        possessor = entity;
      } else if (stop + 2 < tokens.size() && tokens[stop + 1].folded == "the"sv) {
        auto noun = lexicon_.person_nouns.find(tokens[stop + 2].folded);
        if (noun != lexicon_.person_nouns.end() && noun->second.noun_class == NounClass::protagonist)
          pending_protagonist_relations_.push_back({owner, kind});
      }
    }
    // A relational role only identifies its owner relative to someone ("Nathan's servant"); a
    // plain role ("writer", "AI") identifies them outright.
    add_role(owner, head, kind, possessor);
    return stop;
  }

  // A cast entry that states a relation with a verb ("the student who breaks up with Mark",
  // "who married him") makes its character the other's partner by name, so that "his
  // girlfriend" or "his former wife" can find them: the verb's object is the name right after
  // it, or, for "him"/"her", the last other character the entry names. The nouns follow the
  // relation's kind and the character's expected gender (both when it is unknown).
  void derive_roles_from_relation_verbs() {
    // A former partner was a partner: "his girlfriend" in the part of the story before the
    // break-up.
    struct KindNouns {
      std::string_view kind;
      std::array<std::string_view, 2> male, female;
    };
    static constexpr std::array<KindNouns, 4> kNouns{{
        {"marriage", {"husband", ""}, {"wife", ""}},
        {"former-spouse", {"ex-husband", "husband"}, {"ex-wife", "wife"}},
        {"romance", {"boyfriend", ""}, {"girlfriend", ""}},
        {"former-partner", {"ex-boyfriend", "boyfriend"}, {"ex-girlfriend", "girlfriend"}},
    }};
    for (std::size_t u = 0; u < story_.units.size(); ++u) {
      const auto cast_owner = cast_entry_owner(u);
      if (!cast_owner) continue;
      const std::size_t owner = *cast_owner;
      const auto& tokens = result_.tokens[u];
      std::optional<std::size_t> last_other;  // the last other character named so far
      for (std::size_t i = 0; i < tokens.size(); ++i) {
        std::size_t named = 0;
        if (const std::size_t len = name_at(tokens, i, named)) {
          if (named != owner) last_other = named;
          i += len - 1;
          continue;
        }
        auto starting = lexicon_.relation_verbs_by_first_word.find(tokens[i].folded);
        if (starting == lexicon_.relation_verbs_by_first_word.end()) continue;
        for (std::size_t v : starting->second) {
          const RelationVerb& verb = lexicon_.relation_verbs[v];
          if (i + verb.words.size() > tokens.size()) continue;
          bool match = true;
          for (std::size_t k = 0; k < verb.words.size() && match; ++k) match = tokens[i + k].folded == verb.words[k];
          if (!match) continue;
          const std::size_t end = i + verb.words.size();
          std::optional<std::size_t> object;
          std::size_t entity = 0;
          if (end < tokens.size() && name_at(tokens, end, entity) && entity != owner) {
            object = entity;
          } else if (end < tokens.size() && (tokens[end].folded == "him"sv || tokens[end].folded == "her"sv)) {
            object = last_other;
          }
          const auto nouns = std::find_if(kNouns.begin(), kNouns.end(),
                                          [&](const KindNouns& n) { return n.kind == verb.kind; });
          if (object && nouns != kNouns.end()) {
            const Gender gender = expected_gender_prior(owner);
            const std::string kind(verb.kind);
            for (std::string_view noun : nouns->male)
              if (gender != Gender::female && !noun.empty()) add_role(owner, std::string(noun), kind, object);
            for (std::string_view noun : nouns->female)
              if (gender != Gender::male && !noun.empty()) add_role(owner, std::string(noun), kind, object);
          }
          i = end - 1;
          break;
        }
      }
    }
  }

  // A character's gender as the cast list suggests it before any text is read: a noun of its
  // description, else its given name.
  Gender expected_gender_prior(std::size_t e) const {
    if (gender_prior_[e] != Gender::unknown) return gender_prior_[e];
    return name_gender(result_.entities[e]);
  }

  // Whether a description's head noun, read in the plot's running text, can name one
  // character: not a general noun ("the man"), a collective one ("the crime family") or a
  // plural ("the patients").
  bool identifying_plot_noun(const std::string& head) const {
    static const StringSet kCollectiveNouns{"family", "crew", "gang", "team", "couple", "pair", "group", "trio"};
    const std::string last = split_words(head).back();
    if (kGenericPersonNouns.count(last) || kCollectiveNouns.count(last)) return false;
    // "Carl's childhood hero": a story's hero is chosen from the cast list and the counts.
    auto noun = lexicon_.person_nouns.find(last);
    if (noun != lexicon_.person_nouns.end()) return noun->second.noun_class != NounClass::protagonist;
    return lexicon_.relation_nouns.count(last) > 0;
  }

  // The words of a description's noun phrase [start, stop) that say what the character is: the
  // sort of being, when a word of it is a non-human noun ("robot assistant": the modifier
  // decides, as in "robot dog"), and the head with the word before it.
  void note_description_nouns(const std::vector<Token>& tokens, std::size_t start, std::size_t stop,
                              std::size_t owner) {
    auto& entity = result_.entities[owner];
    for (std::size_t k = start; k < stop && !entity.being; ++k) {
      if (!is_word(tokens[k])) continue;
      auto noun = lexicon_.person_nouns.find(tokens[k].folded);
      if (noun != lexicon_.person_nouns.end() && noun->second.noun_class == NounClass::being)
        entity.being = noun->second.being_kind;
    }
    for (std::size_t k = stop; k > start && k + 2 > stop; --k) {
      const auto& t = tokens[k - 1];
      if (!is_word(t) || t.possessive || lexicon_.function_words.count(t.folded)) break;
      entity.description_nouns.push_back(t.folded);
    }
  }

  // ---------------------------------------------------------------- protagonist
  void choose_protagonist_by_names() {
    if (result_.entities.empty()) return;
    std::vector<double> score(result_.entities.size(), 0.0);
    for (std::size_t u = 0; u < result_.tokens.size(); ++u) {
      const auto& tokens = result_.tokens[u];
      for (std::size_t i = 0; i < tokens.size();) {
        std::size_t entity = 0;
        std::size_t len = name_at(tokens, i, entity);
        if (len) {
          score[entity] += story_.units[u].from_cast_list ? 0.5 : 1.0;
          i += len;
        } else {
          ++i;
        }
      }
    }
    for (std::size_t e = 0; e < result_.entities.size(); ++e) {
      const auto& entity = result_.entities[e];
      if (entity.cast_index && *entity.cast_index == 0) score[e] += 2.0;  // top billing
      for (const auto& role : entity.roles) {
        // Someone's hero ("Carl's childhood hero") is not the story's.
        if (role.related) continue;
        auto noun = lexicon_.person_nouns.find(role.head);
        if (noun != lexicon_.person_nouns.end() && noun->second.noun_class == NounClass::protagonist) score[e] += 5.0;
      }
    }
    // Characters described relative to "the protagonist" are not the protagonist.
    for (const auto& [owner, kind] : pending_protagonist_relations_) score[owner] -= 3.0;
    std::size_t best = 0;
    for (std::size_t e = 1; e < score.size(); ++e)
      if (score[e] > score[best]) best = e;
    result_.protagonist = best;
    for (const auto& [owner, kind] : pending_protagonist_relations_)
      if (owner != best)
        for (auto& role : result_.entities[owner].roles)
          if (role.kind == kind && !role.related) role.related = best;
  }

  // ---------------------------------------------------------------- genders
  void apply_gender_priors() {
    // "his wife Tamina": the relation noun before a name genders the name.
    for (auto& tokens : result_.tokens) {
      for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
        auto relation = lexicon_.relation_nouns.find(tokens[i].folded);
        if (relation == lexicon_.relation_nouns.end() || relation->second.gender == Gender::unknown) continue;
        std::size_t j = i + 1;
        if (j < tokens.size() && tokens[j].text == ","sv) ++j;
        std::size_t entity = 0;
        if (j < tokens.size() && name_at(tokens, j, entity) && gender_prior_[entity] == Gender::unknown)
          gender_prior_[entity] = relation->second.gender;
      }
    }
    for (std::size_t e = 0; e < result_.entities.size(); ++e) result_.entities[e].gender = gender_prior_[e];
    name_gender_.clear();
    own_name_gender_.clear();
    for (const auto& entity : result_.entities) {
      const Gender own = name_gender(entity);
      name_gender_.push_back(own != Gender::unknown ? own : actor_gender(entity));
      own_name_gender_.push_back(own);
    }
  }

  // The gender a character's given name suggests: a curated given name anywhere in the name
  // ("Dr. Louise Banks"), else the first word on the longer name list. A name that says
  // nothing ("WALL-E", "Trinity", "Neo") takes the gender of the actor's given name ("Ben
  // Burtt voices WALL-E"), the weakest guess of all: a role is mostly played or voiced by
  // someone of its gender, and the pronouns of the text, when they agree often enough, still
  // decide (learn_genders).
  Gender name_gender(const Entity& entity) const {
    return given_name_gender(entity.name_keys.empty() ? std::string() : entity.name_keys.front());
  }

  Gender actor_gender(const Entity& entity) const {
    return entity.actor ? given_name_gender(fold_case(*entity.actor)) : Gender::unknown;
  }

  Gender given_name_gender(const std::string& name) const {
    auto words = split_words(name);
    for (const auto& word : words) {
      auto it = lexicon_.given_names.find(word);
      if (it != lexicon_.given_names.end()) return it->second;
    }
    return words.empty() ? Gender::unknown : first_name_gender(lexicon_, words.front());
  }

  // What a character's gender is taken to be before the text has spoken: its prior, else its name's.
  Gender expected_gender(std::size_t e) const {
    return result_.entities[e].gender != Gender::unknown ? result_.entities[e].gender : name_gender_[e];
  }

  void learn_genders() {
    for (std::size_t e = 0; e < result_.entities.size(); ++e) {
      auto& entity = result_.entities[e];
      if (gender_prior_[e] != Gender::unknown) continue;
      auto [male, female] = gender_votes_[e];
      if (male >= kMinGenderVotes && male >= 2 * female) {
        entity.gender = Gender::male;
      } else if (female >= kMinGenderVotes && female >= 2 * male) {
        entity.gender = Gender::female;
      } else {
        // The character's own name; an actor's is left to the end (settle_genders), so that
        // it never counts as known while mentions are being resolved.
        entity.gender = own_name_gender_[e];
      }
    }
  }

  // The gender reported for a character nothing else has gendered: its actor's given name's.
  void settle_genders() {
    for (std::size_t e = 0; e < result_.entities.size(); ++e)
      if (result_.entities[e].gender == Gender::unknown) result_.entities[e].gender = name_gender_[e];
  }

  // ---------------------------------------------------------------- mentions
  struct SalienceState {
    std::vector<double> salience;
    std::optional<std::size_t> last_subject;
  };

  void add_salience(SalienceState& state, std::size_t entity, bool subject, bool possessive) {
    double weight = possessive ? kPossessiveWeight : kRecencyWeight;
    if (subject) weight += kSubjectWeight;
    state.salience[entity] += weight;
  }

  // A role phrase at token i: determiner, adjectives, head. Returns its length and entity.
  // `possessor`, when known, is whom a possessive determiner stands for ("her" → Olive): an
  // owner whose role points at it wins over salience ("her brother" is Olive's brother).
  std::size_t role_at(const std::vector<Token>& tokens, std::size_t i, const SalienceState& state,
                      std::size_t& entity, std::optional<std::size_t> possessor = std::nullopt) const {
    const auto& det = tokens[i];
    bool definite = kDeterminers.count(det.folded) > 0;
    bool indefinite = kIndefinite.count(det.folded) > 0;
    if (!definite && !indefinite) return 0;
    bool possessive_det = det.folded == "his"sv || det.folded == "her"sv || det.folded == "their"sv || det.folded == "its"sv;
    std::size_t j = i + 1;
    std::size_t adjectives = 0;
    while (j < tokens.size() && adjectives <= kMaxRoleAdjectives) {
      const std::vector<std::size_t>* owners = nullptr;
      std::size_t len = roles_.match(tokens, j, &owners);
      if (len > 0) {
        // The head must end the noun phrase: "the writer's" yes, "the OS market" no. After a
        // possessive and a relation noun the next word is nearly always a verb: "the crook and
        // his partner take a car".
        std::size_t after = j + len;
        const bool relation_after_possessive =
            possessive_det && lexicon_.relation_nouns.count(join_folded(tokens, j, j + len)) > 0;
        if (after < tokens.size() && is_word(tokens[after]) && !tokens[j + len - 1].possessive &&
            !relation_after_possessive &&
            !lexicon_.function_words.count(tokens[after].folded) && !kAuxiliaries.count(tokens[after].folded) &&
            !starts_upper(tokens[after].text) && !tokens[after].text.ends_with("s") &&
            !tokens[after].text.ends_with("ed"))
          return 0;
        std::vector<std::size_t> candidates;
        std::vector<std::size_t> possessor_kin;  // candidates whose role points at the possessor
        const std::string head = join_folded(tokens, j, j + len);
        for (auto owner : *owners) {
          const auto& entity_roles = result_.entities[owner].roles;
          auto role = std::find_if(entity_roles.begin(), entity_roles.end(), [&](const RoleNoun& r) {
            return r.head == head && possessor && r.related == possessor;
          });
          if (role != entity_roles.end()) possessor_kin.push_back(owner);
          if (role == entity_roles.end())
            role = std::find_if(entity_roles.begin(), entity_roles.end(),
                                [&](const RoleNoun& r) { return r.head == head; });
          // A possessed role ("her OS") names this character only when the role is
          // relational and the relation points at the possessor's side; plain roles must
          // be definite or, for non-human beings and "named" roles, indefinite.
          if (possessive_det && (role == entity_roles.end() || role->kind.empty())) continue;
          if (indefinite) {
            // "a physicist" introduces the physicist of the cast list; "a man" identifies nobody.
            if (role == entity_roles.end()) continue;
            auto noun = lexicon_.person_nouns.find(role->head);
            bool being = noun != lexicon_.person_nouns.end() && noun->second.noun_class == NounClass::being;
            auto words = split_words(role->head);
            bool distinctive = role->kind.empty() && !kGenericPersonNouns.count(words.back()) && owners->size() == 1;
            if (!being && !distinctive) continue;
          }
          candidates.push_back(owner);
        }
        if (candidates.empty()) return 0;
        if (!possessor_kin.empty()) candidates = possessor_kin;
        std::size_t best = candidates.front();
        for (auto c : candidates)
          if (state.salience[c] > state.salience[best]) best = c;
        entity = best;
        return j + len - i;
      }
      const auto& t = tokens[j];
      bool adjective_like = (is_word(t) && !starts_upper(t.text) && !lexicon_.function_words.count(t.folded) &&
                             !t.possessive) ||
                            t.text == ","sv;
      if (!adjective_like) return 0;
      if (t.text != ","sv) ++adjectives;
      ++j;
    }
    return 0;
  }

  // "Grandpa", "Mom": a family word used as a name refers to the character who holds that
  // family role (grandfather, mother): the protagonist's, as a story is told from its side,
  // else the most salient holder; not when it opens a name ("Grandpa Joe"). Returns 1 when it
  // resolves.
  std::size_t address_form_at(const std::vector<Token>& tokens, std::size_t i, const SalienceState& state,
                              std::size_t& entity) const {
    static const std::unordered_map<std::string_view, std::string_view> kAddressForms{
        {"grandpa", "grandfather"}, {"grandad", "grandfather"}, {"granddad", "grandfather"},
        {"gramps", "grandfather"},  {"grandma", "grandmother"}, {"granny", "grandmother"},
        {"nana", "grandmother"},    {"mom", "mother"},          {"mum", "mother"},
        {"mommy", "mother"},        {"mummy", "mother"},        {"mama", "mother"},
        {"dad", "father"},          {"daddy", "father"},        {"papa", "father"}};
    const auto& t = tokens[i];
    if (!is_cap_word(t)) return 0;
    const auto form = kAddressForms.find(t.folded);
    if (form == kAddressForms.end()) return 0;
    if (i + 1 < tokens.size() && is_cap_word(tokens[i + 1])) return 0;
    const std::string noun(form->second);
    const auto* owners = roles_.find(noun);
    if (!owners || owners->empty()) return 0;
    for (auto owner : *owners) {
      const auto& roles = result_.entities[owner].roles;
      if (result_.protagonist && std::any_of(roles.begin(), roles.end(), [&](const RoleNoun& r) {
            return r.head == noun && r.related == result_.protagonist;
          })) {
        entity = owner;
        return 1;
      }
    }
    entity = owners->front();
    for (auto owner : *owners)
      if (state.salience[owner] > state.salience[entity]) entity = owner;
    return 1;
  }

  // "the protagonist", "our hero", or the indefinite description a story "follows".
  std::size_t protagonist_at(const std::vector<Token>& tokens, std::size_t i) const {
    const auto& det = tokens[i];
    if (det.folded == "the"sv || det.folded == "our"sv) {
      for (std::size_t n = std::min<std::size_t>(2, tokens.size() - i - 1); n >= 1; --n) {
        bool words = true;
        for (std::size_t k = i + 1; k < i + 1 + n; ++k) words = words && is_word(tokens[k]);
        if (!words) continue;
        auto key = join_folded(tokens, i + 1, i + 1 + n);
        auto noun = lexicon_.person_nouns.find(key);
        if (noun != lexicon_.person_nouns.end() && noun->second.noun_class == NounClass::protagonist) return n + 1;
      }
      return 0;
    }
    if (!kIndefinite.count(det.folded) || i == 0) return 0;
    bool follows = false;
    for (const auto& phrase : kFollowPhrases) {
      std::size_t words = phrase[2].empty() ? (phrase[1].empty() ? 1 : 2) : 3;
      if (i < words) continue;
      bool match = true;
      for (std::size_t k = 0; k < words; ++k) match = match && tokens[i - words + k].folded == phrase[k];
      follows = follows || match;
    }
    if (!follows) return 0;
    for (std::size_t j = i + 1; j < tokens.size() && j <= i + 1 + kMaxRoleAdjectives + 2; ++j) {
      auto noun = lexicon_.person_nouns.find(tokens[j].folded);
      if (noun != lexicon_.person_nouns.end() && noun->second.noun_class != NounClass::being) return j - i + 1;
      if (!is_word(tokens[j]) && tokens[j].text != ","sv) return 0;
    }
    return 0;
  }

  void resolve_mentions(bool learning) {
    SalienceState state;
    state.salience.assign(result_.entities.size(), 0.0);
    std::size_t current_cast_entity = kNoEntity;  // the cast entry being read, if any
    bool named_in_plot = false;
    bool opening_described = false;
    std::vector<bool> introduced(result_.entities.size(), false);  // mentioned in the plot so far
    for (std::size_t u = 0; u < story_.units.size(); ++u) {
      const auto& unit = story_.units[u];
      const auto& tokens = result_.tokens[u];
      auto& mentions = result_.mentions[u];
      mentions.clear();
      for (auto& s : state.salience) s *= kSalienceDecay;
      if (unit.from_cast_list) {
        const std::size_t entity = cast_entry_owner(u).value_or(kNoEntity);
        if (entity != current_cast_entity) {
          // A new cast entry is a new little text about one character.
          std::fill(state.salience.begin(), state.salience.end(), 0.0);
          current_cast_entity = entity;
        }
      } else if (current_cast_entity != kNoEntity) {
        std::fill(state.salience.begin(), state.salience.end(), 0.0);
        current_cast_entity = kNoEntity;
      }
      std::optional<std::size_t> sentence_subject;
      bool clause_start = true;
      for (std::size_t i = 0; i < tokens.size();) {
        const auto& t = tokens[i];
        if (t.text == ";"sv || t.folded == "while"sv || t.folded == "but"sv || t.folded == "when"sv) clause_start = true;
        std::size_t entity = 0;
        EntityMention mention;
        std::size_t len = 0;
        std::size_t described_gender_len = 0;
        Gender described_gender = Gender::unknown;
        if ((len = protagonist_at(tokens, i)) && result_.protagonist) {
          mention = {*result_.protagonist, i, i + len - 1, MentionKind::protagonist, false, clause_start};
        } else if (!named_in_plot && !opening_described && !unit.from_cast_list && result_.protagonist &&
                   (len = opening_description_at(tokens, i, described_gender)) &&
                   (described_gender == Gender::unknown || expected_gender(*result_.protagonist) == Gender::unknown ||
                    expected_gender(*result_.protagonist) == described_gender)) {
          // A plot that names nobody opens on its central character: "A solitary contractor …";
          // when the description's gender rules the protagonist out, it is an introduction
          // (below) of someone else: "a meek car salesman" when the hero is a police chief.
          opening_described = true;
          mention = {*result_.protagonist, i, i + len - 1, MentionKind::protagonist, false, clause_start};
          if (learning && described_gender != Gender::unknown)
            (described_gender == Gender::male ? gender_votes_[*result_.protagonist].first
                                              : gender_votes_[*result_.protagonist].second) += 2;
        } else if ((described_gender_len = generic_definite_at(tokens, i, described_gender)) &&
                   (entity = resolve_by_salience(state, described_gender, {}, false, described_gender)) !=
                       kNoEntity) {
          // "the lonely man", "the girl": a generic description goes to the most salient match.
          len = described_gender_len;
          mention = {entity, i, i + len - 1, MentionKind::role, tokens[i + len - 1].possessive, clause_start};
        } else if ((len = name_at(tokens, i, entity))) {
          // An ambiguous key ("Bell" for two characters) goes to the most salient owner.
          const std::vector<std::size_t>* owners = nullptr;
          names_.match(tokens, i, &owners);
          entity = owners->front();
          for (auto owner : *owners)
            if (state.salience[owner] > state.salience[entity]) entity = owner;
          mention = {entity, i, i + len - 1, MentionKind::name, tokens[i + len - 1].possessive, clause_start};
          if (!unit.from_cast_list) named_in_plot = true;
        } else if ((!is_possessive_pronoun(t.folded) || pronoun_gender(t.folded) == Gender::unknown) &&
                   (len = role_at(tokens, i, state, entity))) {
          // "their young daughter", "its owner": plural and neuter pronouns are not resolved,
          // but the role they open still names its owner.
          mention = {entity, i, i + len - 1, MentionKind::role, tokens[i + len - 1].possessive, clause_start};
        } else if (!named_in_plot && !unit.from_cast_list && (len = introduction_at(tokens, i, introduced, entity))) {
          mention = {entity, i, i + len - 1, MentionKind::role, tokens[i + len - 1].possessive, clause_start};
          opening_described = true;  // the plot has opened on someone: later descriptions are not its opening
        } else if ((len = address_form_at(tokens, i, state, entity))) {
          mention = {entity, i, i, MentionKind::role, t.possessive, clause_start};
        } else if (is_word(t) && pronoun_gender(t.folded) != Gender::unknown) {
          len = 1;
          auto resolved = resolve_pronoun(tokens, i, state, sentence_subject, learning);
          if (!resolved) {
            ++i;
            continue;
          }
          bool possessive = t.folded == "his"sv || (t.folded == "her"sv && i + 1 < tokens.size() && is_word(tokens[i + 1]) &&
                                                  !kPrepositions.count(tokens[i + 1].folded) &&
                                                  !lexicon_.function_words.count(tokens[i + 1].folded));
          bool contraction = t.possessive;  // "he's" is "he is"
          mention = {*resolved, i, i, MentionKind::pronoun, possessive && !contraction,
                     clause_start && (t.folded == "he"sv || t.folded == "she"sv)};
        } else {
          if (t.kind == TokenKind::word && !starts_upper(t.text)) clause_start = false;
          ++i;
          continue;
        }
        add_salience(state, mention.entity, mention.subject, mention.possessive);
        if (mention.subject && !sentence_subject) sentence_subject = mention.entity;
        clause_start = false;
        if (!unit.from_cast_list) introduced[mention.entity] = true;
        mentions.push_back(mention);
        // "his ex-wife": the possessive pronoun is one mention, the role phrase it opens another.
        std::size_t role_len = 0;
        if (mention.kind == MentionKind::pronoun && is_possessive_pronoun(t.folded) &&
            (role_len = role_at(tokens, i, state, entity, mention.entity)) && entity != mention.entity) {
          const auto& roles = result_.entities[entity].roles;
          bool points_back = std::any_of(roles.begin(), roles.end(), [&](const RoleNoun& r) {
            return !r.kind.empty() && (!r.related || *r.related == mention.entity);
          });
          if (points_back) {
            EntityMention role{entity, i + 1, i + role_len - 1, MentionKind::role, false, false};
            add_salience(state, entity, false, false);
            mentions.push_back(role);
            len = role_len;
          }
        }
        i += len;
      }
      add_apposition_mentions(u);
      state.last_subject = sentence_subject;
    }
  }

  // The head noun of a description starting at `start` ("a close friend of …" → friend,
  // "a lonely, introverted writer who …" → writer): the last person or relation noun before the
  // phrase ends.
  std::optional<std::size_t> description_head(const std::vector<Token>& tokens, std::size_t start) const {
    static const StringSet kStops{"who", "that", "with", "of", "and", "whose", "in",
                                  "from", "at", "for", "whom", "which", "to", "on", "named"};
    std::optional<std::size_t> head;
    for (std::size_t k = start; k < tokens.size() && k < start + kMaxRoleAdjectives + kMaxRoleWords + 2; ++k) {
      const auto& t = tokens[k];
      if (t.text == ","sv) {
        if (k + 1 < tokens.size() && is_word(tokens[k + 1]) && !starts_upper(tokens[k + 1].text) &&
            !kStops.count(tokens[k + 1].folded) && !head)
          continue;  // "a lonely, introverted man"
        break;
      }
      // A name ends the description; one or two other capitalised words may modify a noun
      // right after them ("a French student", "a bubbly Hollywood actress"), but not head it
      // ("an eager Wilderness Explorer") or run on ("the Ruling Council sentences three …").
      if (!is_word(t) || kStops.count(t.folded) ||
          (starts_upper(t.text) && !is_all_caps(t.text) && !proper_modifier_at(tokens, k)))
        break;
      if (is_person_noun(t)) head = k;
      // Two-word nouns: "operating system", "call girl".
      if (k > start && is_word(tokens[k - 1])) {
        auto pair = tokens[k - 1].folded + " " + t.folded;
        if (lexicon_.person_nouns.count(pair) || lexicon_.relation_nouns.count(pair)) head = k;
      }
      if (t.possessive) break;
    }
    return head;
  }

  bool overlaps_mention(const std::vector<EntityMention>& mentions, std::size_t from, std::size_t to) const {
    return std::any_of(mentions.begin(), mentions.end(),
                       [&](const EntityMention& m) { return m.first_token <= to && from <= m.last_token; });
  }

  // Descriptions in apposition with a name are mentions of it: "Honey, a regular call girl",
  // "Amy, a close friend of the protagonist", "his ex-wife, Catherine", "his wife Tamina".
  // The description in apposition before a name starting at token `first`: "his ex-wife,
  // Catherine", "his wife Tamina", "the housekeeper, Fran", "Harlan's nurse and friend, Marta",
  // "the private detective Benoit Blanc". Returns the tokens from the first word after the
  // determiner to the noun; an article needs the comma unless the noun is a distinctive one
  // ("the man Tom met" is no apposition).
  std::optional<std::pair<std::size_t, std::size_t>> apposition_before(const std::vector<Token>& tokens,
                                                                       std::size_t first) const {
    if (first == 0) return std::nullopt;
    std::size_t j = first - 1;
    const bool comma = tokens[j].text == ","sv;
    if (comma && j > 0) --j;
    if (!is_person_noun(tokens[j])) return std::nullopt;
    std::size_t p = j;
    std::size_t adjectives = 0;
    while (p > 0 && adjectives <= kMaxRoleAdjectives) {
      const auto& prev = tokens[p - 1];
      if (is_possessive_pronoun(prev.folded) || (prev.possessive && is_cap_word(prev))) return std::pair{p, j};
      if (prev.folded == "the"sv || kIndefinite.count(prev.folded)) {
        if (comma || !kGenericPersonNouns.count(tokens[j].folded)) return std::pair{p, j};
        return std::nullopt;
      }
      // "nurse and friend": two nouns of one description.
      if (prev.folded == "and"sv && p >= 2 && is_person_noun(tokens[p - 2])) {
        --p;
        continue;
      }
      if (!is_word(prev) || starts_upper(prev.text) || lexicon_.function_words.count(prev.folded)) return std::nullopt;
      --p;
      ++adjectives;
    }
    return std::nullopt;
  }

  void add_apposition_mentions(std::size_t u) {
    const auto& tokens = result_.tokens[u];
    auto& mentions = result_.mentions[u];
    std::vector<EntityMention> added;
    for (const auto& m : mentions) {
      if (m.kind != MentionKind::name || m.possessive) continue;
      // After the name: ", a/an/the/his/her/X's … NOUN".
      std::size_t k = m.last_token + 1;
      if (k + 2 < tokens.size() && tokens[k].text == ","sv) {
        const auto& det = tokens[k + 1];
        bool article = kIndefinite.count(det.folded) || det.folded == "the"sv;
        bool possessor = det.folded == "his"sv || det.folded == "her"sv || (det.possessive && is_cap_word(det));
        if (article || possessor) {
          std::size_t phrase_start = article ? k + 1 : k + 2;
          auto head = description_head(tokens, k + 2);
          if (head && !overlaps_mention(mentions, phrase_start, *head) && !overlaps_mention(added, phrase_start, *head))
            added.push_back({m.entity, phrase_start, *head, MentionKind::role, false, false});
        }
      }
      // Before the name: "his ex-wife, Catherine" / "his wife Tamina" / "the housekeeper, Fran".
      const auto before = apposition_before(tokens, m.first_token);
      if (!before) continue;
      const auto [p, j] = *before;
      if (!overlaps_mention(mentions, p, j) && !overlaps_mention(added, p, j))
        added.push_back({m.entity, p, j, MentionKind::role, false, false});
    }
    if (added.empty()) return;
    mentions.insert(mentions.end(), added.begin(), added.end());
    std::stable_sort(mentions.begin(), mentions.end(),
                     [](const EntityMention& a, const EntityMention& b) { return a.first_token < b.first_token; });
  }

  std::optional<std::size_t> resolve_pronoun(const std::vector<Token>& tokens, std::size_t i,
                                             const SalienceState& state,
                                             std::optional<std::size_t> sentence_subject, bool learning) {
    const auto& t = tokens[i];
    Gender gender = pronoun_gender(t.folded);
    bool reflexive = t.folded == "himself"sv || t.folded == "herself"sv;
    bool object = t.folded == "him"sv || (t.folded == "her"sv && (i + 1 >= tokens.size() || !is_word(tokens[i + 1]) ||
                                                               kPrepositions.count(tokens[i + 1].folded) ||
                                                               lexicon_.function_words.count(tokens[i + 1].folded)));
    if (reflexive) {
      // The nearest character before it in its clause that agrees, as a reflexive is bound
      // inside its own clause ("He nominates Blackwood, and Blackwood reveals himself"); a
      // possessor ("Nick's file") or the object of a preposition ("takes the money to Carl
      // himself") binds nothing. An adverbial clause ("before turning the gun
      // on himself", ", sacrificing himself") belongs to the sentence's subject.
      static const StringSet kAdverbialOpeners{"before", "after", "while", "when", "as", "by", "since", "until"};
      const auto& mentions = result_.mentions[&tokens - result_.tokens.data()];
      std::size_t clause_begin = 0;
      for (std::size_t k = i; k-- > 0;) {
        const bool participle_after_comma =
            tokens[k].text == ","sv && k + 1 < i &&
            (tokens[k + 1].folded.ends_with("ing") ||
             (tokens[k + 1].folded.ends_with("ly") && k + 2 < i && tokens[k + 2].folded.ends_with("ing")));
        if (participle_after_comma || kAdverbialOpeners.count(tokens[k].folded)) {
          clause_begin = k + 1;
          break;
        }
      }
      for (auto m = mentions.rbegin(); m != mentions.rend() && m->first_token >= clause_begin; ++m) {
        if (m->possessive || (m->first_token > 0 && kPrepositions.count(tokens[m->first_token - 1].folded))) continue;
        const Gender known = expected_gender(m->entity);
        if (known == Gender::unknown || known == gender) return m->entity;
      }
    }
    if (reflexive && sentence_subject) {
      const Gender subject_gender = expected_gender(*sentence_subject);
      if (subject_gender == Gender::unknown || subject_gender == gender) return sentence_subject;
    }
    // The subject of the pronoun's own clause: the nearest earlier mention in this sentence
    // with no clause boundary between.
    std::optional<std::size_t> clause_subject;
    if (object) {
      const auto& mentions = result_.mentions[&tokens - result_.tokens.data()];
      if (!mentions.empty()) {
        bool boundary = false;
        for (std::size_t k = mentions.back().last_token + 1; k < i; ++k) {
          const auto& f = tokens[k].folded;
          // "to", "for" and "as" open a clause ("asks him to help her") unless they are the
          // pronoun's own preposition ("talks to her").
          const bool preposition_of_pronoun = k + 1 == i && (f == "to"sv || f == "for"sv || f == "as"sv);
          if (!preposition_of_pronoun && (f == ","sv || f == "to"sv || f == "that"sv || f == "who"sv || f == "and"sv ||
                                          f == "as"sv || f == "when"sv || f == "for"sv))
            boundary = true;
        }
        if (!boundary) clause_subject = mentions.back().entity;
      }
    }
    std::vector<std::size_t> excluded;
    if (clause_subject) excluded.push_back(*clause_subject);
    bool governs_names = false;
    if (!reflexive && !is_possessive_pronoun(t.folded)) {
      const auto governed = binding_domain_names(tokens, i);
      excluded.insert(excluded.end(), governed.begin(), governed.end());
      governs_names = !governed.empty();
    }
    // A pronoun that governs a name is left to whoever else agrees: too weak a choice to teach
    // anyone's gender.
    auto best = resolve_by_salience(state, gender, excluded, learning && !governs_names, gender);
    if (best == kNoEntity) return protagonist_by_default(tokens, gender, excluded);
    return best;
  }

  // Whether token k follows a copula or "as", past adverbs and a title: "he is always Mr.
  // Anderson" and "he introduces himself as Joe" say what the subject is, not whom it governs.
  bool after_copula(const std::vector<Token>& tokens, std::size_t k) const {
    static const StringSet kCopulas{"is", "was", "are", "were", "be", "been", "becomes", "became", "remains", "as"};
    static const StringSet kAdverbs{"not", "still", "always", "never", "now", "also", "in", "fact", "truly", "really"};
    while (k > 0 && (kAdverbs.count(tokens[k - 1].folded) || tokens[k - 1].folded.ends_with("ly") ||
                     tokens[k - 1].text == "."sv || lexicon_.honorifics.count(tokens[k - 1].folded)))
      --k;
    return k > 0 && kCopulas.count(tokens[k - 1].folded) > 0;
  }

  // Principle C of binding theory: a pronoun cannot refer to a character named later in the
  // part of the sentence it governs ("he storms in to confront Mark", "she tells Anna").
  // Pronouns are resolved left to right, before those names, so they are looked for ahead.
  // The governed part is kept to what a synopsis reliably respects: from a subject or direct
  // object pronoun (not "to him") to the next comma, semicolon, colon, subordinate clause or
  // coordinated clause with a pronoun subject.
  // Writers do repeat a possessed name for clarity ("she tells him she knows a hit-man who will
  // kill Dwayne's dad"), so possessives are left out, as are names shared by two characters
  // and names after a copula.
  std::vector<std::size_t> binding_domain_names(const std::vector<Token>& tokens, std::size_t i) const {
    static const StringSet kClauseOpeners{"but", "while", "whereas", "yet", "when", "as", "because", "before",
                                          "after", "if", "until", "since", "although", "though", "whenever"};
    std::vector<std::size_t> names;
    if (i > 0 && kPrepositions.count(tokens[i - 1].folded)) return names;
    for (std::size_t k = i + 1; k < tokens.size() && k <= i + kMaxBindingDomain; ++k) {
      const auto& t = tokens[k];
      if (t.text == ","sv || t.text == ";"sv || t.text == ":"sv || kClauseOpeners.count(t.folded)) break;
      // "he confronts Beth and she admits …": a coordinated clause with a subject of its own.
      if ((t.folded == "and"sv || t.folded == "or"sv) && k + 1 < tokens.size() &&
          (tokens[k + 1].folded == "he"sv || tokens[k + 1].folded == "she"sv || tokens[k + 1].folded == "they"sv))
        break;
      const std::vector<std::size_t>* owners = nullptr;
      std::size_t entity = 0;
      const std::size_t len = name_at(tokens, k, entity);
      if (len == 0) continue;
      names_.match(tokens, k, &owners);
      if (owners->size() == 1 && !tokens[k + len - 1].possessive && !after_copula(tokens, k)) names.push_back(entity);
      k += len - 1;
    }
    return names;
  }

  // A plot's "he" or "she" when nobody of that gender is still salient and the sentence has
  // named nobody before it: the protagonist, if known to agree. A synopsis is told from the
  // protagonist's side and returns to them after a paragraph about something else ("Every day
  // it crushes junk … When he gives her a seedling"), long after the last mention has decayed. Cast entries are left alone: each is a
  // little text about its own character.
  std::optional<std::size_t> protagonist_by_default(const std::vector<Token>& tokens, Gender gender,
                                                    const std::vector<std::size_t>& excluded) const {
    const auto p = result_.protagonist;
    if (!p || gender == Gender::unknown || std::find(excluded.begin(), excluded.end(), *p) != excluded.end())
      return std::nullopt;
    const auto u = static_cast<std::size_t>(&tokens - result_.tokens.data());
    if (story_.units[u].from_cast_list) return std::nullopt;
    // A sentence that has already named someone may be speaking of them ("Governor Swann, his
    // daughter"): a guess is worse than no answer there.
    if (!result_.mentions[u].empty()) return std::nullopt;
    if (expected_gender(*p) != gender) return std::nullopt;
    return p;
  }

  // The most salient character whose gender agrees, skipping those `excluded`; votes for the
  // gender of an unambiguous winner while learning.
  std::size_t resolve_by_salience(const SalienceState& state, Gender gender, const std::vector<std::size_t>& excluded,
                                  bool learning, Gender vote) {
    std::size_t best = kNoEntity;
    double best_score = 0.0;
    double second_score = 0.0;
    for (std::size_t e = 0; e < result_.entities.size(); ++e) {
      if (std::find(excluded.begin(), excluded.end(), e) != excluded.end()) continue;
      double s = state.salience[e];
      if (s < kMinSalience) continue;
      Gender g = result_.entities[e].gender;
      if (gender != Gender::unknown && g != Gender::unknown && g != gender) continue;
      if (g == Gender::unknown && gender != Gender::unknown) {
        s *= kUnknownGenderFactor;
        if (name_gender_[e] != Gender::unknown && name_gender_[e] != gender) s *= kNameGenderMismatchFactor;
      }
      if (s > best_score) {
        second_score = best_score;
        best_score = s;
        best = e;
      } else if (s > second_score) {
        second_score = s;
      }
    }
    if (learning && best != kNoEntity && vote != Gender::unknown && result_.entities[best].gender == Gender::unknown &&
        best_score >= 2.0 * second_score) {
      auto& votes = gender_votes_[best];
      (vote == Gender::male ? votes.first : votes.second) += 1;
    }
    return best;
  }

  // "an impulsive woman with dyed blue hair", "a helpful robot": while a plot names nobody, an
  // indefinite description introduces a cast character it has not mentioned yet. The
  // description's noun must agree with the character in gender and in kind (person or
  // non-human being); among those, the one whose cast description shares most words with it
  // wins, then one known to agree (by gender or by being non-human), then the higher billed. A
  // character that shares no word must be known to agree: "a stranger" identifies nobody, nor
  // does "a girl" a character of unknown gender. Returns the description's length.
  std::size_t introduction_at(const std::vector<Token>& tokens, std::size_t i, const std::vector<bool>& introduced,
                              std::size_t& entity) const {
    if (!opens_indefinite_description(tokens, i)) return 0;
    std::size_t head = 0;
    const PersonNoun* noun = nullptr;
    // The head is the last person noun before the description ends: "a car salesman", "a
    // young American woman" (not "young"), "a salesman career" (salesman).
    bool capitalised = false;  // a capitalised modifier was seen
    bool head_after_capitalised = false;
    std::size_t end = i + 1;
    for (; end < tokens.size() && end <= i + 1 + kMaxRoleAdjectives; ++end) {
      const auto& t = tokens[end];
      if (t.text == ","sv) continue;
      if (!is_word(t) || !capitalised_modifier_or_lower(tokens, end) || lexicon_.function_words.count(t.folded))
        break;
      auto found = lexicon_.person_nouns.find(t.folded);
      if (found != lexicon_.person_nouns.end()) {
        head = end;
        noun = &found->second;
        head_after_capitalised = capitalised;
      }
      capitalised = capitalised || starts_upper(t.text);
    }
    if (!noun) return end > i + 1 ? description_noun_introduction(tokens, i, end, introduced, entity) : 0;
    if (head_after_capitalised && noun->from_wordnet) return 0;  // as in opening_description_at
    if (noun->noun_class == NounClass::protagonist) return 0;
    // "an eleven-year-old girl, Riley Andersen": the apposition names whom it introduces.
    if (head + 2 < tokens.size() && tokens[head + 1].text == ","sv && starts_upper(tokens[head + 2].text)) return 0;
    if (head + 1 < tokens.size() && (tokens[head + 1].folded == "named"sv || tokens[head + 1].folded == "called"sv))
      return 0;
    const bool being = noun->noun_class == NounClass::being;
    std::set<std::string, std::less<>> words;
    for (std::size_t j = i + 1; j <= head; ++j)
      if (is_word(tokens[j])) words.insert(tokens[j].folded);
    std::optional<std::size_t> best;
    std::size_t best_shared = 0;
    bool best_agrees = false;  // in a known gender, or in being non-human
    for (std::size_t e = 0; e < result_.entities.size(); ++e) {
      const auto& candidate = result_.entities[e];
      if (!candidate.cast_index || introduced[e]) continue;
      const Gender expected = expected_gender(e);
      if (noun->gender != Gender::unknown && expected != Gender::unknown && expected != noun->gender) continue;
      // Agreement that ranks a candidate is known from the text or the character's own name:
      // an actor's name rules a character out, but counting it here would let the one whose
      // actor's name is on our list win over a better-billed one whose actor's is not.
      const Gender known = result_.entities[e].gender != Gender::unknown ? result_.entities[e].gender
                                                                        : own_name_gender_[e];
      const bool agrees = being || (noun->gender != Gender::unknown && known == noun->gender);
      if (candidate.being.has_value() != being) continue;
      if (being && !compatible_beings(*candidate.being, noun->being_kind)) continue;
      std::size_t shared = 0;
      for (const Token& word : tokenize(candidate.description))
        if (is_word(word) && words.count(word.folded) && !lexicon_.function_words.count(word.folded)) ++shared;
      // Shared words first; without any, only a character known to agree qualifies.
      if (shared == 0 && !agrees) continue;
      const bool better = !best || shared > best_shared ||
                          (shared == best_shared && agrees && !best_agrees) ||
                          (shared == best_shared && agrees == best_agrees &&
                           *candidate.cast_index < *result_.entities[*best].cast_index);
      if (better) {
        best = e;
        best_shared = shared;
        best_agrees = agrees;
      }
    }
    // "a sleek surveyor" for "a surveyor robot": the noun may still head a cast description.
    if (!best) return description_noun_introduction(tokens, i, head + 1, introduced, entity);
    entity = *best;
    return head - i + 1;
  }

  // "a", "an", and "one" before a description ("one small robot"), not "one of" or "one day".
  bool opens_indefinite_description(const std::vector<Token>& tokens, std::size_t i) const {
    if (kIndefinite.count(tokens[i].folded)) return true;
    return tokens[i].folded == "one"sv && i + 1 < tokens.size() && is_word(tokens[i + 1]) &&
           !lexicon_.function_words.count(tokens[i + 1].folded) && tokens[i + 1].folded != "day"sv;
  }

  // "a gleaming white probe" when the cast list has "a probe robot": an indefinite description
  // [i, end) whose head (its last word) is not a person noun introduces the one character not
  // yet mentioned whose cast description has that noun (description_nouns), if there is exactly
  // one. Returns the description's length.
  std::size_t description_noun_introduction(const std::vector<Token>& tokens, std::size_t i, std::size_t end,
                                            const std::vector<bool>& introduced, std::size_t& entity) const {
    std::size_t last = end - 1;
    while (last > i && !is_word(tokens[last])) --last;
    if (last == i || tokens[last].possessive) return 0;
    const std::string& head = tokens[last].folded;
    std::optional<std::size_t> found;
    for (std::size_t e = 0; e < result_.entities.size(); ++e) {
      const auto& candidate = result_.entities[e];
      if (!candidate.cast_index || introduced[e]) continue;
      const auto& nouns = candidate.description_nouns;
      if (std::find(nouns.begin(), nouns.end(), head) == nouns.end()) continue;
      if (found) return 0;  // two characters share the noun: it names neither
      found = e;
    }
    if (!found) return 0;
    entity = *found;
    return last - i + 1;
  }

  // "A solitary contractor", "a little girl in thick glasses": an indefinite person
  // description; returns its length and the gender its noun implies.
  std::size_t opening_description_at(const std::vector<Token>& tokens, std::size_t i, Gender& gender) const {
    if (!kIndefinite.count(tokens[i].folded)) return 0;
    bool capitalised = false;  // a capitalised modifier was seen
    for (std::size_t j = i + 1; j < tokens.size() && j <= i + 1 + kMaxRoleAdjectives; ++j) {
      const auto& t = tokens[j];
      if (!is_word(t) && t.text != ","sv) return 0;
      if (!is_word(t)) continue;
      // "a grey Valentine's Day": a possessive word or a name ends the description; other
      // capitalised words are modifiers ("an ageing Hollywood actor").
      if (!capitalised_modifier_or_lower(tokens, j)) return 0;
      const bool after_capitalised = capitalised;
      capitalised = capitalised || starts_upper(t.text);
      // "a language professor": the longest person noun phrase ending here.
      std::string key;
      for (std::size_t n = std::min<std::size_t>(2, j - i); n >= 1; --n) {
        key = join_folded(tokens, j - n + 1, j + 1);
        auto noun = lexicon_.person_nouns.find(key);
        if (noun != lexicon_.person_nouns.end() && noun->second.noun_class != NounClass::being) {
          // Stop at the head: the next word must not continue the noun phrase.
          if (j + 1 < tokens.size() && is_person_noun(tokens[j + 1])) break;
          // "a Los Angeles diner", "a Volkswagen camper": after a proper noun, only a curated
          // person noun is taken for a person.
          if (after_capitalised && noun->second.from_wordnet) return 0;
          gender = noun->second.gender;
          return j - i + 1;
        }
      }
      if (lexicon_.function_words.count(t.folded)) return 0;
    }
    return 0;
  }

  // Whether the capitalised word k modifies a lower-case person noun that follows it, directly
  // or after one more such word: "French" in "a French student", "New" in "a New York cop".
  bool proper_modifier_at(const std::vector<Token>& tokens, std::size_t k) const {
    auto lower_person_noun = [&](std::size_t j) {
      return j < tokens.size() && !starts_upper(tokens[j].text) && is_person_noun(tokens[j]);
    };
    auto proper_word = [&](std::size_t j) {
      return j < tokens.size() && is_word(tokens[j]) && starts_upper(tokens[j].text) &&
             capitalised_modifier_or_lower(tokens, j);
    };
    if (!proper_word(k)) return false;
    return lower_person_noun(k + 1) || (proper_word(k + 1) && lower_person_noun(k + 2)) ||
           (k > 0 && proper_word(k - 1) && lower_person_noun(k + 1));
  }

  // Whether word j may stand inside a description before its noun: a lower-case word, or a
  // capitalised one that is neither possessive nor a character's name ("a young American
  // woman", "a New York cop", but not "a grey Valentine's Day" or "a friend Tom").
  bool capitalised_modifier_or_lower(const std::vector<Token>& tokens, std::size_t j) const {
    const auto& t = tokens[j];
    if (t.possessive) return false;
    if (!starts_upper(t.text)) return true;
    std::size_t entity = 0;
    return name_at(tokens, j, entity) == 0 && !lexicon_.function_words.count(t.folded);
  }

  // "the lonely man", "the girl", but not "the other man".
  std::size_t generic_definite_at(const std::vector<Token>& tokens, std::size_t i, Gender& gender) const {
    const auto& det = tokens[i];
    if (det.folded != "the"sv && det.folded != "this"sv && det.folded != "that"sv) return 0;
    for (std::size_t j = i + 1; j < tokens.size() && j <= i + 1 + 2; ++j) {
      const auto& t = tokens[j];
      if (!is_word(t) || starts_upper(t.text) || t.folded == "other"sv || t.folded == "second"sv || t.folded == "new"sv ||
          t.folded == "first"sv || t.folded == "two"sv || t.folded == "same"sv)
        return 0;
      if (kGenericPersonNouns.count(t.folded)) {
        auto noun = lexicon_.person_nouns.find(t.folded);
        gender = noun != lexicon_.person_nouns.end() ? noun->second.gender : Gender::unknown;
        if (gender == Gender::unknown) return 0;
        return j - i + 1;
      }
    }
    return 0;
  }

  const Story& story_;
  const Lexicon& lexicon_;
  Resolution result_;
  PhraseIndex<bool> excluded_;
  PhraseIndex<std::vector<std::size_t>> names_;
  PhraseIndex<std::vector<std::size_t>> roles_;
  StringSet lowercase_words_;
  std::map<std::size_t, std::size_t> cast_entity_by_line_;
  std::map<std::string, std::string> abbreviations_;
  std::vector<std::pair<std::size_t, std::string>> pending_protagonist_relations_;
  std::vector<std::pair<std::size_t, std::string>> pending_title_roles_;
  std::vector<Gender> gender_prior_;
  // What each character's first name suggests, else its actor's; unknown if neither says.
  std::vector<Gender> name_gender_;
  std::vector<Gender> own_name_gender_;  // the same from the character's own name only
  std::vector<std::pair<std::size_t, std::size_t>> gender_votes_;
};

}  // namespace

Resolution resolve_characters(const Story& story, const Lexicon& lexicon) {
  return Resolver(story, lexicon).run();
}

}  // namespace filmscope

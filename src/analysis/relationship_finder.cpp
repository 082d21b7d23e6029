// Relationship typing over one sentence at a time; see relationship_finder.h for the patterns.
#include "analysis/relationship_finder.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>

namespace filmscope {

namespace {

constexpr std::size_t kMaxAdjectives = 3;
constexpr std::size_t kMaxVerbGap = 6;     // tokens between the subject and its verb
constexpr std::size_t kMaxObjectGap = 3;   // tokens between the verb and its object
// Tokens looked back over for the opening of a parenthesis (an actor's name, a year): enough
// for a credit, few enough that an unclosed one costs little.
constexpr std::size_t kMaxParenthesisTokens = 8;

// Sentences looked back over for the two characters a plural pronoun stands for: past a few,
// "they" has usually moved on to a group the text never names.
constexpr std::size_t kMaxPluralLookback = 3;
// Tokens after a verb searched for a thing its object names ("befriend a huge, colourful bird
// that Russell names Kevin").
constexpr std::size_t kMaxNamedObjectGap = 12;

const StringSet kCopulas{"becomes", "became", "become", "is", "was", "remains",
                         "be", "being", "been", "as"};
const StringSet kAuxiliaries{"is", "was", "are", "were", "has", "had", "have", "been",
                             "gets", "got", "being", "be"};
const StringSet kPrepositions{"alongside", "with", "to", "for", "at", "in", "of", "from", "by",
                              "beside", "behind", "about", "on", "into", "near", "without", "against"};
const StringSet kDeterminers{"a", "an", "the", "his", "her", "their", "its", "this", "that"};

const StringSet kNamingVerbs{"names", "named", "calls", "called", "christens", "dubs"};

// "they", "them", "their" or "the two", with the two characters it stands for.
struct PluralReference {
  std::size_t first_token = 0;
  std::size_t last_token = 0;
  bool possessive = false;  // "their"
  std::vector<std::size_t> members;
};

// The characters a subject or object stands for: one, a coordinated pair ("she and Kyoko"), or
// a plural pronoun's pair.
struct Party {
  std::vector<std::size_t> members;
  std::size_t first_token = 0;
  std::size_t last_token = 0;
};

// The length of a plural reference starting at token i, 0 when none does.
std::size_t plural_reference_at(const std::vector<Token>& tokens, std::size_t i) {
  const std::string& word = tokens[i].folded;
  if (word == "they" || word == "them" || word == "their") return 1;
  // "the two wander the city", but not "the pair of boots"
  if (word == "the" && i + 1 < tokens.size() && (tokens[i + 1].folded == "two" || tokens[i + 1].folded == "pair") &&
      !(i + 2 < tokens.size() && tokens[i + 2].folded == "of"))
    return 2;
  return 0;
}

// Plural references of each unit, resolved to a pair of characters the way a reader would:
// an earlier plural reference of the same sentence; else the characters mentioned so far in
// the sentence and, while fewer than two, in the sentences before (the pair a plural reference
// of an otherwise empty sentence stood for carries on). Exactly two characters make the pair;
// three or more are a group the text does not delimit, and give none. Cast descriptions are
// neither resolved nor looked back into.
std::vector<std::vector<PluralReference>> resolve_plural_references(const Resolution& resolution,
                                                                    const Lexicon& lexicon) {
  static const StringSet kSingularPronouns{"he", "she", "him", "her", "his", "hers", "himself", "herself"};
  const std::size_t units = resolution.tokens.size();
  std::vector<std::vector<PluralReference>> plurals(units);
  auto is_cast = [&](std::size_t u) {
    return u < resolution.cast_entry_owners.size() && resolution.cast_entry_owners[u].has_value();
  };
  auto covered = [&](std::size_t u, std::size_t token) {
    return std::any_of(resolution.mentions[u].begin(), resolution.mentions[u].end(), [&](const EntityMention& m) {
      return m.first_token <= token && token <= m.last_token;
    });
  };
  // A person the pair could not be told from: a pronoun that resolved to nobody ("She shows
  // him…" while "she" is no known character), or, before the plural reference in its own
  // sentence, a plural person noun that is the likelier antecedent ("Two rowing champions …
  // and their partner", "thousands of other people … them").
  auto hides_someone = [&](std::size_t u, std::size_t before_token, bool plural_nouns) {
    const auto& tokens = resolution.tokens[u];
    for (std::size_t t = 0; t < tokens.size() && t < before_token; ++t) {
      if (tokens[t].kind != TokenKind::word || covered(u, t)) continue;
      const std::string& word = tokens[t].folded;
      if (kSingularPronouns.count(word)) return true;
      if (!plural_nouns) continue;
      if (word == "people" || word == "others") return true;
      if (word.size() > 3 && word.back() == 's') {
        const std::string singular = word.substr(0, word.size() - 1);
        if (lexicon.person_nouns.count(singular) || lexicon.relation_nouns.count(singular)) return true;
      }
    }
    return false;
  };
  auto add_entities = [&](std::vector<std::size_t>& set, std::size_t u, std::size_t before_token) {
    for (const auto& m : resolution.mentions[u])
      if (m.last_token < before_token && std::find(set.begin(), set.end(), m.entity) == set.end())
        set.push_back(m.entity);
  };
  for (std::size_t u = 0; u < units; ++u) {
    if (is_cast(u)) continue;
    const auto& tokens = resolution.tokens[u];
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      const std::size_t len = plural_reference_at(tokens, i);
      if (len == 0) continue;
      // "neither of them", "hundreds of them": part of a group, not the pair.
      if (i > 0 && tokens[i - 1].folded == "of") continue;
      PluralReference reference{i, i + len - 1, tokens[i].folded == "their", {}};
      i += len - 1;
      if (!plurals[u].empty()) {
        reference.members = plurals[u].back().members;
      } else {
        std::vector<std::size_t> seen;
        add_entities(seen, u, reference.first_token);
        bool hidden = hides_someone(u, reference.first_token, /*plural_nouns=*/true);
        for (std::size_t back = 1; !hidden && seen.size() < 2 && back <= kMaxPluralLookback && back <= u; ++back) {
          const std::size_t v = u - back;
          if (is_cast(v) || (hidden = hides_someone(v, SIZE_MAX, /*plural_nouns=*/false))) break;
          std::vector<std::size_t> mentioned;
          add_entities(mentioned, v, SIZE_MAX);
          if (seen.empty() && !plurals[v].empty()) {
            const auto& pair = plurals[v].back().members;
            if (std::all_of(mentioned.begin(), mentioned.end(), [&](std::size_t e) {
                  return std::find(pair.begin(), pair.end(), e) != pair.end();
                })) {
              seen = pair;
              break;
            }
          }
          for (std::size_t e : mentioned)
            if (std::find(seen.begin(), seen.end(), e) == seen.end()) seen.push_back(e);
        }
        if (seen.size() == 2 && !hidden) reference.members = seen;
      }
      if (reference.members.size() == 2) plurals[u].push_back(std::move(reference));
    }
  }
  return plurals;
}

class SentenceTyper {
 public:
  SentenceTyper(const std::vector<Token>& tokens, const std::vector<EntityMention>& mentions,
                const std::vector<PluralReference>& plurals, std::optional<std::size_t> cast_owner,
                const Lexicon& lexicon, std::size_t unit, std::vector<TypedRelation>& out)
      : tokens_(tokens),
        mentions_(mentions),
        plurals_(plurals),
        cast_owner_(cast_owner),
        lexicon_(lexicon),
        unit_(unit),
        out_(out) {}

  void run() {
    relation_nouns();
    relation_verbs();
    cast_description_relation();
  }

 private:
  void emit(std::size_t a, std::size_t b, const std::string& kind) {
    if (a == b) return;
    out_.push_back({std::min(a, b), std::max(a, b), kind, unit_});
  }

  void emit_between(const std::vector<std::size_t>& firsts, const std::vector<std::size_t>& seconds,
                    const std::string& kind) {
    for (std::size_t a : firsts)
      for (std::size_t b : seconds) emit(a, b, kind);
  }

  const PluralReference* plural_ending_at(std::size_t token) const {
    for (const auto& p : plurals_)
      if (p.last_token == token) return &p;
    return nullptr;
  }
  const PluralReference* plural_starting_at(std::size_t token) const {
    for (const auto& p : plurals_)
      if (p.first_token == token) return &p;
    return nullptr;
  }

  // The party a mention heads: with the character before "and" ("she and Kyoko stab Nathan").
  Party party_of(const EntityMention& m) const {
    Party party{{m.entity}, m.first_token, m.last_token};
    if (m.first_token >= 2 && tokens_[m.first_token - 1].folded == "and")
      if (auto other = mention_ending_at(m.first_token - 2); other && !other->possessive && other->entity != m.entity) {
        party.members.insert(party.members.begin(), other->entity);
        party.first_token = other->first_token;
      }
    return party;
  }
  static Party party_of(const PluralReference& p) { return {p.members, p.first_token, p.last_token}; }

  const EntityMention* mention_starting_at(std::size_t token) const {
    for (const auto& m : mentions_)
      if (m.first_token == token) return &m;
    return nullptr;
  }
  const EntityMention* mention_ending_at(std::size_t token) const {
    const EntityMention* found = nullptr;
    for (const auto& m : mentions_)
      if (m.last_token == token && (!found || m.kind != MentionKind::role)) found = &m;
    return found;
  }
  // A role mention covering exactly [from, to].
  const EntityMention* role_covering(std::size_t from, std::size_t to) const {
    for (const auto& m : mentions_)
      if (m.kind == MentionKind::role && m.first_token <= from && m.last_token >= to) return &m;
    return nullptr;
  }

  // Longest relation noun starting at i: returns its length and kind.
  std::size_t relation_noun_at(std::size_t i, std::string& kind) const {
    // Most words begin no relation noun: they are turned away before any key is built.
    if (!lexicon_.relation_noun_prefixes.count(tokens_[i].folded)) return 0;
    std::string key;
    std::size_t best = 0;
    for (std::size_t j = i; j < tokens_.size() && j < i + lexicon_.longest_relation_noun; ++j) {
      if (tokens_[j].kind != TokenKind::word) break;
      if (!key.empty()) key += ' ';
      key += tokens_[j].folded;
      if (!lexicon_.relation_noun_prefixes.count(key)) break;  // no noun goes on from here
      auto it = lexicon_.relation_nouns.find(key);
      if (it != lexicon_.relation_nouns.end()) {
        best = j - i + 1;
        kind = it->second.kind;
      }
      if (tokens_[j].possessive) break;
    }
    return best;
  }

  // The token before a parenthesis that closes at `close` ("Bing Bong (Richard Kind), the
  // girl's friend": the actor's name between the character and the apposition); `close` itself
  // when it closes none.
  std::size_t before_parenthesis(std::size_t close) const {
    if (tokens_[close].text != ")") return close;
    for (std::size_t k = close; k > 0 && close - k < kMaxParenthesisTokens; --k)
      if (tokens_[k - 1].text == "(") return k >= 2 ? k - 2 : close;
    return close;
  }

  void relation_nouns() {
    // "Harlan's nurse and friend, Marta": a noun coordinated with the one before shares its
    // possessor, and the one before shares its filler.
    std::vector<std::size_t> previous_possessors;
    std::size_t previous_last = SIZE_MAX;
    for (std::size_t i = 0; i < tokens_.size(); ++i) {
      std::string kind;
      std::size_t len = relation_noun_at(i, kind);
      if (len == 0) continue;
      std::size_t last = i + len - 1;
      // Walk back over adjectives to the determiner or possessor.
      std::size_t start = i;
      std::size_t adjectives = 0;
      while (start > 0 && adjectives < kMaxAdjectives) {
        const auto& prev = tokens_[start - 1];
        if (prev.kind != TokenKind::word || prev.possessive || kDeterminers.count(prev.folded) ||
            mention_ending_at(start - 1))
          break;
        if (lexicon_.function_words.count(prev.folded) && prev.folded != "close" && prev.folded != "old") break;
        --start;
        ++adjectives;
      }
      std::vector<std::size_t> possessors;
      const EntityMention* before = start > 0 ? mention_ending_at(start - 1) : nullptr;
      bool has_determiner = start > 0 && kDeterminers.count(tokens_[start - 1].folded) && !before;
      if (before && before->possessive) possessors = {before->entity};
      if (before && before->kind == MentionKind::pronoun && tokens_[start - 1].folded == "her") possessors = {before->entity};
      // "Hannah will be their daughter": each of the pair.
      if (const auto* plural = start > 0 ? plural_ending_at(start - 1) : nullptr; plural && plural->possessive)
        possessors = plural->members;
      // "… of the protagonist", "… of Theodore"
      // (a protagonist mention starts at its article, so one look-up covers both)
      if (possessors.empty() && last + 1 < tokens_.size() && tokens_[last + 1].folded == "of")
        if (auto m = mention_starting_at(last + 2)) possessors = {m->entity};
      if (possessors.empty() && start >= 2 && start - 2 == previous_last && tokens_[start - 1].folded == "and")
        possessors = previous_possessors;
      previous_possessors = possessors;
      previous_last = last;
      if (possessors.empty()) {
        i = last;
        continue;
      }
      auto is_possessor = [&](std::size_t e) { return std::find(possessors.begin(), possessors.end(), e) != possessors.end(); };

      // The filler: the phrase itself, an apposition after it, a name before it, or the
      // subject of a copula.
      std::optional<std::size_t> filler;
      if (auto role = role_covering(i, last); role && !is_possessor(role->entity)) filler = role->entity;
      std::size_t after = last + 1;
      if (!filler && after < tokens_.size()) {
        std::size_t k = after;
        std::string coordinated_kind;
        if (tokens_[k].folded == "and" && k + 1 < tokens_.size())
          if (std::size_t len = relation_noun_at(k + 1, coordinated_kind)) k += 1 + len;
        if (k >= tokens_.size()) k = after;
        if (tokens_[k].text == ",") ++k;
        if (k < tokens_.size())
          if (auto m = mention_starting_at(k); m && m->kind == MentionKind::name) filler = m->entity;
      }
      std::size_t np_start = before && before->possessive ? before->first_token : (has_determiner ? start - 1 : start);
      if (!filler && np_start >= 2 && tokens_[np_start - 1].text == ",")
        if (auto m = mention_ending_at(before_parenthesis(np_start - 2)); m && !m->possessive) filler = m->entity;
      if (!filler) {
        // "X … becomes his confidant and eventually his romantic partner"
        // "Hannah will be their daughter": the copula's own subject when it has one near, else the
        // sentence's.
        // A preposition or a clause boundary between them means the noun is no complement of
        // the copula ("Mark is left with the company but without his friend").
        for (std::size_t k = np_start; k > 0 && k + 8 > np_start; --k) {
          const auto& t = tokens_[k - 1];
          if (t.kind == TokenKind::punctuation || t.folded == "but" || kPrepositions.count(t.folded)) break;
          if (kCopulas.count(t.folded)) {
            if (auto subject = subject_before(k - 1); subject && subject->members.size() == 1)
              filler = subject->members.front();
            break;
          }
        }
      }
      if (filler) emit_between(possessors, {*filler}, kind);
      i = last;  // "romantic partner" is not also a "partner"
    }
  }

  // "Paul, a cheerful colleague at the letter firm who admires Theodore's writing": a cast
  // description headed by a relation noun with no possessor of its own relates the character to
  // the one other character it names (more than one leaves the relation's other side unknown),
  // unless the description relates them otherwise.
  void cast_description_relation() {
    if (!cast_owner_ || mentions_.empty() || mentions_.front().first_token != 0 || mentions_.front().entity != *cast_owner_)
      return;
    std::size_t k = mentions_.front().last_token + 1;
    if (k < tokens_.size() && tokens_[k].text == ",") ++k;
    if (k >= tokens_.size() || !(tokens_[k].folded == "a" || tokens_[k].folded == "an" || tokens_[k].folded == "the"))
      return;
    std::string kind;
    for (std::size_t j = k + 1; j < tokens_.size() && j <= k + 1 + kMaxAdjectives; ++j) {
      if (tokens_[j].kind != TokenKind::word || tokens_[j].possessive) return;
      if (relation_noun_at(j, kind)) break;
    }
    if (kind.empty()) return;
    std::optional<std::size_t> other;
    for (const auto& m : mentions_) {
      if (m.entity == *cast_owner_ || (other && *other == m.entity)) continue;
      if (other) return;
      other = m.entity;
    }
    if (!other) return;
    // "Erica, the student who breaks up with Mark": a relation the description states outright
    // says what they are to each other; the noun only says what she is.
    const auto [first, second] = std::minmax(*cast_owner_, *other);
    for (const auto& r : out_)
      if (r.unit == unit_ && r.first == first && r.second == second) return;
    emit(*cast_owner_, *other, kind);
  }

  // The subject of a verb at token i: the nearest mention before it that is neither possessive
  // nor the object of a preposition; across a relative pronoun ("Catherine, who grew up
  // alongside Theodore and married him") the pronoun's antecedent.
  std::optional<Party> subject_before(std::size_t i) const {
    static const StringSet kRelatives{"who", "whom", "which", "that"};
    for (std::size_t k = i; k > 0 && i - k < kMaxVerbGap + 6; --k) {
      const auto& t = tokens_[k - 1];
      if (t.text == "." || t.text == ";" || t.text == ":") return std::nullopt;
      if (kRelatives.count(t.folded)) {
        std::size_t before = k - 1;
        if (before > 0 && tokens_[before - 1].text == ",") --before;
        if (before == 0) return std::nullopt;
        auto m = mention_ending_at(before - 1);
        if (!m || m->possessive) return std::nullopt;
        return party_of(*m);
      }
      if (auto plural = plural_ending_at(k - 1); plural && !plural->possessive) {
        if (plural->first_token > 0 && kPrepositions.count(tokens_[plural->first_token - 1].folded)) continue;
        if (i - plural->last_token > kMaxVerbGap) return std::nullopt;
        return party_of(*plural);
      }
      auto m = mention_ending_at(k - 1);
      if (!m || m->possessive) continue;
      // "a team sent by Thompson and Overmyers will kill": the whole pair is governed.
      const Party party = party_of(*m);
      bool object_of_preposition = party.first_token > 0 && kPrepositions.count(tokens_[party.first_token - 1].folded);
      if (object_of_preposition) continue;
      if (i - m->last_token > kMaxVerbGap) return std::nullopt;
      return party;
    }
    return std::nullopt;
  }

  // The object of a verb ending before token `end`: the first mention or plural pronoun just
  // after it, past a preposition the phrase governs; failing that, the character a thing after
  // it is given as a name ("a bird that Russell names Kevin").
  std::optional<Party> object_after(std::size_t end) const {
    std::size_t k = end;
    if (k < tokens_.size() && (tokens_[k].folded == "with" || tokens_[k].folded == "by" || tokens_[k].folded == "to"))
      ++k;
    for (std::size_t t = k; t < tokens_.size() && t <= k + kMaxObjectGap; ++t) {
      // "… that they will marry, that Hannah …": the object is in the verb's own clause.
      if (tokens_[t].kind == TokenKind::punctuation && tokens_[t].text != "(") break;
      if (auto plural = plural_starting_at(t); plural && !plural->possessive) return party_of(*plural);
      for (const auto& m : mentions_)
        if (m.first_token == t && !m.possessive) return Party{{m.entity}, m.first_token, m.last_token};
    }
    for (std::size_t t = k; t + 1 < tokens_.size() && t <= k + kMaxNamedObjectGap; ++t) {
      if (tokens_[t].text == "." || tokens_[t].text == ";") break;
      if (!kNamingVerbs.count(tokens_[t].folded)) continue;
      if (auto m = mention_starting_at(t + 1); m && m->kind == MentionKind::name)
        return Party{{m->entity}, m->first_token, m->last_token};
      break;
    }
    return std::nullopt;
  }

  bool matches_phrase(std::size_t i, const std::vector<std::string>& words) const {
    if (i + words.size() > tokens_.size()) return false;
    for (std::size_t k = 0; k < words.size(); ++k)
      if (tokens_[i + k].folded != words[k]) return false;
    return true;
  }

  void relation_verbs() {
    for (std::size_t i = 0; i < tokens_.size(); ++i) {
      // Only the verbs that start with this word can match here, visited in the lexicon's
      // order as a scan of every verb would.
      auto starting = lexicon_.relation_verbs_by_first_word.find(tokens_[i].folded);
      if (starting == lexicon_.relation_verbs_by_first_word.end()) continue;
      for (std::size_t v : starting->second) {
        const RelationVerb& verb = lexicon_.relation_verbs[v];
        if (!matches_phrase(i, verb.words)) continue;
        std::size_t end = i + verb.words.size();
        const std::optional<Party> subject = subject_before(i);
        std::optional<Party> object = object_after(end);
        if (verb.mutual && subject) {
          if (subject->members.size() >= 2) {
            // "X and Y fall in love", "they kiss"
            emit_between({subject->members.front()}, {subject->members.back()}, verb.kind);
          } else if (!object) {
            // "Samantha, with whom Theodore has developed a … relationship"
            for (std::size_t w = 1; w < subject->first_token; ++w) {
              if (tokens_[w].folded == "whom")
                if (auto antecedent = mention_ending_at(w >= 3 ? w - 3 : 0); antecedent) {
                  emit_between({antecedent->entity}, subject->members, verb.kind);
                  break;
                }
            }
          }
        }
        // "Ava, the humanoid robot Nathan has created.": a verb that ends its clause takes the
        // noun phrase the clause describes as its object.
        if (subject && !object && (end >= tokens_.size() || tokens_[end].text == "." || tokens_[end].text == ",")) {
          const EntityMention* antecedent = nullptr;
          for (const auto& m : mentions_)
            if (m.last_token < subject->first_token && !m.possessive &&
                std::find(subject->members.begin(), subject->members.end(), m.entity) == subject->members.end())
              antecedent = &m;
          // Only a noun phrase right before the clause ("the robot [that] Nathan has created").
          if (antecedent && subject->first_token - antecedent->last_token <= 2)
            object = Party{{antecedent->entity}, antecedent->first_token, antecedent->last_token};
        }
        // "they … them": a plural object is someone other than the subject's pair.
        if (subject && object && object->members.size() > 1) {
          const auto& others = object->members;
          const bool shares = std::any_of(subject->members.begin(), subject->members.end(), [&](std::size_t member) {
            return std::find(others.begin(), others.end(), member) != others.end();
          });
          if (shares) object.reset();
        }
        if (subject && object) emit_between(subject->members, object->members, verb.kind);
        i = end - 1;
        break;
      }
    }
  }

  const std::vector<Token>& tokens_;
  const std::vector<EntityMention>& mentions_;
  const std::vector<PluralReference>& plurals_;
  std::optional<std::size_t> cast_owner_;  // set when the sentence opens a cast description
  const Lexicon& lexicon_;
  std::size_t unit_;
  std::vector<TypedRelation>& out_;
};

// The organisation a cast description places its character at, folded: the run of capitalised
// words that ends a phrase after "at", "of" or "for" ("a programmer at the search company Blue
// Book.", "the founder of Lacuna and …"), that names no character and no known place. Empty when
// the description names none.
std::string organisation_of(const std::vector<Token>& tokens, const std::vector<EntityMention>& mentions,
                            const Lexicon& lexicon) {
  constexpr std::size_t kMaxModifiers = 3;  // "the search company" before the name
  auto starts_upper = [](const Token& t) { return t.kind == TokenKind::word && !t.text.empty() && t.text[0] >= 'A' && t.text[0] <= 'Z'; };
  auto in_mention = [&](std::size_t token) {
    return std::any_of(mentions.begin(), mentions.end(),
                       [&](const EntityMention& m) { return m.first_token <= token && token <= m.last_token; });
  };
  const std::size_t start = mentions.empty() ? 0 : mentions.front().last_token + 1;
  for (std::size_t i = start; i + 1 < tokens.size(); ++i) {
    const std::string& word = tokens[i].folded;
    if (word != "at" && word != "of" && word != "for") continue;
    std::size_t k = i + 1;
    for (std::size_t modifiers = 0; k < tokens.size() && modifiers <= kMaxModifiers && tokens[k].kind == TokenKind::word &&
                                    !starts_upper(tokens[k]) && !tokens[k].possessive;
         ++modifiers)
      ++k;
    std::size_t end = k;
    while (end < tokens.size() && starts_upper(tokens[end]) && !tokens[end].possessive && !in_mention(end)) ++end;
    if (end == k) continue;
    const bool phrase_ends = end == tokens.size() || tokens[end].kind == TokenKind::punctuation ||
                             tokens[end].folded == "and" || tokens[end].folded == "who" || tokens[end].folded == "which";
    if (!phrase_ends) continue;
    std::string key;
    for (std::size_t t = k; t < end; ++t) key += (key.empty() ? "" : " ") + tokens[t].folded;
    if (lexicon.places.count(key) || lexicon.function_words.count(key)) continue;
    return key;
  }
  return {};
}

// "Caleb, a programmer at Blue Book" and "Nathan, the founder of Blue Book": characters whose
// cast descriptions place them at the same organisation work together.
void shared_organisations(const Resolution& resolution, const Lexicon& lexicon, std::vector<TypedRelation>& out) {
  std::map<std::string, std::vector<std::pair<std::size_t, std::size_t>>> members;  // key → (entity, unit)
  for (std::size_t u = 0; u < resolution.cast_entry_owners.size() && u < resolution.tokens.size(); ++u) {
    const auto& owner = resolution.cast_entry_owners[u];
    const auto& mentions = resolution.mentions[u];
    // Only the sentence that opens the entry with the character's name describes it.
    if (!owner || mentions.empty() || mentions.front().first_token != 0 || mentions.front().entity != *owner) continue;
    std::string key = organisation_of(resolution.tokens[u], mentions, lexicon);
    if (!key.empty()) members[key].push_back({*owner, u});
  }
  for (const auto& [key, people] : members)
    for (std::size_t a = 0; a < people.size(); ++a)
      for (std::size_t b = a + 1; b < people.size(); ++b)
        if (people[a].first != people[b].first)
          out.push_back({std::min(people[a].first, people[b].first), std::max(people[a].first, people[b].first), "work",
                         people[b].second});
}

}  // namespace

std::vector<TypedRelation> find_typed_relations(const Resolution& resolution, const Lexicon& lexicon) {
  std::vector<TypedRelation> relations;
  const auto plurals = resolve_plural_references(resolution, lexicon);
  for (std::size_t u = 0; u < resolution.tokens.size(); ++u) {
    const std::optional<std::size_t> cast_owner =
        u < resolution.cast_entry_owners.size() ? resolution.cast_entry_owners[u] : std::nullopt;
    SentenceTyper(resolution.tokens[u], resolution.mentions[u], plurals[u], cast_owner, lexicon, u, relations).run();
  }
  shared_organisations(resolution, lexicon, relations);
  return relations;
}

}  // namespace filmscope

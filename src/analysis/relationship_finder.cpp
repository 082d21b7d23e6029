// Relationship typing over one sentence at a time; see relationship_finder.h for the patterns.
#include "analysis/relationship_finder.h"

#include <algorithm>
#include <cstdint>
#include <optional>

namespace filmscope {

namespace {

constexpr std::size_t kMaxAdjectives = 3;
constexpr std::size_t kMaxVerbGap = 6;     // tokens between the subject and its verb
constexpr std::size_t kMaxObjectGap = 3;   // tokens between the verb and its object
// Tokens looked back over for the opening of a parenthesis (an actor's name, a year): enough
// for a credit, few enough that an unclosed one costs little.
constexpr std::size_t kMaxParenthesisTokens = 8;

const StringSet kCopulas{"becomes", "became", "become", "is", "was", "remains",
                         "be", "being", "been", "as"};
const StringSet kAuxiliaries{"is", "was", "are", "were", "has", "had", "have", "been",
                             "gets", "got", "being", "be"};
const StringSet kDeterminers{"a", "an", "the", "his", "her", "their", "its", "this", "that"};

class SentenceTyper {
 public:
  SentenceTyper(const std::vector<Token>& tokens, const std::vector<EntityMention>& mentions,
                const Lexicon& lexicon, std::size_t unit,
                std::vector<TypedRelation>& out)
      : tokens_(tokens), mentions_(mentions), lexicon_(lexicon), unit_(unit), out_(out) {}

  void run() {
    relation_nouns();
    relation_verbs();
  }

 private:
  void emit(std::size_t a, std::size_t b, const std::string& kind) {
    if (a == b) return;
    out_.push_back({std::min(a, b), std::max(a, b), kind, unit_});
  }

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
  const EntityMention* first_subject() const {
    for (const auto& m : mentions_)
      if (!m.possessive) return &m;
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
    std::optional<std::size_t> previous_possessor;
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
      std::optional<std::size_t> possessor;
      const EntityMention* before = start > 0 ? mention_ending_at(start - 1) : nullptr;
      bool has_determiner = start > 0 && kDeterminers.count(tokens_[start - 1].folded) && !before;
      if (before && before->possessive) possessor = before->entity;
      if (before && before->kind == MentionKind::pronoun && tokens_[start - 1].folded == "her") possessor = before->entity;
      // "… of the protagonist", "… of Theodore"
      // (a protagonist mention starts at its article, so one look-up covers both)
      if (!possessor && last + 1 < tokens_.size() && tokens_[last + 1].folded == "of")
        if (auto m = mention_starting_at(last + 2)) possessor = m->entity;
      if (!possessor && start >= 2 && start - 2 == previous_last && tokens_[start - 1].folded == "and")
        possessor = previous_possessor;
      previous_possessor = possessor;
      previous_last = last;
      if (!possessor) {
        i = last;
        continue;
      }

      // The filler: the phrase itself, an apposition after it, a name before it, or the
      // subject of a copula.
      std::optional<std::size_t> filler;
      if (auto role = role_covering(i, last); role && role->entity != *possessor) filler = role->entity;
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
      std::size_t np_start = possessor && before && before->possessive ? before->first_token
                                                                       : (has_determiner ? start - 1 : start);
      if (!filler && np_start >= 2 && tokens_[np_start - 1].text == ",")
        if (auto m = mention_ending_at(before_parenthesis(np_start - 2)); m && !m->possessive) filler = m->entity;
      if (!filler) {
        // "X … becomes his confidant and eventually his romantic partner"
        for (std::size_t k = np_start; k > 0 && k + 8 > np_start; --k) {
          if (kCopulas.count(tokens_[k - 1].folded)) {
            if (auto subject = first_subject(); subject && subject->first_token < k - 1) filler = subject->entity;
            break;
          }
        }
      }
      if (filler) emit(*possessor, *filler, kind);
      i = last;  // "romantic partner" is not also a "partner"
    }
  }

  // The subject of a verb at token i: the nearest mention before it that is neither possessive
  // nor the object of a preposition; across a relative pronoun ("Catherine, who grew up
  // alongside Theodore and married him") the pronoun's antecedent.
  const EntityMention* subject_before(std::size_t i) const {
    static const StringSet kPrepositions{"alongside", "with", "to", "for", "at", "in",
                                         "of", "from", "by", "beside", "behind", "about",
                                         "on", "into", "near", "without", "against"};
    static const StringSet kRelatives{"who", "whom", "which", "that"};
    for (std::size_t k = i; k > 0 && i - k < kMaxVerbGap + 6; --k) {
      const auto& t = tokens_[k - 1];
      if (t.text == "." || t.text == ";") return nullptr;
      if (kRelatives.count(t.folded)) {
        std::size_t before = k - 1;
        if (before > 0 && tokens_[before - 1].text == ",") --before;
        if (before == 0) return nullptr;
        auto m = mention_ending_at(before - 1);
        return m && !m->possessive ? m : nullptr;
      }
      auto m = mention_ending_at(k - 1);
      if (!m || m->possessive) continue;
      bool object_of_preposition = m->first_token > 0 && kPrepositions.count(tokens_[m->first_token - 1].folded);
      if (object_of_preposition) continue;
      return i - m->last_token <= kMaxVerbGap ? m : nullptr;
    }
    return nullptr;
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
        const EntityMention* subject = subject_before(i);
        // Object: the first mention after the verb, past determiners.
        const EntityMention* object = nullptr;
        std::size_t k = end;
        if (k < tokens_.size() && (tokens_[k].folded == "with" || tokens_[k].folded == "by" || tokens_[k].folded == "to"))
          ++k;
        for (const auto& m : mentions_) {
          if (m.first_token >= k && m.first_token <= k + kMaxObjectGap && !m.possessive) {
            object = &m;
            break;
          }
        }
        if (verb.mutual && subject) {
          // "X and Y fall in love"
          const EntityMention* other = nullptr;
          for (const auto& m : mentions_)
            if (m.last_token + 2 == subject->first_token && tokens_[m.last_token + 1].folded == "and") other = &m;
          if (other) {
            emit(other->entity, subject->entity, verb.kind);
          } else if (!object) {
            // "Samantha, with whom Theodore has developed a … relationship"
            for (std::size_t w = 1; w < subject->first_token; ++w) {
              if (tokens_[w].folded == "whom")
                if (auto antecedent = mention_ending_at(w >= 3 ? w - 3 : 0); antecedent) {
                  emit(antecedent->entity, subject->entity, verb.kind);
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
            if (m.last_token < subject->first_token && m.entity != subject->entity && !m.possessive) antecedent = &m;
          // Only a noun phrase right before the clause ("the robot [that] Nathan has created").
          if (antecedent && subject->first_token - antecedent->last_token <= 2) object = antecedent;
        }
        if (subject && object) emit(subject->entity, object->entity, verb.kind);
        i = end - 1;
        break;
      }
    }
  }

  const std::vector<Token>& tokens_;
  const std::vector<EntityMention>& mentions_;
  const Lexicon& lexicon_;
  std::size_t unit_;
  std::vector<TypedRelation>& out_;
};

}  // namespace

std::vector<TypedRelation> find_typed_relations(const Resolution& resolution, const Lexicon& lexicon) {
  std::vector<TypedRelation> relations;
  for (std::size_t u = 0; u < resolution.tokens.size(); ++u)
    SentenceTyper(resolution.tokens[u], resolution.mentions[u], lexicon, u, relations).run();
  return relations;
}

}  // namespace filmscope

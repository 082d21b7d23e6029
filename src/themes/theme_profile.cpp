// Theme matching and scoring; see theme_profile.h for the method and the formula.
#include "themes/theme_profile.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <unordered_map>

#include "text/string_lookup.h"
#include "text/tokenizer.h"
#include "text/unicode_text.h"
#include "themes/stemmer.h"
#include "themes/theme_text.h"

namespace filmscope {

namespace {

// Score constants (theme_profile.h). kLiftPrior smooths the ratio for short texts, where one
// match against an expectation of 0.1 would otherwise look like a tenfold lift; kPresenceScale
// is the number of weighted matches at which presence reaches 63%; kLiftHalf is the lift
// (ln 3: three times the background density) at which the density factor reaches one half.
constexpr double kLiftPrior = 1.0;
constexpr double kPresenceScale = 3.0;
const double kLiftHalf = std::log(3.0);

// A word of a sentence: views into the sentence's tokens and the stemmer's cache, both of which
// outlive the sentence's matching.
struct Word {
  std::string_view folded;
  const std::string* stem = nullptr;  // null for punctuation
  std::uint32_t form_id = 0;          // the stemmer's number for the form, for words
  bool boundary = false;  // punctuation: phrases and negation do not reach across it
};

// Distinct forms kept by a thread's stemmer cache: far more than one story's vocabulary, and a
// bound on memory over any corpus. The cache is emptied only between stories, so the stems a
// story's words point to stay put while it is matched.
constexpr std::size_t kMaxCachedStems = 1 << 16;
// And the bytes of those forms, which also keeps the cache's 32-bit offsets in range: one story
// is at most kMaxInputBytes.
constexpr std::size_t kMaxCachedFormBytes = 1 << 26;

// Stems every word once per distinct form: stories repeat their words, and so do the stories
// of a corpus. An open-addressing table of 16-byte slots over append-only storage: forms are
// packed in one buffer and stems live in a deque, so a returned stem stays where it is as the
// table grows, and a look-up reads one slot of a table that stays in cache.
class WordStemmer {
 public:
  WordStemmer() { slots_.resize(kInitialSlots); }

  // The number of `folded`'s entry, whose stem is stem_text(number). Each distinct form has its
  // own number (forms with the same stem too) and keeps it until the cache is emptied.
  std::uint32_t form_id(std::string_view folded) {
    const std::size_t hash = StringViewHash{}(folded);
    const auto tag = static_cast<std::uint32_t>(hash >> 32);
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = hash & mask;
    for (;; i = (i + 1) & mask) {
      const Slot& slot = slots_[i];
      if (slot.stem == kEmpty) break;
      if (slot.tag == tag && same_text(std::string_view(forms_).substr(slot.offset, slot.length), folded))
        return slot.stem;
    }
    const auto id = static_cast<std::uint32_t>(stems_.size());
    slots_[i] = Slot{tag, static_cast<std::uint32_t>(forms_.size()), static_cast<std::uint32_t>(folded.size()), id};
    forms_.append(folded);
    stems_.push_back(stemmer_.stem(folded));
    if (stems_.size() * 2 > slots_.size()) grow();
    return id;
  }

  const std::string& stem_text(std::uint32_t id) const { return stems_[id]; }
  std::size_t size() const { return stems_.size(); }

  // Begins a story: the theme candidates noted for the last one no longer count.
  void start_story() {
    if (++story_ == 0) {  // the stamp wrapped: forget every note
      candidates_.clear();
      story_ = 1;
    }
    if (stems_.size() < kMaxCachedStems && forms_.size() < kMaxCachedFormBytes) return;
    slots_.assign(kInitialSlots, Slot{});
    forms_.clear();
    stems_.clear();
    candidates_.clear();
  }

  // The terms that start with form `id`'s stem, as `look_up(stem)` gives them, looked up once
  // per form in the current story. The notes are stamped with the story rather than cleared
  // for each, which would cost as much as the cache is large.
  template <typename LookUp>
  const std::vector<ThemeTermRef>* candidates(std::uint32_t id, const LookUp& look_up) {
    if (id >= candidates_.size()) candidates_.resize(stems_.size());
    Candidates& noted = candidates_[id];
    if (noted.story != story_) noted = {story_, look_up(stems_[id])};
    return noted.terms;
  }

 private:
  static constexpr std::uint32_t kEmpty = 0xFFFFFFFF;
  static constexpr std::size_t kInitialSlots = 1024;

  struct Slot {
    std::uint32_t tag = 0;     // the hash's high half
    std::uint32_t offset = 0;  // into forms_
    std::uint32_t length = 0;
    std::uint32_t stem = kEmpty;  // into stems_
  };

  void grow() {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    const std::size_t mask = slots_.size() - 1;
    for (const Slot& slot : old) {
      if (slot.stem == kEmpty) continue;
      const std::size_t hash = StringViewHash{}(std::string_view(forms_).substr(slot.offset, slot.length));
      std::size_t i = hash & mask;
      while (slots_[i].stem != kEmpty) i = (i + 1) & mask;
      slots_[i] = slot;
    }
  }

  struct Candidates {
    std::uint32_t story = 0;  // never a current story's stamp, which starts at 1
    const std::vector<ThemeTermRef>* terms = nullptr;
  };

  Stemmer stemmer_;
  std::vector<Slot> slots_;
  std::string forms_;
  std::deque<std::string> stems_;
  std::vector<Candidates> candidates_;  // per form
  std::uint32_t story_ = 0;
};

// One per thread, like the tokenizer's break iterators: creating the Snowball stemmer per story
// was a fixed cost on every input of a batch, and batch workers never share one.
WordStemmer& thread_stemmer() {
  thread_local WordStemmer stemmer;
  return stemmer;
}

bool is_quote(std::string_view folded) {
  return folded == "\"" || folded == "'" || folded == "\xE2\x80\x9C" || folded == "\xE2\x80\x9D";
}

// Appends a word with its stem, or a punctuation boundary. Quotes and apostrophes inside a
// clause do not end it, so they are dropped.
void append_word(std::string_view folded, bool boundary, WordStemmer& stemmer, std::vector<Word>& words) {
  if (boundary && is_quote(folded)) return;
  Word word;
  word.folded = folded;
  word.boundary = boundary;
  if (!boundary) {
    word.form_id = stemmer.form_id(folded);
    word.stem = &stemmer.stem_text(word.form_id);
  }
  words.push_back(word);
}

// The words of `tokens` into `words`, whose views stay valid while `tokens` is unchanged (their
// folded forms are rewritten in place).
void sentence_words(std::vector<Token>& tokens, WordStemmer& stemmer, std::vector<Word>& words) {
  words.clear();
  words.reserve(tokens.size());
  for (Token& token : tokens) {
    if (token.folded.find('\xE2') != std::string::npos) token.folded = theme_word(token.folded);
    append_word(token.folded, token.kind == TokenKind::punctuation, stemmer, words);
  }
}

// As sentence_words(tokenize(sentence)) for ASCII text, which folds byte for byte: the
// sentence is lower-cased once into `lowered` and the words are views into it, without a
// string per token.
void ascii_sentence_words(std::string_view sentence, WordStemmer& stemmer, std::vector<TokenSpan>& spans,
                          std::string& lowered, std::vector<Word>& words) {
  token_spans_into(sentence, spans);
  assign_ascii_lower(sentence, lowered);
  words.clear();
  words.reserve(spans.size());
  for (const TokenSpan& span : spans)
    append_word(std::string_view(lowered).substr(span.offset, span.length), span.kind == TokenKind::punctuation,
                stemmer, words);
}

// `term` is one of the terms indexed under the stem of words[at], so only its later words are
// compared.
bool term_matches(const ThemeTerm& term, const std::vector<Word>& words, std::size_t at) {
  if (at + term.stems.size() > words.size()) return false;
  for (std::size_t k = 1; k < term.stems.size(); ++k)
    if (words[at + k].boundary || *words[at + k].stem != term.stems[k]) return false;
  return true;
}

bool negated(const std::vector<Word>& words, std::size_t at, const ThemeSet& set) {
  std::size_t seen = 0;
  for (std::size_t k = at; k > 0 && seen < kNegationWindow; --k) {
    const Word& before = words[k - 1];
    if (before.boundary) break;
    if (set.negations.count(before.folded)) return true;
    ++seen;
  }
  return false;
}

double theme_score(double matches, double expected) {
  if (matches <= 0) return 0.0;
  const double lift = std::log((matches + kLiftPrior) / (expected + kLiftPrior));
  if (lift <= 0) return 0.0;
  const double presence = 1.0 - std::exp(-matches / kPresenceScale);
  return presence * lift / (lift + kLiftHalf);
}

}  // namespace

ThemeProfile profile_themes(const std::vector<ThemeSentence>& sentences, const ThemeSet& set) {
  const std::size_t theme_count = set.themes.size();
  std::optional<ThemeSet> indexed;  // for a set put together without index_theme_terms
  if (set.terms_by_first_stem.empty() && !set.themes.empty()) {
    indexed = set;
    index_theme_terms(*indexed);
  }
  const auto& by_first_stem = indexed ? indexed->terms_by_first_stem : set.terms_by_first_stem;

  WordStemmer& stemmer = thread_stemmer();
  stemmer.start_story();
  // Per sentence, its first word's position in the story; per theme, the sentences it matched
  // in story order with their weight. Most sentences match no theme, so nothing here grows with
  // sentences × themes.
  struct SentenceWeight {
    std::size_t sentence = 0;
    double weight = 0.0;
  };
  std::vector<std::size_t> sentence_start(sentences.size(), 0);
  std::vector<std::vector<SentenceWeight>> matched(theme_count);
  std::size_t story_words = 0;
  // In story word positions, which only grow, so nothing needs resetting between sentences.
  std::vector<std::size_t> next_free(theme_count, 0);
  std::vector<const ThemeTerm*> best(theme_count, nullptr);
  std::vector<double> sentence_weight(theme_count, 0.0);
  std::vector<std::size_t> touched;  // themes with a match in the current sentence
  std::size_t sentence_base = 0;      // the first word's position, counting punctuation
  std::vector<Token> tokens;          // the current sentence's, reused from one to the next
  std::vector<TokenSpan> spans;       // the same for ASCII sentences, with `lowered`
  std::string lowered;
  std::vector<Word> words;
  // The terms that start with a word's stem, looked up once per distinct form, not per word.
  auto look_up = [&](const std::string& stem) { return by_first_stem.find(stem); };

  for (std::size_t s = 0; s < sentences.size(); ++s) {
    if (is_ascii(sentences[s].text)) {
      ascii_sentence_words(sentences[s].text, stemmer, spans, lowered, words);
    } else {
      tokenize_into(sentences[s].text, tokens);
      sentence_words(tokens, stemmer, words);
    }
    sentence_start[s] = story_words;
    for (std::size_t i = 0; i < words.size(); ++i) {
      if (words[i].boundary) continue;
      ++story_words;
      const auto* candidates = stemmer.candidates(words[i].form_id, look_up);
      if (!candidates) continue;
      const std::size_t at = sentence_base + i;
      for (const ThemeTermRef& ref : *candidates) {
        const ThemeTerm& term = set.themes[ref.theme].terms[ref.term];
        if (at < next_free[ref.theme] || !term_matches(term, words, i)) continue;
        const ThemeTerm* current = best[ref.theme];
        if (!current || term.stems.size() > current->stems.size() ||
            (term.stems.size() == current->stems.size() && term.weight > current->weight))
          best[ref.theme] = &term;
      }
      // Looked back for only when a term matched here: most candidates match nothing.
      std::optional<bool> is_negated;
      for (const ThemeTermRef& ref : *candidates) {
        const std::size_t t = ref.theme;
        if (!best[t]) continue;
        next_free[t] = at + best[t]->stems.size();
        if (!is_negated) is_negated = negated(words, i, set);
        if (!*is_negated) {
          if (std::find(touched.begin(), touched.end(), t) == touched.end()) touched.push_back(t);
          sentence_weight[t] += best[t]->weight;
        }
        best[t] = nullptr;
      }
    }
    for (std::size_t t : touched) {
      matched[t].push_back({s, sentence_weight[t]});
      sentence_weight[t] = 0.0;
    }
    touched.clear();
    sentence_base += words.size();
  }

  // The words of each tenth of the story, the same for every theme.
  std::vector<double> bin_words(kTrajectoryBins, 0.0);
  std::vector<std::size_t> sentence_bin(sentences.size(), 0);
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    const std::size_t end = s + 1 < sentences.size() ? sentence_start[s + 1] : story_words;
    sentence_bin[s] =
        story_words == 0 ? 0 : std::min(kTrajectoryBins - 1, sentence_start[s] * kTrajectoryBins / story_words);
    bin_words[sentence_bin[s]] += static_cast<double>(end - sentence_start[s]);
  }

  ThemeProfile profile;
  profile.words = story_words;
  // A sentence is often the evidence of several themes, and a synopsis without full stops may
  // have sentences of many kilobytes: each is folded once.
  std::unordered_map<std::size_t, std::string> folded_evidence;
  auto evidence_text = [&](std::size_t sentence) -> const std::string& {
    auto [it, inserted] = folded_evidence.try_emplace(sentence);
    if (inserted) it->second = collapse_whitespace(sentences[sentence].text);
    return it->second;
  };
  for (std::size_t t = 0; t < theme_count; ++t) {
    const ThemeDefinition& definition = set.themes[t];
    ThemeMeasure measure;
    measure.tag = definition.tag;
    std::vector<double> bin_matches(kTrajectoryBins, 0.0);
    std::vector<SentenceWeight> order;
    for (const SentenceWeight& match : matched[t]) {
      if (match.weight <= 0) continue;
      measure.matches += match.weight;
      bin_matches[sentence_bin[match.sentence]] += match.weight;
      order.push_back(match);
    }
    const double rate = definition.background_rate.value_or(set.default_background_rate);
    measure.expected = rate * static_cast<double>(story_words);
    measure.score = theme_score(measure.matches, measure.expected);

    std::stable_sort(order.begin(), order.end(),
                     [](const SentenceWeight& a, const SentenceWeight& b) { return a.weight > b.weight; });
    for (std::size_t k = 0; k < order.size() && k < kEvidencePerTheme; ++k)
      measure.evidence.push_back(
          {sentences[order[k].sentence].scene, evidence_text(order[k].sentence), order[k].weight});

    measure.trajectory.assign(kTrajectoryBins, 0.0);
    double peak = 0.0;
    for (std::size_t b = 0; b < kTrajectoryBins; ++b) {
      if (bin_words[b] > 0) measure.trajectory[b] = bin_matches[b] / bin_words[b];
      peak = std::max(peak, measure.trajectory[b]);
    }
    if (peak > 0)
      for (double& value : measure.trajectory) value /= peak;
    profile.themes.push_back(std::move(measure));
  }
  return profile;
}

namespace {

std::vector<ThemeWord> to_theme_words(const std::vector<Word>& words) {
  std::vector<ThemeWord> out;
  for (const Word& word : words) out.push_back({std::string(word.folded), word.boundary});
  return out;
}

}  // namespace

std::vector<ThemeWord> theme_words(std::string_view sentence) {
  if (!is_ascii(sentence)) return theme_words_via_tokens(sentence);
  std::vector<TokenSpan> spans;
  std::string lowered;
  std::vector<Word> words;
  ascii_sentence_words(sentence, thread_stemmer(), spans, lowered, words);
  return to_theme_words(words);
}

std::vector<ThemeWord> theme_words_via_tokens(std::string_view sentence) {
  std::vector<Token> tokens;
  tokenize_into(sentence, tokens);
  std::vector<Word> words;
  sentence_words(tokens, thread_stemmer(), words);
  return to_theme_words(words);
}

std::vector<Theme> ranked_themes(const ThemeProfile& profile) {
  std::vector<Theme> themes;
  for (const ThemeMeasure& measure : profile.themes)
    if (measure.score > 0) themes.push_back({measure.tag, measure.score, measure.evidence, measure.trajectory});
  std::stable_sort(themes.begin(), themes.end(), [](const Theme& a, const Theme& b) { return a.score > b.score; });
  return themes;
}

}  // namespace filmscope

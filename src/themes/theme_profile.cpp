// Theme matching and scoring; see theme_profile.h for the method and the formula.
#include "themes/theme_profile.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>

#include "text/string_lookup.h"
#include "text/tokenizer.h"
#include "text/unicode_text.h"
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

bool is_quote(std::string_view folded) {
  return folded == "\"" || folded == "'" || folded == "\xE2\x80\x9C" || folded == "\xE2\x80\x9D";
}

// Appends a word with its form number, or a punctuation boundary. Quotes and apostrophes inside
// a clause do not end it, so they are dropped.
void append_word(std::string_view folded, bool boundary, WordForms& forms, std::vector<ThemeToken>& words) {
  if (boundary && is_quote(folded)) return;
  words.push_back({folded, boundary ? 0 : forms.form_id(folded), boundary});
}

// The words of `tokens` into `words`, whose views stay valid while `tokens` is unchanged (their
// folded forms are rewritten in place).
void sentence_words(std::vector<Token>& tokens, WordForms& forms, std::vector<ThemeToken>& words) {
  words.clear();
  words.reserve(tokens.size());
  for (Token& token : tokens) {
    if (token.folded.find('\xE2') != std::string::npos) token.folded = theme_word(token.folded);
    append_word(token.folded, token.kind == TokenKind::punctuation, forms, words);
  }
}

// As sentence_words(tokenize(sentence)) for ASCII text, which folds byte for byte: the
// sentence is lower-cased once into `lowered` and the words are views into it, without a
// string per token.
void ascii_sentence_words(std::string_view sentence, WordForms& forms, std::vector<TokenSpan>& spans,
                          std::string& lowered, std::vector<ThemeToken>& words) {
  token_spans_into(sentence, spans);
  assign_ascii_lower(sentence, lowered);
  words.clear();
  words.reserve(spans.size());
  for (const TokenSpan& span : spans)
    append_word(std::string_view(lowered).substr(span.offset, span.length), span.kind == TokenKind::punctuation,
                forms, words);
}

double theme_score(double matches, double expected) {
  if (matches <= 0) return 0.0;
  const double lift = std::log((matches + kLiftPrior) / (expected + kLiftPrior));
  if (lift <= 0) return 0.0;
  const double presence = 1.0 - std::exp(-matches / kPresenceScale);
  return presence * lift / (lift + kLiftHalf);
}

}  // namespace

bool is_theme_quote(std::string_view folded) { return is_quote(folded); }

void cut_theme_words(std::string_view sentence, WordForms& forms, ThemeWords& out) {
  if (is_ascii(sentence)) {
    ascii_sentence_words(sentence, forms, out.spans, out.lowered, out.tokens);
  } else {
    tokenize_into(sentence, out.folded);
    sentence_words(out.folded, forms, out.tokens);
  }
}

ThemeCounter::ThemeCounter(const ThemeSet& set, WordForms& forms)
    : set_(set),
      by_first_stem_(&set.terms_by_first_stem),
      forms_(forms),
      matched_(set.themes.size()),
      next_free_(set.themes.size(), 0),
      best_(set.themes.size(), nullptr),
      sentence_weight_(set.themes.size(), 0.0) {
  if (set.terms_by_first_stem.empty() && !set.themes.empty()) {
    indexed_ = std::make_unique<ThemeSet>(set);
    index_theme_terms(*indexed_);
    by_first_stem_ = &indexed_->terms_by_first_stem;
  }
  forms_.start_story();
}

// `term` is one of the terms indexed under the stem of words[at], so only its later words are
// compared.
bool ThemeCounter::term_matches(const ThemeTerm& term, const std::vector<ThemeToken>& words, std::size_t at) const {
  if (at + term.stems.size() > words.size()) return false;
  for (std::size_t k = 1; k < term.stems.size(); ++k)
    if (words[at + k].boundary || forms_.stem_text(words[at + k].form) != term.stems[k]) return false;
  return true;
}

bool ThemeCounter::is_negation(const ThemeToken& word) {
  if (word.form >= negation_notes_.size()) negation_notes_.resize(forms_.size(), NegationNote::unknown);
  NegationNote& note = negation_notes_[word.form];
  if (note == NegationNote::unknown)
    note = set_.negations.count(word.folded) ? NegationNote::negation : NegationNote::other;
  return note == NegationNote::negation;
}

bool ThemeCounter::negated(const std::vector<ThemeToken>& words, std::size_t at) {
  std::size_t seen = 0;
  for (std::size_t k = at; k > 0 && seen < kNegationWindow; --k) {
    const ThemeToken& before = words[k - 1];
    if (before.boundary) break;
    if (is_negation(before)) return true;
    ++seen;
  }
  return false;
}

void ThemeCounter::add_sentence(const std::vector<ThemeToken>& words) {
  const std::size_t s = sentence_start_.size();
  sentence_start_.push_back(story_words_);
  // The terms that start with a word's stem, looked up once per distinct form, not per word.
  auto look_up = [&](const std::string& stem) { return by_first_stem_->find(stem); };
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (words[i].boundary) continue;
    ++story_words_;
    const auto* candidates = forms_.candidates(words[i].form, look_up);
    if (!candidates) continue;
    const std::size_t at = sentence_base_ + i;
    for (const ThemeTermRef& ref : *candidates) {
      const ThemeTerm& term = set_.themes[ref.theme].terms[ref.term];
      if (at < next_free_[ref.theme] || !term_matches(term, words, i)) continue;
      const ThemeTerm* current = best_[ref.theme];
      if (!current || term.stems.size() > current->stems.size() ||
          (term.stems.size() == current->stems.size() && term.weight > current->weight))
        best_[ref.theme] = &term;
    }
    // Looked back for only when a term matched here: most candidates match nothing.
    std::optional<bool> is_negated;
    for (const ThemeTermRef& ref : *candidates) {
      const std::size_t t = ref.theme;
      if (!best_[t]) continue;
      next_free_[t] = at + best_[t]->stems.size();
      if (!is_negated) is_negated = negated(words, i);
      if (!*is_negated) {
        if (std::find(touched_.begin(), touched_.end(), t) == touched_.end()) touched_.push_back(t);
        sentence_weight_[t] += best_[t]->weight;
      }
      best_[t] = nullptr;
    }
  }
  for (std::size_t t : touched_) {
    matched_[t].push_back({s, sentence_weight_[t]});
    sentence_weight_[t] = 0.0;
  }
  touched_.clear();
  sentence_base_ += words.size();
}

ThemeProfile ThemeCounter::profile(const std::vector<ThemeSentence>& sentences) const {
  const std::size_t theme_count = set_.themes.size();
  const std::size_t story_words = story_words_;
  const std::vector<std::size_t>& sentence_start = sentence_start_;
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
    const ThemeDefinition& definition = set_.themes[t];
    ThemeMeasure measure;
    measure.tag = definition.tag;
    std::vector<double> bin_matches(kTrajectoryBins, 0.0);
    std::vector<SentenceWeight> order;
    for (const SentenceWeight& match : matched_[t]) {
      if (match.weight <= 0) continue;
      measure.matches += match.weight;
      bin_matches[sentence_bin[match.sentence]] += match.weight;
      order.push_back(match);
    }
    const double rate = definition.background_rate.value_or(set_.default_background_rate);
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

ThemeProfile profile_themes(const std::vector<ThemeSentence>& sentences, const ThemeSet& set) {
  WordForms& forms = thread_word_forms();
  ThemeCounter counter(set, forms);
  ThemeWords words;  // the current sentence's, reused from one to the next
  for (const ThemeSentence& sentence : sentences) {
    cut_theme_words(sentence.text, forms, words);
    counter.add_sentence(words.tokens);
  }
  return counter.profile(sentences);
}

namespace {

std::vector<ThemeWord> to_theme_words(const std::vector<ThemeToken>& words) {
  std::vector<ThemeWord> out;
  for (const ThemeToken& word : words) out.push_back({std::string(word.folded), word.boundary});
  return out;
}

}  // namespace

std::vector<ThemeWord> theme_words(std::string_view sentence) {
  if (!is_ascii(sentence)) return theme_words_via_tokens(sentence);
  ThemeWords words;
  ascii_sentence_words(sentence, thread_word_forms(), words.spans, words.lowered, words.tokens);
  return to_theme_words(words.tokens);
}

std::vector<ThemeWord> theme_words_via_tokens(std::string_view sentence) {
  std::vector<Token> tokens;
  tokenize_into(sentence, tokens);
  std::vector<ThemeToken> words;
  sentence_words(tokens, thread_word_forms(), words);
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

// A theme set: the tags the theme tagger looks for, the stemmed terms that signal each, how
// often each theme's terms occur in ordinary film synopses (its background rate), and the
// words that cancel a term. The default set is compiled in from src/data/themes.txt,
// src/data/theme_background.txt and src/data/theme_negations.txt; `--themes FILE` adds to or
// overrides it. A ThemeSet is a plain value: immutable once built, safe to share across threads.
//
// Definition format (themes.txt and user files): "tag<TAB>term<TAB>term…", '#' comment lines;
// a term is a word or phrase with an optional ":weight" suffix (default 1). Terms are tokenised
// like the story text (text/tokenizer.h) and each word is reduced to its Snowball stem.
// Background format (theme_background.txt): "tag<TAB>matches per 1,000 words".
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/analysis.h"
#include "text/string_lookup.h"

namespace filmscope {

class Stemmer;

// Terms longer than this are refused: matching tries every term at every word, so the phrase
// length bounds the work per word.
inline constexpr std::size_t kMaxThemeTermWords = 6;

struct ThemeTerm {
  std::string text;                // as written in the definition, for messages
  std::vector<std::string> stems;  // one per word
  double weight = 1.0;
};

struct ThemeDefinition {
  std::string tag;  // lower-case, hyphenated
  std::vector<ThemeTerm> terms;
  std::optional<double> background_rate;  // matches per word in the reference synopses
};

// A term of a set by position: themes[theme].terms[term].
struct ThemeTermRef {
  std::size_t theme = 0;
  std::size_t term = 0;
};

struct ThemeSet {
  std::vector<ThemeDefinition> themes;  // in definition order
  StringSet negations;  // case-folded words
  // Used for a theme with no measured rate (one added by --themes): the median measured rate.
  double default_background_rate = 0.0;
  // First stem → the terms that start with it, in definition order; filled by index_theme_terms
  // (build_theme_set and with_theme_overrides call it), so that matching does not rebuild it
  // for every story.
  FlatStringMap<std::vector<ThemeTermRef>> terms_by_first_stem;
};

// Fills `set.terms_by_first_stem` from its themes.
void index_theme_terms(ThemeSet& set);

struct ThemeParseResult {
  std::vector<ThemeDefinition> themes;
  std::vector<Diagnostic> diagnostics;  // lines or terms that were skipped, with line numbers
};

// "Artificial Intelligence" → "artificial-intelligence".
std::string normalize_theme_tag(std::string_view tag);

ThemeParseResult parse_theme_definitions(std::string_view text, Stemmer& stemmer);
ThemeParseResult parse_theme_definitions(std::string_view text);  // with its own stemmer

// Builds a set from definitions, background rates and negation words (formats above).
ThemeSet build_theme_set(std::string_view definitions, std::string_view background,
                         std::string_view negations);

// The compiled-in set; built once on first use, thread-safe to share.
const ThemeSet& default_theme_set();

// `base` with `overrides` applied: a tag present in both takes the override's terms (and, its
// terms having changed, the default background rate); a new tag is appended.
ThemeSet with_theme_overrides(const ThemeSet& base, std::vector<ThemeDefinition> overrides);

}  // namespace filmscope

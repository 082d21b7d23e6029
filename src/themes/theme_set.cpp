// Theme set loading; see theme_set.h.
#include "themes/theme_set.h"

#include <algorithm>
#include <charconv>
#include <unordered_map>

#include "analysis/lexicon.h"
#include "text/tokenizer.h"
#include "text/unicode_text.h"
#include "themes/stemmer.h"
#include "themes/theme_text.h"

namespace filmscope::data {
extern const std::string_view themes_txt;
extern const std::string_view theme_background_txt;
extern const std::string_view theme_negations_txt;
}  // namespace filmscope::data

namespace filmscope {

namespace {

constexpr double kPerThousand = 1000.0;

std::optional<double> parse_number(std::string_view text) {
  double value = 0.0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

Diagnostic problem(std::size_t line, std::string message) {
  return Diagnostic{Severity::warning, "theme-definition-skipped", line, std::move(message)};
}

std::optional<ThemeTerm> parse_term(std::string_view column, Stemmer& stemmer) {
  ThemeTerm term;
  std::string_view text = column;
  auto colon = column.rfind(':');
  if (colon != std::string_view::npos) {
    auto weight = parse_number(column.substr(colon + 1));
    if (!weight || *weight <= 0) return std::nullopt;
    term.weight = *weight;
    text = column.substr(0, colon);
  }
  term.text = std::string(text);
  for (const Token& token : tokenize(text))
    if (token.kind != TokenKind::punctuation) term.stems.push_back(stemmer.stem(theme_word(token.folded)));
  if (term.stems.empty() || term.stems.size() > kMaxThemeTermWords) return std::nullopt;
  return term;
}

double median(std::vector<double> values) {
  if (values.empty()) return 0.0;
  std::sort(values.begin(), values.end());
  const std::size_t mid = values.size() / 2;
  return values.size() % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

void update_default_rate(ThemeSet& set) {
  std::vector<double> rates;
  for (const auto& theme : set.themes)
    if (theme.background_rate) rates.push_back(*theme.background_rate);
  set.default_background_rate = median(std::move(rates));
}

}  // namespace

std::string normalize_theme_tag(std::string_view tag) {
  std::string folded = fold_case(collapse_whitespace(tag));
  for (char& c : folded)
    if (c == ' ' || c == '_') c = '-';
  return folded;
}

ThemeParseResult parse_theme_definitions(std::string_view text, Stemmer& stemmer) {
  ThemeParseResult result;
  std::unordered_map<std::string, std::size_t> index;
  std::size_t line_number = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    auto line = text.substr(start, end - start);
    start = end + 1;
    ++line_number;
    // One row at a time through the shared parser, so comments and CR line ends behave alike.
    auto rows = parse_data_rows(line);
    if (rows.empty()) continue;
    auto& row = rows.front();
    std::string tag = normalize_theme_tag(row[0]);
    if (tag.empty() || row.size() < 2) {
      result.diagnostics.push_back(problem(line_number, "a theme line needs a tag and at least one term"));
      continue;
    }
    auto [it, added] = index.emplace(tag, result.themes.size());
    if (added) result.themes.push_back(ThemeDefinition{tag, {}, std::nullopt});
    ThemeDefinition& theme = result.themes[it->second];
    for (std::size_t c = 1; c < row.size(); ++c) {
      if (row[c].empty()) continue;
      if (auto term = parse_term(row[c], stemmer)) {
        theme.terms.push_back(std::move(*term));
      } else {
        result.diagnostics.push_back(problem(line_number, "theme " + tag + ": term \"" + row[c] +
                                                              "\" skipped (empty, over " +
                                                              std::to_string(kMaxThemeTermWords) +
                                                              " words, or a bad weight)"));
      }
    }
  }
  std::erase_if(result.themes, [](const ThemeDefinition& t) { return t.terms.empty(); });
  return result;
}

ThemeParseResult parse_theme_definitions(std::string_view text) {
  Stemmer stemmer;
  return parse_theme_definitions(text, stemmer);
}

ThemeSet build_theme_set(std::string_view definitions, std::string_view background,
                         std::string_view negations) {
  Stemmer stemmer;
  ThemeSet set;
  set.themes = parse_theme_definitions(definitions, stemmer).themes;
  std::unordered_map<std::string, double> rates;
  for (const auto& row : parse_data_rows(background))
    if (row.size() > 1)
      if (auto rate = parse_number(row[1])) rates[normalize_theme_tag(row[0])] = *rate / kPerThousand;
  for (auto& theme : set.themes) {
    auto it = rates.find(theme.tag);
    if (it != rates.end()) theme.background_rate = it->second;
  }
  for (const auto& row : parse_data_rows(negations)) set.negations.insert(theme_word(fold_case(row[0])));
  update_default_rate(set);
  index_theme_terms(set);
  return set;
}

void index_theme_terms(ThemeSet& set) {
  StringMap<std::vector<ThemeTermRef>> index;
  for (std::size_t t = 0; t < set.themes.size(); ++t)
    for (std::size_t k = 0; k < set.themes[t].terms.size(); ++k)
      if (!set.themes[t].terms[k].stems.empty()) index[set.themes[t].terms[k].stems.front()].push_back({t, k});
  set.terms_by_first_stem = FlatStringMap<std::vector<ThemeTermRef>>(index);
}

const ThemeSet& default_theme_set() {
  static const ThemeSet set =
      build_theme_set(data::themes_txt, data::theme_background_txt, data::theme_negations_txt);
  return set;
}

ThemeSet with_theme_overrides(const ThemeSet& base, std::vector<ThemeDefinition> overrides) {
  ThemeSet set = base;
  for (auto& theme : overrides) {
    theme.background_rate.reset();
    auto it = std::find_if(set.themes.begin(), set.themes.end(),
                           [&](const ThemeDefinition& t) { return t.tag == theme.tag; });
    if (it != set.themes.end()) {
      *it = std::move(theme);
    } else {
      set.themes.push_back(std::move(theme));
    }
  }
  // The default rate stays the median of the compiled-in measurements.
  index_theme_terms(set);
  return set;
}

}  // namespace filmscope

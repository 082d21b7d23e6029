// Valence lexicon loading; see valence_lexicon.h. Data files are tab-separated, '#' starts a
// comment line (parse_data_rows).
#include "sentiment/valence_lexicon.h"

#include <charconv>
#include <optional>

#include "analysis/lexicon.h"

namespace filmscope::data {
extern const std::string_view valence_lexicon_txt;
extern const std::string_view valence_rules_txt;
}  // namespace filmscope::data

namespace filmscope {

namespace {

std::optional<double> parse_number(std::string_view text) {
  double value = 0.0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace

ValenceLexicon parse_valence_lexicon(std::string_view lexicon_text, std::string_view rules_text) {
  ValenceLexicon lexicon;
  for (auto& row : parse_data_rows(lexicon_text)) {
    if (row.size() < 2) continue;
    if (auto value = parse_number(row[1])) lexicon.valences[row[0]] = *value;
  }
  for (auto& row : parse_data_rows(rules_text)) {
    if (row.size() < 2 || row[1].empty()) continue;
    if (row[0] == "negation") {
      lexicon.negations.insert(row[1]);
    } else if (row.size() > 2) {
      auto value = parse_number(row[2]);
      if (!value) continue;
      if (row[0] == "booster") lexicon.boosters[row[1]] = *value;
      if (row[0] == "idiom") lexicon.idioms[row[1]] = *value;
    }
  }
  index_words(lexicon);
  return lexicon;
}

void index_words(ValenceLexicon& lexicon) {
  StringMap<ValenceWordEntry> words;
  for (const auto& [word, valence] : lexicon.valences) words[word].valence = valence;
  for (const auto& [word, booster] : lexicon.boosters) words[word].booster = booster;
  for (const auto& word : lexicon.negations) words[word].negation = true;
  for (const auto* phrases : {&lexicon.idioms, &lexicon.boosters})
    for (const auto& [phrase, value] : *phrases)
      if (const auto space = phrase.find(' '); space != std::string::npos) words[phrase.substr(0, space)].starts_phrase = true;
  lexicon.words = FlatStringMap<ValenceWordEntry>(words);
}

const ValenceLexicon& default_valence_lexicon() {
  // A function-local static: built once, thread-safe since C++11, never modified afterwards.
  static const ValenceLexicon lexicon =
      parse_valence_lexicon(data::valence_lexicon_txt, data::valence_rules_txt);
  return lexicon;
}

}  // namespace filmscope

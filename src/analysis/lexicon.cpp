// Lexicon loading: data files are tab-separated, '#' starts a comment line.
#include "analysis/lexicon.h"

#include <algorithm>

#include "text/unicode_text.h"

namespace filmscope::data {
extern const std::string_view honorifics_txt;
extern const std::string_view person_nouns_txt;
extern const std::string_view wordnet_person_nouns_txt;
extern const std::string_view relation_nouns_txt;
extern const std::string_view relation_verbs_txt;
extern const std::string_view function_words_txt;
extern const std::string_view places_txt;
extern const std::string_view place_words_txt;
extern const std::string_view given_names_txt;
extern const std::string_view name_genders_txt;
extern const std::string_view abbreviations_txt;
}  // namespace filmscope::data

namespace filmscope {

namespace {

Gender parse_gender(std::string_view code) {
  if (code == "m") return Gender::male;
  if (code == "f") return Gender::female;
  return Gender::unknown;
}

std::size_t word_count(std::string_view phrase) {
  return 1 + static_cast<std::size_t>(std::count(phrase.begin(), phrase.end(), ' '));
}

Lexicon build_lexicon() {
  Lexicon lexicon;
  for (auto& row : parse_data_rows(data::honorifics_txt)) {
    auto key = fold_case(row[0]);
    lexicon.longest_honorific = std::max(lexicon.longest_honorific, word_count(key));
    lexicon.honorifics[key] = parse_gender(row.size() > 1 ? row[1] : "-");
  }
  for (auto& row : parse_data_rows(data::person_nouns_txt)) {
    PersonNoun noun;
    noun.gender = parse_gender(row.size() > 1 ? row[1] : "-");
    const std::string noun_class = row.size() > 2 ? row[2] : "person";
    const bool being = noun_class == "being" || noun_class == "machine" || noun_class == "animal";
    noun.noun_class = noun_class == "protagonist" ? NounClass::protagonist
                      : being                     ? NounClass::being
                                                  : NounClass::person;
    noun.being_kind = noun_class == "machine"  ? BeingKind::machine
                      : noun_class == "animal" ? BeingKind::animal
                                               : BeingKind::other;
    auto key = fold_case(row[0]);
    lexicon.longest_person_noun = std::max(lexicon.longest_person_noun, word_count(key));
    lexicon.person_nouns[key] = noun;
  }
  // WordNet's nouns whose most frequent sense is a person ("sophomore") or an animal
  // ("retriever", a being), generated at build time; the curated entries above keep their
  // genders and classes.
  for (auto& row : parse_data_rows(data::wordnet_person_nouns_txt)) {
    PersonNoun noun;
    noun.from_wordnet = true;
    if (row.size() > 1 && row[1] == "being") {
      noun.noun_class = NounClass::being;
      noun.being_kind = BeingKind::animal;  // the tool lists WordNet's animals as beings
    }
    lexicon.person_nouns.try_emplace(row[0], noun);
  }
  for (auto& row : parse_data_rows(data::relation_nouns_txt)) {
    if (row.size() < 2) continue;
    auto key = fold_case(row[0]);
    lexicon.longest_relation_noun = std::max(lexicon.longest_relation_noun, word_count(key));
    lexicon.relation_nouns[key] = {row[1], parse_gender(row.size() > 2 ? row[2] : "-")};
  }
  for (auto& row : parse_data_rows(data::relation_verbs_txt)) {
    if (row.size() < 2) continue;
    RelationVerb verb;
    auto phrase = fold_case(row[0]);
    std::size_t start = 0;
    while (start < phrase.size()) {
      auto end = phrase.find(' ', start);
      if (end == std::string::npos) end = phrase.size();
      verb.words.push_back(phrase.substr(start, end - start));
      start = end + 1;
    }
    verb.kind = row[1];
    verb.mutual = row.size() > 2 && row[2] == "y";
    lexicon.relation_verbs.push_back(std::move(verb));
  }
  std::stable_sort(lexicon.relation_verbs.begin(), lexicon.relation_verbs.end(),
                   [](const RelationVerb& a, const RelationVerb& b) { return a.words.size() > b.words.size(); });
  for (const auto& [noun, relation] : lexicon.relation_nouns)
    insert_word_prefixes(lexicon.relation_noun_prefixes, noun);
  for (std::size_t v = 0; v < lexicon.relation_verbs.size(); ++v)
    if (!lexicon.relation_verbs[v].words.empty())
      lexicon.relation_verbs_by_first_word[lexicon.relation_verbs[v].words.front()].push_back(v);
  for (auto& row : parse_data_rows(data::function_words_txt)) lexicon.function_words.insert(fold_case(row[0]));
  for (auto& row : parse_data_rows(data::places_txt)) {
    auto key = fold_case(row[0]);
    lexicon.longest_place = std::max(lexicon.longest_place, word_count(key));
    lexicon.places.insert(key);
  }
  for (auto& row : parse_data_rows(data::place_words_txt)) lexicon.place_words.insert(fold_case(row[0]));
  for (auto& row : parse_data_rows(data::given_names_txt))
    lexicon.given_names[fold_case(row[0])] = parse_gender(row.size() > 1 ? row[1] : "-");
  for (auto& row : parse_data_rows(data::name_genders_txt))
    if (row.size() > 1) lexicon.name_genders[fold_case(row[0])] = parse_gender(row[1]);
  for (auto& row : parse_data_rows(data::abbreviations_txt))
    if (row.size() > 1) lexicon.abbreviations[fold_case(row[0])] = fold_case(row[1]);
  return lexicon;
}

}  // namespace

Gender first_name_gender(const Lexicon& lexicon, const std::string& first_name) {
  if (auto it = lexicon.given_names.find(first_name); it != lexicon.given_names.end()) return it->second;
  if (auto it = lexicon.name_genders.find(first_name); it != lexicon.name_genders.end()) return it->second;
  // A double given name the lists lack ("carrie-anne", "jean-claude") goes by its first part.
  if (const auto hyphen = first_name.find('-'); hyphen != std::string::npos && hyphen > 0)
    return first_name_gender(lexicon, first_name.substr(0, hyphen));
  return Gender::unknown;
}

std::vector<std::vector<std::string>> parse_data_rows(std::string_view data) {
  std::vector<std::vector<std::string>> rows;
  std::size_t start = 0;
  while (start < data.size()) {
    auto end = data.find('\n', start);
    if (end == std::string_view::npos) end = data.size();
    auto line = data.substr(start, end - start);
    start = end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    std::vector<std::string> columns;
    std::size_t column_start = 0;
    while (column_start <= line.size()) {
      auto tab = line.find('\t', column_start);
      if (tab == std::string_view::npos) tab = line.size();
      columns.emplace_back(line.substr(column_start, tab - column_start));
      column_start = tab + 1;
    }
    if (!columns.empty() && !columns[0].empty()) rows.push_back(std::move(columns));
  }
  return rows;
}

const Lexicon& default_lexicon() {
  // Built on first use; C++ guarantees thread-safe initialisation, and it is never modified.
  static const Lexicon lexicon = build_lexicon();
  return lexicon;
}

}  // namespace filmscope

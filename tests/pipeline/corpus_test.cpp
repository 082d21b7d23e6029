// The synopsis corpus against its golden expectations.
//
// Every corpora/**/<name>.expect.json describes what a careful reader knows about
// corpora/**/<name>.txt: film metadata, the characters (with actor, credit, gender and the
// phrases of the text that refer to them), names that are not characters, typed
// relationships and the protagonist. corpora/README.md documents the format. Each synopsis is
// run through the whole pipeline (analyze_file) and compared with its expectation in its own
// section, so a failure names the film. The same checks run on ../shared/her.txt against
// tests/data/shared-her.expect.json when the shared material is present.
//
// Matching rules (also in corpora/README.md):
// - a character is found when its name, or failing that one of its aliases, equals the
//   expected name case-insensitively, ignoring a leading "the " and full stops;
// - a refers_to phrase is satisfied by a mention of that character whose text equals the
//   phrase (case-insensitively) or whose byte span lies inside an occurrence of the phrase in
//   the decoded text;
// - the protagonist is the first character of the analysis, which lists characters
//   protagonist first and then by mentions.
// "themes" and "arcs" are kept in the expectation files for later stages and not checked here.
#include <algorithm>
#include <array>
#include <cctype>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "io/decode.h"
#include "model/analysis.h"
#include "pipeline/analyze.h"
#include "support/test_paths.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr std::array<std::string_view, 9> kRelationshipKinds = {
    "romance", "marriage", "former-spouse", "former-partner", "family",
    "friendship", "work", "creator", "conflict"};

const std::string kExpectSuffix = ".expect.json";

std::string lower(std::string_view text) {
  std::string out(text);
  // ASCII folding is enough: every name in the expectations compares equal under it, and
  // non-ASCII letters (Céline, Rudrüd) are matched exactly.
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// "The Oracle" and "Oracle", "Gustave H." and "Gustave H" are the same character name.
std::string name_key(std::string_view name) {
  std::string key = lower(name);
  if (key.rfind("the ", 0) == 0) key.erase(0, 4);
  key.erase(std::remove(key.begin(), key.end(), '.'), key.end());
  return key;
}

std::vector<fs::path> expectation_files() {
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(filmscope::testing::corpora_dir())) {
    const std::string name = entry.path().filename().string();
    if (entry.is_regular_file() && name.size() > kExpectSuffix.size() &&
        name.compare(name.size() - kExpectSuffix.size(), kExpectSuffix.size(), kExpectSuffix) == 0) {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

// corpora/her.expect.json → corpora/her.txt
fs::path synopsis_for(const fs::path& expectation) {
  std::string name = expectation.filename().string();
  name.resize(name.size() - kExpectSuffix.size());
  return expectation.parent_path() / (name + ".txt");
}

json load_json(const fs::path& path) { return json::parse(filmscope::testing::read_file(path)); }

std::string decoded_text(const fs::path& path) {
  auto result = filmscope::load_text_file(path);
  INFO(path.string() << ": " << result.error);
  REQUIRE(result.decoded.has_value());
  return result.decoded->text;
}

std::vector<std::size_t> occurrences(const std::string& text, const std::string& phrase) {
  std::vector<std::size_t> found;
  for (auto at = text.find(phrase); at != std::string::npos; at = text.find(phrase, at + 1)) {
    found.push_back(at);
  }
  return found;
}

const filmscope::Character* find_character(const filmscope::Analysis& analysis,
                                           const std::string& name) {
  const std::string key = name_key(name);
  for (const auto& character : analysis.characters) {
    if (name_key(character.name) == key) return &character;
  }
  for (const auto& character : analysis.characters) {
    for (const auto& alias : character.aliases) {
      if (name_key(alias) == key) return &character;
    }
  }
  return nullptr;
}

std::string character_list(const filmscope::Analysis& analysis) {
  std::string list;
  for (const auto& character : analysis.characters) {
    if (!list.empty()) list += ", ";
    list += character.name;
  }
  return list;
}

bool mention_covers(const filmscope::Character& character, const std::string& phrase,
                    const std::vector<std::size_t>& phrase_at) {
  for (const auto& mention : character.mentions) {
    if (lower(mention.text) == lower(phrase)) return true;
    for (std::size_t at : phrase_at) {
      if (mention.offset >= at && mention.offset + mention.text.size() <= at + phrase.size()) {
        return true;
      }
    }
  }
  return false;
}

// The analysis lists its characters protagonist first (story_analysis.cpp), so the
// protagonist is whoever comes first.
const filmscope::Character* protagonist_of(const filmscope::Analysis& analysis) {
  return analysis.characters.empty() ? nullptr : &analysis.characters.front();
}

std::vector<std::string> string_list(const json& value) {
  std::vector<std::string> out;
  for (const auto& item : value) out.push_back(item.get<std::string>());
  return out;
}

void check_film(const filmscope::FilmInfo& film, const json& expected) {
  CHECK(film.title == expected.at("title").get<std::string>());
  if (expected.at("year").is_null()) {
    CHECK_FALSE(film.year.has_value());
  } else {
    CHECK(film.year == std::optional<int>(expected.at("year").get<int>()));
  }
  CHECK(film.directors == string_list(expected.at("directors")));
  CHECK(film.writers == string_list(expected.at("writers")));
}

void check_character(const filmscope::Analysis& analysis, const std::string& text,
                     const json& expected) {
  const std::string name = expected.at("name").get<std::string>();
  INFO("character: " << name);
  const filmscope::Character* found = find_character(analysis, name);
  if (found == nullptr) {
    FAIL_CHECK("not found among: " << character_list(analysis));
    return;
  }
  if (expected.contains("actor")) {
    if (expected.at("actor").is_null()) {
      CHECK(found->actor.value_or("").empty());
    } else {
      CHECK(found->actor.value_or("") == expected.at("actor").get<std::string>());
    }
  }
  if (expected.contains("credit")) {
    CHECK(lower(found->credit.value_or("")) == lower(expected.at("credit").get<std::string>()));
  }
  if (expected.contains("gender")) {
    CHECK(std::string(filmscope::to_string(found->gender)) ==
          expected.at("gender").get<std::string>());
  }
  for (const auto& phrase_json : expected.value("refers_to", json::array())) {
    const std::string phrase = phrase_json.get<std::string>();
    INFO("refers_to: \"" << phrase << "\"");
    const auto phrase_at = occurrences(text, phrase);
    REQUIRE_FALSE(phrase_at.empty());  // the expectation itself is wrong otherwise
    CHECK(mention_covers(*found, phrase, phrase_at));
  }
}

void check_not_characters(const filmscope::Analysis& analysis, const json& expected) {
  for (const auto& entry : expected) {
    const std::string key = lower(entry.get<std::string>());
    for (const auto& character : analysis.characters) {
      INFO("\"" << entry.get<std::string>() << "\" is not a character, yet " << character.name
                << " is or answers to it");
      CHECK(lower(character.name) != key);
      for (const auto& alias : character.aliases) CHECK(lower(alias) != key);
    }
  }
}

void check_relationship(const filmscope::Analysis& analysis, const json& expected) {
  const std::string first = expected.at("between").at(0).get<std::string>();
  const std::string second = expected.at("between").at(1).get<std::string>();
  const std::string kind = expected.at("kind").get<std::string>();
  INFO("relationship: " << first << " / " << second << " (" << kind << ")");
  const auto* a = find_character(analysis, first);
  const auto* b = find_character(analysis, second);
  if (a == nullptr || b == nullptr) {
    FAIL_CHECK("a character of the pair is missing");
    return;
  }
  const auto edge = std::find_if(analysis.relationships.begin(), analysis.relationships.end(),
                                 [&](const filmscope::Relationship& r) {
                                   return (r.source == a->id && r.target == b->id) ||
                                          (r.source == b->id && r.target == a->id);
                                 });
  if (edge == analysis.relationships.end()) {
    FAIL_CHECK("no relationship between them");
    return;
  }
  std::string kinds;
  for (const auto& k : edge->kinds) kinds += k + " ";
  INFO("kinds found: " << kinds);
  CHECK(std::find(edge->kinds.begin(), edge->kinds.end(), kind) != edge->kinds.end());
}

void check_against(const fs::path& synopsis, const json& expected) {
  const std::string text = decoded_text(synopsis);
  auto result = filmscope::analyze_file(synopsis, {});
  INFO(synopsis.string() << ": " << result.error);
  REQUIRE(result.analysis.has_value());
  const filmscope::Analysis& analysis = *result.analysis;

  check_film(analysis.film, expected.at("film"));
  for (const auto& character : expected.at("characters")) {
    check_character(analysis, text, character);
  }
  check_not_characters(analysis, expected.at("not_characters"));
  for (const auto& relationship : expected.at("relationships")) {
    check_relationship(analysis, relationship);
  }
  if (expected.contains("protagonist") && !expected.at("protagonist").is_null()) {
    const auto* lead = protagonist_of(analysis);
    REQUIRE(lead != nullptr);
    CHECK(name_key(lead->name) == name_key(expected.at("protagonist").get<std::string>()));
  }
}

// The expectation must be internally consistent before it can judge the analysis.
void check_well_formed(const fs::path& synopsis, const json& expected) {
  const std::string text = decoded_text(synopsis);
  REQUIRE(expected.at("film").is_object());
  REQUIRE(expected.at("characters").is_array());
  REQUIRE(expected.at("not_characters").is_array());
  REQUIRE(expected.at("relationships").is_array());
  std::vector<std::string> names;
  for (const auto& character : expected.at("characters")) {
    names.push_back(name_key(character.at("name").get<std::string>()));
    for (const auto& phrase : character.value("refers_to", json::array())) {
      INFO(character.at("name").get<std::string>() << " refers_to \"" << phrase.get<std::string>()
                                                   << "\" must occur in the text");
      CHECK_FALSE(occurrences(text, phrase.get<std::string>()).empty());
    }
  }
  auto known = [&](const json& name) {
    return std::find(names.begin(), names.end(), name_key(name.get<std::string>())) != names.end();
  };
  for (const auto& relationship : expected.at("relationships")) {
    INFO("relationship " << relationship.dump());
    REQUIRE(relationship.at("between").size() == 2);
    CHECK(known(relationship.at("between").at(0)));
    CHECK(known(relationship.at("between").at(1)));
    const std::string kind = relationship.at("kind").get<std::string>();
    CHECK(std::find(kRelationshipKinds.begin(), kRelationshipKinds.end(), kind) !=
          kRelationshipKinds.end());
  }
  for (const auto& entry : expected.at("not_characters")) {
    INFO("not_characters entry " << entry.get<std::string>() << " is also an expected character");
    CHECK_FALSE(known(entry));
  }
  if (expected.contains("protagonist") && !expected.at("protagonist").is_null()) {
    CHECK(known(expected.at("protagonist")));
  }
}

std::string display_name(const fs::path& expectation) {
  return fs::relative(synopsis_for(expectation), filmscope::testing::source_dir()).string();
}

}  // namespace

TEST_CASE("corpus expectation files are well formed", "[corpus]") {
  const auto files = expectation_files();
  REQUIRE(files.size() >= 17);
  for (const auto& expectation : files) {
    DYNAMIC_SECTION(display_name(expectation)) {
      REQUIRE(fs::is_regular_file(synopsis_for(expectation)));
      check_well_formed(synopsis_for(expectation), load_json(expectation));
    }
  }
}

TEST_CASE("corpus synopses are analysed as their expectations say", "[corpus]") {
  for (const auto& expectation : expectation_files()) {
    DYNAMIC_SECTION(display_name(expectation)) {
      check_against(synopsis_for(expectation), load_json(expectation));
    }
  }
}

TEST_CASE("the shared Her synopsis is analysed as its expectation says", "[corpus][shared]") {
  const auto shared = filmscope::testing::shared_dir();
  if (!shared) {
    WARN("../shared is absent; skipped");
    return;
  }
  const fs::path synopsis = *shared / "her.txt";
  const json expected =
      load_json(filmscope::testing::source_dir() / "tests/data/shared-her.expect.json");
  SECTION("expectation is well formed") { check_well_formed(synopsis, expected); }
  SECTION("analysis") { check_against(synopsis, expected); }
}

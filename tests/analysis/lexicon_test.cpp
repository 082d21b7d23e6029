#include <catch2/catch.hpp>

#include "analysis/lexicon.h"

using namespace filmscope;

TEST_CASE("data rows: tab-separated columns, comments and blank lines skipped", "[analysis][lexicon]") {
  const auto rows = parse_data_rows("# a comment\nfriend\tfriendship\n\nwife\tmarriage\tf\nlast");
  REQUIRE(rows.size() == 3);
  CHECK(rows[0] == std::vector<std::string>{"friend", "friendship"});
  CHECK(rows[1] == std::vector<std::string>{"wife", "marriage", "f"});
  CHECK(rows[2] == std::vector<std::string>{"last"});
}

TEST_CASE("the compiled-in lexicon holds every data file", "[analysis][lexicon]") {
  const Lexicon& lexicon = default_lexicon();
  CHECK(lexicon.honorifics.count("mrs"));
  CHECK(lexicon.relation_nouns.count("wife"));
  CHECK(lexicon.person_nouns.count("writer"));
  CHECK(!lexicon.relation_verbs.empty());
  CHECK(lexicon.function_words.count("the"));
  CHECK(lexicon.given_names.count("samantha"));
  CHECK(lexicon.name_genders.size() > 5000);
  CHECK(&default_lexicon() == &lexicon);  // built once
}

TEST_CASE("first-name genders: the curated list first, then the longer one", "[analysis][lexicon]") {
  const Lexicon& lexicon = default_lexicon();
  CHECK(first_name_gender(lexicon, "samantha") == Gender::female);
  CHECK(first_name_gender(lexicon, "theodore") == Gender::male);
  // Only on the longer list.
  CHECK_FALSE(lexicon.given_names.count("caleb"));
  CHECK(first_name_gender(lexicon, "caleb") == Gender::male);
  CHECK(first_name_gender(lexicon, "clementine") == Gender::female);
  // Names given to both men and women, and words that are no name, say nothing.
  CHECK(first_name_gender(lexicon, "robin") == Gender::unknown);
  CHECK(first_name_gender(lexicon, "spaceship") == Gender::unknown);
  // Keys are folded: a capitalised name is not found as it is.
  CHECK(first_name_gender(lexicon, "Caleb") == Gender::unknown);
  // A double name the lists lack goes by its first part; a bare hyphen says nothing.
  CHECK_FALSE(lexicon.given_names.count("carrie-anne"));
  CHECK(first_name_gender(lexicon, "carrie-anne") == Gender::female);
  CHECK(first_name_gender(lexicon, "-anne") == Gender::unknown);
  CHECK(first_name_gender(lexicon, "robin-lee") == Gender::unknown);
}

TEST_CASE("WordNet person nouns extend the curated ones without overriding them", "[analysis][lexicon]") {
  const Lexicon& lexicon = default_lexicon();
  // Only WordNet has these; their most frequent sense is a person.
  for (const char* noun : {"sophomore", "innkeeper", "arsonist", "puppeteer"}) {
    INFO(noun);
    REQUIRE(lexicon.person_nouns.count(noun));
    CHECK(lexicon.person_nouns.at(noun).gender == Gender::unknown);
    CHECK(lexicon.person_nouns.at(noun).noun_class == NounClass::person);
  }
  // A person sense that is not the most frequent one does not count; nor do proper names.
  for (const char* word : {"star", "model", "bank", "aalto", "shakespeare"}) {
    INFO(word);
    CHECK_FALSE(lexicon.person_nouns.count(word));
  }
  // The curated list keeps its gender and class.
  CHECK(lexicon.person_nouns.at("woman").gender == Gender::female);
  CHECK(lexicon.person_nouns.at("robot").noun_class == NounClass::being);
}

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
}

#include <catch2/catch.hpp>

#include <algorithm>

#include "analysis/relationship_finder.h"
#include "synopsis/synopsis_reader.h"

using namespace filmscope;

namespace {

// Kinds found between the two named characters.
std::vector<std::string> kinds_between(std::string_view text, std::string_view a, std::string_view b) {
  auto story = read_synopsis(text);
  auto resolution = resolve_characters(story, default_lexicon());
  auto index = [&](std::string_view name) -> std::optional<std::size_t> {
    for (std::size_t e = 0; e < resolution.entities.size(); ++e)
      if (resolution.entities[e].name == name) return e;
    return std::nullopt;
  };
  auto ia = index(a);
  auto ib = index(b);
  std::vector<std::string> kinds;
  if (!ia || !ib) return kinds;
  for (const auto& r : find_typed_relations(resolution, default_lexicon()))
    if ((r.first == *ia && r.second == *ib) || (r.first == *ib && r.second == *ia)) kinds.push_back(r.kind);
  return kinds;
}

bool has(const std::vector<std::string>& kinds, std::string_view kind) {
  return std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
}

}  // namespace

TEST_CASE("possessive relation noun with an apposition", "[analysis]") {
  auto kinds = kinds_between("Theo Moss (Ian Holm) writes. Theo writes to his ex-wife, Catherine.\n", "Theo Moss", "Catherine");
  CHECK(has(kinds, "former-spouse"));
  CHECK(has(kinds_between("Theo Moss (Ian Holm) waits. He calls his close friend Amy.\n", "Theo Moss", "Amy"), "friendship"));
}

TEST_CASE("relation noun in a cast description points at the protagonist", "[analysis]") {
  auto text =
      "Main Plot\nThe story follows a quiet man.\nCharacters\n- Ian Holm plays Theo Moss, a writer.\n"
      "- Amy Adams plays Amy, a close friend of the protagonist.\n";
  CHECK(has(kinds_between(text, "Theo Moss", "Amy"), "friendship"));
}

TEST_CASE("a copula's subject fills a possessed role", "[analysis]") {
  auto text =
      "Characters\n- Ian Holm plays Theo Moss, a writer who buys an operating system named Iris.\n"
      "- Mia Chen voices Iris, an operating system.\nPlot\nTheo is lonely and he talks to no one. This OS becomes his romantic partner.\n";
  auto kinds = kinds_between(text, "Theo Moss", "Iris");
  CHECK(has(kinds, "romance"));
  CHECK_FALSE(has(kinds, "work"));  // "romantic partner" is not also a business "partner"
}

TEST_CASE("relation verbs and mutual phrases", "[analysis]") {
  CHECK(has(kinds_between("Emil (Karel Roden) meets Milos (Vladimir Mashkov). Emil kills Milos.\n", "Emil", "Milos"), "conflict"));
  CHECK(has(kinds_between("Jack Dawson (Leo Vance) sails. Rose Bukater (Kate Winn) sails. Jack and Rose fall in love.\n",
                          "Jack Dawson", "Rose Bukater"), "romance"));
  CHECK(has(kinds_between("Nathan Bateman (Oscar Isaac) is a recluse. Nathan created Ava (Alicia Vikander) in secret.\n",
                          "Nathan Bateman", "Ava"), "creator"));
}

TEST_CASE("no relation is typed without its pattern", "[analysis]") {
  CHECK(kinds_between("Emil (Karel Roden) and Milos (Vladimir Mashkov) sit in a bar.\n", "Emil", "Milos").empty());
}

TEST_CASE("base forms and phrases of relation verbs", "[analysis]") {
  auto text =
      "Low Tide\n| 2001Directed by: Ana Ruiz\nPlot\nA storm closes the harbour. Tom starts to fall for Nora. "
      "Later Tom tries to befriend Sam, and Sam goes out to confront Nora.\nCharacters\n"
      "- Ian Holm plays Tom Reyes, a chemist who works alongside Sam.\n- Mia Chen plays Nora Vale, a diver.\n"
      "- Lee Park plays Sam Ortiz, a pilot who hopes to court Nora.\n";
  CHECK(has(kinds_between(text, "Tom Reyes", "Nora Vale"), "romance"));
  auto tom_sam = kinds_between(text, "Tom Reyes", "Sam Ortiz");
  CHECK(has(tom_sam, "work"));
  CHECK(has(tom_sam, "friendship"));
  auto sam_nora = kinds_between(text, "Sam Ortiz", "Nora Vale");
  CHECK(has(sam_nora, "romance"));
  CHECK(has(sam_nora, "conflict"));
}

TEST_CASE("coordinated relation nouns share their possessor and filler", "[analysis]") {
  auto text =
      "Dry Creek\n| 2001Directed by: Ana Ruiz\nPlot\nOmar Haddad (Ian Holm) falls ill. Ben Cole (Lee Park) hires "
      "Omar's nurse and friend, Lena Diaz (Mia Chen), as his assistant.\n";
  auto kinds = kinds_between(text, "Omar Haddad", "Lena Diaz");
  CHECK(has(kinds, "work"));
  CHECK(has(kinds, "friendship"));
}

TEST_CASE("an apposition after a parenthesised actor", "[analysis]") {
  auto text =
      "Dry Creek\n| 2001Directed by: Ana Ruiz\nPlot\nRiley Moss (Kaitlyn Dias) is lost. She meets Bo Brand (Richard Kind), "
      "Riley's imaginary friend, in a maze.\n";
  CHECK(has(kinds_between(text, "Riley Moss", "Bo Brand"), "friendship"));
}

TEST_CASE("a hired killer works for the one who hired him", "[analysis]") {
  auto text =
      "Dry Creek\n| 2001Directed by: Ana Ruiz\nPlot\nDmitri Volk (Adrien Brody) wants the will. Dmitri's hired killer, "
      "Jon Hale (Willem Dafoe), follows the lawyer.\n";
  auto kinds = kinds_between(text, "Dmitri Volk", "Jon Hale");
  CHECK(has(kinds, "work"));
  CHECK_FALSE(has(kinds, "conflict"));
}

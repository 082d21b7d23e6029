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

TEST_CASE("a coordinated subject relates each of its members", "[analysis]") {
  auto text =
      "Glass House\n| 2001Directed by: Ana Ruiz\nPlot\nMira Lund (Alicia Vikander) wakes. In the corridor she and "
      "Kiko stab Noah.\nCharacters\n- Oscar Isaac plays Noah Brandt, an engineer.\n- Sonoya Mizuno plays Kiko, a maid.\n";
  CHECK(has(kinds_between(text, "Mira Lund", "Noah Brandt"), "conflict"));
  CHECK(has(kinds_between(text, "Kiko", "Noah Brandt"), "conflict"));
  // A pair governed by a preposition is no subject, and "them" is not the pair it follows.
  auto governed =
      "Moonbase\n| 2001Directed by: Ana Ruiz\nPlot\nA team sent by Tom Hale (Ian Holm) and Jo Park (Mia Chen) will "
      "kill them both.\n";
  CHECK_FALSE(has(kinds_between(governed, "Tom Hale", "Jo Park"), "conflict"));
}

TEST_CASE("a plural pronoun stands for the two characters before it", "[analysis]") {
  auto text =
      "Shell\n| 2001Directed by: Ana Ruiz\nPlot\nIan tells Laura that meeting her mattered to him. She knows that they "
      "will marry, that Hana will be their daughter.\nCharacters\n- Amy Adams plays Laura Banks, a linguist.\n"
      "- Jeremy Renner plays Ian Dane, a physicist.\n- Jadyn Malone plays Hana, a girl.\n";
  CHECK(has(kinds_between(text, "Laura Banks", "Ian Dane"), "romance"));
  CHECK(has(kinds_between(text, "Ian Dane", "Hana"), "family"));
  CHECK(has(kinds_between(text, "Laura Banks", "Hana"), "family"));
  CHECK_FALSE(has(kinds_between(text, "Laura Banks", "Hana"), "romance"));  // the verb's object is in its clause

  // A pair named two sentences back carries on while nobody else is named.
  auto carried =
      "Night Train\n| 2001Directed by: Ana Ruiz\nPlot\nJon persuades Celia to get off with him. The two wander the "
      "city. On a wheel they kiss.\nCharacters\n- Ethan Hawke plays Jon, a traveller.\n- Julie Delpy plays Celia, a student.\n";
  CHECK(has(kinds_between(carried, "Jon", "Celia"), "romance"));
}

TEST_CASE("a plural pronoun with a likelier antecedent stands for nobody", "[analysis]") {
  // "Two rowing champions" are who "their" means; "hundreds of them" is part of a crowd.
  auto text =
      "Network\n| 2001Directed by: Ana Ruiz\nPlot\nMark hacks the site and insults Erica. Two rowing champions and "
      "their business partner invite him. Erica talks with thousands of people and falls in love with hundreds of "
      "them.\nCharacters\n- Jesse Eisenberg plays Mark Zucker, a student.\n- Rooney Mara plays Erica Albright, a student.\n"
      "- Max Minghella plays Divya Narendra, the twins' partner.\n";
  CHECK_FALSE(has(kinds_between(text, "Divya Narendra", "Mark Zucker"), "work"));
  CHECK_FALSE(has(kinds_between(text, "Erica Albright", "Mark Zucker"), "romance"));
}

TEST_CASE("a verb's object may be the name a thing after it is given", "[analysis]") {
  auto text =
      "Up High\n| 2001Directed by: Ana Ruiz\nPlot\nCarl and Russ start to walk. On the way they befriend a huge, "
      "colourful bird that Russ names Kevin.\nCharacters\n- Ed Asner voices Carl Fred, an old man.\n"
      "- Jordan Nagai voices Russ, a scout.\n- Pete Docter voices Kevin, a bird.\n";
  CHECK(has(kinds_between(text, "Carl Fred", "Kevin"), "friendship"));
  CHECK(has(kinds_between(text, "Russ", "Kevin"), "friendship"));
}

TEST_CASE("a cast description's relation noun relates the character to the one it names", "[analysis]") {
  auto text =
      "Letters\n| 2001Directed by: Ana Ruiz\nPlot\nTheo writes letters for strangers. Paul jokes.\nCharacters\n"
      "- Joaquin Phoenix plays Theo Moss, a writer.\n"
      "- Chris Pratt plays Paul Finn, a cheerful colleague at the letter firm who admires Theo's writing.\n"
      "- Rooney Mara plays Erin Holt, the student who breaks up with Theo.\n";
  CHECK(has(kinds_between(text, "Paul Finn", "Theo Moss"), "work"));
  auto erin = kinds_between(text, "Erin Holt", "Theo Moss");
  CHECK(has(erin, "former-partner"));
  CHECK_FALSE(has(erin, "work"));  // the verb says what they are to each other
}

TEST_CASE("characters a cast list places at one organisation work together", "[analysis]") {
  auto text =
      "Glass House\n| 2001Directed by: Ana Ruiz\nPlot\nCaleb visits Nathan in the mountains.\nCast\n"
      "- Domhnall Gleeson plays Caleb Smith, a programmer at the search company Blue Book.\n"
      "- Oscar Isaac plays Nathan Bateman, the founder and chief executive of Blue Book.\n"
      "- Sonoya Mizuno plays Kyoko, a maid at a mountain house.\n";
  CHECK(has(kinds_between(text, "Caleb Smith", "Nathan Bateman"), "work"));
  CHECK_FALSE(has(kinds_between(text, "Kyoko", "Nathan Bateman"), "work"));
}

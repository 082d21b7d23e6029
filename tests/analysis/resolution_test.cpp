#include <catch2/catch.hpp>

#include <algorithm>

#include "analysis/resolution.h"
#include "synopsis/synopsis_reader.h"

using namespace filmscope;

namespace {

struct Resolved {
  Story story;
  Resolution resolution;
};

Resolved resolve(std::string_view text) {
  Resolved r{read_synopsis(text), {}};
  r.resolution = resolve_characters(r.story, default_lexicon());
  return r;
}

std::optional<std::size_t> entity_named(const Resolution& r, std::string_view name) {
  for (std::size_t e = 0; e < r.entities.size(); ++e)
    if (r.entities[e].name == name) return e;
  return std::nullopt;
}

// The entity a phrase of the text resolves to (the first mention covering its first token).
// `part` picks a word inside the phrase ("messages his wife", "wife").
std::optional<std::size_t> entity_of(const Resolved& r, std::string_view phrase, std::string_view part = {}) {
  for (std::size_t u = 0; u < r.story.units.size(); ++u) {
    const auto& unit = r.story.units[u];
    auto at = unit.text.find(phrase);
    if (at == std::string::npos) continue;
    std::size_t offset = unit.offset + at + (part.empty() ? 0 : phrase.find(part));
    for (const auto& m : r.resolution.mentions[u]) {
      const auto& first = r.resolution.tokens[u][m.first_token];
      const auto& last = r.resolution.tokens[u][m.last_token];
      if (first.offset <= offset && offset < last.offset + last.text.size()) return m.entity;
    }
  }
  return std::nullopt;
}

}  // namespace

TEST_CASE("an unnamed protagonist, an OS and an ex-wife resolve", "[analysis]") {
  auto r = resolve(
      "Signals\n| 2031Directed by: Ana Ruiz\nMain Plot\n"
      "The story follows a shy, anxious man who lives alone. He installs a talking operating system. "
      "This OS soon becomes his closest companion.\n"
      "Characters\n"
      "- Oscar Diaz plays Leo Park, a shy letter writer who buys an operating system named Iris.\n"
      "- Mia Chen voices Iris, an operating system. She learns fast.\n"
      "Ending Explained\n"
      "Leo writes to his ex-wife, Dana, and thanks her.\n");
  auto leo = entity_named(r.resolution, "Leo Park");
  auto iris = entity_named(r.resolution, "Iris");
  auto dana = entity_named(r.resolution, "Dana");
  REQUIRE(leo);
  REQUIRE(iris);
  REQUIRE(dana);
  CHECK(r.resolution.protagonist == leo);
  CHECK(entity_of(r, "a shy, anxious man") == leo);
  CHECK(entity_of(r, "He installs") == leo);
  CHECK(entity_of(r, "This OS") == iris);
  CHECK(entity_of(r, "his closest") == leo);
  CHECK(entity_of(r, "She learns") == iris);
  CHECK(r.resolution.entities[*leo].gender == Gender::male);
  CHECK(r.resolution.entities[*iris].gender == Gender::female);
  // Neither the actors nor the director are characters.
  CHECK_FALSE(entity_named(r.resolution, "Oscar Diaz"));
  CHECK_FALSE(entity_named(r.resolution, "Ana Ruiz"));
  CHECK_FALSE(entity_named(r.resolution, "Mia Chen"));
}

TEST_CASE("full name, first name, surname and honorific are one character", "[analysis]") {
  auto r = resolve(
      "Dr. Howard Mierzwiak (Tom Wilkinson) runs a small clinic. Howard erases memories. "
      "Patients trust Mierzwiak. Dr. Mierzwiak later regrets it.\n");
  auto howard = entity_named(r.resolution, "Dr. Howard Mierzwiak");
  REQUIRE(howard);
  CHECK(r.resolution.entities[*howard].actor == "Tom Wilkinson");
  CHECK(entity_of(r, "Howard erases") == howard);
  CHECK(entity_of(r, "Mierzwiak.") == howard);
  CHECK(entity_of(r, "Dr. Mierzwiak later") == howard);
  CHECK(r.resolution.entities.size() == 1);
}

TEST_CASE("an actor who shares the character's name is not the character", "[analysis]") {
  auto r = resolve("Characters\n- Amy Adams plays Amy, a close friend of the hero.\nPlot\nAmy Adams is superb. Amy helps.\n");
  REQUIRE(r.resolution.entities.size() == 1);
  CHECK(r.resolution.entities[0].name == "Amy");
  CHECK_FALSE(entity_of(r, "Amy Adams is"));
  CHECK(entity_of(r, "Amy helps") == 0u);
}

TEST_CASE("names from the text need person evidence; places and things do not pass", "[analysis]") {
  auto r = resolve(
      "Milos meets his wife Tamina in New York City. Honey, a call girl, arrives. "
      "Emil watches the next Frank Capra film at Planet Hollywood. Emil kills Milos. "
      "They sell the tape to Top Story, and the Top Story crew films it.\n");
  CHECK(entity_named(r.resolution, "Milos"));
  CHECK(entity_named(r.resolution, "Tamina"));
  CHECK(entity_named(r.resolution, "Honey"));
  CHECK(entity_named(r.resolution, "Emil"));
  CHECK_FALSE(entity_named(r.resolution, "New York City"));
  CHECK_FALSE(entity_named(r.resolution, "Frank Capra"));
  CHECK_FALSE(entity_named(r.resolution, "Planet Hollywood"));
  CHECK_FALSE(entity_named(r.resolution, "Top Story"));
  CHECK_FALSE(entity_named(r.resolution, "They"));
  auto tamina = entity_named(r.resolution, "Tamina");
  CHECK(r.resolution.entities[*tamina].gender == Gender::female);
}

TEST_CASE("names listed together with a known name are names", "[analysis]") {
  auto r = resolve("Edward introduces Bella to his family, Carlisle, Esme, Jasper, and Rosalie. Edward smiles.\n");
  for (auto name : {"Carlisle", "Esme", "Jasper", "Rosalie"}) CHECK(entity_named(r.resolution, name));
}

TEST_CASE("a quoted nickname is an alias", "[analysis]") {
  auto r = resolve("William \"Will\" Thacker owns a shop. Will meets Anna Scott (Julia Roberts). Will falls.\n");
  auto will = entity_named(r.resolution, "William Thacker");
  REQUIRE(will);
  CHECK(entity_of(r, "Will meets") == will);
}

TEST_CASE("object pronouns do not bind to their own clause's subject", "[analysis]") {
  auto r = resolve("Warsaw (Edward Burns) chases Emil (Karel Roden). Emil stabs him.\n");
  auto warsaw = entity_named(r.resolution, "Warsaw");
  REQUIRE(warsaw);
  CHECK(entity_of(r, "him.") == warsaw);
}

TEST_CASE("whatever a character names is a character, with its noun as role", "[analysis]") {
  auto r = resolve(
      "Chuck Noland (Tom Hanks) is stranded. He paints a face on the volleyball he calls Wilson. "
      "Later the volleyball drifts away and Chuck weeps.\n");
  auto wilson = entity_named(r.resolution, "Wilson");
  REQUIRE(wilson);
  CHECK(entity_of(r, "the volleyball drifts") == wilson);
}

TEST_CASE("a plot that names nobody opens on its protagonist", "[analysis]") {
  auto r = resolve(
      "Moon\n| 2009Directed by: Duncan Jones\nPlot\n"
      "A solitary contractor nears the end of his stint. He talks to his plants.\n"
      "Cast\n- Sam Rockwell plays Sam Bell, the lone astronaut.\n"
      "- Dominique McElligott plays Tess Bell, Sam's wife.\n"
      "Ending\nSam calls home. Later he messages his wife.\n");
  auto sam = entity_named(r.resolution, "Sam Bell");
  auto tess = entity_named(r.resolution, "Tess Bell");
  REQUIRE(sam);
  REQUIRE(tess);
  CHECK(entity_of(r, "A solitary contractor") == sam);
  CHECK(entity_of(r, "He talks") == sam);
  CHECK(r.resolution.entities[*sam].gender == Gender::male);
  // "his wife" is Tess because the cast list says she is Sam's wife.
  CHECK(entity_of(r, "messages his wife", "wife") == tess);
}

TEST_CASE("titles give roles: Dr. Mierzwiak is the doctor", "[analysis]") {
  auto r = resolve("Dr. Howard Mierzwiak (Tom Wilkinson) runs Lacuna. Joel Barish (Jim Carrey) visits. "
                   "The doctor erases Joel's memories.\n");
  auto howard = entity_named(r.resolution, "Dr. Howard Mierzwiak");
  REQUIRE(howard);
  CHECK(entity_of(r, "The doctor") == howard);
}

TEST_CASE("a generic description goes to the most salient character of its gender", "[analysis]") {
  auto r = resolve("Anna Scott (Julia Roberts) meets Will Thacker (Hugh Grant). He spills juice on her. "
                   "The woman laughs.\n");
  auto anna = entity_named(r.resolution, "Anna Scott");
  REQUIRE(anna);
  CHECK(entity_of(r, "The woman") == anna);
}

TEST_CASE("a rarer first name still genders its character, so pronouns of the other gender pass it by",
          "[analysis]") {
  // Neither "Caleb" nor "Ava" is on the curated given-name list; the longer name list knows them.
  auto r = resolve("Caleb Smith (Domhnall Gleeson) visits a remote house. Ava (Alicia Vikander) waits there. "
                   "Caleb talks to her.\n");
  auto caleb = entity_named(r.resolution, "Caleb Smith");
  auto ava = entity_named(r.resolution, "Ava");
  REQUIRE(caleb);
  REQUIRE(ava);
  CHECK(r.resolution.entities[*caleb].gender == Gender::male);
  CHECK(r.resolution.entities[*ava].gender == Gender::female);
  CHECK(entity_of(r, "to her", "her") == ava);
}

TEST_CASE("a proper-noun compound is no character and opens no description", "[analysis]") {
  auto r = resolve(
      "Eternal Sunshine\n| 2004Directed by: Michel Gondry\nMain Plot\n"
      "On a grey Valentine's Day, a shy, melancholy man skips work. He meets Clementine.\n"
      "Cast\n- Jim Carrey plays Joel Barish, a withdrawn man.\n"
      "- Kate Winslet plays Clementine Kruczynski, a bookshop clerk.\n");
  CHECK_FALSE(entity_named(r.resolution, "Day"));
  auto joel = entity_named(r.resolution, "Joel Barish");
  REQUIRE(joel);
  CHECK(entity_of(r, "a shy, melancholy man") == joel);
  CHECK(entity_of(r, "He meets") == joel);
}

TEST_CASE("while a plot names nobody, an indefinite description introduces an unmentioned cast character",
          "[analysis]") {
  auto r = resolve(
      "Fargo\n| 1996Directed by: Joel Coen\nMain Plot\n"
      "A meek car salesman hires two crooks. A stranger watches them. Later a pregnant woman "
      "investigates a triple murder. A stray dog follows her, and an eleven-year-old girl, Sally, sees her.\n"
      "Cast\n- Frances McDormand plays Marge Gunderson, the police chief of Brainerd.\n"
      "- William H. Macy plays Jerry Lundegaard, a car dealer.\n"
      "- Steve Buscemi plays Carl Showalter, a crook.\n"
      "- Emma Stone plays Sally, a witness.\n"
      "- Bill Murray plays Rex, a clever retriever.\n");
  auto marge = entity_named(r.resolution, "Marge Gunderson");
  auto jerry = entity_named(r.resolution, "Jerry Lundegaard");
  auto sally = entity_named(r.resolution, "Sally");
  auto rex = entity_named(r.resolution, "Rex");
  REQUIRE(marge);
  REQUIRE(jerry);
  REQUIRE(sally);
  REQUIRE(rex);
  // The hero is a woman (by her name), so the opening man is someone else: the car dealer, who
  // shares a word with the description.
  CHECK(entity_of(r, "A meek car salesman") == jerry);
  CHECK(entity_of(r, "a pregnant woman") == marge);
  // Nobody in particular; and an apposition names whom it introduces (after which the plot
  // names people, and descriptions introduce nobody).
  CHECK_FALSE(entity_of(r, "A stranger"));
  CHECK(entity_of(r, "Sally, sees", "Sally") == sally);
  CHECK(entity_of(r, "an eleven-year-old girl") != marge);
  // An animal is introduced only as a non-human character.
  CHECK(entity_of(r, "A stray dog") == rex);
}

TEST_CASE("kin the cast list implies: grandparents, uncles and siblings resolve", "[analysis]") {
  auto r = resolve(
      "Sunshine\n| 2006Directed by: Jonathan Dayton\nMain Plot\n"
      "Olive Hoover wants to compete. Her grandfather coaches her. Her uncle has just left hospital. "
      "Her brother reads Nietzsche.\n"
      "Cast\n- Abigail Breslin plays Olive Hoover, a seven-year-old girl.\n"
      "- Greg Kinnear plays Richard Hoover, Olive's father.\n"
      "- Toni Collette plays Sheryl Hoover, Olive's mother.\n"
      "- Steve Carell plays Frank Ginsberg, Sheryl's brother.\n"
      "- Paul Dano plays Dwayne, Sheryl's son.\n"
      "- Alan Arkin plays Edwin Hoover, Richard's father.\n");
  auto edwin = entity_named(r.resolution, "Edwin Hoover");
  auto frank = entity_named(r.resolution, "Frank Ginsberg");
  auto dwayne = entity_named(r.resolution, "Dwayne");
  REQUIRE(edwin);
  REQUIRE(frank);
  REQUIRE(dwayne);
  CHECK(entity_of(r, "Her grandfather", "grandfather") == edwin);
  CHECK(entity_of(r, "Her uncle", "uncle") == frank);
  CHECK(entity_of(r, "Her brother", "brother") == dwayne);
}

TEST_CASE("machines and animals introduce only characters of their own sort", "[analysis]") {
  auto r = resolve(
      "Orbit\n| 2031Directed by: Nobody\nMain Plot\n"
      "One battered maintenance robot keeps a space station running. Its only friend is a moth. "
      "One day a sleek silver surveyor arrives, and the robot follows her everywhere.\n"
      "Cast\n- Ann Actor voices BOLT, the station's repair robot.\n"
      "- Ben Actor voices NOVA, a surveyor robot sent from Earth.\n"
      "- Cal Actor voices Pip, a talking dog.\n");
  auto bolt = entity_named(r.resolution, "BOLT");
  auto nova = entity_named(r.resolution, "NOVA");
  REQUIRE(bolt);
  REQUIRE(nova);
  // "one" opens a description; the possessive "station's" does not hide the role's noun.
  CHECK(entity_of(r, "One battered maintenance robot") == bolt);
  // An insect is not the robot or the surveyor; a dog might be, but shares nothing with it.
  auto moth = entity_of(r, "a moth");
  CHECK(moth != bolt);
  CHECK(moth != nova);
  // "surveyor" is no person noun, but it is the head of exactly one cast description.
  CHECK(entity_of(r, "a sleek silver surveyor") == nova);
  CHECK_FALSE(entity_of(r, "One day"));
  REQUIRE(r.resolution.entities[*bolt].being);
  CHECK(*r.resolution.entities[*bolt].being == BeingKind::machine);
}

TEST_CASE("a cast entry may give several descriptions, each a role", "[analysis]") {
  auto r = resolve(
      "Snowbound\n| 1999Directed by: Nobody\nMain Plot\n"
      "A timid clerk owes money, so he plans to have his wife kidnapped, hoping that her father will pay. "
      "A painter gets up early.\n"
      "Cast\n- A Actor plays Milo Brandt, a timid clerk.\n"
      "- B Actor plays Greta Brandt, Milo's wife.\n"
      "- C Actor plays Otto Lang, a wealthy, stubborn banker and Greta's father.\n"
      "- D Actor plays Hans Weber, Greta's cousin, a painter of birds.\n");
  auto greta = entity_named(r.resolution, "Greta Brandt");
  auto otto = entity_named(r.resolution, "Otto Lang");
  auto hans = entity_named(r.resolution, "Hans Weber");
  REQUIRE(greta);
  REQUIRE(otto);
  REQUIRE(hans);
  const auto& roles = r.resolution.entities[*otto].roles;
  CHECK(std::any_of(roles.begin(), roles.end(),
                    [&](const RoleNoun& role) { return role.head == "father" && role.related == greta; }));
  // A modal verb after the noun ends its phrase: "her father will pay".
  CHECK(entity_of(r, "her father", "father") == otto);
  const auto& hans_roles = r.resolution.entities[*hans].roles;
  CHECK(std::any_of(hans_roles.begin(), hans_roles.end(), [](const RoleNoun& role) { return role.head == "painter"; }));
}

TEST_CASE("a relation noun after a possessive ends its phrase, whatever verb follows", "[analysis]") {
  auto r = resolve(
      "Snow\n| 1996Directed by: Nobody\nMain Plot\n"
      "The chatty crook and his silent partner take a car. The OS market grows.\n"
      "Cast\n- A Actor plays Carl Show, a small-time crook who never stops talking.\n"
      "- B Actor plays Gaear Grim, Carl's partner, who barely says a word.\n"
      "- C Actor plays Ada, an OS.\n");
  auto carl = entity_named(r.resolution, "Carl Show");
  auto gaear = entity_named(r.resolution, "Gaear Grim");
  REQUIRE(carl);
  REQUIRE(gaear);
  CHECK(entity_of(r, "The chatty crook") == carl);
  CHECK(entity_of(r, "his silent partner", "partner") == gaear);
  // Without a possessive, a following noun still makes a compound that names nobody.
  CHECK_FALSE(entity_of(r, "The OS market"));
}

TEST_CASE("a description may hold proper nouns before its noun, which is its last person noun", "[analysis]") {
  auto r = resolve(
      "Tokyo Nights\n| 2003Directed by: Nobody\nMain Plot\n"
      "An ageing Hollywood actor arrives in Tokyo. He eats at a Shinjuku diner. "
      "In the same hotel, a young American woman spends her days alone.\n"
      "Cast\n- A Actor plays Bob Harris, a film star.\n"
      "- B Actor plays Charlotte, a recent graduate.\n"
      "- C Actor plays Tom, a cook.\n");
  auto bob = entity_named(r.resolution, "Bob Harris");
  auto charlotte = entity_named(r.resolution, "Charlotte");
  REQUIRE(bob);
  REQUIRE(charlotte);
  CHECK(entity_of(r, "An ageing Hollywood actor") == bob);
  CHECK(entity_of(r, "a young American woman") == charlotte);
  // WordNet's "diner" is a person only in its first sense: after a proper noun it is a place.
  CHECK_FALSE(entity_of(r, "a Shinjuku diner"));
}

TEST_CASE("a role after \"their\" or \"its\" names its owner though the pronoun stays unresolved",
          "[analysis]") {
  auto r = resolve(
      "Far Side\n| 2009Directed by: Nobody\nMain Plot\n"
      "Sam Bell watches messages from his wife and their young daughter. The base and its owner argue.\n"
      "Cast\n- A Actor plays Sam Bell, an astronaut.\n"
      "- B Actor plays Tess Bell, Sam's wife.\n"
      "- C Actor plays Eve Bell, Sam's daughter.\n");
  auto tess = entity_named(r.resolution, "Tess Bell");
  auto eve = entity_named(r.resolution, "Eve Bell");
  REQUIRE(tess);
  REQUIRE(eve);
  CHECK(entity_of(r, "his wife", "wife") == tess);
  CHECK(entity_of(r, "their young daughter") == eve);
  CHECK_FALSE(entity_of(r, "its owner"));  // nobody owns the base
}

TEST_CASE("an apposition in the plot gives its character a role for later references", "[analysis]") {
  auto r = resolve(
      "The Will\n| 2019Directed by: Nobody\nMain Plot\n"
      "Harlan Thorne, a rich novelist, hires Blanc. Blanc questions Harlan's nurse and friend, Marta Cruz. "
      "Later the housekeeper, Fran, finds a file. The man, Tom Reed, waits outside. "
      "The nurse lies to nobody, and the housekeeper hides the file. "
      "Harlan admires Walt, Harlan's childhood hero.\n");
  auto marta = entity_named(r.resolution, "Marta Cruz");
  auto fran = entity_named(r.resolution, "Fran");
  auto harlan = entity_named(r.resolution, "Harlan Thorne");
  REQUIRE(marta);
  REQUIRE(fran);
  REQUIRE(harlan);
  CHECK(entity_of(r, "Harlan's nurse and friend", "nurse") == marta);
  CHECK(entity_of(r, "the housekeeper, Fran", "housekeeper") == fran);
  CHECK(entity_of(r, "The nurse lies") == marta);
  CHECK(entity_of(r, "the housekeeper hides") == fran);
  // A general noun gives no role, and someone's hero is not the story's.
  auto tom = entity_named(r.resolution, "Tom Reed");
  REQUIRE(tom);
  const auto& roles = r.resolution.entities[*tom].roles;
  CHECK(std::none_of(roles.begin(), roles.end(), [](const RoleNoun& role) { return role.head == "man"; }));
  CHECK(r.resolution.protagonist == harlan);
}

TEST_CASE("a relation a cast entry states with a verb makes the character the other's partner",
          "[analysis]") {
  auto r = resolve(
      "Letters\n| 2013Directed by: Nobody\nMain Plot\n"
      "Theo Park writes letters. He signs the papers his former wife sends. "
      "Mark Lee codes all night after his girlfriend leaves.\n"
      "Cast\n- A Actor plays Theo Park, a writer.\n"
      "- B Actor plays Catherine Park, who grew up with Theo and married him.\n"
      "- C Actor plays Mark Lee, a student.\n"
      "- D Actor plays Erica Stone, the student who breaks up with Mark.\n");
  auto catherine = entity_named(r.resolution, "Catherine Park");
  auto erica = entity_named(r.resolution, "Erica Stone");
  REQUIRE(catherine);
  REQUIRE(erica);
  CHECK(entity_of(r, "his former wife", "wife") == catherine);
  CHECK(entity_of(r, "his girlfriend", "girlfriend") == erica);
}

TEST_CASE("names in parentheses after a common person noun are the actors of unnamed characters",
          "[analysis]") {
  auto r = resolve(
      "Moving Day\n| 2015Directed by: Nobody\nMain Plot\n"
      "When her parents (Diane Lake and Kyle Marsh) move the family west, Riley Anders (Kaitlyn Dias) "
      "cries at school. Riley says Kyle Marsh is tired.\n");
  CHECK(entity_named(r.resolution, "Riley Anders"));
  CHECK_FALSE(entity_named(r.resolution, "Kyle Marsh"));
  CHECK_FALSE(entity_named(r.resolution, "Diane Lake"));
}

TEST_CASE("a name before \"named\" is the verb's subject, not a noun it names", "[analysis]") {
  auto r = resolve(
      "River\n| 1989Directed by: Nobody\nMain Plot\n"
      "Years ago Rosa bore a girl whom Rosa named Lily after her mother. A farmer named Abel helps them. "
      "The farm Rosa had left burns down.\n"
      "Cast\n- A Actor plays Rosa, a former slave.\n"
      "- B Actor plays Lily, Rosa's daughter.\n"
      "- C Actor plays Abel, a farmer.\n");
  auto rosa = entity_named(r.resolution, "Rosa");
  auto lily = entity_named(r.resolution, "Lily");
  REQUIRE(rosa);
  REQUIRE(lily);
  const auto& roles = r.resolution.entities[*lily].roles;
  CHECK(std::none_of(roles.begin(), roles.end(), [](const RoleNoun& role) { return role.head == "rosa"; }));
  CHECK(entity_of(r, "The farm Rosa had", "Rosa") == rosa);
}

TEST_CASE("a family word used as a name refers to the holder of that role", "[analysis]") {
  auto r = resolve(
      "Road Trip\n| 2006Directed by: Nobody\nMain Plot\n"
      "Olive Hoover wants to compete. Grandpa coaches her routine, and Grandpa Joe drives. Dad worries.\n"
      "Cast\n- Abigail Breslin plays Olive Hoover, a seven-year-old girl.\n"
      "- Greg Kinnear plays Richard Hoover, Olive's father.\n"
      "- Alan Arkin plays Edwin Hoover, Richard's father.\n");
  auto edwin = entity_named(r.resolution, "Edwin Hoover");
  auto richard = entity_named(r.resolution, "Richard Hoover");
  REQUIRE(edwin);
  REQUIRE(richard);
  CHECK(entity_of(r, "Grandpa coaches", "Grandpa") == edwin);
  CHECK(entity_of(r, "Dad worries", "Dad") == richard);
  CHECK(entity_of(r, "Grandpa Joe", "Grandpa") != edwin);
}

TEST_CASE("a capitalised word may modify a description's noun but not be its noun", "[analysis]") {
  auto r = resolve(
      "Night Train\n| 1995Directed by: Nobody\nMain Plot\n"
      "On a train, Celine Roux, a French student, meets Jesse Vale. The student laughs. "
      "Rusty Bell, an eager Wilderness Explorer, follows them.\n");
  auto celine = entity_named(r.resolution, "Celine Roux");
  auto rusty = entity_named(r.resolution, "Rusty Bell");
  REQUIRE(celine);
  REQUIRE(rusty);
  CHECK(entity_of(r, "a French student") == celine);
  CHECK(entity_of(r, "The student laughs", "student") == celine);
  const auto& roles = r.resolution.entities[*rusty].roles;
  CHECK(std::none_of(roles.begin(), roles.end(), [](const RoleNoun& role) { return role.head == "explorer"; }));
}

TEST_CASE("another name a cast entry gives its character is the character's", "[analysis]") {
  auto r = resolve(
      "The Grid\n| 1999Directed by: Nobody\nMain Plot\n"
      "Agents question Mr. Andersen at his desk. Later Cipher wakes.\n"
      "Cast\n- A Actor plays Cipher, the hacker name of Tom Andersen, a programmer.\n");
  auto cipher = entity_named(r.resolution, "Cipher");
  REQUIRE(cipher);
  CHECK_FALSE(entity_named(r.resolution, "Tom Andersen"));
  CHECK(entity_of(r, "Mr. Andersen", "Andersen") == cipher);
}

TEST_CASE("property: resolution of random plot text stays in bounds", "[analysis][property]") {
  std::mt19937 random(7);
  const std::vector<std::string> words{"He", "she", "his", "her", "Amy", "Theodore", "Dr.", "Mr.", "the",
                                       "a", "lonely", "man", "woman", "wife", "ex-wife", "OS", "(OS)",
                                       "named", "Samantha", "kills", "marries", ",", ".", "and", "who",
                                       "protagonist", "In", "Paris", "Bob's", "friend", "\"Will\"", "calls"};
  for (int round = 0; round < 200; ++round) {
    std::string text;
    int n = static_cast<int>(random() % 60);
    for (int k = 0; k < n; ++k) text += words[random() % words.size()] + " ";
    auto r = resolve(text);
    REQUIRE(r.resolution.mentions.size() == r.story.units.size());
    for (std::size_t u = 0; u < r.story.units.size(); ++u) {
      for (const auto& m : r.resolution.mentions[u]) {
        REQUIRE(m.entity < r.resolution.entities.size());
        REQUIRE(m.first_token <= m.last_token);
        REQUIRE(m.last_token < r.resolution.tokens[u].size());
      }
    }
  }
}

TEST_CASE("a name that says no gender takes the actor's, as the weakest guess", "[analysis]") {
  auto r = resolve(
      "Deck Nine\n| 2030Directed by: Nobody\nMain Plot\n"
      "KESTREL inspects the hangar and meets ZORBO-9. He waves at her.\n"
      "Cast\n- Carla Smith voices KESTREL, a pilot.\n- Ben Burtt voices ZORBO-9, a cleaning robot.\n");
  auto kestrel = entity_named(r.resolution, "KESTREL");
  auto zorbo = entity_named(r.resolution, "ZORBO-9");
  REQUIRE(kestrel);
  REQUIRE(zorbo);
  CHECK(r.resolution.entities[*kestrel].gender == Gender::female);
  CHECK(r.resolution.entities[*zorbo].gender == Gender::male);
  CHECK(entity_of(r, "He waves", "He") == zorbo);
  CHECK(entity_of(r, "at her", "her") == kestrel);
}

TEST_CASE("an actor's gender does not make a character the one a description introduces", "[analysis]") {
  // Neither character's own name or text says a gender; only the second actor's given name is
  // on the list. The opening description still goes to the first billed, the protagonist.
  auto r = resolve(
      "Grey Rooms\n| 1999Directed by: Nobody\nMain Plot\n"
      "A restless young man cannot sleep. He walks the city at night.\n"
      "Cast\n- Kaiyo Reev plays Zed, a programmer.\n- Laurence Fisher plays Orpheon, a ship's captain.\n");
  auto zed = entity_named(r.resolution, "Zed");
  REQUIRE(zed);
  CHECK(entity_of(r, "A restless young man") == zed);
  CHECK(entity_of(r, "He walks", "He") == zed);
}

TEST_CASE("a pronoun nobody salient can take goes to the protagonist", "[analysis]") {
  auto r = resolve(
      "Scrap\n| 2008Directed by: Nobody\nMain Plot\n"
      "Centuries after the cities emptied, one small sorting robot is still at work. Every day it presses "
      "scrap into cubes. The cubes grow into towers. Dust storms come and go. The towers hold. "
      "One morning he finds a green shoot. Far away, Captain Orr wakes, and he gives an order.\n"
      "Cast\n- Ben Burtt voices ZED, the last sorting robot on Earth.\n"
      "- Jeff Garlan voices Captain Orr, the commander of a starship.\n");
  auto zed = entity_named(r.resolution, "ZED");
  auto orr = entity_named(r.resolution, "Captain Orr");
  REQUIRE(zed);
  REQUIRE(orr);
  CHECK(entity_of(r, "he finds", "he") == zed);
  // A sentence that has named someone first is left to salience.
  CHECK(entity_of(r, "he gives", "he") == orr);
}

TEST_CASE("a reflexive pronoun agrees in gender with the subject it goes back to", "[analysis]") {
  auto r = resolve(
      "Falls\n| 2001Directed by: Nobody\nMain Plot\n"
      "Mara Quinn climbs the ridge. Tom Reyes says that Mara hurt herself.\n"
      "Cast\n- Ann Lee plays Mara Quinn, a climber.\n- Bob Ray plays Tom Reyes, a mountain guide.\n");
  auto mara = entity_named(r.resolution, "Mara Quinn");
  REQUIRE(mara);
  CHECK(entity_of(r, "hurt herself", "herself") == mara);
}

TEST_CASE("a pronoun does not refer to a character named later in the clause it governs", "[analysis]") {
  auto r = resolve(
      "Mill\n| 2001Directed by: Nobody\nMain Plot\n"
      "Owen Hale buys the old mill. Pete Marsh sells him the land, and he drives to the city to confront Owen. "
      "Owen greets him warmly. Later he introduces himself to the town as Owen.\n"
      "Cast\n- Al Bert plays Owen Hale, a miller.\n- Cy Dale plays Pete Marsh, a farmer.\n");
  auto owen = entity_named(r.resolution, "Owen Hale");
  auto pete = entity_named(r.resolution, "Pete Marsh");
  REQUIRE(owen);
  REQUIRE(pete);
  CHECK(entity_of(r, "he drives", "he") == pete);
  // A name after "as" or a copula says what the pronoun is, not whom it governs.
  CHECK(entity_of(r, "he introduces", "he") == owen);
}

TEST_CASE("a reflexive pronoun goes back to the nearest agreeing character of its own clause", "[analysis]") {
  auto r = resolve(
      "Order\n| 2001Directed by: Nobody\nMain Plot\n"
      "Ray Moss calls a meeting. He nominates Lou Park, and Lou reveals himself to the group. "
      "Lou shoots Ray before turning the gun on himself.\n"
      "Cast\n- Al Bert plays Ray Moss, a banker.\n- Cy Dale plays Lou Park, a clerk.\n");
  auto lou = entity_named(r.resolution, "Lou Park");
  REQUIRE(lou);
  CHECK(entity_of(r, "reveals himself", "himself") == lou);
  // An adverbial clause belongs to the sentence's subject.
  CHECK(entity_of(r, "on himself", "himself") == lou);
}

TEST_CASE("a very long sentence of pronouns and names stays linear", "[analysis][pathological]") {
  // Each pronoun looks ahead for the names it governs; kMaxBindingDomain keeps that look-ahead
  // short in a sentence with no comma to end it.
  std::string text = "Owen Hale (Al Bert) meets Pete Marsh (Cy Dale)";
  for (int i = 0; i < 5000; ++i) text += " and he waits for Pete";
  auto r = resolve(text + ".\n");
  auto owen = entity_named(r.resolution, "Owen Hale");
  REQUIRE(owen);
  CHECK(entity_of(r, "he waits") == owen);
}

TEST_CASE("a capitalised word right after a possessive is a possessed thing, not a person", "[analysis]") {
  auto r = resolve(
      "Milo waits on the bridge. Their Corvair stalls in the rain. Later his Corvair dies for good. "
      "Alan's father's Buick rolls away, and Alan's Buick floats down the river.\n");
  CHECK_FALSE(entity_named(r.resolution, "Corvair"));
  CHECK_FALSE(entity_named(r.resolution, "Buick"));
}

TEST_CASE("the plural of a surname names a family, not a character", "[analysis]") {
  auto r = resolve(
      "Title\n| 1956Directed by: Nobody\nMain Plot\n"
      "Ethan rides to the ranch, where the Lindqvists' daughter Laurie waits. The Lindqvists feed him.\n"
      "Cast\n- A Actor plays Ethan Cole, a veteran.\n- B Actor plays Laurie Lindqvist, a young woman.\n");
  CHECK(entity_named(r.resolution, "Laurie Lindqvist"));
  CHECK_FALSE(entity_named(r.resolution, "Lindqvists"));
}

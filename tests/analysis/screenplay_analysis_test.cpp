// analyze_screenplay: characters from speakers, presence from action names, silent
// introductions, scenes, relationships with exchanges and evidence.
#include <algorithm>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "analysis/screenplay_analysis.h"
#include "screenplay/read_screenplay.h"
#include "screenplay/screenplay_story.h"

using namespace filmscope;

namespace {

Analysis analyze_fountain(const std::string& text) {
  std::optional<ScreenplayDocument> document = read_screenplay(text, InputFormat::fountain);
  REQUIRE(document);
  SourceInfo source;
  source.format = InputFormat::fountain;
  return analyze_screenplay(story_from_screenplay(*document), source);
}

const Character* find(const Analysis& analysis, const std::string& id) {
  for (const auto& c : analysis.characters)
    if (c.id == id) return &c;
  return nullptr;
}

const Relationship* relation(const Analysis& analysis, const std::string& a, const std::string& b) {
  for (const auto& r : analysis.relationships)
    if (r.source == std::min(a, b) && r.target == std::max(a, b)) return &r;
  return nullptr;
}

std::vector<std::string> ids(const Analysis& analysis) {
  std::vector<std::string> out;
  for (const auto& c : analysis.characters) out.push_back(c.id);
  return out;
}

// Line numbers below count from 1 at "Title:".
const std::string kScript =
    "Title: Test Fish\n"                                  // 1
    "\n"                                                  // 2
    "INT. DINER - NIGHT\n"                                // 3
    "\n"                                                  // 4
    "EDWARD BLOOM, 40s, sits. Will waits outside.\n"      // 5
    "\n"                                                  // 6
    "EDWARD BLOOM (V.O.)\n"                               // 7
    "I was there when it happened.\n"                     // 8
    "\n"                                                  // 9
    "SANDRA\n"                                            // 10
    "No you were not.\n"                                  // 11
    "\n"                                                  // 12
    "EDWARD BLOOM (CONT'D)\n"                             // 13
    "I was.\n"                                            // 14
    "\n"                                                  // 15
    "EXT. RIVER - DAY\n"                                  // 16
    "\n"                                                  // 17
    "Young Edward swims. He will go far. JENNY, 20s, watches.\n"  // 18
    "\n"                                                  // 19
    "YOUNG EDWARD\n"                                      // 20
    "Cold!\n"                                             // 21
    "\n"                                                  // 22
    "SANDRA'S VOICE\n"                                    // 23
    "Come home.\n"                                        // 24
    "\n"                                                  // 25
    "A loud BANG, then silence.\n"                        // 26
    "\n"                                                  // 27
    "INT. BLOOM HOUSE - NIGHT\n"                          // 28
    "\n"                                                  // 29
    "Jenny knocks. WILL opens.\n"                         // 30
    "\n"                                                  // 31
    "@Edward Bloom\n"                                     // 32
    "Hello.\n"                                            // 33
    "\n"                                                  // 34
    "WILL\n"                                              // 35
    "Dad.\n"                                              // 36
    "\n"                                                  // 37
    "EDWARD BLOOM\n"                                      // 38
    "Son.\n";                                             // 39

}  // namespace

TEST_CASE("one character per speaker, cue variants merged", "[screenplay-analysis]") {
  Analysis analysis = analyze_fountain(kScript);
  const Character* edward = find(analysis, "edward-bloom");
  REQUIRE(edward);
  CHECK(edward->name == "Edward Bloom");
  CHECK(edward->dialogue_blocks == 4);
  CHECK(edward->dialogue_words == 6 + 2 + 1 + 1);
  CHECK(edward->aliases ==
        std::vector<std::string>{"EDWARD BLOOM (V.O.)", "EDWARD BLOOM (CONT'D)", "Edward Bloom", "EDWARD BLOOM"});
  CHECK(edward->speaking_scenes == 2);
  CHECK(edward->first_scene == 1);
  CHECK(edward->last_scene == 3);
  // "SANDRA'S VOICE" is Sandra; "YOUNG EDWARD" is a part of its own.
  const Character* sandra = find(analysis, "sandra");
  REQUIRE(sandra);
  CHECK(sandra->dialogue_blocks == 2);
  CHECK(sandra->aliases == std::vector<std::string>{"SANDRA", "SANDRA'S VOICE"});
  CHECK(sandra->gender == Gender::female);
  REQUIRE(find(analysis, "young-edward"));
  CHECK(find(analysis, "young-edward")->dialogue_blocks == 1);
  // Ordered by speeches, then name.
  CHECK(ids(analysis) == std::vector<std::string>{"edward-bloom", "sandra", "will", "young-edward", "jenny"});
}

TEST_CASE("mentions: one per speech, one per name in the action", "[screenplay-analysis]") {
  Analysis analysis = analyze_fountain(kScript);
  const Character* edward = find(analysis, "edward-bloom");
  REQUIRE(edward);
  std::vector<std::size_t> lines;
  for (const auto& m : edward->mentions) lines.push_back(m.line);
  // The capitalised introduction on line 5 is a name; "Young Edward" on line 18 is not Edward.
  CHECK(lines == std::vector<std::size_t>{5, 7, 13, 32, 38});
  CHECK(edward->mentions[0].text == "EDWARD BLOOM");
  CHECK(edward->mentions[0].scene == 1);
  CHECK(edward->mentions[1].text == "EDWARD BLOOM (V.O.)");
}

TEST_CASE("presence: named in the action with a capital, not a common word", "[screenplay-analysis]") {
  Analysis analysis = analyze_fountain(kScript);
  const Character* will = find(analysis, "will");
  REQUIRE(will);
  // Named in scene 1 ("Will waits"), speaks in scene 3; "He will go far" in scene 2 is a verb.
  CHECK(will->present_scenes == 2);
  CHECK(will->speaking_scenes == 1);
  CHECK(will->first_scene == 1);
  REQUIRE(analysis.scenes.size() == 3);
  CHECK(analysis.scenes[0].characters == std::vector<std::string>{"edward-bloom", "will", "sandra"});
  CHECK(analysis.scenes[0].speakers == std::vector<std::string>{"edward-bloom", "sandra"});
  CHECK(std::find(analysis.scenes[1].characters.begin(), analysis.scenes[1].characters.end(), "will") ==
        analysis.scenes[1].characters.end());
  CHECK(std::find(analysis.scenes[1].characters.begin(), analysis.scenes[1].characters.end(), "edward-bloom") ==
        analysis.scenes[1].characters.end());
}

TEST_CASE("silent characters need a capitalised introduction and two scenes", "[screenplay-analysis]") {
  Analysis analysis = analyze_fountain(kScript);
  const Character* jenny = find(analysis, "jenny");
  REQUIRE(jenny);
  CHECK(jenny->dialogue_blocks == 0);
  CHECK(jenny->present_scenes == 2);
  CHECK(jenny->aliases == std::vector<std::string>{"JENNY"});
  CHECK(jenny->gender == Gender::female);
  CHECK(find(analysis, "bang") == nullptr);

  // Introduced once and never named again: not a character.
  Analysis once = analyze_fountain("INT. ROOM - DAY\n\nMARTHA, 60s, dusts.\n\nBOB\nHi.\n\nEXT. YARD - DAY\n\nBOB\nBye.\n");
  CHECK(ids(once) == std::vector<std::string>{"bob"});
}

TEST_CASE("scenes carry heading, setting, counts", "[screenplay-analysis]") {
  Analysis analysis = analyze_fountain(kScript);
  REQUIRE(analysis.scenes.size() == 3);
  const Scene& diner = analysis.scenes[0];
  CHECK(diner.index == 1);
  CHECK(diner.heading == std::optional<std::string>("INT. DINER - NIGHT"));
  REQUIRE(diner.setting);
  CHECK(diner.setting->setting == "INT");
  CHECK(diner.setting->location == "DINER");
  CHECK(diner.setting->time_of_day == "NIGHT");
  CHECK(diner.lines.first == 3);
  CHECK(diner.lines.last == 14);
  CHECK(diner.dialogue_blocks == 3);
  CHECK(diner.dialogue_words == 6 + 4 + 2);
  CHECK(diner.action_words == 7);
  REQUIRE(analysis.stats);
  CHECK(analysis.stats->scenes == 3);
  CHECK(analysis.film.title == "Test Fish");
}

TEST_CASE("relationships: shared scenes, speaking scenes, exchanges, evidence", "[screenplay-analysis]") {
  Analysis analysis = analyze_fountain(kScript);
  const Relationship* edward_sandra = relation(analysis, "edward-bloom", "sandra");
  REQUIRE(edward_sandra);
  CHECK(edward_sandra->shared_scenes == 1);
  CHECK(edward_sandra->shared_speaking_scenes == 1);
  CHECK(edward_sandra->exchanges == 2);  // Edward → Sandra → Edward
  CHECK(edward_sandra->weight == 1.0);
  CHECK(edward_sandra->kinds.empty());
  REQUIRE(edward_sandra->evidence.size() == 1);
  CHECK(edward_sandra->evidence[0].scene == 1);
  CHECK(edward_sandra->evidence[0].line == 7);
  CHECK(edward_sandra->evidence[0].text == "INT. DINER - NIGHT: EDWARD BLOOM: I was there when it happened.");

  const Relationship* edward_will = relation(analysis, "edward-bloom", "will");
  REQUIRE(edward_will);
  CHECK(edward_will->shared_scenes == 2);           // scene 1 (Will named), scene 3 (both speak)
  CHECK(edward_will->shared_speaking_scenes == 1);
  CHECK(edward_will->exchanges == 2);
  REQUIRE(edward_will->evidence.size() == 2);
  CHECK(edward_will->evidence[0].scene == 1);
  CHECK(edward_will->evidence[0].text == "INT. DINER - NIGHT");
  CHECK(edward_will->evidence[1].scene == 3);
  CHECK(edward_will->evidence[1].line == 32);

  // Jenny (silent) meets Will in scene 3, Young Edward and Sandra in scene 2.
  CHECK(relation(analysis, "jenny", "will"));
  CHECK(relation(analysis, "jenny", "young-edward"));
  CHECK(relation(analysis, "jenny", "young-edward")->exchanges == 0);
  // Relationships come strongest first and the graph metrics are filled.
  CHECK(analysis.relationships.front().weight >= analysis.relationships.back().weight);
  CHECK(analysis.graph.nodes == analysis.characters.size());
  CHECK(analysis.graph.edges == analysis.relationships.size());
}

TEST_CASE("speaker keys ignore full stops and curly apostrophes", "[screenplay-analysis]") {
  Analysis analysis = analyze_fountain(
      "INT. LAB - DAY\n\nDR. NO\nWelcome.\n\nDR NO\nSit.\n\nJOHN\xE2\x80\x99S MOTHER\nHi.\n\nJOHN'S MOTHER\nBye.\n");
  REQUIRE(analysis.characters.size() == 2);
  CHECK(analysis.characters[0].name == "Dr. No");
  CHECK(analysis.characters[0].id == "dr-no");
  CHECK(analysis.characters[0].dialogue_blocks == 2);
  CHECK(analysis.characters[1].name == "John\xE2\x80\x99s Mother");
  CHECK(analysis.characters[1].dialogue_blocks == 2);
}

TEST_CASE("a screenplay without scenes gives an empty analysis", "[screenplay-analysis]") {
  Analysis analysis = analyze_fountain("");
  CHECK(analysis.scenes.empty());
  CHECK(analysis.characters.empty());
  REQUIRE(analysis.stats);
  CHECK(analysis.stats->scenes == 0);
  CHECK(analysis.stats->dialogue_ratio == 0.0);
}

TEST_CASE("a pair's joining text is its exchanges and the action naming either", "[screenplay]") {
  const Analysis analysis = analyze_fountain(
      "INT. KITCHEN - NIGHT\n\n"
      "ANNA and BEN cook. CARL and DORA argue by the door.\n\n"
      "The kettle boils.\n\n"
      "ANNA\nThis is lovely.\n\n"
      "BEN\nIt really is.\n\n"
      "CARL\nYou ruined everything.\n\n"
      "DORA\nI hate you.\n\n"
      "Ben hugs Anna.\n\n"
      "INT. HALL - NIGHT\n\n"
      "Anna waits.\n\n"
      "ANNA\nBen?\n\n"
      "BEN\nHere.\n");
  const Relationship* anna_ben = relation(analysis, "anna", "ben");
  const Relationship* carl_dora = relation(analysis, "carl", "dora");
  REQUIRE(anna_ben);
  REQUIRE(carl_dora);
  REQUIRE(anna_ben->joining.size() == 2);
  auto joined = [&](const Relationship& r, std::size_t k) {
    const Scene& scene = analysis.scenes[r.joining[k].scene - 1];
    std::string text;
    for (const auto& [begin, end] : r.joining[k].ranges) text += "[" + scene.text.substr(begin, end - begin) + "]";
    return text;
  };
  // Scene 1: their speeches and the action lines naming them; not the kettle, not the others'
  // quarrel.
  CHECK(joined(*anna_ben, 0) ==
        "[ANNA and BEN cook. CARL and DORA argue by the door.][This is lovely.][It really is.][Ben hugs Anna.]");
  CHECK(joined(*carl_dora, 0) ==
        "[ANNA and BEN cook. CARL and DORA argue by the door.][You ruined everything.][I hate you.]");
  // Scene 2 has only the two of them: all of its action counts.
  CHECK(joined(*anna_ben, 1) == "[Anna waits.][Ben?][Here.]");
  // Characters who share the scene without a speech next to each other's have no speeches in it.
  const Relationship* anna_dora = relation(analysis, "anna", "dora");
  REQUIRE(anna_dora);
  CHECK(joined(*anna_dora, 0) == "[ANNA and BEN cook. CARL and DORA argue by the door.][Ben hugs Anna.]");
}

TEST_CASE("names in the action: any case after the first word, non-ASCII, across lines",
          "[screenplay-analysis]") {
  const Analysis analysis = analyze_fountain(
      "INT. STUDIO - DAY\n\n"
      "Edward bloom waves. Zo\xC3\xAB\xE2\x80\x99s coat hangs there. ZO\xC3\x8B nods to Edward\n"
      "Bloom, and edward Bloom leaves.\n\n"
      "EDWARD BLOOM\nHello.\n\n"
      "ZO\xC3\x8B\nHi.\n");
  const Character* edward = find(analysis, "edward-bloom");
  const Character* zoe = find(analysis, "zoe");
  REQUIRE(edward);
  REQUIRE(zoe);
  std::vector<std::string> texts;
  for (const auto& m : edward->mentions) texts.push_back(m.text);
  // "edward Bloom" starts with a lower-case word, so it names no one; the name split by the
  // line break is one mention on the line where it starts, its white space collapsed.
  CHECK(texts == std::vector<std::string>{"Edward bloom", "Edward Bloom", "EDWARD BLOOM"});
  CHECK(edward->mentions[1].line == 3);
  texts.clear();
  for (const auto& m : zoe->mentions) texts.push_back(m.text);
  CHECK(texts == std::vector<std::string>{"Zo\xC3\xAB", "ZO\xC3\x8B", "ZO\xC3\x8B"});
  CHECK(zoe->name == "Zo\xC3\xAB");
}

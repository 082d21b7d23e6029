#include <catch2/catch.hpp>

#include <chrono>
#include <string>

#include "screenplay/fdx_reader.h"
#include "screenplay/screenplay_story.h"

using namespace filmscope;

namespace {
const char* kSample = R"(<?xml version="1.0" encoding="UTF-8" standalone="no" ?>
<FinalDraft DocumentType="Script" Template="No" Version="4">
  <Content>
    <Paragraph Type="Scene Heading" Number="12A">
      <SceneProperties Length="1 3/8" Page="1" Title=""/>
      <Text>INT. DINER - NIGHT</Text>
    </Paragraph>
    <Paragraph Type="Action">
      <Text>Edward </Text><Text Style="Bold">eats</Text><Text> &amp; waits.</Text>
    </Paragraph>
    <Paragraph Type="Character">
      <Text>EDWARD (V.O.)</Text>
    </Paragraph>
    <Paragraph Type="Parenthetical">
      <Text>(softly)</Text>
    </Paragraph>
    <Paragraph Type="Dialogue">
      <Text>Hello.</Text>
    </Paragraph>
    <Paragraph Type="General">
      <DualDialogue>
        <Paragraph Type="Character"><Text>STEEL</Text></Paragraph>
        <Paragraph Type="Dialogue"><Text>Screw retirement.</Text></Paragraph>
        <Paragraph Type="Character"><Text>BRICK</Text></Paragraph>
        <Paragraph Type="Dialogue"><Text>Screw retirement.</Text></Paragraph>
      </DualDialogue>
      <Text></Text>
    </Paragraph>
    <Paragraph Type="Shot"><Text>ANGLE ON THE DOOR</Text></Paragraph>
    <Paragraph Type="New Act"><Text>ACT TWO</Text></Paragraph>
    <Paragraph Type="Transition"><Text>CUT TO:</Text></Paragraph>
  </Content>
  <TitlePage>
    <Content>
      <Paragraph Alignment="Center"><Text>Big Fish</Text></Paragraph>
      <Paragraph Alignment="Center"><Text></Text></Paragraph>
      <Paragraph Alignment="Center"><Text>written by</Text></Paragraph>
      <Paragraph Alignment="Center"><Text>John August</Text></Paragraph>
    </Content>
  </TitlePage>
</FinalDraft>
)";
}  // namespace

TEST_CASE("fdx paragraphs become elements at their source lines", "[fdx]") {
  ScreenplayDocument doc = read_fdx(kSample);
  REQUIRE(doc.diagnostics.empty());
  REQUIRE(doc.elements.size() >= 11);
  const Element& heading = doc.elements[0];
  CHECK(heading.kind == ElementKind::scene_heading);
  CHECK(heading.lines.first == 4);
  CHECK(heading.lines.last == 7);
  CHECK(heading.scene_number == "12A");
  CHECK(heading.eighths == Approx(11.0));
  CHECK(doc.elements[1].text == "Edward eats & waits.");
  CHECK(doc.elements[1].lines.first == 8);
  CHECK(doc.line_kinds[8 - 1] == ElementKind::action);
  CHECK(doc.line_kinds[3 - 1] == ElementKind::blank);
  CHECK(doc.elements[2].kind == ElementKind::character);
  CHECK(doc.elements[3].kind == ElementKind::parenthetical);
  CHECK(doc.elements[5].text == "STEEL");
  CHECK_FALSE(doc.elements[5].dual);
  CHECK(doc.elements[7].text == "BRICK");
  CHECK(doc.elements[7].dual);
  CHECK(doc.elements[9].kind == ElementKind::action);   // Shot
  CHECK(doc.elements[10].kind == ElementKind::section); // New Act
  CHECK(doc.elements[11].kind == ElementKind::transition);
  REQUIRE(doc.title_page.size() == 3);
  CHECK(doc.title_page[0] == std::pair<std::string, std::string>{"Title", "Big Fish"});
  CHECK(doc.title_page[2] == std::pair<std::string, std::string>{"Author", "John August"});
}

TEST_CASE("fdx story credits both dual speakers", "[fdx][story]") {
  Story story = story_from_screenplay(read_fdx(kSample));
  CHECK(story.film.title == "Big Fish");
  CHECK(story.film.writers == std::vector<std::string>{"John August"});
  REQUIRE(!story.units.empty());
  const NarrativeUnit& unit = story.units[0];
  REQUIRE(unit.setting);
  CHECK(unit.setting->eighths == Approx(11.0));
  CHECK(unit.setting->number == "12A");
  REQUIRE(unit.dialogue.size() == 3);
  CHECK(unit.dialogue[0].speaker == "EDWARD");
  CHECK(unit.dialogue[0].text == "Hello.");
  CHECK(unit.dialogue[1].speaker == "STEEL");
  CHECK(unit.dialogue[2].speaker == "BRICK");
  CHECK(unit.dialogue[2].dual);
}

TEST_CASE("fdx entity declarations are refused quickly", "[fdx][pathological]") {
  std::string laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n";
  laughs += " <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n";
  for (int i = 2; i <= 9; ++i) {
    std::string prev = "&lol" + std::to_string(i - 1) + ";";
    std::string body;
    for (int k = 0; k < 10; ++k) body += prev;
    laughs += " <!ENTITY lol" + std::to_string(i) + " \"" + body + "\">\n";
  }
  laughs += "]>\n<FinalDraft><Content><Paragraph Type=\"Action\"><Text>&lol9;</Text></Paragraph></Content></FinalDraft>\n";
  auto start = std::chrono::steady_clock::now();
  ScreenplayDocument doc = read_fdx(laughs);
  CHECK(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() < 1.0);
  CHECK(doc.elements.empty());
  REQUIRE(doc.diagnostics.size() == 1);
  CHECK(doc.diagnostics[0].severity == Severity::error);
  CHECK(doc.diagnostics[0].code == "fdx-entity-declaration");
}

TEST_CASE("malformed fdx is a diagnostic, not a crash", "[fdx]") {
  ScreenplayDocument doc = read_fdx("<FinalDraft>\n<Content>\n<Paragraph Type=\"Action\"><Text>x</Paragraph>\n");
  REQUIRE_FALSE(doc.diagnostics.empty());
  CHECK(doc.diagnostics[0].code == "fdx-xml-malformed");
  CHECK(doc.diagnostics[0].line == 3);
  CHECK(read_fdx("<other/>").diagnostics.at(0).code == "fdx-not-final-draft");
}

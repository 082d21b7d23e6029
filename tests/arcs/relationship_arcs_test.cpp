// Relationship arcs on hand-built analyses: which scenes become points, positions,
// interaction, event-adjusted valence, implicit partners, and the shape and turns that follow.
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "arcs/relationship_arcs.h"

using filmscope::Analysis;
using filmscope::Relationship;
using filmscope::Scene;

namespace {

Scene scene(std::size_t index, std::vector<std::string> characters, std::string text, double valence,
            bool cast = false) {
  Scene s;
  s.index = index;
  s.characters = std::move(characters);
  s.text = std::move(text);
  s.valence = valence;
  s.cast_description = cast;
  return s;
}

Relationship pair(std::string source, std::string target, std::vector<std::string> kinds) {
  Relationship r;
  r.source = std::move(source);
  r.target = std::move(target);
  r.kinds = std::move(kinds);
  return r;
}

}  // namespace

TEST_CASE("points are the narrative scenes both share; cast descriptions are skipped", "[arcs][relationship]") {
  Analysis a;
  a.scenes = {scene(1, {"ann", "bob"}, "Ann meets Bob.", 0.2),
              scene(2, {"ann", "bob"}, "Ann, Bob's old friend.", 0.9, true),
              scene(3, {"ann"}, "Ann walks alone.", 0.0),
              scene(4, {"bob", "ann"}, "Bob and Ann laugh.", 0.6),
              scene(5, {"bob", "ann"}, "Bob and Ann argue bitterly.", -0.4)};
  a.relationships = {pair("ann", "bob", {"friendship"})};
  a.relationships[0].evidence = {{4, 0, "Bob and Ann laugh.", "friendship"}, {4, 0, "x", ""}};
  filmscope::apply_relationship_arcs(a);
  REQUIRE(a.relationships[0].arc);
  const auto& arc = *a.relationships[0].arc;
  REQUIRE(arc.points.size() == 3);
  CHECK(arc.points[0].scene == 1);
  CHECK(arc.points[1].scene == 4);
  CHECK(arc.points[2].scene == 5);
  // Four narrative scenes (1, 3, 4, 5): positions 0, 2/3, 1.
  CHECK(arc.points[0].position == Approx(0.0));
  CHECK(arc.points[1].position == Approx(2.0 / 3.0));
  CHECK(arc.points[2].position == Approx(1.0));
  // Synopsis interaction: 1 + typed evidence in that scene (the untyped one does not count).
  CHECK(arc.points[0].interaction == Approx(1.0));
  CHECK(arc.points[1].interaction == Approx(2.0));
  // "argue" applies to friendship: -0.4 - 0.3.
  CHECK(arc.points[2].valence == Approx(-0.7));
  CHECK(arc.shape == "rise-then-fall");
  REQUIRE(!arc.turning_points.empty());
  CHECK(arc.turning_points.back().scene == 5);
  CHECK(arc.turning_points.back().text == "Bob and Ann argue bitterly.");
  CHECK(arc.turning_points.back().change < 0.0);
}

TEST_CASE("a pair that shares no narrative scene has no arc", "[arcs][relationship]") {
  Analysis a;
  a.scenes = {scene(1, {"ann", "bob"}, "Ann, Bob's sister.", 0.3, true), scene(2, {"ann"}, "Ann leaves.", -0.2)};
  a.relationships = {pair("ann", "bob", {"work"})};
  filmscope::apply_relationship_arcs(a);
  CHECK_FALSE(a.relationships[0].arc);
}

TEST_CASE("an implicit partner point needs a partner-implying event with one candidate", "[arcs][relationship]") {
  Analysis a;
  a.scenes = {scene(1, {"tom"}, "Tom is going through a painful divorce.", -0.5),
              scene(2, {"tom", "sue"}, "Tom meets Sue.", 0.3),
              scene(3, {"tom"}, "Tom is heartbroken.", -0.4),
              scene(4, {"tom", "kay"}, "Tom writes to Kay with gratitude.", 0.5)};
  a.relationships = {pair("kay", "tom", {"former-spouse"}), pair("sue", "tom", {"romance"})};
  filmscope::apply_relationship_arcs(a);
  REQUIRE(a.relationships[0].arc);
  const auto& former = *a.relationships[0].arc;
  // Scene 1 joins the former spouse (the only relationship "divorce" applies to); scene 3 does
  // not, because "heartbroken" applies to both the former spouse and the romance.
  REQUIRE(former.points.size() == 2);
  CHECK(former.points[0].scene == 1);
  CHECK(former.points[0].interaction == Approx(1.0));
  CHECK(former.points[0].valence == Approx(-1.0));  // -0.5 - 0.5
  CHECK(former.points[1].scene == 4);
  CHECK(former.points[1].valence == Approx(0.9));  // 0.5 + 0.4 (gratitude)
  CHECK(former.shape == "rising");
  REQUIRE(a.relationships[1].arc);
  CHECK(a.relationships[1].arc->points.size() == 1);
  CHECK(a.relationships[1].arc->shape == "flat");
}

TEST_CASE("an untyped pair gets no implicit points", "[arcs][relationship]") {
  Analysis a;
  a.scenes = {scene(1, {"tom"}, "Tom leaves.", 0.0), scene(2, {"tom", "sue"}, "Tom and Sue talk.", 0.0)};
  a.relationships = {pair("sue", "tom", {})};
  filmscope::apply_relationship_arcs(a);
  REQUIRE(a.relationships[0].arc);
  CHECK(a.relationships[0].arc->points.size() == 1);
}

TEST_CASE("screenplay interaction is the fewer of the two characters' mentions in the scene", "[arcs][relationship]") {
  Analysis a;
  a.source.format = filmscope::InputFormat::fountain;
  a.scenes = {scene(1, {"ann", "bob"}, "ANN\nHello.\nBOB\nHi.\nANN\nBye.", 0.1)};
  filmscope::Character ann, bob;
  ann.id = "ann";
  bob.id = "bob";
  ann.mentions = {{1, 1, 0, "ANN", filmscope::MentionKind::name}, {1, 5, 0, "ANN", filmscope::MentionKind::name}};
  bob.mentions = {{1, 3, 0, "BOB", filmscope::MentionKind::name}};
  a.characters = {ann, bob};
  a.relationships = {pair("ann", "bob", {})};
  filmscope::apply_relationship_arcs(a);
  REQUIRE(a.relationships[0].arc);
  CHECK(a.relationships[0].arc->points[0].interaction == Approx(1.0));
  a.characters[1].mentions.push_back({1, 4, 0, "Bob", filmscope::MentionKind::name});
  filmscope::apply_relationship_arcs(a);
  CHECK(a.relationships[0].arc->points[0].interaction == Approx(2.0));
}

TEST_CASE("a screenplay pair's point reads the sentences that join the two, and its turn quotes one",
          "[arcs][relationship]") {
  Analysis a;
  a.source.format = filmscope::InputFormat::fountain;
  // Scene 2: the pair's warm words among another pair's quarrel; the scene as a whole is sour.
  const std::string warm = "This is lovely.";
  const std::string sour = "You ruined everything and I hate you.";
  a.scenes = {scene(1, {"ann", "bob"}, "Ann sits.", 0.0), scene(2, {"ann", "bob", "cal", "dot"}, warm + " " + sour, -0.5)};
  a.scenes[0].sentences = std::vector<filmscope::SceneSentence>{{0, 9, 0.0}};
  a.scenes[1].sentences = std::vector<filmscope::SceneSentence>{{0, warm.size(), 0.6}, {warm.size() + 1, sour.size(), -0.8}};
  a.relationships = {pair("ann", "bob", {}), pair("cal", "dot", {})};
  a.relationships[0].joining = {{1, {{0, 9}}}, {2, {{0, warm.size()}}}};
  // Cal and Dot's joining text is their quarrel.
  a.relationships[1].joining = {{2, {{warm.size() + 1, warm.size() + 1 + sour.size()}}}};
  filmscope::apply_relationship_arcs(a);
  REQUIRE(a.relationships[0].arc);
  const auto& warm_arc = *a.relationships[0].arc;
  REQUIRE(warm_arc.points.size() == 2);
  CHECK(warm_arc.points[1].valence == Approx(0.6));  // not the scene's -0.5
  REQUIRE(warm_arc.turning_points.size() == 1);
  CHECK(warm_arc.turning_points[0].text == warm);
  REQUIRE(a.relationships[1].arc);
  CHECK(a.relationships[1].arc->points[0].valence == Approx(-0.8));
  // Without joining text (a pair found some other way), the scene's valence.
  a.relationships[0].joining.clear();
  filmscope::apply_relationship_arcs(a);
  CHECK(a.relationships[0].arc->points[1].valence == Approx(-0.5));
}

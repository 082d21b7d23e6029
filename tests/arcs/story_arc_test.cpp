// Story and character arcs on hand-built analyses, then on real synopses: the Her acceptance
// (../shared/her.txt), determinism, and the corpus expectations' "arcs" entries.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <map>
#include <numbers>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "analysis/tone_analysis.h"
#include "arcs/apply_arcs.h"
#include "arcs/story_arc.h"
#include "export/json_export.h"
#include "export/text_summary.h"
#include "pipeline/analyze.h"
#include "support/test_paths.h"

namespace fs = std::filesystem;
using filmscope::Analysis;
using filmscope::Scene;

namespace {

Analysis story_with_valences(const std::vector<double>& valences) {
  Analysis a;
  for (std::size_t i = 0; i < valences.size(); ++i) {
    Scene s;
    s.index = i + 1;
    s.text = "Scene " + std::to_string(i + 1) + ".";
    s.valence = valences[i];
    s.characters = {"hero"};
    if (i % 3 == 0) s.characters.push_back("friend");
    a.scenes.push_back(s);
  }
  return a;
}

std::vector<double> sampled(double (*f)(double), std::size_t n) {
  std::vector<double> out;
  for (std::size_t i = 0; i < n; ++i) out.push_back(f(static_cast<double>(i) / static_cast<double>(n - 1)));
  return out;
}

Analysis analyse(const fs::path& path) {
  auto result = filmscope::analyze_file(path, {});
  REQUIRE(result.analysis);
  filmscope::apply_themes_and_valence(*result.analysis);
  filmscope::apply_arcs(*result.analysis);
  return std::move(*result.analysis);
}

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// The corpus test's name rule: case-insensitive, a leading "the " and full stops ignored.
std::string name_key(std::string_view name) {
  std::string key = lower(name);
  if (key.rfind("the ", 0) == 0) key.erase(0, 4);
  key.erase(std::remove(key.begin(), key.end(), '.'), key.end());
  return key;
}

const filmscope::Character* find_character(const Analysis& a, std::string_view name) {
  for (const auto& c : a.characters)
    if (name_key(c.name) == name_key(name)) return &c;
  for (const auto& c : a.characters)
    for (const auto& alias : c.aliases)
      if (name_key(alias) == name_key(name)) return &c;
  return nullptr;
}

const filmscope::Relationship* find_pair(const Analysis& a, std::string_view x, std::string_view y) {
  const auto* cx = find_character(a, x);
  const auto* cy = find_character(a, y);
  if (!cx || !cy) return nullptr;
  for (const auto& r : a.relationships)
    if ((r.source == cx->id && r.target == cy->id) || (r.source == cy->id && r.target == cx->id)) return &r;
  return nullptr;
}

// The expectation files say "rise" and "fall" where the analysis says "rising" and "falling".
std::string relationship_shape_name(const std::string& expected) {
  if (expected == "rise") return "rising";
  if (expected == "fall") return "falling";
  return expected;
}

constexpr double kPi = std::numbers::pi;

}  // namespace

TEST_CASE("the story arc follows the scene valences and names the Reagan shape", "[arcs][story]") {
  auto a = story_with_valences(sampled([](double t) { return 0.5 * std::cos(2 * kPi * t); }, 30));
  filmscope::apply_arcs(a);
  REQUIRE(a.arc);
  CHECK(a.arc->shape == "man-in-a-hole");
  CHECK(a.arc->fit > 0.9);
  CHECK(a.arc->points.size() == 30);
  CHECK(a.arc->curve.size() == filmscope::kArcCurvePoints);
  CHECK(a.arc->points.front().position == Approx(0.0));
  CHECK(a.arc->points.back().position == Approx(1.0));
  CHECK(a.arc->points[0].interaction == Approx(2.0));  // hero and friend
  // The valley is the one turn of the smoothed series, near the middle.
  REQUIRE(!a.arc->turning_points.empty());
  bool middle = false;
  for (const auto& t : a.arc->turning_points) middle = middle || (t.scene >= 13 && t.scene <= 18 && t.change > 0);
  CHECK(middle);

  auto falling = story_with_valences(sampled([](double t) { return 0.6 - t; }, 12));
  filmscope::apply_arcs(falling);
  CHECK(falling.arc->shape == "riches-to-rags");
  auto quiet = story_with_valences(std::vector<double>(10, 0.1));
  filmscope::apply_arcs(quiet);
  CHECK(quiet.arc->shape == "flat");
}

TEST_CASE("story arcs skip cast descriptions; an empty story has none", "[arcs][story]") {
  auto a = story_with_valences({0.0, 0.9, -0.9, 0.5});
  a.scenes[1].cast_description = true;
  REQUIRE(filmscope::story_arc(a));
  const auto arc = *filmscope::story_arc(a);
  REQUIRE(arc.points.size() == 3);
  CHECK(arc.points[1].scene == 3);
  CHECK(arc.points[1].position == Approx(0.5));
  CHECK_FALSE(filmscope::story_arc(Analysis{}));
}

TEST_CASE("character arcs cover the scenes the character is in", "[arcs][story]") {
  auto a = story_with_valences(sampled([](double t) { return -0.5 + t; }, 12));
  filmscope::Character hero, friend_;
  hero.id = "hero";
  friend_.id = "friend";
  a.characters = {hero, friend_};
  filmscope::apply_arcs(a);
  REQUIRE(a.characters[0].arc);
  CHECK(a.characters[0].arc->points.size() == 12);
  CHECK(a.characters[0].arc->shape == "rags-to-riches");
  REQUIRE(a.characters[1].arc);  // scenes 1, 4, 7, 10
  CHECK(a.characters[1].arc->points.size() == 4);
  CHECK(a.characters[1].arc->points[1].scene == 4);
  CHECK(a.characters[1].arc->points[1].interaction == Approx(1.0));  // the hero is there too
  a.scenes.resize(6);  // the friend is now in scenes 1 and 4 only
  filmscope::apply_arcs(a);
  CHECK_FALSE(a.characters[1].arc);
}

TEST_CASE("Her: relationship arcs (../shared/her.txt)", "[arcs][acceptance]") {
  const auto shared = filmscope::testing::shared_dir();
  if (!shared || !fs::exists(*shared / "her.txt")) {
    WARN("../shared/her.txt is absent; skipped");
    return;
  }
  const Analysis a = analyse(*shared / "her.txt");

  const auto* samantha = find_pair(a, "Theodore Twombly", "Samantha");
  REQUIRE(samantha);
  REQUIRE(samantha->arc);
  CHECK(samantha->arc->shape == "rise-then-fall");
  bool leaving = false;
  for (const auto& t : samantha->arc->turning_points)
    leaving = leaving || (t.change < 0 && (t.text.find("must leave") != std::string::npos ||
                                           t.text.find("revelation") != std::string::npos));
  CHECK(leaving);

  const auto* catherine = find_pair(a, "Theodore Twombly", "Catherine");
  REQUIRE(catherine);
  REQUIRE(catherine->arc);
  CHECK(catherine->arc->shape == "rising");
  REQUIRE(catherine->arc->points.size() >= 2);
  const auto& first = catherine->arc->points.front();
  const auto& last = catherine->arc->points.back();
  CHECK(first.valence < 0.0);
  CHECK(a.scenes[first.scene - 1].text.find("divorce") != std::string::npos);
  CHECK(last.valence > 0.0);
  CHECK(a.scenes[last.scene - 1].text.find("letter") != std::string::npos);

  const auto* amy = find_pair(a, "Theodore Twombly", "Amy");
  REQUIRE(amy);
  REQUIRE(amy->arc);
  CHECK(amy->arc->points.back().valence > 0.0);
  const bool flat_high = amy->arc->shape == "flat" && amy->arc->points.back().smoothed > 0.3;
  CHECK((amy->arc->shape == "rising" || flat_high));
  REQUIRE(a.arc);
}

TEST_CASE("arcs are deterministic", "[arcs][determinism]") {
  const fs::path her = filmscope::testing::corpora_dir() / "her.txt";
  const std::string once = filmscope::to_analysis_json(analyse(her));
  const std::string twice = filmscope::to_analysis_json(analyse(her));
  CHECK(once == twice);
  nlohmann::ordered_json doc = nlohmann::ordered_json::parse(once);
  auto keys = [](const nlohmann::ordered_json& object) {
    std::vector<std::string> out;
    for (const auto& item : object.items()) out.push_back(item.key());
    return out;
  };
  const std::vector<std::string> arc_keys{"shape", "fit", "points", "curve", "turning_points"};
  REQUIRE(doc["arc"].is_object());
  CHECK(keys(doc["arc"]) == arc_keys);
  REQUIRE(!doc["arc"]["points"].empty());
  CHECK(keys(doc["arc"]["points"][0]) ==
        std::vector<std::string>{"scene", "position", "interaction", "valence", "smoothed"});
  bool relationship_arc = false;
  for (const auto& r : doc["relationships"]) {
    if (r["arc"].is_null()) continue;
    relationship_arc = true;
    CHECK(keys(r["arc"]) == arc_keys);
    CHECK(r["arc"]["curve"].empty());
    for (const auto& t : r["arc"]["turning_points"])
      CHECK(keys(t) == std::vector<std::string>{"scene", "text", "change"});
  }
  CHECK(relationship_arc);
  const std::string summary = filmscope::to_text_summary(analyse(her));
  CHECK(summary.find("\nArcs\n  Story: " + doc["arc"]["shape"].get<std::string>()) != std::string::npos);
}

// The "arcs" entries of the corpus expectations were written before any tuning; this reports how
// many the analysis matches and holds the figure reached, so that it can only go up. One
// exception, as in tests/data/corpus-floors.json: resolving a reference the expectations list
// adds a point to a pair, which may move its shape away from the written one (resolving "his
// girlfriend" in the-social-network.txt gave Mark–Erica its opening scene, and a shape that
// falls and rises again where the expectation says falling). And the story floor went from 3
// to 2 when the words of names stopped carrying valence (tone_analysis.h): in
// little-miss-sunshine.txt, "a cheeky dance to Super Freak" lost the lift of "Super", a song's
// title, and one point moved enough to change the shape. Story shapes match about as often as
// chance either way (README, "Themes and arcs").
TEST_CASE("corpus arcs against the expectations", "[arcs][corpus]") {
  constexpr std::size_t kStoryFloor = 2;
  constexpr std::size_t kRelationshipFloor = 7;
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(filmscope::testing::corpora_dir())) {
    const std::string name = entry.path().filename().string();
    if (entry.is_regular_file() && name.size() > 12 && name.ends_with(".expect.json")) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  REQUIRE(!files.empty());
  std::size_t stories = 0, stories_matched = 0, pairs = 0, pairs_matched = 0;
  std::string report;
  for (const auto& file : files) {
    const auto expect = nlohmann::json::parse(filmscope::testing::read_file(file));
    if (!expect.contains("arcs")) continue;
    std::string stem = file.filename().string();
    stem.erase(stem.size() - std::string(".expect.json").size());
    const Analysis a = analyse(file.parent_path() / (stem + ".txt"));
    const auto& arcs = expect["arcs"];
    if (arcs.contains("story")) {
      ++stories;
      const std::string got = a.arc ? a.arc->shape : "none";
      const bool ok = got == arcs["story"].get<std::string>();
      stories_matched += ok;
      report += stem + ": story " + got + (ok ? " ✓" : " (expected " + arcs["story"].get<std::string>() + ")") + "\n";
    }
    for (const auto& rel : arcs.value("relationships", nlohmann::json::array())) {
      ++pairs;
      const auto x = rel["between"][0].get<std::string>();
      const auto y = rel["between"][1].get<std::string>();
      const std::string want = relationship_shape_name(rel["shape"].get<std::string>());
      const auto* r = find_pair(a, x, y);
      const std::string got = r ? (r->arc ? r->arc->shape : "no arc") : "no relationship";
      const bool ok = got == want;
      pairs_matched += ok;
      report += "  " + x + " — " + y + ": " + got + (ok ? " ✓" : " (expected " + want + ")") + "\n";
    }
  }
  report += "story shapes " + std::to_string(stories_matched) + "/" + std::to_string(stories) +
            ", relationship shapes " + std::to_string(pairs_matched) + "/" + std::to_string(pairs);
  WARN(report);
  CHECK(stories_matched >= kStoryFloor);
  CHECK(pairs_matched >= kRelationshipFloor);
}

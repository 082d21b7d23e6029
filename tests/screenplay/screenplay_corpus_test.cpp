// The screenplay readers on the shared evaluation scripts (skipped when ../shared is absent):
// counts other Fountain tools agree on, Fountain ⇄ Final Draft twins, a known cast of speakers,
// and per-element labels from a Final Draft export.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "io/decode.h"
#include "screenplay/fdx_reader.h"
#include "screenplay/fountain_reader.h"
#include "screenplay/screenplay_story.h"
#include "support/test_paths.h"

using namespace filmscope;
namespace fs = std::filesystem;

namespace {

std::string load(const fs::path& path) {
  DecodeResult result = load_text_file(path);
  REQUIRE(result.decoded);
  return result.decoded->text;
}

ScreenplayDocument read_path(const fs::path& path, const FountainOptions& options = {}) {
  std::string text = load(path);
  return path.extension() == ".fdx" ? read_fdx(text) : read_fountain(text, options);
}

struct Counts {
  std::size_t scenes = 0;
  std::size_t blocks = 0;
  std::map<std::string, std::size_t> speakers;  // speaker → dialogue blocks
};

Counts count(const Story& story) {
  Counts counts;
  for (const auto& unit : story.units) {
    if (unit.heading) ++counts.scenes;
    for (const auto& block : unit.dialogue) {
      ++counts.blocks;
      ++counts.speakers[block.speaker];
    }
  }
  return counts;
}

}  // namespace

TEST_CASE("Big Fish: the counts Fountain tools agree on", "[corpus][fountain]") {
  auto shared = testing::shared_dir();
  if (!shared) {
    WARN("../shared is absent; skipped");
    return;
  }
  fs::path path = *shared / "eval/fountain/fountain-io/Big-Fish.fountain";
  FountainOptions spec;
  spec.heading_prefixes = HeadingPrefixes::fountain_spec;
  Counts by_spec = count(story_from_screenplay(read_path(path, spec)));
  CHECK(by_spec.scenes == 190);
  Counts extended = count(story_from_screenplay(read_path(path)));
  CHECK(extended.scenes == 192);  // two EXT/INT. headings
  for (const Counts& c : {by_spec, extended}) {
    CHECK(c.speakers.size() == 48);
    CHECK(c.blocks == 768);
    CHECK(c.speakers.at("EDWARD") == 293);
    CHECK(c.speakers.at("WILL") == 141);
  }
}

TEST_CASE("Fountain and Final Draft twins give the same scenes and speakers", "[corpus][fdx]") {
  auto shared = testing::shared_dir();
  if (!shared) {
    WARN("../shared is absent; skipped");
    return;
  }
  fs::path fountain_dir = *shared / "eval/fountain/jumpcut";
  fs::path fdx_dir = *shared / "eval/fdx/jumpcut";
  std::size_t pairs = 0;
  for (const auto& entry : fs::directory_iterator(fountain_dir)) {
    if (entry.path().extension() != ".fountain") continue;
    fs::path twin = fdx_dir / entry.path().filename().replace_extension(".fdx");
    if (!fs::exists(twin)) continue;
    INFO(entry.path().filename().string());
    ++pairs;
    Counts from_fountain = count(story_from_screenplay(read_path(entry.path())));
    Counts from_fdx = count(story_from_screenplay(read_path(twin)));
    CHECK(from_fountain.scenes == from_fdx.scenes);
    CHECK(from_fountain.blocks == from_fdx.blocks);
    CHECK(from_fountain.speakers == from_fdx.speakers);
  }
  CHECK(pairs >= 5);
}

TEST_CASE("Charade: every credited speaker is recovered", "[corpus][fountain]") {
  auto shared = testing::shared_dir();
  if (!shared) {
    WARN("../shared is absent; skipped");
    return;
  }
  fs::path dir = *shared / "eval/fountain/scripttool";
  Counts counts = count(story_from_screenplay(read_path(dir / "Charade.fountain")));
  std::istringstream names(load(dir / "Charade.characters.txt"));
  std::string name;
  std::size_t expected = 0;
  while (std::getline(names, name)) {
    if (name.empty()) continue;
    ++expected;
    INFO(name);
    CHECK(counts.speakers.count(name) == 1);
  }
  CHECK(expected == 41);
  CHECK(counts.speakers.size() == expected);
}

TEST_CASE("every shared Fountain and Final Draft file parses without errors", "[corpus]") {
  auto shared = testing::shared_dir();
  if (!shared) {
    WARN("../shared is absent; skipped");
    return;
  }
  std::size_t files = 0;
  for (const char* dir : {"eval/fountain", "eval/fdx"}) {
    for (const auto& entry : fs::recursive_directory_iterator(*shared / dir)) {
      auto ext = entry.path().extension();
      if (ext != ".fountain" && ext != ".fdx") continue;
      ++files;
      INFO(entry.path().string());
      ScreenplayDocument doc = read_path(entry.path());
      for (const auto& d : doc.diagnostics) CHECK(d.severity != Severity::error);
      std::size_t lines = 0;
      std::string text = load(entry.path());
      for (char c : text) lines += c == '\n';
      if (!text.empty() && text.back() != '\n') ++lines;
      CHECK(doc.line_kinds.size() == lines);
    }
  }
  CHECK(files > 20);
}

TEST_CASE("Fountain elements match Final Draft's labels for big-fish-scene-numbers", "[corpus][fountain]") {
  auto shared = testing::shared_dir();
  if (!shared) {
    WARN("../shared is absent; skipped");
    return;
  }
  fs::path dir = *shared / "eval/fountain/jumpcut";
  auto labels = nlohmann::json::parse(load(dir / "big-fish-scene-numbers.parsed-elements.json"));
  const std::map<std::string, ElementKind> kinds{
      {"Action", ElementKind::action},       {"Dialogue", ElementKind::dialogue},
      {"Character", ElementKind::character}, {"Parenthetical", ElementKind::parenthetical},
      {"Scene Heading", ElementKind::scene_heading}, {"Transition", ElementKind::transition}};
  ScreenplayDocument doc = read_path(dir / "big-fish-scene-numbers.fountain");
  std::vector<const Element*> printed;
  for (const auto& e : doc.elements)
    if (e.kind != ElementKind::page_break && e.kind != ElementKind::note && e.kind != ElementKind::boneyard)
      printed.push_back(&e);
  const auto& expected = labels.at("elements");
  REQUIRE(printed.size() == expected.size());
  for (std::size_t i = 0; i < printed.size(); ++i) {
    std::string kind = expected[i].at("kind").get<std::string>();
    INFO("element " << i + 1 << ": " << printed[i]->text);
    REQUIRE(kinds.count(kind) == 1);
    CHECK(printed[i]->kind == kinds.at(kind));
    if (kind == "Scene Heading" && !expected[i].at("scene_number").is_null())
      CHECK(printed[i]->scene_number == expected[i].at("scene_number").get<std::string>());
  }
}

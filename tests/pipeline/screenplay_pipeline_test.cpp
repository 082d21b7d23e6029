// Screenplays through the whole pipeline (analyze_file): the reference figures of the shared
// evaluation scripts, Fountain ⇄ Final Draft agreement, and the error and title behaviour.
// Tests that read ../shared skip when it is absent.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "export/json_export.h"
#include "export/text_summary.h"
#include "pipeline/analyze.h"
#include "support/test_paths.h"
#include "text/unicode_text.h"

namespace fs = std::filesystem;
using namespace filmscope;

namespace {

Analysis analyse(const fs::path& path, std::optional<InputFormat> format = std::nullopt) {
  AnalyzeOptions options;
  options.format = format;
  AnalyzeResult result = analyze_file(path, options);
  INFO(path.string() << ": " << result.error);
  REQUIRE(result.analysis);
  return std::move(*result.analysis);
}

const Character* by_name(const Analysis& analysis, const std::string& name) {
  for (const auto& c : analysis.characters)
    if (c.name == name) return &c;
  return nullptr;
}

const Relationship* relation(const Analysis& analysis, const std::string& a, const std::string& b) {
  for (const auto& r : analysis.relationships)
    if (r.source == std::min(a, b) && r.target == std::max(a, b)) return &r;
  return nullptr;
}

class TempFile {
 public:
  TempFile(const std::string& name, const std::string& contents) {
    std::random_device rd;
    dir_ = fs::temp_directory_path() / ("filmscope-screenplay-" + std::to_string(rd()));
    fs::create_directories(dir_);
    path_ = dir_ / name;
    std::ofstream(path_, std::ios::binary) << contents;
  }
  ~TempFile() {
    std::error_code ignored;
    fs::remove_all(dir_, ignored);
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path dir_;
  fs::path path_;
};

}  // namespace

TEST_CASE("Big Fish: scenes, speakers, speeches and strongest pairs", "[screenplay-pipeline]") {
  auto shared = filmscope::testing::shared_dir();
  if (!shared) {
    WARN("../shared is absent; skipped");
    return;
  }
  Analysis analysis = analyse(*shared / "eval/fountain/fountain-io/Big-Fish.fountain");
  CHECK(analysis.source.format == InputFormat::fountain);
  CHECK(analysis.film.title == "Big Fish");
  REQUIRE(analysis.stats);
  CHECK(analysis.stats->scenes == 192);
  CHECK(analysis.stats->unheaded_units == 1);  // the opening voice-over before the first heading
  CHECK(analysis.scenes.size() == 193);
  CHECK(analysis.stats->speakers == 48);
  CHECK(analysis.stats->dialogue_blocks == 768);
  std::size_t speaking = std::count_if(analysis.characters.begin(), analysis.characters.end(),
                                       [](const Character& c) { return c.dialogue_blocks > 0; });
  CHECK(speaking == 48);
  REQUIRE(analysis.characters.size() >= 2);
  CHECK(analysis.characters[0].name == "Edward");
  CHECK(analysis.characters[0].dialogue_blocks == 293);
  CHECK(analysis.characters[1].name == "Will");
  CHECK(analysis.characters[1].dialogue_blocks == 141);

  // The reference counts scenes where both speak.
  const Relationship* will_edward = relation(analysis, "will", "edward");
  const Relationship* edward_sandra = relation(analysis, "edward", "sandra");
  const Relationship* sandra_will = relation(analysis, "sandra", "will");
  REQUIRE(will_edward);
  REQUIRE(edward_sandra);
  REQUIRE(sandra_will);
  CHECK(will_edward->shared_speaking_scenes == 13);
  CHECK(edward_sandra->shared_speaking_scenes == 9);
  CHECK(sandra_will->shared_speaking_scenes == 9);
  // Presence also counts scenes where the action names a character, so there are more.
  CHECK(will_edward->shared_scenes >= 13);
  std::vector<const Relationship*> by_speaking;
  for (const auto& r : analysis.relationships) by_speaking.push_back(&r);
  std::stable_sort(by_speaking.begin(), by_speaking.end(), [](const Relationship* a, const Relationship* b) {
    return a->shared_speaking_scenes > b->shared_speaking_scenes;
  });
  REQUIRE(by_speaking.size() >= 3);
  CHECK(by_speaking[0] == will_edward);
  CHECK(by_speaking[2]->shared_speaking_scenes == 9);
  CHECK(analysis.graph.nodes == analysis.characters.size());
  // Every mention is traced to a byte of the file.
  const Character& edward = analysis.characters[0];
  REQUIRE(!edward.mentions.empty());
  CHECK(edward.mentions.front().offset > 0);
}

TEST_CASE("Fountain and Final Draft twins give the same scenes and speakers", "[screenplay-pipeline]") {
  auto shared = filmscope::testing::shared_dir();
  if (!shared) {
    WARN("../shared is absent; skipped");
    return;
  }
  std::size_t pairs = 0;
  std::vector<fs::path> fountains;
  for (const auto& entry : fs::directory_iterator(*shared / "eval/fountain/jumpcut"))
    if (entry.path().extension() == ".fountain") fountains.push_back(entry.path());
  std::sort(fountains.begin(), fountains.end());
  for (const auto& fountain : fountains) {
    fs::path fdx = *shared / "eval/fdx/jumpcut" / (fountain.stem().string() + ".fdx");
    if (!fs::exists(fdx)) continue;
    SECTION(fountain.stem().string()) {
      Analysis a = analyse(fountain);
      Analysis b = analyse(fdx);
      CHECK(b.source.format == InputFormat::fdx);
      CHECK(a.scenes.size() == b.scenes.size());
      std::vector<std::pair<std::string, std::size_t>> ca, cb;
      for (const auto& c : a.characters) ca.emplace_back(c.name, c.dialogue_blocks);
      for (const auto& c : b.characters) cb.emplace_back(c.name, c.dialogue_blocks);
      CHECK(ca == cb);
      CHECK(!ca.empty());
    }
    ++pairs;
  }
  CHECK(pairs >= 6);
}

TEST_CASE("Charade: every speaker of the reference list is a character", "[screenplay-pipeline]") {
  auto shared = filmscope::testing::shared_dir();
  if (!shared) {
    WARN("../shared is absent; skipped");
    return;
  }
  Analysis analysis = analyse(*shared / "eval/fountain/scripttool/Charade.fountain");
  std::ifstream list(*shared / "eval/fountain/scripttool/Charade.characters.txt");
  std::string line;
  std::size_t expected = 0;
  while (std::getline(list, line)) {
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    if (line.empty()) continue;
    ++expected;
    bool found = std::any_of(analysis.characters.begin(), analysis.characters.end(), [&](const Character& c) {
      return fold_case(c.name) == fold_case(line) && c.dialogue_blocks > 0;
    });
    INFO(line);
    CHECK(found);
  }
  CHECK(expected == 41);
}

TEST_CASE("TRIPOD plain-text scripts all analyse", "[screenplay-pipeline]") {
  auto shared = filmscope::testing::shared_dir();
  if (!shared) {
    WARN("../shared is absent; skipped");
    return;
  }
  std::vector<fs::path> scripts;
  for (const auto& film : fs::directory_iterator(*shared / "eval/plaintext/tripod"))
    if (film.is_directory())
      for (const auto& entry : fs::directory_iterator(film.path()))
        if (entry.path().filename().string().ends_with("_script.txt")) scripts.push_back(entry.path());
  std::sort(scripts.begin(), scripts.end());
  CHECK(scripts.size() >= 50);
  for (const auto& script : scripts) {
    AnalyzeOptions options;
    options.format = InputFormat::plaintext;
    AnalyzeResult result = analyze_file(script, options);
    INFO(script.string() << ": " << result.error);
    REQUIRE(result.analysis);
    CHECK(result.analysis->stats);
    CHECK(result.analysis->stats->speakers > 0);
  }
}

TEST_CASE("a malformed Final Draft file is a one-line error naming the file", "[screenplay-pipeline]") {
  TempFile file("broken.fdx", "<?xml version=\"1.0\"?>\n<FinalDraft DocumentType=\"Script\">\n<Content>\n<Paragraph");
  AnalyzeResult result = analyze_file(file.path(), {});
  CHECK_FALSE(result.analysis);
  CHECK(result.error.find(file.path().string()) == 0);
  CHECK(result.error.find('\n') == std::string::npos);
}

TEST_CASE("a screenplay without a title page takes its title from the file name", "[screenplay-pipeline]") {
  TempFile file("Night Swim.fountain", "INT. POOL - NIGHT\n\nANNA\nCold.\n\nBEN\nJump.\n");
  Analysis analysis = analyse(file.path());
  CHECK(analysis.source.format == InputFormat::fountain);
  CHECK(analysis.film.title == "Night Swim");
  CHECK(std::any_of(analysis.diagnostics.begin(), analysis.diagnostics.end(),
                    [](const Diagnostic& d) { return d.code == "title-from-file-name"; }));
  REQUIRE(analysis.characters.size() == 2);
  CHECK(analysis.characters[0].name == "Anna");
  REQUIRE(analysis.relationships.size() == 1);
  CHECK(analysis.relationships[0].exchanges == 1);
  // Offsets point at the cue in the file.
  CHECK(analysis.characters[0].mentions[0].offset == std::string("INT. POOL - NIGHT\n\n").size());
}

TEST_CASE("synopses keep their analysis and have no screenplay statistics", "[screenplay-pipeline]") {
  TempFile file("Tiny.synopsis.txt", "Anna meets Ben at the pool. Anna and Ben swim.\n");
  AnalyzeOptions options;
  options.format = InputFormat::synopsis;
  Analysis analysis = analyse(file.path(), options.format);
  CHECK_FALSE(analysis.stats);
}

TEST_CASE("screenplay statistics in the JSON document and the text summary", "[screenplay-pipeline]") {
  TempFile file("Pool.fountain",
                "Title: Pool\n\n# Act One\n\nINT. POOL - NIGHT\n\nANNA swims.\n\nANNA\nCold water.\n\nBEN\nJump.\n\n"
                "# Act Two\n\nEXT. GARDEN - DAY [LATER]\n\nBen waits.\n\nANNA\nHere.\n");
  Analysis analysis = analyse(file.path());
  nlohmann::ordered_json doc = nlohmann::ordered_json::parse(to_analysis_json(analysis));
  const auto& stats = doc["statistics"];
  REQUIRE(stats.is_object());
  std::vector<std::string> keys;
  for (const auto& item : stats.items()) keys.push_back(item.key());
  CHECK(keys == std::vector<std::string>{"scenes", "unheaded_units", "lines", "eighths", "speakers",
                                         "dialogue_blocks", "dialogue_words", "action_words", "dialogue_ratio",
                                         "settings", "times_of_day", "locations", "dialogue_shares", "sections"});
  CHECK(stats["scenes"] == 2);
  CHECK(stats["speakers"] == 2);
  CHECK(stats["dialogue_words"] == 4);
  CHECK(stats["action_words"] == 4);
  CHECK(stats["dialogue_ratio"] == 0.5);
  CHECK(stats["settings"][0] == nlohmann::ordered_json({{"label", "INT"}, {"scenes", 1}}));
  CHECK(stats["times_of_day"][1]["label"] == "DAY");
  CHECK(stats["dialogue_shares"][0]["character"] == "anna");
  CHECK(stats["dialogue_shares"][0]["share"] == 0.75);
  REQUIRE(stats["sections"].size() == 2);
  CHECK(stats["sections"][1]["section"] == "Act Two");
  CHECK(stats["sections"][1]["speakers"] == 1);
  CHECK(doc["scenes"][1]["setting"] == "EXT");
  CHECK(doc["scenes"][1]["location"] == "GARDEN");
  CHECK(doc["scenes"][1]["characters"] == nlohmann::ordered_json::array({"ben", "anna"}));
  CHECK(doc["scenes"][1]["speakers"] == nlohmann::ordered_json::array({"anna"}));
  CHECK(doc["characters"][0]["dialogue_words"] == 3);
  CHECK(doc["relationships"][0]["shared_scenes"] == 2);
  CHECK(doc["relationships"][0]["shared_speaking_scenes"] == 1);
  CHECK(doc["relationships"][0]["exchanges"] == 1);

  std::string summary = to_text_summary(analysis);
  CHECK(summary.find("\nScreenplay\n") != std::string::npos);
  CHECK(summary.find("Settings: INT 1, EXT 1") != std::string::npos);
  CHECK(summary.find("Dialogue share: Anna 75.0%, Ben 25.0%") != std::string::npos);
  CHECK(summary.find("Act Two: 1 scene, 1 speaker, 1 speech, dialogue 33.3%") != std::string::npos);

  Analysis synopsis;
  CHECK(nlohmann::ordered_json::parse(to_analysis_json(synopsis))["statistics"].is_null());
  CHECK(to_text_summary(synopsis).find("Screenplay") == std::string::npos);
}

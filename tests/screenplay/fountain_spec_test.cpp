// Runs every example of tests/data/screenplay/fountain-spec.txt through the Fountain reader and
// compares the per-line dump (see the file's preamble for its format).
#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

#include "model/screenplay.h"
#include "screenplay/character_cue.h"
#include "screenplay/fountain_reader.h"
#include "screenplay/scene_heading.h"
#include "support/test_paths.h"

namespace {

using namespace filmscope;

struct SpecExample {
  std::size_t line = 0;  // line of the opening fence in the spec file
  std::string input;
  std::string expected;
};

const std::string kFence(32, '`');

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

std::vector<SpecExample> load_examples() {
  std::istringstream in(testing::read_file(testing::source_dir() / "tests/data/screenplay/fountain-spec.txt"));
  std::vector<SpecExample> examples;
  std::string line;
  std::size_t number = 0;
  enum { outside, input, expected } state = outside;
  while (std::getline(in, line)) {
    ++number;
    if (state == outside && line == kFence + " example") {
      examples.push_back({number, "", ""});
      state = input;
    } else if (state == input && line == ".") {
      state = expected;
    } else if (state == input) {
      examples.back().input += replace_all(replace_all(line, "␣", " "), "→", "\t") + "\n";
    } else if (state == expected && line == kFence) {
      state = outside;
    } else if (state == expected) {
      examples.back().expected += line + "\n";
    }
  }
  return examples;
}

// One row per source line; the first line of some elements carries details.
std::string dump(const ScreenplayDocument& doc) {
  std::vector<std::string> rows;
  for (ElementKind kind : doc.line_kinds) rows.emplace_back(to_string(kind));
  for (const Element& element : doc.elements) {
    std::string& row = rows.at(element.lines.first - 1);
    if (row != to_string(element.kind)) continue;  // a note inside another element's line
    if (element.kind == ElementKind::scene_heading) {
      auto setting = parse_scene_heading(element.text);
      std::string setting_text = setting ? setting->setting : "";
      std::string location = setting ? setting->location : element.text;
      std::string time = setting ? setting->time_of_day : "";
      if (!setting) {
        auto forced = parse_scene_heading("." + element.text);
        if (forced) location = forced->location, time = forced->time_of_day;
      }
      row += " " + setting_text + "|" + location + "|" + time;
      if (!element.scene_number.empty()) row += " #" + element.scene_number;
    } else if (element.kind == ElementKind::character) {
      auto cue = parse_character_cue(element.text);
      if (!cue) cue = parse_character_cue("@" + element.text);
      REQUIRE(cue);
      row += " " + cue->speaker;
      if (!cue->extensions.empty()) {
        row += " [";
        for (std::size_t i = 0; i < cue->extensions.size(); ++i)
          row += (i ? ", " : "") + cue->extensions[i];
        row += "]";
      }
      if (element.dual) row += " ^";
    } else if (element.kind == ElementKind::section) {
      row += " " + std::to_string(element.depth);
    }
  }
  std::string out;
  for (const auto& row : rows) out += row + "\n";
  return out;
}

}  // namespace

TEST_CASE("fountain spec examples", "[fountain][spec]") {
  std::vector<SpecExample> examples = load_examples();
  REQUIRE(examples.size() >= 40);
  for (const SpecExample& example : examples) {
    INFO("example at fountain-spec.txt:" << example.line << "\n" << example.input);
    CHECK(dump(read_fountain(example.input)) == example.expected);
  }
}

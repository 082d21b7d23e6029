// The plain-text screenplay reader: spec scripts (tests/data/plaintext/<name>.txt with the
// expected kind of every line in <name>.kinds), element details, limits, and the macro F1 over
// the hand-labelled lines of tests/data/plaintext-labels against the shared TRIPOD scripts.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "screenplay/plaintext_reader.h"
#include "support/test_paths.h"

namespace {

using filmscope::ElementKind;
using filmscope::read_plaintext_screenplay;
using filmscope::ScreenplayDocument;
namespace fs = std::filesystem;

fs::path spec_dir() { return filmscope::testing::source_dir() / "tests" / "data" / "plaintext"; }

std::vector<std::string> read_lines(const fs::path& path) {
  std::istringstream in(filmscope::testing::read_file(path));
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::vector<std::string> kind_names(const ScreenplayDocument& doc) {
  std::vector<std::string> names;
  for (ElementKind kind : doc.line_kinds) names.emplace_back(filmscope::to_string(kind));
  return names;
}

// Compares line by line so that a failure names the line, not just "vectors differ".
void check_spec(const std::string& name) {
  INFO("spec " << name);
  std::string text = filmscope::testing::read_file(spec_dir() / (name + ".txt"));
  std::vector<std::string> expected = read_lines(spec_dir() / (name + ".kinds"));
  std::vector<std::string> source = read_lines(spec_dir() / (name + ".txt"));
  ScreenplayDocument doc = read_plaintext_screenplay(text);
  std::vector<std::string> got = kind_names(doc);
  REQUIRE(got.size() == expected.size());
  for (std::size_t i = 0; i < got.size(); ++i) {
    INFO("line " << i + 1 << ": " << source[i]);
    CHECK(got[i] == expected[i]);
  }
}

const filmscope::Element* find_element(const ScreenplayDocument& doc, ElementKind kind,
                                       std::size_t first_line) {
  for (const auto& element : doc.elements)
    if (element.kind == kind && element.lines.first == first_line) return &element;
  return nullptr;
}

}  // namespace

TEST_CASE("plaintext: page numbers, (CONTINUED), (MORE) and repeated headers are furniture",
          "[plaintext][spec]") {
  check_spec("page_furniture");
}

TEST_CASE("plaintext: a speech split by (MORE) and a page break stays one speech", "[plaintext]") {
  ScreenplayDocument doc =
      read_plaintext_screenplay(filmscope::testing::read_file(spec_dir() / "page_furniture.txt"));
  const auto* first = find_element(doc, ElementKind::dialogue, 15);
  REQUIRE(first != nullptr);
  CHECK(first->text == "Anyone out there tonight? Say so now, before the fog comes in.");
  CHECK(first->lines.last == 16);
  // The revision asterisk is not part of the action.
  const auto* action = find_element(doc, ElementKind::action, 26);
  REQUIRE(action != nullptr);
  CHECK(action->text == "She switches the radio off.");
  REQUIRE(!doc.title_page.empty());
  CHECK(doc.title_page.front().second == "HARBOUR LIGHTS");
}

TEST_CASE("plaintext: scene numbers in one or both margins", "[plaintext][spec]") {
  check_spec("scene_numbers");
  ScreenplayDocument doc =
      read_plaintext_screenplay(filmscope::testing::read_file(spec_dir() / "scene_numbers.txt"));
  const auto* first = find_element(doc, ElementKind::scene_heading, 1);
  REQUIRE(first != nullptr);
  CHECK(first->text == "INT. BAKERY - DAY");
  CHECK(first->scene_number == "12");
  const auto* second = find_element(doc, ElementKind::scene_heading, 12);
  REQUIRE(second != nullptr);
  CHECK(second->text == "EXT. BAKERY - BACK ALLEY - NIGHT");
  CHECK(second->scene_number == "12A");
  const auto* left_only = find_element(doc, ElementKind::scene_heading, 16);
  REQUIRE(left_only != nullptr);
  CHECK(left_only->text == "THE STREET");
  CHECK(left_only->scene_number == "13");
}

TEST_CASE("plaintext: headings without INT./EXT. are all-caps slug lines at the action column",
          "[plaintext][spec]") {
  check_spec("no_int_ext");
}

TEST_CASE("plaintext: CLINT, CUTTER and INTERN are speakers, not headings or transitions",
          "[plaintext][spec]") {
  check_spec("names_int_cut");
  ScreenplayDocument doc =
      read_plaintext_screenplay(filmscope::testing::read_file(spec_dir() / "names_int_cut.txt"));
  const auto* cue = find_element(doc, ElementKind::character, 15);
  REQUIRE(cue != nullptr);
  CHECK(cue->text == "CLINT (CONT'D)");
}

TEST_CASE("plaintext: a flat script that lost its blank lines", "[plaintext][spec]") {
  check_spec("no_blank_lines");
}

TEST_CASE("plaintext: tabs are expanded to stops of 8 before columns are measured",
          "[plaintext][spec]") {
  check_spec("tabs");
}

TEST_CASE("plaintext: inline cues (NAME : speech) when a script is written that way",
          "[plaintext]") {
  std::string text = "INT. HANGAR - NIGHT\n\nThe ship waits.\n\n";
  for (int i = 0; i < 25; ++i)
    text += (i % 2 == 0 ? "PILOT : Ready when you are,\ncommander.\n" : "COMMANDER : Then go.\n");
  ScreenplayDocument doc = read_plaintext_screenplay(text);
  REQUIRE(doc.line_kinds.size() > 6);
  CHECK(doc.line_kinds[4] == ElementKind::character);
  CHECK(doc.line_kinds[5] == ElementKind::dialogue);
  const auto* cue = find_element(doc, ElementKind::character, 5);
  REQUIRE(cue != nullptr);
  CHECK(cue->text == "PILOT");
  const auto* speech = find_element(doc, ElementKind::dialogue, 5);
  REQUIRE(speech != nullptr);
  CHECK(speech->text == "Ready when you are, commander.");
  CHECK(speech->lines.last == 6);
}

TEST_CASE("plaintext: every line gets a kind, also for empty and odd input", "[plaintext]") {
  CHECK(read_plaintext_screenplay("").line_kinds.empty());
  ScreenplayDocument doc = read_plaintext_screenplay("\n\n   \n");
  CHECK(doc.line_kinds.size() == 3);
  CHECK(std::all_of(doc.line_kinds.begin(), doc.line_kinds.end(),
                    [](ElementKind k) { return k == ElementKind::blank; }));
  ScreenplayDocument crlf = read_plaintext_screenplay("INT. ROOM - DAY\r\n\r\nHe sits.\r\n");
  REQUIRE(crlf.line_kinds.size() == 3);
  CHECK(crlf.line_kinds[0] == ElementKind::scene_heading);
  CHECK(crlf.line_kinds[2] == ElementKind::action);
}

TEST_CASE("plaintext: pathological input stays linear and bounded", "[plaintext][limits]") {
  // Many short all-caps lines (every one a cue candidate), one enormous line, and an
  // unterminated parenthetical: the reader must finish and give every line a kind.
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "                              NAME" + std::to_string(i) + "\n          (\n";
  text += std::string(200000, 'x') + "\n";
  ScreenplayDocument doc = read_plaintext_screenplay(text);
  CHECK(doc.line_kinds.size() == 40001);
  CHECK(doc.line_kinds.back() == ElementKind::action);
  bool long_line_noted = std::any_of(doc.diagnostics.begin(), doc.diagnostics.end(),
                                     [](const auto& d) { return d.code == "plaintext-line-too-long"; });
  CHECK(long_line_noted);
}

TEST_CASE("plaintext: output is deterministic", "[plaintext]") {
  std::string text = filmscope::testing::read_file(spec_dir() / "no_blank_lines.txt");
  CHECK(kind_names(read_plaintext_screenplay(text)) == kind_names(read_plaintext_screenplay(text)));
}

// The same measure as scripts/eval-plaintext: per-kind F1 over the labelled lines, averaged
// over the non-blank kinds present in the labels.
TEST_CASE("plaintext: macro F1 over the hand-labelled TRIPOD lines", "[plaintext][eval]") {
  auto shared = filmscope::testing::shared_dir();
  fs::path tripod = shared ? *shared / "eval" / "plaintext" / "tripod" : fs::path();
  if (!shared || !fs::is_directory(tripod)) {
    WARN("shared evaluation material absent; skipping");
    return;
  }
  fs::path labels_dir = filmscope::testing::source_dir() / "tests" / "data" / "plaintext-labels";
  std::vector<fs::path> label_files;
  for (const auto& entry : fs::directory_iterator(labels_dir))
    if (entry.path().string().ends_with(".labels.tsv")) label_files.push_back(entry.path());
  std::sort(label_files.begin(), label_files.end());
  REQUIRE(label_files.size() >= 5);

  std::map<std::string, std::size_t> true_pos, false_pos, false_neg, support;
  std::size_t total = 0;
  for (const auto& path : label_files) {
    std::string relative;
    std::vector<std::pair<std::size_t, std::string>> labels;
    for (const auto& row : read_lines(path)) {
      if (row.rfind("# file:", 0) == 0) relative = row.substr(row.find(':') + 2);
      if (row.empty() || row[0] == '#') continue;
      auto tab = row.find('\t');
      labels.emplace_back(std::stoul(row.substr(0, tab)), row.substr(tab + 1));
    }
    REQUIRE(!relative.empty());
    ScreenplayDocument doc = read_plaintext_screenplay(filmscope::testing::read_file(tripod / relative));
    std::vector<std::string> got = kind_names(doc);
    for (const auto& [line, gold] : labels) {
      REQUIRE(line - 1 < got.size());
      const std::string& predicted = got[line - 1];
      ++support[gold];
      ++total;
      if (predicted == gold) {
        ++true_pos[gold];
      } else {
        ++false_pos[predicted];
        ++false_neg[gold];
      }
    }
  }
  REQUIRE(total >= 300);
  double sum = 0.0;
  std::size_t kinds = 0;
  for (const auto& [kind, count] : support) {
    if (kind == "blank") continue;
    double tp = static_cast<double>(true_pos[kind]);
    double precision = tp + false_pos[kind] > 0 ? tp / (tp + false_pos[kind]) : 0.0;
    double recall = tp / static_cast<double>(count);
    double f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0.0;
    INFO(kind << " F1 " << f1);
    sum += f1;
    ++kinds;
  }
  double macro = sum / static_cast<double>(kinds);
  INFO("macro F1 " << macro << " over " << total << " lines");
  CHECK(macro >= 0.95);
}

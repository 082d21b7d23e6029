#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <string>

#include "support/test_paths.h"

using filmscope::testing::run_filmscope;

namespace {
std::string write_temp(const std::string& name, const std::string& content) {
  auto path = std::filesystem::temp_directory_path() / ("filmscope-parse-test-" + name);
  std::ofstream(path, std::ios::binary) << content;
  return path.string();
}
}  // namespace

TEST_CASE("parse prints one kind per source line", "[cli][parse]") {
  std::string path = write_temp("a.fountain", "INT. HOUSE - DAY\n\nEDWARD\nHello.\n\nCUT TO:\n\nEXT. YARD - NIGHT\n");
  auto result = run_filmscope("parse '" + path + "' --input-format fountain --format tsv");
  CHECK(result.exit_code == 0);
  CHECK(result.out ==
        "1\tscene_heading\n2\tblank\n3\tcharacter\n4\tdialogue\n5\tblank\n6\ttransition\n7\tblank\n"
        "8\tscene_heading\n");
  // Same bytes twice.
  CHECK(run_filmscope("parse '" + path + "' --input-format fountain").out == result.out);
}

TEST_CASE("parse --format json lists elements and scenes", "[cli][parse]") {
  std::string path = write_temp("b.fountain", "Title: Test\n\nINT. HOUSE - DAY #3#\n\nBOB (V.O.)\n(beat)\nHi there.\n");
  auto result = run_filmscope("parse '" + path + "' --input-format fountain --format json");
  REQUIRE(result.exit_code == 0);
  auto json = nlohmann::json::parse(result.out);
  CHECK(json.at("format") == "fountain");
  CHECK(json.at("title_page").at(0).at("value") == "Test");
  CHECK(json.at("elements").at(0).at("kind") == "scene_heading");
  CHECK(json.at("elements").at(0).at("lines") == nlohmann::json::array({3, 3}));
  CHECK(json.at("elements").at(0).at("scene_number") == "3");
  REQUIRE(json.at("scenes").size() == 1);
  CHECK(json.at("scenes").at(0).at("setting").at("location") == "HOUSE");
  CHECK(json.at("scenes").at(0).at("dialogue").at(0).at("speaker") == "BOB");
  CHECK(json.at("scenes").at(0).at("dialogue").at(0).at("words") == 2);
}

TEST_CASE("parse detects Final Draft and refuses entity bombs", "[cli][parse]") {
  std::string fdx = write_temp("c.fdx",
                               "<?xml version=\"1.0\"?>\n<FinalDraft>\n<Content>\n<Paragraph Type=\"Scene Heading\">\n"
                               "<Text>INT. A - DAY</Text>\n</Paragraph>\n</Content>\n</FinalDraft>\n");
  auto ok = run_filmscope("parse '" + fdx + "'");
  CHECK(ok.exit_code == 0);
  CHECK(ok.out.find("4\tscene_heading\n5\tscene_heading\n6\tscene_heading\n") != std::string::npos);

  std::string bomb = write_temp("d.fdx",
                                "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;\">]>\n"
                                "<FinalDraft><Content/></FinalDraft>\n");
  auto refused = run_filmscope("parse '" + bomb + "' --input-format fdx");
  CHECK(refused.exit_code == 1);
  CHECK(refused.err.find("entities") != std::string::npos);
}

TEST_CASE("parse reports a missing file", "[cli][parse]") {
  auto result = run_filmscope("parse /nonexistent/file.fountain");
  CHECK(result.exit_code == 1);
  CHECK_FALSE(result.err.empty());
}

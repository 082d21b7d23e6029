// `filmscope graph`: DOT, GraphML and JSON on stdout or to -o, and its error contract.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "cli/cli_test_util.h"

using filmscope::testing::line_count;
using filmscope::testing::run_filmscope;
using filmscope::testing::sample_synopsis;
using filmscope::testing::ScratchDir;
using filmscope::testing::shell_quote;

TEST_CASE("graph: DOT by default, GraphML and JSON on request", "[cli]") {
  auto input = shell_quote(sample_synopsis().string());
  auto dot = run_filmscope("graph " + input);
  INFO(dot.err);
  REQUIRE(dot.exit_code == 0);
  CHECK(dot.out.rfind("graph \"Her\" {\n", 0) == 0);
  CHECK(dot.out == run_filmscope("graph --format dot " + input).out);

  auto graphml = run_filmscope("graph --format graphml " + input);
  REQUIRE(graphml.exit_code == 0);
  CHECK(graphml.out.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", 0) == 0);
  CHECK(graphml.out.find("</graphml>\n") != std::string::npos);

  auto json = run_filmscope("graph --format json " + input);
  REQUIRE(json.exit_code == 0);
  auto doc = nlohmann::json::parse(json.out);
  CHECK(doc["schema"] == "filmscope/graph@1");
  CHECK(!doc["nodes"].empty());
}

TEST_CASE("graph: output is byte-identical across runs", "[cli]") {
  auto input = shell_quote(sample_synopsis().string());
  for (const char* format : {"dot", "graphml", "json"}) {
    std::string args = std::string("graph --format ") + format + " " + input;
    auto first = run_filmscope(args);
    auto second = run_filmscope(args);
    INFO(format);
    REQUIRE(first.exit_code == 0);
    CHECK(first.out == second.out);
  }
}

TEST_CASE("graph: -o writes atomically", "[cli]") {
  ScratchDir dir;
  auto out = dir.path() / "her.graphml";
  auto input = shell_quote(sample_synopsis().string());
  auto result =
      run_filmscope("graph --format graphml " + input + " -o " + shell_quote(out.string()));
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  CHECK(result.out.empty());
  CHECK(dir.entries() == std::vector<std::string>{"her.graphml"});
  CHECK(filmscope::testing::read_file(out) == run_filmscope("graph --format graphml " + input).out);
}

TEST_CASE("graph: errors", "[cli]") {
  ScratchDir dir;
  auto missing = (dir.path() / "absent.fountain").string();
  auto result = run_filmscope("graph " + shell_quote(missing));
  CHECK(result.exit_code == 1);
  CHECK(result.out.empty());
  CHECK(line_count(result.err) == 1);
  CHECK(result.err.rfind("filmscope: ", 0) == 0);
  CHECK(result.err.find(missing) != std::string::npos);

  auto bad_format = run_filmscope("graph --format png " + shell_quote(sample_synopsis().string()));
  CHECK(bad_format.exit_code == 2);
  CHECK(bad_format.out.empty());
}

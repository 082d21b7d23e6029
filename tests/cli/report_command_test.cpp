// `filmscope report`: the page on stdout or atomically to -o, and its error contract.
#include <catch2/catch.hpp>

#include "cli/cli_test_util.h"

using filmscope::testing::line_count;
using filmscope::testing::run_filmscope;
using filmscope::testing::sample_synopsis;
using filmscope::testing::ScratchDir;
using filmscope::testing::shell_quote;

TEST_CASE("report: one self-contained page, to stdout or -o, identical across runs", "[cli]") {
  auto input = shell_quote(sample_synopsis().string());
  auto first = run_filmscope("report " + input);
  INFO(first.err);
  REQUIRE(first.exit_code == 0);
  CHECK(first.out.starts_with("<!DOCTYPE html>"));
  CHECK(first.out.ends_with("</html>\n"));
  CHECK(first.out.find("id=\"character-graph\"") != std::string::npos);
  CHECK(first.err.empty());
  CHECK(run_filmscope("report " + input).out == first.out);

  ScratchDir dir;
  auto out = dir.path() / "film.html";
  auto written = run_filmscope("report " + input + " -o " + shell_quote(out.string()));
  REQUIRE(written.exit_code == 0);
  CHECK(written.out.empty());
  CHECK(dir.entries() == std::vector<std::string>{"film.html"});
  CHECK(filmscope::testing::read_file(out) == first.out);
}

TEST_CASE("report: errors", "[cli]") {
  ScratchDir dir;
  auto missing = (dir.path() / "absent.txt").string();
  auto out = dir.path() / "film.html";
  auto result = run_filmscope("report " + shell_quote(missing) + " -o " + shell_quote(out.string()));
  CHECK(result.exit_code == 1);
  CHECK(result.out.empty());
  CHECK(line_count(result.err) == 1);
  CHECK(result.err.find(missing) != std::string::npos);
  CHECK(dir.entries().empty());
  CHECK(run_filmscope("report").exit_code == 2);
}

// `filmscope analyze`: output formats, -o, determinism, and the error contract (one stderr line
// naming the file, nothing on stdout, exit codes from cli/commands.h).
#include <algorithm>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "cli/cli_test_util.h"

using filmscope::testing::line_count;
using filmscope::testing::run_filmscope;
using filmscope::testing::sample_synopsis;
using filmscope::testing::ScratchDir;
using filmscope::testing::shell_quote;

namespace {

void check_input_error(const std::string& args, const std::string& path) {
  auto result = run_filmscope(args);
  INFO(args << "\nstderr: " << result.err);
  CHECK(result.exit_code == 1);
  CHECK(result.out.empty());
  CHECK(line_count(result.err) == 1);
  CHECK(result.err.rfind("filmscope: ", 0) == 0);
  CHECK(result.err.find(path) != std::string::npos);
}

}  // namespace

TEST_CASE("analyze: a missing file is an input error", "[cli]") {
  ScratchDir dir;
  auto missing = (dir.path() / "no-such-film.txt").string();
  check_input_error("analyze " + shell_quote(missing), missing);
}

TEST_CASE("analyze: a directory is an input error", "[cli]") {
  ScratchDir dir;
  check_input_error("analyze " + shell_quote(dir.path().string()), dir.path().string());
}

TEST_CASE("analyze: a binary file is an input error", "[cli]") {
  ScratchDir dir;
  std::string bytes;
  for (int i = 0; i < 4096; ++i) bytes += static_cast<char>((i * 37) % 256);
  auto file = dir.write("image.bin", bytes).string();
  check_input_error("analyze " + shell_quote(file), file);
  check_input_error("analyze --format json " + shell_quote(file), file);
}

TEST_CASE("analyze: bad options are usage errors", "[cli]") {
  auto input = shell_quote(sample_synopsis().string());
  const std::vector<std::string> invocations{"analyze --bogus " + input,
                                             "analyze --format xml " + input,
                                             "analyze --input-format docx " + input,
                                             "analyze",
                                             "",
                                             "analyze " + input + " extra"};
  for (const auto& args : invocations) {
    auto result = run_filmscope(args);
    INFO(args << "\nstderr: " << result.err);
    CHECK(result.exit_code == 2);
    CHECK(result.out.empty());
    CHECK(!result.err.empty());
  }
}

TEST_CASE("analyze: text summary on stdout", "[cli]") {
  auto result = run_filmscope("analyze " + shell_quote(sample_synopsis().string()));
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  CHECK(result.err.empty());
  CHECK(result.out.find("Her (2013)") == 0);
  CHECK(result.out.find("\nCast (") != std::string::npos);
}

TEST_CASE("analyze: JSON output parses and is byte-identical across runs", "[cli]") {
  auto args = "analyze --format json " + shell_quote(sample_synopsis().string());
  auto first = run_filmscope(args);
  auto second = run_filmscope(args);
  INFO(first.err);
  REQUIRE(first.exit_code == 0);
  CHECK(first.out == second.out);
  auto doc = nlohmann::json::parse(first.out);
  CHECK(doc["schema"] == "filmscope/analysis@1");
  CHECK(doc["source"]["format"] == "synopsis");
  CHECK(doc["film"]["title"] == "Her");
  CHECK(!doc["characters"].empty());
  CHECK(doc["graph"]["nodes"] == doc["characters"].size());
  // The characters' graph figures are filled in: someone is connected.
  bool connected = std::any_of(doc["characters"].begin(), doc["characters"].end(),
                               [](const auto& c) { return c["centrality"]["degree"] > 0; });
  CHECK(connected);
}

TEST_CASE("analyze: --input-format overrides detection", "[cli]") {
  ScratchDir dir;
  // A synopsis under a screenplay extension: read as the format the user names.
  auto file = dir.write("her.fountain", filmscope::testing::read_file(sample_synopsis()));
  auto result =
      run_filmscope("analyze --format json --input-format synopsis " + shell_quote(file.string()));
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  auto doc = nlohmann::json::parse(result.out);
  CHECK(doc["source"]["format"] == "synopsis");
  CHECK(doc["film"]["title"] == "Her");
}

TEST_CASE("analyze: -o writes the file atomically and -o - means stdout", "[cli]") {
  ScratchDir dir;
  auto out = dir.path() / "her.json";
  auto input = shell_quote(sample_synopsis().string());
  auto written =
      run_filmscope("analyze --format json " + input + " -o " + shell_quote(out.string()));
  INFO(written.err);
  REQUIRE(written.exit_code == 0);
  CHECK(written.out.empty());
  CHECK(written.err.empty());
  CHECK(dir.entries() == std::vector<std::string>{"her.json"});  // no temporary left behind
  auto to_stdout = run_filmscope("analyze --format json " + input + " -o -");
  REQUIRE(to_stdout.exit_code == 0);
  CHECK(filmscope::testing::read_file(out) == to_stdout.out);
  // Rewriting replaces the content, still without leftovers.
  auto again = run_filmscope("analyze " + input + " -o " + shell_quote(out.string()));
  REQUIRE(again.exit_code == 0);
  CHECK(filmscope::testing::read_file(out).rfind("Her (2013)", 0) == 0);
  CHECK(dir.entries() == std::vector<std::string>{"her.json"});
}

TEST_CASE("analyze: an unwritable -o is an output error", "[cli]") {
  ScratchDir dir;
  auto out = (dir.path() / "missing-dir" / "her.json").string();
  auto result = run_filmscope("analyze " + shell_quote(sample_synopsis().string()) + " -o " +
                              shell_quote(out));
  INFO(result.err);
  CHECK(result.exit_code == 4);
  CHECK(result.out.empty());
  CHECK(line_count(result.err) == 1);
  CHECK(result.err.rfind("filmscope: " + out + ": ", 0) == 0);
  CHECK(dir.entries().empty());
}

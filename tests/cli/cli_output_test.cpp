// The CLI's error discipline, for every single-input subcommand: each failure is one line on
// stderr ("filmscope: <file>: <problem>"), nothing on stdout, no output file left behind, and
// the exit code README's table documents (the same constants as cli/commands.h).
#include <sys/wait.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <map>
#include <regex>
#include <sstream>

#include "cli/cli_test_util.h"
#include "cli/commands.h"

namespace fs = std::filesystem;
using filmscope::testing::CommandResult;
using filmscope::testing::filmscope_binary;
using filmscope::testing::line_count;
using filmscope::testing::read_file;
using filmscope::testing::run_filmscope;
using filmscope::testing::sample_synopsis;
using filmscope::testing::ScratchDir;
using filmscope::testing::shell_quote;
namespace cli = filmscope::cli;

namespace {

constexpr const char* kFountain = "Title: Door\n\nINT. HALL - NIGHT\n\nANNA\nWho is there?\n\nBOB\nMe.\n";

// Each single-input subcommand with an input it accepts.
std::vector<std::pair<std::string, fs::path>> commands(const ScratchDir& dir) {
  fs::path fountain = dir.write("door.fountain", kFountain);
  return {{"analyze", sample_synopsis()}, {"graph", sample_synopsis()}, {"parse", fountain},
          {"valence", sample_synopsis()}, {"themes", sample_synopsis()}};
}

void check_failure(const CommandResult& result, int exit_code, const std::string& named) {
  INFO("stderr: " << result.err);
  CHECK(result.exit_code == exit_code);
  CHECK(result.out.empty());
  CHECK(line_count(result.err) == 1);
  CHECK(result.err.rfind("filmscope: ", 0) == 0);
  CHECK(result.err.find(named) != std::string::npos);
}

// Runs a shell command line and returns bash's exit status for it.
int run_shell(const std::string& line) {
  int status = std::system(("bash -c " + shell_quote(line)).c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

TEST_CASE("a missing input is exit 1 with one line naming it", "[cli][errors]") {
  ScratchDir dir;
  std::string missing = (dir.path() / "absent.txt").string();
  for (const auto& [command, input] : commands(dir)) {
    INFO(command);
    check_failure(run_filmscope(command + " " + shell_quote(missing)), cli::kExitInputError, missing);
  }
}

TEST_CASE("an output that cannot be written is exit 4 and leaves nothing", "[cli][errors]") {
  ScratchDir dir;
  fs::path not_a_directory = dir.write("plain-file", "x");
  for (const auto& [command, input] : commands(dir)) {
    INFO(command);
    for (const fs::path& output : {dir.path() / "missing-dir" / "out.txt", not_a_directory / "out.txt",
                                   fs::path("/dev/full")}) {
      INFO(output.string());
      check_failure(run_filmscope(command + " " + shell_quote(input.string()) + " -o " +
                                  shell_quote(output.string())),
                    cli::kExitOutputError, output.string());
    }
    CHECK_FALSE(fs::exists(dir.path() / "missing-dir"));
  }
  // Nothing but the inputs and the plain file: no temporary left behind.
  CHECK(dir.entries() == std::vector<std::string>{"door.fountain", "plain-file"});
}

TEST_CASE("a full standard output is exit 4 with one line", "[cli][errors]") {
  ScratchDir dir;
  for (const auto& [command, input] : commands(dir)) {
    INFO(command);
    fs::path err = dir.path() / "err.txt";
    int code = run_shell(shell_quote(filmscope_binary().string()) + " " + command + " " +
                         shell_quote(input.string()) + " >/dev/full 2>" + shell_quote(err.string()));
    std::string message = read_file(err);
    INFO(message);
    CHECK(code == cli::kExitOutputError);
    CHECK(line_count(message) == 1);
    CHECK(message.find("<stdout>") != std::string::npos);
  }
}

TEST_CASE("bad options are exit 2 with one line", "[cli][errors]") {
  ScratchDir dir;
  for (const auto& [command, input] : commands(dir)) {
    for (const std::string& args : {command + " --no-such-option " + shell_quote(input.string()),
                                    command, command + " --format nonsense " + shell_quote(input.string())}) {
      INFO(args);
      CommandResult result = run_filmscope(args);
      INFO("stderr: " << result.err);
      CHECK(result.exit_code == cli::kExitUsage);
      CHECK(result.out.empty());
      CHECK(line_count(result.err) == 1);
      CHECK(result.err.rfind("filmscope: ", 0) == 0);
    }
  }
  CommandResult no_command = run_filmscope("");
  CHECK(no_command.exit_code == cli::kExitUsage);
  CHECK(line_count(no_command.err) == 1);
  CommandResult unknown = run_filmscope("summarise x");
  CHECK(unknown.exit_code == cli::kExitUsage);
  CHECK(line_count(unknown.err) == 1);
}

TEST_CASE("a reader that stops early ends filmscope quietly", "[cli][errors]") {
  // Far more output than a pipe holds, so filmscope is still writing when head exits.
  ScratchDir dir;
  std::string lines;
  for (int i = 0; i < 100000; ++i) lines += "A lovely, happy day.\n";
  fs::path input = dir.write("lines.txt", lines);
  fs::path err = dir.path() / "err.txt";
  int status = run_shell(shell_quote(filmscope_binary().string()) + " valence " + shell_quote(input.string()) +
                         " 2>" + shell_quote(err.string()) + " | head -c1 >/dev/null; exit ${PIPESTATUS[0]}");
  CHECK((status == 0 || status == 128 + SIGPIPE));
  CHECK(read_file(err).empty());
}

TEST_CASE("README's exit-code table matches the code", "[cli][errors]") {
  std::string readme = read_file(filmscope::testing::source_dir() / "README.md");
  std::map<int, std::string> documented;
  std::regex row(R"(\n\| (\d) \| ([^|]+) \|)");
  for (auto it = std::sregex_iterator(readme.begin(), readme.end(), row); it != std::sregex_iterator(); ++it)
    documented[std::stoi((*it)[1])] = (*it)[2];
  const std::map<int, std::string> code = {{cli::kExitOk, "success"},
                                           {cli::kExitInputError, "input error"},
                                           {cli::kExitUsage, "usage"},
                                           {cli::kExitPartialBatch, "partial batch"},
                                           {cli::kExitOutputError, "output error"}};
  REQUIRE(documented.size() == code.size());
  for (const auto& [value, name] : code) {
    INFO(value);
    REQUIRE(documented.count(value) == 1);
    CHECK(documented[value].rfind(name, 0) == 0);
  }
}

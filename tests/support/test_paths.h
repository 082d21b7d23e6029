// Where tests find the project's files, the shared evaluation material and the built CLI.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace filmscope::testing {

std::filesystem::path source_dir();
std::filesystem::path corpora_dir();
std::filesystem::path filmscope_binary();
// ../shared beside the project, when present (it is in CI); tests that need it skip otherwise.
std::optional<std::filesystem::path> shared_dir();
// The project's synopses and, when ../shared is present, a screenplay in each format and a
// synopsis from it; sorted.
std::vector<std::filesystem::path> sample_inputs();

std::string read_file(const std::filesystem::path& path);

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};
// Runs the filmscope binary with `args` (already shell-quoted) and captures both streams.
CommandResult run_filmscope(const std::string& args);

}  // namespace filmscope::testing

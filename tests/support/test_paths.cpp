#include "support/test_paths.h"

#include <sys/wait.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <random>
#include <sstream>

namespace filmscope::testing {

std::filesystem::path source_dir() { return FILMSCOPE_SOURCE_DIR; }
std::filesystem::path corpora_dir() { return source_dir() / "corpora"; }
std::filesystem::path filmscope_binary() { return FILMSCOPE_BINARY; }

std::optional<std::filesystem::path> shared_dir() {
  auto candidate = source_dir().parent_path() / "shared";
  if (std::filesystem::is_directory(candidate)) return candidate;
  return std::nullopt;
}

std::vector<std::filesystem::path> sample_inputs() {
  std::vector<std::filesystem::path> inputs;
  for (const auto& entry : std::filesystem::directory_iterator(corpora_dir()))
    if (entry.path().extension() == ".txt") inputs.push_back(entry.path());
  if (const auto shared = shared_dir()) {
    for (const char* name : {"eval/fountain/jumpcut/big-fish.fountain", "eval/fdx/jumpcut/big-fish.fdx",
                             "eval/plaintext/tripod/Drive (2011 film)/Drive (2011 film)_script.txt",
                             "eval/synopses/tripod/Drive (2011 film).synopsis.txt"})
      if (std::filesystem::exists(*shared / name)) inputs.push_back(*shared / name);
  }
  std::sort(inputs.begin(), inputs.end());
  return inputs;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

CommandResult run_filmscope(const std::string& args) {
  auto temp = std::filesystem::temp_directory_path();
  std::random_device rd;
  auto tag = std::to_string(rd()) + std::to_string(rd());
  auto out_path = temp / ("filmscope-test-" + tag + ".out");
  auto err_path = temp / ("filmscope-test-" + tag + ".err");
  std::string command = "'" + filmscope_binary().string() + "' " + args + " >'" +
                        out_path.string() + "' 2>'" + err_path.string() + "' </dev/null";
  int status = std::system(command.c_str());
  CommandResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = read_file(out_path);
  result.err = read_file(err_path);
  std::filesystem::remove(out_path);
  std::filesystem::remove(err_path);
  return result;
}

}  // namespace filmscope::testing

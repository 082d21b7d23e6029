// Replays every input a fuzz target once failed on (tests/data/fuzz-regressions/<target>/)
// through the same path the target drives. The assertion is that each finishes: under the
// sanitizer build (scripts/test-sanitizers) a memory error or undefined behaviour fails the run.
#include "fuzz_harness.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "support/test_paths.h"

namespace fs = std::filesystem;
using filmscope::fuzz::exercise_input;
using filmscope::fuzz::FuzzTarget;
using filmscope::fuzz::parse_fuzz_target;

namespace {

fs::path regressions_dir() { return filmscope::testing::source_dir() / "tests/data/fuzz-regressions"; }

std::vector<fs::path> sorted_entries(const fs::path& dir) {
  std::vector<fs::path> entries;
  for (const fs::directory_entry& entry : fs::directory_iterator(dir)) entries.push_back(entry.path());
  std::sort(entries.begin(), entries.end());
  return entries;
}

}  // namespace

TEST_CASE("target names round-trip") {
  for (FuzzTarget target : {FuzzTarget::decode_detect, FuzzTarget::synopsis, FuzzTarget::fountain,
                            FuzzTarget::plaintext, FuzzTarget::fdx}) {
    CHECK(parse_fuzz_target(filmscope::fuzz::to_string(target)) == target);
  }
  CHECK_FALSE(parse_fuzz_target("markdown"));
}

TEST_CASE("every kept fuzz failure replays without crashing") {
  REQUIRE(fs::is_directory(regressions_dir()));
  std::size_t replayed = 0;
  for (const fs::path& target_dir : sorted_entries(regressions_dir())) {
    if (!fs::is_directory(target_dir)) continue;  // the folder's README
    std::optional<FuzzTarget> target = parse_fuzz_target(target_dir.filename().string());
    INFO("folder " << target_dir.filename().string());
    REQUIRE(target);  // a folder named after no target would never be replayed
    for (const fs::path& input : sorted_entries(target_dir)) {
      INFO("input " << input.string());
      exercise_input(*target, filmscope::testing::read_file(input));
      ++replayed;
    }
  }
  CHECK(replayed > 0);
}

TEST_CASE("hostile shapes go through every target") {
  // The shapes the fuzzers are seeded towards, run on every build without clang.
  const std::vector<std::string> inputs = {
      std::string(),
      std::string("\0\0\0", 3),
      "\xEF\xBB\xBF",
      "\xFF\xFE",
      "/* never closed\nINT. ROOM - DAY\n",
      "[[ never closed\nBOB\nHi.\n",
      "INT. A\n\n@\n\n~\n\n>\n\n===\n\n.\n",
      "<?xml version=\"1.0\"?><FinalDraft><Content><Paragraph Type=\"Character\"><Text/>",
      std::string(1000, '*') + std::string(1000, '_'),
      "Title: " + std::string(5000, '\\'),
  };
  for (FuzzTarget target : {FuzzTarget::decode_detect, FuzzTarget::synopsis, FuzzTarget::fountain,
                            FuzzTarget::plaintext, FuzzTarget::fdx}) {
    for (const std::string& input : inputs) exercise_input(target, input);
  }
  SUCCEED("every input finished");
}

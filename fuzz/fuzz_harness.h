// What each fuzz target does with one input, shared by the libFuzzer entry points in fuzz/ and
// by the regression test that replays every kept crash input (tests/fuzz/fuzz_harness_test.cpp),
// so that a replayed input follows exactly the code path that once failed.
//
// Every target starts from raw bytes, as the CLI does: the bytes are decoded (invalid input is
// refused there, which is an outcome too), then handed to a reader and on through the whole
// analysis and every exporter, because most code — and most input-shaped loops — live after the
// reader. Nothing is checked beyond "finishes": crashes, sanitizer reports, hangs and runaway
// memory are what the fuzzer looks for.
#pragma once

#include <optional>
#include <string_view>

namespace filmscope::fuzz {

enum class FuzzTarget { decode_detect, synopsis, fountain, plaintext, fdx };

// The target's name as used for its binary (fuzz_<name>) and its regression folder
// (tests/data/fuzz-regressions/<name>/).
std::string_view to_string(FuzzTarget target);
std::optional<FuzzTarget> parse_fuzz_target(std::string_view name);

// Runs one input through the target's path. Never throws for any input.
void exercise_input(FuzzTarget target, std::string_view bytes);

}  // namespace filmscope::fuzz

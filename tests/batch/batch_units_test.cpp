// Unit tests of the batch building blocks: CSV quoting, FNV-1a, sharding, input discovery,
// manifest entries, the ordered pipeline and the progress line.
#include <algorithm>
#include <atomic>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "batch/batch_runner.h"
#include "batch/content_hash.h"
#include "batch/csv.h"
#include "batch/input_discovery.h"
#include "batch/jsonl_stage.h"
#include "batch/manifest_entry.h"
#include "batch/ordered_pipeline.h"
#include "batch/progress_meter.h"
#include "batch/shard.h"
#include "cli/cli_test_util.h"

using namespace filmscope::batch;
using filmscope::testing::ScratchDir;
namespace fs = std::filesystem;

namespace {
void touch(const fs::path& path, const std::string& content = "x") {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << content;
}

std::vector<std::string> relatives(const DiscoveryResult& result) {
  std::vector<std::string> out;
  for (const auto& input : result.inputs) out.push_back(input.relative);
  return out;
}
}  // namespace

TEST_CASE("CSV fields are quoted as RFC 4180 requires") {
  CHECK(csv_field("plain") == "plain");
  CHECK(csv_field("a,b") == "\"a,b\"");
  CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(csv_field("two\nlines") == "\"two\nlines\"");
  CHECK(csv_record({"a", "b,c", ""}) == "a,\"b,c\",\r\n");
}

TEST_CASE("FNV-1a 64 matches the published test vectors") {
  CHECK(fnv1a64("") == 0xcbf29ce484222325ull);
  CHECK(fnv1a64("a") == 0xaf63dc4c8601ec8cull);
  CHECK(fnv1a64("foobar") == 0x85944171f73967e8ull);
  CHECK(to_hex(0xaf63dc4c8601ec8cull) == "af63dc4c8601ec8c");
  // Chunked hashing continues the same hash.
  CHECK(fnv1a64("bar", fnv1a64("foo")) == fnv1a64("foobar"));
}

TEST_CASE("shard specifications parse and partition the inputs") {
  CHECK(!parse_shard_spec("3/3"));
  CHECK(!parse_shard_spec("1"));
  CHECK(!parse_shard_spec("a/2"));
  CHECK(!parse_shard_spec("0/0"));
  auto spec = parse_shard_spec("2/4");
  REQUIRE(spec);
  CHECK(spec->index == 2);
  CHECK(spec->count == 4);
  // Every path lands in exactly one of N shards, and the shards are not all empty.
  std::set<std::size_t> used;
  for (int i = 0; i < 200; ++i) {
    std::string path = "film-" + std::to_string(i) + ".txt";
    int hits = 0;
    for (std::size_t s = 0; s < 4; ++s) {
      if (in_shard(path, ShardSpec{s, 4})) {
        ++hits;
        used.insert(s);
      }
    }
    CHECK(hits == 1);
  }
  CHECK(used.size() == 4);
}

TEST_CASE("discovery walks directories in sorted order, skips hidden files and the output") {
  ScratchDir scratch;
  fs::path root = scratch.path() / "in";
  touch(root / "b.txt");
  touch(root / "a dir" / "z.fountain");
  touch(root / "a dir" / "é.txt");
  touch(root / ".hidden.txt");
  touch(root / ".git" / "x.txt");
  touch(root / "notes.tsv");
  touch(root / "out" / "old.json");
  DiscoveryOptions options{{root.string()}, {}, {}, root / "out"};
  auto result = discover_inputs(options);
  REQUIRE(result.error.empty());
  CHECK(relatives(result) == std::vector<std::string>{"a dir/z.fountain", "a dir/é.txt", "b.txt", "notes.tsv"});
  CHECK(result.inputs[2].path == root / "b.txt");

  options.exclude = {"*.tsv"};
  CHECK(relatives(discover_inputs(options)) == std::vector<std::string>{"a dir/z.fountain", "a dir/é.txt", "b.txt"});
  options.exclude.clear();
  options.include = {"*.txt"};
  CHECK(relatives(discover_inputs(options)) == std::vector<std::string>{"a dir/é.txt", "b.txt"});
}

TEST_CASE("discovery expands globs itself and refuses colliding or missing roots") {
  ScratchDir scratch;
  touch(scratch.path() / "x" / "one.txt");
  touch(scratch.path() / "x" / "two.md");
  touch(scratch.path() / "y" / "one.txt");
  DiscoveryOptions options;
  options.roots = {(scratch.path() / "x" / "*.txt").string()};
  auto result = discover_inputs(options);
  REQUIRE(result.error.empty());
  CHECK(relatives(result) == std::vector<std::string>{"one.txt"});

  options.roots = {(scratch.path() / "*" / "one.txt").string()};
  result = discover_inputs(options);
  REQUIRE(result.error.empty());
  CHECK(relatives(result) == std::vector<std::string>{"x/one.txt", "y/one.txt"});

  options.roots = {(scratch.path() / "x").string(), (scratch.path() / "y").string()};
  CHECK(discover_inputs(options).error.find("same relative path") != std::string::npos);

  // The same file twice is one input.
  options.roots = {(scratch.path() / "x").string(), (scratch.path() / "x" / "one.txt").string()};
  result = discover_inputs(options);
  REQUIRE(result.error.empty());
  CHECK(relatives(result) == std::vector<std::string>{"one.txt", "two.md"});

  options.roots = {(scratch.path() / "missing").string()};
  CHECK(!discover_inputs(options).error.empty());
  options.roots = {(scratch.path() / "*.none").string()};
  CHECK(discover_inputs(options).error.find("matches no file") != std::string::npos);
}

TEST_CASE("manifest entries round-trip and reject other documents") {
  ManifestEntry entry;
  entry.input = "sub dir/Amélie.txt";
  entry.bytes = 1234;
  entry.hash = to_hex(fnv1a64("content"));
  entry.settings = "graphs=1";
  entry.ok = true;
  entry.summary.title = "Amélie";
  entry.summary.year = 2001;
  entry.summary.top_characters = {"Amélie Poulain", "Nino"};
  entry.outputs = {"sub dir/Amélie.txt.json"};
  std::string text = to_manifest_json(entry);
  auto parsed = parse_manifest_entry(text);
  REQUIRE(parsed);
  CHECK(to_manifest_json(*parsed) == text);
  CHECK(!parse_manifest_entry("{\"schema\":\"something else\"}"));
  CHECK(!parse_manifest_entry(text.substr(0, text.size() / 2)));
}

TEST_CASE("the ordered pipeline returns every result in order and bounds the work in flight") {
  constexpr std::size_t kItems = 500;
  constexpr std::size_t kWindow = 8;
  std::size_t next = 0;
  std::atomic<std::size_t> in_flight{0};
  std::atomic<std::size_t> most_in_flight{0};
  std::vector<std::size_t> seen;
  std::size_t consumed = 0;
  run_ordered_pipeline<std::size_t, std::size_t>(
      4, kWindow,
      [&]() -> std::optional<std::size_t> {
        if (next >= kItems) return std::nullopt;
        return next++;
      },
      [&](std::size_t i) {
        std::size_t now = ++in_flight;
        std::size_t seen_max = most_in_flight.load();
        while (now > seen_max && !most_in_flight.compare_exchange_weak(seen_max, now)) {
        }
        if (i % 7 == 0) std::this_thread::sleep_for(std::chrono::microseconds(200));
        --in_flight;
        return i * i;
      },
      [&](std::size_t&& value) {
        seen.push_back(value);
        ++consumed;
      },
      [] {});
  REQUIRE(seen.size() == kItems);
  for (std::size_t i = 0; i < kItems; ++i) CHECK(seen[i] == i * i);
  CHECK(most_in_flight.load() <= 4);
}

TEST_CASE("the progress line shows the bar, rates and the time left") {
  std::string line = ProgressMeter::format_line(25, 100, 5'000'000, 10.0);
  CHECK(line.starts_with("[######..................] 25/100 files"));
  CHECK(line.find("2.5 files/s") != std::string::npos);
  CHECK(line.find("0.5 MB/s") != std::string::npos);
  CHECK(line.find("ETA 0:30") != std::string::npos);
  CHECK(ProgressMeter::format_line(100, 100, 0, 1.0).find("ETA") == std::string::npos);
}

TEST_CASE("stale temporary files are removed, other files kept") {
  ScratchDir scratch;
  touch(scratch.path() / ".a.txt.json.tmp-123-abcdef");
  touch(scratch.path() / ".manifest" / ".b.json.tmp-9-00");
  touch(scratch.path() / "keep.tmp-1.json");
  touch(scratch.path() / "a.txt.json");
  CHECK(remove_stale_temporaries(scratch.path()) == 2);
  CHECK(fs::exists(scratch.path() / "keep.tmp-1.json"));
  CHECK(fs::exists(scratch.path() / "a.txt.json"));
}

TEST_CASE("a JSON Lines record over the line limit fails alone, without being kept") {
  std::string input = std::string(kMaxJsonlLineBytes + 10, 'x') + "\n[1,2]\n";
  std::istringstream in(input);
  std::ostringstream out;
  JsonlReport report = run_jsonl(in, out, 1);
  CHECK(report.records == 2);
  CHECK(report.failed == 2);  // the long line, and an array that is not a record
  const std::string lines = out.str();
  CHECK(std::count(lines.begin(), lines.end(), '\n') == 2);
  CHECK(lines.find("line longer than the limit") != std::string::npos);
}

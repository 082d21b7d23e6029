// Screenplay throughput: parsing (read_screenplay) and the whole analysis (analyze_text:
// parse, story, characters, relationships, graph metrics, statistics) of Big Fish, read from
// ../shared at run time (skipped when absent), and of synthetic scripts of 1, 10 and 100 MB.
// Every benchmark reports bytes per second so that sizes can be compared: linear work gives
// the same rate at every size. scripts/bench runs them and prints the rates and ratios.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <string>

#include "io/decode.h"
#include "pipeline/analyze.h"
#include "screenplay/read_screenplay.h"
#include "synthetic_script.h"

namespace {

constexpr std::size_t kMegabyte = 1024 * 1024;

std::filesystem::path big_fish_path() {
  return std::filesystem::path(FILMSCOPE_SHARED_DIR) / "eval/fountain/fountain-io/Big-Fish.fountain";
}

// The decoded Big Fish text, or empty when ../shared is absent.
std::string big_fish() {
  if (!std::filesystem::exists(big_fish_path())) return {};
  filmscope::DecodeResult decoded = filmscope::load_text_file(big_fish_path());
  return decoded.decoded ? decoded.decoded->text : std::string();
}

filmscope::SourceInfo fountain_source() {
  filmscope::SourceInfo source;
  source.path = "benchmark.fountain";
  source.format = filmscope::InputFormat::fountain;
  source.encoding = "UTF-8";
  return source;
}

void run_parse(benchmark::State& state, const std::string& text) {
  for (auto _ : state) {
    auto document = filmscope::read_screenplay(text, filmscope::InputFormat::fountain);
    benchmark::DoNotOptimize(document);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(text.size()));
}

void run_analysis(benchmark::State& state, const std::string& text) {
  const filmscope::SourceInfo source = fountain_source();
  for (auto _ : state) {
    filmscope::Analysis analysis = filmscope::analyze_text(text, source);
    benchmark::DoNotOptimize(analysis);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(text.size()));
}

void BM_BigFishParse(benchmark::State& state) {
  const std::string text = big_fish();
  if (text.empty()) {
    state.SkipWithError("../shared/eval/fountain/fountain-io/Big-Fish.fountain is absent");
    return;
  }
  run_parse(state, text);
}

void BM_BigFishAnalysis(benchmark::State& state) {
  const std::string text = big_fish();
  if (text.empty()) {
    state.SkipWithError("../shared/eval/fountain/fountain-io/Big-Fish.fountain is absent");
    return;
  }
  run_analysis(state, text);
}

void BM_SyntheticParse(benchmark::State& state) {
  const std::string text = filmscope::bench::synthetic_script(static_cast<std::size_t>(state.range(0)) * kMegabyte);
  run_parse(state, text);
}

void BM_SyntheticAnalysis(benchmark::State& state) {
  const std::string text = filmscope::bench::synthetic_script(static_cast<std::size_t>(state.range(0)) * kMegabyte);
  run_analysis(state, text);
}

}  // namespace

BENCHMARK(BM_BigFishParse)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_BigFishAnalysis)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_SyntheticParse)->Arg(1)->Arg(10)->Arg(100)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SyntheticAnalysis)->Arg(1)->Arg(10)->Arg(100)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();

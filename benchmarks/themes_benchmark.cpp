// Throughput of the tone models: sentence valence and theme profiling, in words per second
// (the "items" counter), over the corpus synopses concatenated into one story.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "analysis/tone_analysis.h"
#include "sentiment/sentence_valence.h"
#include "text/tokenizer.h"
#include "themes/theme_profile.h"

namespace {

namespace fs = std::filesystem;

// The corpus synopses as scenes of one story, one paragraph per scene.
std::vector<filmscope::Scene> corpus_scenes() {
  std::vector<filmscope::Scene> scenes;
  std::vector<fs::path> files;
  for (const auto& dir : {fs::path(FILMSCOPE_SOURCE_DIR) / "corpora", fs::path(FILMSCOPE_SOURCE_DIR) / "corpora/prose"})
    for (const auto& entry : fs::directory_iterator(dir))
      if (entry.path().extension() == ".txt") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    std::ifstream in(file);
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty()) continue;
      filmscope::Scene scene;
      scene.index = scenes.size() + 1;
      scene.text = line;
      scenes.push_back(std::move(scene));
    }
  }
  return scenes;
}

std::size_t word_count(const std::vector<filmscope::ThemeSentence>& sentences) {
  std::size_t words = 0;
  for (const auto& s : sentences)
    for (const auto& token : filmscope::tokenize(s.text))
      if (token.kind != filmscope::TokenKind::punctuation) ++words;
  return words;
}

void BM_SentenceValence(benchmark::State& state) {
  const auto scenes = corpus_scenes();
  const auto sentences = filmscope::story_sentences(scenes);
  const auto words = word_count(sentences);
  const auto& lexicon = filmscope::default_valence_lexicon();
  for (auto _ : state) {
    double sum = 0;
    for (const auto& s : sentences) sum += filmscope::score_valence(s.text, lexicon).compound;
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * words));
}
BENCHMARK(BM_SentenceValence)->Unit(benchmark::kMillisecond);

void BM_ThemeProfile(benchmark::State& state) {
  const auto scenes = corpus_scenes();
  const auto sentences = filmscope::story_sentences(scenes);
  const auto words = word_count(sentences);
  const auto& set = filmscope::default_theme_set();
  for (auto _ : state) {
    auto profile = filmscope::profile_themes(sentences, set);
    benchmark::DoNotOptimize(profile.words);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * words));
}
BENCHMARK(BM_ThemeProfile)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();

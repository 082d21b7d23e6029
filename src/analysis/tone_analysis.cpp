// Scene valence and story themes; see tone_analysis.h.
#include "analysis/tone_analysis.h"

#include <string_view>

#include "analysis/tone_words.h"
#include "sentiment/sentence_valence.h"
#include "text/tokenizer.h"
#include "text/unicode_text.h"

namespace filmscope {

namespace {

bool blank(std::string_view line) {
  return line.find_first_not_of(" \t\r\f\v") == std::string_view::npos;
}

}  // namespace

std::size_t heading_length(const Scene& scene) {
  if (!scene.heading || scene.heading->empty()) return 0;
  const std::string heading = collapse_whitespace(*scene.heading);
  const std::string_view text = scene.text;
  if (heading.empty() || !text.starts_with(heading)) return 0;
  if (text.size() > heading.size() && text[heading.size()] != ' ') return 0;  // the text is collapsed
  return heading.size();
}

namespace {

void append_scene_sentences(const Scene& scene, std::vector<ThemeSentence>& sentences) {
  const std::string_view text = scene.text;
  std::size_t paragraph_start = std::string_view::npos;
  std::size_t start = 0;
  // A heading is a sentence of its own: its words still speak of the place ("EXT. CEMETERY").
  if (const std::size_t heading = heading_length(scene); heading > 0) {
    sentences.push_back({scene.index, text.substr(0, heading)});
    start = heading;
  }
  auto flush = [&](std::size_t end) {
    if (paragraph_start == std::string_view::npos) return;
    const auto paragraph = text.substr(paragraph_start, end - paragraph_start);
    for (const TextSpan& span : split_sentences(paragraph))
      sentences.push_back({scene.index, paragraph.substr(span.offset, span.length)});
    paragraph_start = std::string_view::npos;
  };
  while (start <= text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    if (blank(text.substr(start, end - start))) {
      flush(start);
    } else if (paragraph_start == std::string_view::npos) {
      paragraph_start = start;
    }
    start = end + 1;
  }
  flush(text.size());
}

// Every character's name and aliases: their words carry no valence (ProperNames).
ProperNames story_names(const Analysis& analysis) {
  std::vector<std::string> names;
  for (const Character& character : analysis.characters) {
    names.push_back(character.name);
    names.insert(names.end(), character.aliases.begin(), character.aliases.end());
  }
  return ProperNames::of(names);
}

}  // namespace

std::vector<ThemeSentence> story_sentences(const std::vector<Scene>& scenes) {
  std::vector<ThemeSentence> sentences;
  for (const Scene& scene : scenes) append_scene_sentences(scene, sentences);
  return sentences;
}

std::vector<ThemeSentence> scene_sentences(const Scene& scene) {
  std::vector<ThemeSentence> sentences;
  append_scene_sentences(scene, sentences);
  return sentences;
}

void apply_themes_and_valence(Analysis& analysis, const ThemeSet& themes, const ValenceLexicon& valence) {
  const auto sentences = story_sentences(analysis.scenes);
  const ProperNames names = story_names(analysis);
  for (Scene& scene : analysis.scenes) scene.sentences.emplace();
  // Each sentence is cut once for both models (tone_words.h).
  WordForms& forms = thread_word_forms();
  ThemeCounter counter(themes, forms);
  ToneWordCutter cutter(forms, valence);
  ToneWords words;
  for (const ThemeSentence& sentence : sentences) {
    cutter.cut(sentence.text, words);
    counter.add_sentence(words.themes.tokens);
    if (sentence.scene == 0 || sentence.scene > analysis.scenes.size()) continue;
    Scene& scene = analysis.scenes[sentence.scene - 1];
    scene.sentences->push_back({static_cast<std::size_t>(sentence.text.data() - scene.text.data()),
                                sentence.text.size(),
                                compound_valence(sentence.text, words.valence.tokens, valence, &names)});
  }
  for (Scene& scene : analysis.scenes) {
    double sum = 0.0;
    for (const SceneSentence& sentence : *scene.sentences) sum += sentence.valence;
    scene.valence = scene.sentences->empty() ? 0.0 : sum / static_cast<double>(scene.sentences->size());
  }
  analysis.themes = ranked_themes(counter.profile(sentences));
}

}  // namespace filmscope

// The sentence that explains a turning point; see turn_text.h.
#include "arcs/turn_text.h"

#include <cstdint>
#include <string_view>

#include "analysis/tone_analysis.h"
#include "sentiment/sentence_valence.h"

namespace filmscope {

namespace {

std::string capped(std::string_view text) {
  if (text.size() <= kMaxTurnTextBytes) return std::string(text);
  std::size_t end = kMaxTurnTextBytes;
  // Back up to the start of a UTF-8 character so the cut never splits one.
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return std::string(text.substr(0, end)) + "…";
}

}  // namespace

SceneSentenceCache::Entry& SceneSentenceCache::find_entry(const Scene& scene) {
  // Compared as addresses, not pointers: a scene from elsewhere is no element of `scenes_`.
  const auto at = reinterpret_cast<std::uintptr_t>(&scene);
  const auto first = reinterpret_cast<std::uintptr_t>(scenes_.data());
  const std::size_t position = (at - first) / sizeof(Scene);
  Entry& entry = at >= first && position < scenes_.size() && &scenes_[position] == &scene ? by_position_[position]
                                                                                           : by_address_[&scene];
  if (!entry.cut) cut(scene, entry);
  last_scene_ = &scene;
  last_entry_ = &entry;
  return entry;
}

void SceneSentenceCache::cut(const Scene& scene, Entry& entry) {
  entry.cut = true;
  const std::string_view text = scene.text;
  if (scene.sentences) {
    entry.sentences.reserve(scene.sentences->size());
    for (const SceneSentence& sentence : *scene.sentences)
      entry.sentences.push_back({text.substr(sentence.offset, sentence.length), sentence.valence});
  } else {
    for (const ThemeSentence& sentence : scene_sentences(scene))
      entry.sentences.push_back({sentence.text, score_valence(sentence.text, *valence_).compound});
  }
  entry.events.resize(entry.sentences.size());
}

const std::vector<SceneSentenceCache::Sentence>& SceneSentenceCache::sentences(const Scene& scene) {
  return entry(scene).sentences;
}

const std::vector<EventMatch>& SceneSentenceCache::events(const Scene& scene, std::size_t k) {
  Entry& entry = this->entry(scene);
  auto& events = entry.events.at(k);
  if (!events) events = find_relation_events(entry.sentences[k].text, *events_);
  return *events;
}

std::size_t SceneSentenceCache::heading_length(const Scene& scene) {
  Entry& entry = this->entry(scene);
  if (!entry.heading) entry.heading = filmscope::heading_length(scene);
  return *entry.heading;
}

std::string turn_sentence(const Scene& scene, double change, const std::vector<std::string>* event_kinds,
                          SceneSentenceCache& cache, std::span<const std::size_t> among) {
  const auto& sentences = cache.sentences(scene);
  if (sentences.empty()) return capped(scene.text);
  std::string_view best;
  double best_score = 0.0;
  const bool all = among.empty();
  const std::size_t count = all ? sentences.size() : among.size();
  // A heading says where, not what turned: it is quoted only when nothing else is there.
  const std::size_t heading = count > 1 ? cache.heading_length(scene) : 0;
  for (std::size_t n = 0; n < count; ++n) {
    const std::size_t k = all ? n : among[n];
    const SceneSentenceCache::Sentence& sentence = sentences[k];
    if (heading > 0 && sentence.text.data() == scene.text.data() && sentence.text.size() == heading) continue;
    double score = sentence.valence;
    if (event_kinds) score += event_shift(cache.events(scene, k), *event_kinds);
    if (change < 0.0) score = -score;
    if (best.empty() || score > best_score) {
      best = sentence.text;
      best_score = score;
    }
  }
  return capped(best);
}

std::string turn_sentence(const Scene& scene, double change, const std::vector<std::string>* event_kinds,
                          const RelationEventLexicon& events, const ValenceLexicon& valence) {
  SceneSentenceCache cache(events, valence);
  return turn_sentence(scene, change, event_kinds, cache);
}

}  // namespace filmscope

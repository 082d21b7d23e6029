// The sentence that explains a turning point; see turn_text.h.
#include "arcs/turn_text.h"

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

std::string turn_sentence(const Scene& scene, double change, const std::vector<std::string>* event_kinds,
                          const RelationEventLexicon& events, const ValenceLexicon& valence) {
  const std::vector<Scene> one{scene};
  const auto sentences = story_sentences(one);
  if (sentences.empty()) return capped(scene.text);
  std::string_view best;
  double best_score = 0.0;
  for (const ThemeSentence& sentence : sentences) {
    double score = score_valence(sentence.text, valence).compound;
    if (event_kinds) score += event_shift(sentence.text, *event_kinds, events);
    if (change < 0.0) score = -score;
    if (best.empty() || score > best_score) {
      best = sentence.text;
      best_score = score;
    }
  }
  return capped(best);
}

}  // namespace filmscope

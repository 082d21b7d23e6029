// Story and character arcs; see story_arc.h.
#include "arcs/story_arc.h"

#include <algorithm>
#include <cmath>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "arcs/arc_series.h"
#include "arcs/narrative_time.h"
#include "arcs/turn_text.h"

namespace filmscope {

namespace {

// The arc of the given scenes (0-based indices, in story order, all narrative).
Arc valence_arc(const Analysis& analysis, const NarrativeTime& time, const std::vector<std::size_t>& scenes,
                const std::string* character_id, const ReaganTemplates& templates, SceneSentenceCache* sentences) {
  Arc arc;
  std::vector<double> raw;
  for (std::size_t i : scenes) {
    const Scene& scene = analysis.scenes[i];
    ArcPoint point;
    point.scene = scene.index;
    point.position = time.position(i).value_or(0.0);
    const auto others = character_id ? scene.characters.size() - 1 : scene.characters.size();
    point.interaction = static_cast<double>(others);
    point.valence = scene.valence;
    raw.push_back(point.valence);
    arc.points.push_back(point);
  }
  const auto half_width =
      static_cast<std::size_t>(std::lround(kArcWindowShare * static_cast<double>(raw.size()) / 2.0));
  const auto smoothed = smooth_series(raw, half_width);
  for (std::size_t k = 0; k < arc.points.size(); ++k) arc.points[k].smoothed = smoothed[k];
  arc.curve = resample_series(smoothed, kArcCurvePoints);
  const ReaganFit fit = reagan_shape(arc.curve, kArcFlatAmplitude, templates);
  arc.shape = std::string(fit.shape);
  arc.fit = fit.correlation;
  double range = 0.0;
  if (!smoothed.empty()) {
    const auto [low, high] = std::minmax_element(smoothed.begin(), smoothed.end());
    range = *high - *low;
  }
  const double min_change = std::max(kArcTurnMinChange, kArcTurnRangeShare * range);
  std::optional<SceneSentenceCache> own;
  if (!sentences) sentences = &own.emplace(analysis.scenes);
  for (const SeriesTurn& turn : turning_points(raw, smoothed, min_change)) {
    const Scene& scene = analysis.scenes[scenes[turn.index]];
    arc.turning_points.push_back(
        {scene.index, turn_sentence(scene, turn.change, nullptr, *sentences), turn.change});
  }
  return arc;
}

}  // namespace

std::optional<Arc> story_arc(const Analysis& analysis, SceneSentenceCache* sentences) {
  const NarrativeTime time(analysis.scenes);
  std::vector<std::size_t> scenes;
  for (std::size_t i = 0; i < analysis.scenes.size(); ++i)
    if (time.position(i)) scenes.push_back(i);
  if (scenes.empty()) return std::nullopt;
  return valence_arc(analysis, time, scenes, nullptr, ReaganTemplates(kArcCurvePoints), sentences);
}

std::optional<Arc> character_arc(const Analysis& analysis, const std::string& character_id,
                                 SceneSentenceCache* sentences) {
  const NarrativeTime time(analysis.scenes);
  std::vector<std::size_t> scenes;
  for (std::size_t i = 0; i < analysis.scenes.size(); ++i) {
    const auto& ids = analysis.scenes[i].characters;
    if (time.position(i) && std::find(ids.begin(), ids.end(), character_id) != ids.end()) scenes.push_back(i);
  }
  if (scenes.size() < kMinCharacterArcScenes) return std::nullopt;
  return valence_arc(analysis, time, scenes, &character_id, ReaganTemplates(kArcCurvePoints), sentences);
}

std::vector<std::optional<Arc>> character_arcs(const Analysis& analysis, SceneSentenceCache* sentences) {
  const NarrativeTime time(analysis.scenes);
  std::unordered_map<std::string_view, std::size_t> position;
  for (std::size_t c = 0; c < analysis.characters.size(); ++c) position.emplace(analysis.characters[c].id, c);
  std::vector<std::vector<std::size_t>> scenes(analysis.characters.size());
  for (std::size_t i = 0; i < analysis.scenes.size(); ++i) {
    if (!time.position(i)) continue;
    for (const std::string& id : analysis.scenes[i].characters) {
      auto found = position.find(id);
      // A scene lists each character once; the check keeps a repeated id from counting twice.
      if (found != position.end() && (scenes[found->second].empty() || scenes[found->second].back() != i))
        scenes[found->second].push_back(i);
    }
  }
  std::vector<std::optional<Arc>> arcs(analysis.characters.size());
  const ReaganTemplates templates(kArcCurvePoints);
  for (std::size_t c = 0; c < arcs.size(); ++c) {
    if (scenes[c].size() >= kMinCharacterArcScenes)
      arcs[c] = valence_arc(analysis, time, scenes[c], &analysis.characters[c].id, templates, sentences);
  }
  return arcs;
}

}  // namespace filmscope

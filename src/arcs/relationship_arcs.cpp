// Relationship arcs; see relationship_arcs.h.
#include "arcs/relationship_arcs.h"

#include <algorithm>
#include <iterator>
#include <string_view>
#include <unordered_map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "arcs/arc_series.h"
#include "arcs/narrative_time.h"
#include "arcs/turn_text.h"

namespace filmscope {

namespace {

// What every relationship's arc reads, computed once per analysis. Characters are keyed by
// views of their ids in the Analysis, which outlives this.
struct ArcInputs {
  ArcInputs(const Analysis& analysis, const RelationEventLexicon& lexicon, SceneSentenceCache& sentences)
      : time(analysis.scenes), events(&lexicon), sentences(&sentences), scene_events(analysis.scenes.size()) {
    for (std::size_t i = 0; i < analysis.scenes.size(); ++i) {
      for (const auto& id : analysis.scenes[i].characters) {
        auto& scenes = scenes_of[id];
        if (scenes.empty() || scenes.back() != i) scenes.push_back(i);
      }
    }
    for (const Character& c : analysis.characters) {
      if (c.mentions.empty()) continue;
      std::vector<std::size_t> scenes;
      scenes.reserve(c.mentions.size());
      for (const Mention& m : c.mentions) scenes.push_back(m.scene);
      std::sort(scenes.begin(), scenes.end());
      auto& counts = mentions[c.id];
      for (std::size_t scene : scenes) {
        if (counts.empty() || counts.back().first != scene) counts.emplace_back(scene, 0);
        ++counts.back().second;
      }
    }
    for (const Relationship& r : analysis.relationships) {
      if (r.kinds.empty()) continue;
      typed[r.source].push_back(&r);
      typed[r.target].push_back(&r);
    }
  }

  std::size_t mentions_in(std::string_view id, std::size_t scene_number) const {
    auto it = mentions.find(id);
    if (it == mentions.end()) return 0;
    auto at = std::lower_bound(it->second.begin(), it->second.end(), std::pair<std::size_t, std::size_t>(scene_number, 0));
    return at != it->second.end() && at->first == scene_number ? at->second : 0;
  }

  // The events of scene `i`, found the first time a relationship visits the scene: those of its
  // sentences, which turning points quote too, so each sentence is searched once. A negation or
  // a phrase does not reach across a sentence (or a speech) this way: "Nothing today." does not
  // negate the next speaker's "Thanks".
  const std::vector<EventMatch>& events_of(const Analysis& analysis, std::size_t i) const {
    if (scene_events[i]) return *scene_events[i];
    const Scene& scene = analysis.scenes[i];
    auto& found = scene_events[i].emplace();
    const std::size_t count = sentences->sentences(scene).size();
    if (count == 0) {
      found = find_relation_events(scene.text, *events);
      return found;
    }
    // In text order; each match's word index is within its sentence.
    for (std::size_t k = 0; k < count; ++k) {
      const auto& in_sentence = sentences->events(scene, k);
      found.insert(found.end(), in_sentence.begin(), in_sentence.end());
    }
    return found;
  }

  NarrativeTime time;
  const RelationEventLexicon* events;
  SceneSentenceCache* sentences;
  mutable std::vector<std::optional<std::vector<EventMatch>>> scene_events;  // per scene (0-based)
  // id → (scene number, mentions there), ascending by scene number.
  std::unordered_map<std::string_view, std::vector<std::pair<std::size_t, std::size_t>>> mentions;
  std::unordered_map<std::string_view, std::vector<const Relationship*>> typed;  // id → its typed relationships
  // id → 0-based indices of the scenes the character is in, ascending: a pair's arc only visits
  // those, so a story with thousands of scenes and pairs stays linear in their mentions.
  std::unordered_map<std::string_view, std::vector<std::size_t>> scenes_of;
};

// Whether scene `i`, naming only `id` of the pair, implies the relationship's other partner: it
// names a partner-implying event, and of all of `id`'s typed relationships this is the only one
// the event applies to (so "heartbroken" is not given to a former wife when there is also a
// lover).
bool implies_partner(const Analysis& analysis, const ArcInputs& in, const Relationship& relationship,
                     const std::string& id, std::size_t i) {
  const auto it = in.typed.find(id);
  if (it == in.typed.end()) return false;
  for (const EventMatch& match : in.events_of(analysis, i)) {
    if (!match.event->implies_partner) continue;
    const Relationship* only = nullptr;
    std::size_t count = 0;
    for (const Relationship* r : it->second) {
      if (!event_applies(*match.event, r->kinds)) continue;
      only = r;
      ++count;
    }
    if (count == 1 && only == &relationship) return true;
  }
  return false;
}

// The sentences of `scene` (indices into the cache's cut) that touch one of `ranges` (byte
// ranges of its text, ascending).
std::vector<std::size_t> sentences_touching(const Scene& scene,
                                            const std::vector<std::pair<std::size_t, std::size_t>>& ranges,
                                            SceneSentenceCache& cache) {
  std::vector<std::size_t> touching;
  const auto& sentences = cache.sentences(scene);
  std::size_t r = 0;
  for (std::size_t k = 0; k < sentences.size(); ++k) {
    const auto begin = static_cast<std::size_t>(sentences[k].text.data() - scene.text.data());
    const std::size_t end = begin + sentences[k].text.size();
    while (r < ranges.size() && ranges[r].second <= begin) ++r;
    if (r < ranges.size() && ranges[r].first < end) touching.push_back(k);
  }
  return touching;
}

// A screenplay point's valence: the mean of the sentences that join the pair, moved by their
// events; nullopt when none does (the pair is only named in a heading, say).
std::optional<double> joining_valence(const Scene& scene, const std::vector<std::size_t>& touching,
                                      const Relationship& relationship, SceneSentenceCache& cache) {
  if (touching.empty()) return std::nullopt;
  const auto& sentences = cache.sentences(scene);
  double sum = 0.0;
  std::vector<EventMatch> events;
  for (std::size_t k : touching) {
    sum += sentences[k].valence;
    const auto& found = cache.events(scene, k);
    events.insert(events.end(), found.begin(), found.end());
  }
  return sum / static_cast<double>(touching.size()) + event_shift(events, relationship.kinds);
}

std::optional<Arc> relationship_arc(const Analysis& analysis, const Relationship& relationship, const ArcInputs& in) {
  const bool screenplay = analysis.source.format != InputFormat::synopsis;
  Arc arc;
  std::vector<std::size_t> scene_of_point;  // 0-based scene index per point
  // Per point, the sentences that join the pair (screenplays), which its turn is quoted from.
  std::vector<std::vector<std::size_t>> joining_of_point;
  auto joining = relationship.joining.begin();
  // The scenes of either character, ascending, each with which of the two it holds: a merge
  // of their scene lists.
  struct Candidate {
    std::size_t scene = 0;
    bool source = false;
    bool target = false;
  };
  std::vector<Candidate> candidates;
  {
    static const std::vector<std::size_t> kNone;
    auto source_it = in.scenes_of.find(relationship.source);
    auto target_it = in.scenes_of.find(relationship.target);
    const auto& a = source_it == in.scenes_of.end() ? kNone : source_it->second;
    const auto& b = target_it == in.scenes_of.end() ? kNone : target_it->second;
    std::size_t x = 0;
    std::size_t y = 0;
    while (x < a.size() || y < b.size()) {
      if (y == b.size() || (x < a.size() && a[x] < b[y])) {
        candidates.push_back({a[x++], true, false});
      } else if (x == a.size() || b[y] < a[x]) {
        candidates.push_back({b[y++], false, true});
      } else {
        candidates.push_back({a[x], true, true});
        ++x;
        ++y;
      }
    }
  }
  for (const Candidate& candidate : candidates) {
    const std::size_t i = candidate.scene;
    const auto position = in.time.position(i);
    if (!position) continue;
    const Scene& scene = analysis.scenes[i];
    const bool has_source = candidate.source;
    const bool has_target = candidate.target;
    ArcPoint point;
    point.scene = scene.index;
    point.position = *position;
    if (has_source && has_target) {
      if (screenplay) {
        point.interaction = static_cast<double>(
            std::max<std::size_t>(1, std::min(in.mentions_in(relationship.source, scene.index),
                                              in.mentions_in(relationship.target, scene.index))));
      } else {
        point.interaction =
            1.0 + static_cast<double>(std::count_if(
                      relationship.evidence.begin(), relationship.evidence.end(),
                      [&](const Evidence& e) { return e.scene == scene.index && !e.kind.empty(); }));
      }
    } else if (has_source != has_target && scene.characters.size() == 1 && !relationship.kinds.empty() &&
               implies_partner(analysis, in, relationship, has_source ? relationship.source : relationship.target, i)) {
      point.interaction = 1.0;
    } else {
      continue;
    }
    std::vector<std::size_t> touching;
    while (joining != relationship.joining.end() && joining->scene < scene.index) ++joining;
    if (joining != relationship.joining.end() && joining->scene == scene.index)
      touching = sentences_touching(scene, joining->ranges, *in.sentences);
    const std::optional<double> joined = joining_valence(scene, touching, relationship, *in.sentences);
    point.valence = std::clamp(
        joined ? *joined : scene.valence + event_shift(in.events_of(analysis, i), relationship.kinds), -1.0, 1.0);
    arc.points.push_back(point);
    scene_of_point.push_back(i);
    joining_of_point.push_back(std::move(touching));
  }
  if (arc.points.empty()) return std::nullopt;

  std::vector<double> raw;
  for (const ArcPoint& p : arc.points) raw.push_back(p.valence);
  const auto smoothed = smooth_series(raw, raw.size() >= kMinPointsToSmooth ? kRelationshipSmoothingHalfWidth : 0);
  for (std::size_t k = 0; k < arc.points.size(); ++k) arc.points[k].smoothed = smoothed[k];
  arc.shape = std::string(relationship_shape(smoothed));
  for (const SeriesTurn& turn : turning_points(raw, smoothed, kRelationshipTurnMinChange)) {
    const Scene& scene = analysis.scenes[scene_of_point[turn.index]];
    const auto& joined = joining_of_point[turn.index];
    arc.turning_points.push_back({scene.index,
                                  turn_sentence(scene, turn.change, &relationship.kinds, *in.sentences,
                                                joined.empty() ? nullptr : &joined),
                                  turn.change});
  }
  return arc;
}

}  // namespace

void apply_relationship_arcs(Analysis& analysis, const RelationEventLexicon& events,
                             SceneSentenceCache* sentences) {
  std::optional<SceneSentenceCache> own;
  if (!sentences || &sentences->events() != &events) sentences = &own.emplace(events);
  const ArcInputs inputs(analysis, events, *sentences);
  std::vector<std::optional<Arc>> arcs;
  arcs.reserve(analysis.relationships.size());
  for (const Relationship& r : analysis.relationships) arcs.push_back(relationship_arc(analysis, r, inputs));
  for (std::size_t i = 0; i < arcs.size(); ++i) analysis.relationships[i].arc = std::move(arcs[i]);
}

}  // namespace filmscope

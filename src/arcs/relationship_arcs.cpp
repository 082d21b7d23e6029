// Relationship arcs; see relationship_arcs.h.
#include "arcs/relationship_arcs.h"

#include <algorithm>
#include <iterator>
#include <string_view>
#include <unordered_map>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "arcs/arc_series.h"
#include "arcs/narrative_time.h"
#include "arcs/turn_text.h"
#include "text/string_lookup.h"

namespace filmscope {

namespace {

// What one character (an id named by a scene, a mention or a relationship) brings to the arcs.
struct Person {
  // 0-based indices of the scenes naming the id, ascending: a pair's arc only visits those,
  // so a story with thousands of scenes and pairs stays linear in their mentions.
  std::vector<std::size_t> scenes;
  std::vector<std::pair<std::size_t, std::size_t>> mentions;  // (scene number, mentions there), ascending
  std::vector<const Relationship*> typed;  // its relationships with a kind
};

// What every relationship's arc reads, computed once per analysis. Ids are views of those in
// the Analysis, which outlives this.
struct ArcInputs {
  ArcInputs(const Analysis& analysis, const RelationEventLexicon& lexicon, SceneSentenceCache& sentences)
      : time(analysis.scenes), events(&lexicon), sentences(&sentences), scene_events(analysis.scenes.size()) {
    for (std::size_t i = 0; i < analysis.scenes.size(); ++i) {
      for (const auto& id : analysis.scenes[i].characters) {
        auto& scenes = person(id).scenes;
        if (scenes.empty() || scenes.back() != i) scenes.push_back(i);
      }
    }
    std::vector<std::size_t> scenes;
    for (const Character& c : analysis.characters) {
      if (c.mentions.empty()) continue;
      scenes.clear();
      for (const Mention& m : c.mentions) scenes.push_back(m.scene);
      std::sort(scenes.begin(), scenes.end());
      auto& counts = person(c.id).mentions;
      for (std::size_t scene : scenes) {
        if (counts.empty() || counts.back().first != scene) counts.emplace_back(scene, 0);
        ++counts.back().second;
      }
    }
    for (const Relationship& r : analysis.relationships) {
      if (r.kinds.empty()) continue;
      person(r.source).typed.push_back(&r);
      person(r.target).typed.push_back(&r);
    }
  }

  // The person with id `id`, added when new.
  Person& person(std::string_view id) {
    auto [it, added] = index_of.try_emplace(id, people.size());
    if (added) people.emplace_back();
    return people[it->second];
  }
  const Person* find(std::string_view id) const {
    auto it = index_of.find(id);
    return it == index_of.end() ? nullptr : &people[it->second];
  }

  static std::size_t mentions_in(const Person* person, std::size_t scene_number) {
    if (!person) return 0;
    const auto& counts = person->mentions;
    auto at = std::lower_bound(counts.begin(), counts.end(), std::pair<std::size_t, std::size_t>(scene_number, 0));
    return at != counts.end() && at->first == scene_number ? at->second : 0;
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
  std::vector<Person> people;
  std::unordered_map<std::string_view, std::size_t, StringViewHash> index_of;  // id → index into people
};

// Whether scene `i`, naming only `one` of the pair, implies the relationship's other partner: it
// names a partner-implying event, and of all of that character's typed relationships this is
// the only one the event applies to (so "heartbroken" is not given to a former wife when there
// is also a lover).
bool implies_partner(const Analysis& analysis, const ArcInputs& in, const Relationship& relationship,
                     const Person* one, std::size_t i) {
  if (!one || one->typed.empty()) return false;
  for (const EventMatch& match : in.events_of(analysis, i)) {
    if (!match.event->implies_partner) continue;
    const Relationship* only = nullptr;
    std::size_t count = 0;
    for (const Relationship* r : one->typed) {
      if (!event_applies(*match.event, r->kinds)) continue;
      only = r;
      ++count;
    }
    if (count == 1 && only == &relationship) return true;
  }
  return false;
}

// Appends to `touching` the sentences of `scene` (indices into the cache's cut) that touch one of
// `ranges` (byte ranges of its text, ascending).
void sentences_touching(const Scene& scene, const std::vector<std::pair<std::size_t, std::size_t>>& ranges,
                        SceneSentenceCache& cache, std::vector<std::size_t>& touching) {
  const auto& sentences = cache.sentences(scene);
  std::size_t r = 0;
  for (std::size_t k = 0; k < sentences.size(); ++k) {
    const auto begin = static_cast<std::size_t>(sentences[k].text.data() - scene.text.data());
    const std::size_t end = begin + sentences[k].text.size();
    while (r < ranges.size() && ranges[r].second <= begin) ++r;
    if (r < ranges.size() && ranges[r].first < end) touching.push_back(k);
  }
}

// A screenplay point's valence: the mean of the sentences that join the pair, moved by their
// events (in text order, as event_shift sums them); nullopt when none does (the pair is only
// named in a heading, say).
std::optional<double> joining_valence(const Scene& scene, std::span<const std::size_t> touching,
                                      const Relationship& relationship, SceneSentenceCache& cache) {
  if (touching.empty()) return std::nullopt;
  const auto& sentences = cache.sentences(scene);
  double sum = 0.0;
  double shift = 0.0;
  for (std::size_t k : touching) {
    sum += sentences[k].valence;
    for (const EventMatch& match : cache.events(scene, k))
      if (event_applies(*match.event, relationship.kinds)) shift += match.event->weight;
  }
  return sum / static_cast<double>(touching.size()) + std::clamp(shift, -kMaxEventShift, kMaxEventShift);
}

// What one relationship's arc works with, kept from pair to pair so that the few hundred pairs of
// a screenplay do not each allocate a dozen small vectors.
struct ArcBuffers {
  std::vector<std::size_t> scene_of_point;  // 0-based scene index per point
  // Per point, the sentences that join the pair (screenplays), which its turn is quoted from:
  // joined[joined_from[p] .. joined_from[p + 1]).
  std::vector<std::size_t> joined;
  std::vector<std::size_t> joined_from;
  std::vector<double> raw;
  std::vector<double> smoothed;
  std::vector<SeriesTurn> turns;
  std::vector<std::size_t> pivots;
};

std::optional<Arc> relationship_arc(const Analysis& analysis, const Relationship& relationship, const ArcInputs& in,
                                    ArcBuffers& buffers) {
  const bool screenplay = analysis.source.format != InputFormat::synopsis;
  Arc arc;
  auto& scene_of_point = buffers.scene_of_point;
  auto& joined = buffers.joined;
  auto& joined_from = buffers.joined_from;
  scene_of_point.clear();
  joined.clear();
  joined_from.assign(1, 0);
  auto joining = relationship.joining.begin();
  const Person* source = in.find(relationship.source);
  const Person* target = in.find(relationship.target);
  static const std::vector<std::size_t> kNone;
  const auto& a = source ? source->scenes : kNone;
  const auto& b = target ? target->scenes : kNone;
  // The scenes of either character, ascending, each with which of the two it holds: a merge of
  // their scene lists.
  std::size_t x = 0;
  std::size_t y = 0;
  while (x < a.size() || y < b.size()) {
    std::size_t i = 0;
    bool has_source = false;
    bool has_target = false;
    if (y == b.size() || (x < a.size() && a[x] < b[y])) {
      i = a[x++];
      has_source = true;
    } else if (x == a.size() || b[y] < a[x]) {
      i = b[y++];
      has_target = true;
    } else {
      i = a[x];
      ++x;
      ++y;
      has_source = has_target = true;
    }
    const auto position = in.time.position(i);
    if (!position) continue;
    const Scene& scene = analysis.scenes[i];
    ArcPoint point;
    point.scene = scene.index;
    point.position = *position;
    if (has_source && has_target) {
      if (screenplay) {
        point.interaction = static_cast<double>(std::max<std::size_t>(
            1, std::min(ArcInputs::mentions_in(source, scene.index), ArcInputs::mentions_in(target, scene.index))));
      } else {
        point.interaction =
            1.0 + static_cast<double>(std::count_if(
                      relationship.evidence.begin(), relationship.evidence.end(),
                      [&](const Evidence& e) { return e.scene == scene.index && !e.kind.empty(); }));
      }
    } else if (scene.characters.size() == 1 && !relationship.kinds.empty() &&
               implies_partner(analysis, in, relationship, has_source ? source : target, i)) {
      point.interaction = 1.0;
    } else {
      continue;
    }
    const std::size_t first_joined = joined.size();
    while (joining != relationship.joining.end() && joining->scene < scene.index) ++joining;
    if (joining != relationship.joining.end() && joining->scene == scene.index)
      sentences_touching(scene, joining->ranges, *in.sentences, joined);
    const std::optional<double> joined_valence = joining_valence(
        scene, std::span<const std::size_t>(joined).subspan(first_joined), relationship, *in.sentences);
    point.valence =
        std::clamp(joined_valence ? *joined_valence
                                  : scene.valence + event_shift(in.events_of(analysis, i), relationship.kinds),
                   -1.0, 1.0);
    arc.points.push_back(point);
    scene_of_point.push_back(i);
    joined_from.push_back(joined.size());
  }
  if (arc.points.empty()) return std::nullopt;

  auto& raw = buffers.raw;
  auto& smoothed = buffers.smoothed;
  raw.clear();
  for (const ArcPoint& p : arc.points) raw.push_back(p.valence);
  smooth_series(raw, raw.size() >= kMinPointsToSmooth ? kRelationshipSmoothingHalfWidth : 0, smoothed);
  for (std::size_t k = 0; k < arc.points.size(); ++k) arc.points[k].smoothed = smoothed[k];
  arc.shape = std::string(relationship_shape(smoothed));
  turning_points(raw, smoothed, kRelationshipTurnMinChange, buffers.turns, buffers.pivots);
  for (const SeriesTurn& turn : buffers.turns) {
    const Scene& scene = analysis.scenes[scene_of_point[turn.index]];
    const std::span<const std::size_t> among =
        std::span<const std::size_t>(joined).subspan(joined_from[turn.index], joined_from[turn.index + 1] - joined_from[turn.index]);
    arc.turning_points.push_back(
        {scene.index, turn_sentence(scene, turn.change, &relationship.kinds, *in.sentences, among), turn.change});
  }
  return arc;
}

}  // namespace

void apply_relationship_arcs(Analysis& analysis, const RelationEventLexicon& events,
                             SceneSentenceCache* sentences) {
  std::optional<SceneSentenceCache> own;
  if (!sentences || &sentences->events() != &events) sentences = &own.emplace(analysis.scenes, events);
  const ArcInputs inputs(analysis, events, *sentences);
  std::vector<std::optional<Arc>> arcs;
  arcs.reserve(analysis.relationships.size());
  ArcBuffers buffers;
  for (const Relationship& r : analysis.relationships) arcs.push_back(relationship_arc(analysis, r, inputs, buffers));
  for (std::size_t i = 0; i < arcs.size(); ++i) analysis.relationships[i].arc = std::move(arcs[i]);
}

}  // namespace filmscope

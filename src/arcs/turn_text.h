// Turn text: the sentence of a scene that explains a turning point of an arc.
//
// Takes: a scene and the signed change at the turn. Produces: the scene's sentence that moves
// most in that direction — the highest valence for a rise, the lowest for a fall — scored by the
// sentence valence model plus, for a relationship, the events that apply to its kinds
// (relation_events.h). A synopsis scene is one sentence, so it is quoted whole; a screenplay
// scene yields its most telling sentence. Sentences are cut as tone_analysis.h cuts them.
// Limits: a sentence is cut at kMaxTurnTextBytes (at a character boundary, with "…").
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "arcs/relation_events.h"
#include "model/analysis.h"

namespace filmscope {

inline constexpr std::size_t kMaxTurnTextBytes = 400;

// `event_kinds` null: valence alone (story and character arcs); else the relationship's kinds.
std::string turn_sentence(const Scene& scene, double change, const std::vector<std::string>* event_kinds,
                          const RelationEventLexicon& events = default_relation_events(),
                          const ValenceLexicon& valence = default_valence_lexicon());

// Each scene's sentences with their valence and events, worked out once for all the arcs of an
// analysis that quote the scene (story, characters, relationships): splitting and scoring are
// most of a turn's cost. A scene the tone stage has cut (Scene::sentences) is taken as cut and
// scored there. A sentence's events are found the first time a relationship's turn asks for
// them (story and character turns never do). Entries hold views into the scenes' texts, so the
// scenes must outlive the cache and stay unchanged. A cache given the analysis's scenes keeps
// their entries by position, which an arc's thousands of lookups find without hashing; a scene
// from elsewhere is kept by its address.
class SceneSentenceCache {
 public:
  struct Sentence {
    std::string_view text;
    double valence = 0.0;
  };

  explicit SceneSentenceCache(const RelationEventLexicon& events = default_relation_events(),
                              const ValenceLexicon& valence = default_valence_lexicon())
      : events_(&events), valence_(&valence) {}
  // `scenes` (those of an analysis, say) must stay where they are while the cache is used.
  explicit SceneSentenceCache(std::span<const Scene> scenes,
                              const RelationEventLexicon& events = default_relation_events(),
                              const ValenceLexicon& valence = default_valence_lexicon())
      : events_(&events), valence_(&valence), scenes_(scenes), by_position_(scenes.size()) {}

  const RelationEventLexicon& events() const { return *events_; }
  const std::vector<Sentence>& sentences(const Scene& scene);
  // The events of sentence `k` of sentences(scene).
  const std::vector<EventMatch>& events(const Scene& scene, std::size_t k);
  // heading_length(scene) (analysis/tone_analysis.h).
  std::size_t heading_length(const Scene& scene);

 private:
  struct Entry {
    bool cut = false;  // whether `sentences` and `events` are filled in
    std::vector<Sentence> sentences;
    std::vector<std::optional<std::vector<EventMatch>>> events;  // per sentence, once asked for
    std::optional<std::size_t> heading;  // heading_length of the scene, once asked for
  };

  // The scene's entry, made (cut and scored) the first time the scene is asked for.
  Entry& entry(const Scene& scene) { return last_scene_ == &scene ? *last_entry_ : find_entry(scene); }
  Entry& find_entry(const Scene& scene);
  void cut(const Scene& scene, Entry& entry);

  const RelationEventLexicon* events_;
  const ValenceLexicon* valence_;
  std::span<const Scene> scenes_;
  std::vector<Entry> by_position_;  // per scene of scenes_
  std::unordered_map<const Scene*, Entry> by_address_;  // other scenes; the map's nodes stay put
  // The scene asked for last and its entry: a pair's arc asks for the sentences and events of
  // one scene many times in a row.
  const Scene* last_scene_ = nullptr;
  Entry* last_entry_ = nullptr;
};

// As above, with the scene's sentences taken from (and kept in) `cache`; `among`, when not empty,
// limits the choice to those sentences (indices into cache.sentences(scene)): the ones that join
// a screenplay pair.
std::string turn_sentence(const Scene& scene, double change, const std::vector<std::string>* event_kinds,
                          SceneSentenceCache& cache, std::span<const std::size_t> among = {});

}  // namespace filmscope

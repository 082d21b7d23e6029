// Every arc of an Analysis; see apply_arcs.h.
#include "arcs/apply_arcs.h"

#include "arcs/relationship_arcs.h"
#include "arcs/story_arc.h"

namespace filmscope {

void apply_arcs(Analysis& analysis) {
  SceneSentenceCache sentences(analysis.scenes);  // the scenes stay unchanged while the arcs are computed
  analysis.arc = story_arc(analysis, &sentences);
  std::vector<std::optional<Arc>> arcs = character_arcs(analysis, &sentences);
  for (std::size_t c = 0; c < analysis.characters.size(); ++c) analysis.characters[c].arc = std::move(arcs[c]);
  apply_relationship_arcs(analysis, default_relation_events(), &sentences);
}

}  // namespace filmscope

// Every arc of an Analysis; see apply_arcs.h.
#include "arcs/apply_arcs.h"

#include "arcs/relationship_arcs.h"
#include "arcs/story_arc.h"

namespace filmscope {

void apply_arcs(Analysis& analysis) {
  analysis.arc = story_arc(analysis);
  std::vector<std::optional<Arc>> arcs = character_arcs(analysis);
  for (std::size_t c = 0; c < analysis.characters.size(); ++c) analysis.characters[c].arc = std::move(arcs[c]);
  apply_relationship_arcs(analysis);
}

}  // namespace filmscope

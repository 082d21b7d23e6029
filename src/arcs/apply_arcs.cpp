// Every arc of an Analysis; see apply_arcs.h.
#include "arcs/apply_arcs.h"

#include "arcs/relationship_arcs.h"
#include "arcs/story_arc.h"

namespace filmscope {

void apply_arcs(Analysis& analysis) {
  analysis.arc = story_arc(analysis);
  for (Character& c : analysis.characters) c.arc = character_arc(analysis, c.id);
  apply_relationship_arcs(analysis);
}

}  // namespace filmscope

// Every arc of an Analysis; see apply_arcs.h.
#include "arcs/apply_arcs.h"

#include "arcs/relationship_arcs.h"
#include "arcs/story_arc.h"

namespace filmscope {

void apply_arcs(Analysis& analysis) {
  SceneSentenceCache sentences;  // the scenes stay unchanged while the arcs are computed
  analysis.arc = story_arc(analysis, &sentences);
  for (Character& c : analysis.characters) c.arc = character_arc(analysis, c.id, &sentences);
  apply_relationship_arcs(analysis, default_relation_events(), &sentences);
}

}  // namespace filmscope

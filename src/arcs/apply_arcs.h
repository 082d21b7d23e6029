// Arcs: the emotional course of the story, of each character and of each relationship.
//
// Takes: an Analysis after apply_themes_and_valence (scene valences must be filled). Produces:
// Analysis::arc (story_arc.h), Character::arc (story_arc.h) and Relationship::arc
// (relationship_arcs.h), replacing earlier values. Deterministic: the same Analysis gives the
// same numbers.
#pragma once

#include "model/analysis.h"

namespace filmscope {

void apply_arcs(Analysis& analysis);

}  // namespace filmscope

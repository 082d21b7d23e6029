// Screenplay element stream → Story: one NarrativeUnit per scene.
//
// Takes a ScreenplayDocument from any screenplay reader; produces the film model. Each scene
// heading opens a unit carrying the heading text, its SceneSetting (with the scene number the
// reader found), the dialogue blocks (cue, normalised speaker, extensions, dual flag, spoken
// words without parentheticals) and the action lines joined. Content before the first heading
// becomes a unit only if it holds action or dialogue. Sections name the units that follow them.
// The title page gives the film title and, from Author/Authors/Written by, the writers.
// Limits: notes, boneyard, synopses and page furniture are not part of any unit's text.
#pragma once

#include "model/analysis.h"
#include "model/screenplay.h"

namespace filmscope {

Story story_from_screenplay(const ScreenplayDocument& document);

}  // namespace filmscope

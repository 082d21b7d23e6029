// The narrative chart, in the manner of xkcd's "Movie Narrative Charts" (xkcd.com/657): time
// runs left to right over the scenes (the sentences of a synopsis), each main character is a
// line, and characters who share a scene are drawn bunched together there.
//
// Takes: an Analysis (scenes with the characters present, characters in order of importance).
// Produces: an HTML fragment holding one inline SVG.
// Method: the kNarrativeCharacterLimit most important characters present in the story get a
// home lane (grouped by community). At each scene, the characters present are drawn as a tight
// bundle centred where they were, the others stay where they were while drifting slowly back
// towards their lanes, and a sweep in each direction keeps lines apart; the final positions
// are the average of the two sweeps, which keeps every gap. A line runs from a character's
// first scene to the last, as cubic Bézier segments, named at both ends. Cast-list
// descriptions are not moments of the story, and scenes without any charted character would
// only stretch the lines: both are left out (the caption says how many).
// Limits: lines may still cross; the order within a bundle is the lanes' order.
#pragma once

#include <cstddef>
#include <string>

#include "model/analysis.h"

namespace filmscope::report {

// More lines than this cannot be told apart by colour or followed by eye.
inline constexpr std::size_t kNarrativeCharacterLimit = 12;

std::string narrative_chart_figure(const Analysis& analysis);

}  // namespace filmscope::report

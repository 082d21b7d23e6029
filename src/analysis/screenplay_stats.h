// A screenwriter's figures for an analysed screenplay: scenes by setting and time of day,
// locations by frequency, each speaker's share of the dialogue, the balance of action and
// dialogue words, and the same figures per section.
//
// Takes: an Analysis whose scenes carry their SceneSetting and word counts and whose characters
// carry their dialogue counts (what analyze_screenplay builds). Produces: ScreenplayStats.
// Method: plain counting. Words are runs of non-space characters, as the readers count them;
// locations are compared as written after folding spaces and case ("Bloom House" and
// "BLOOM HOUSE" are one); a scene without a setting or time of day counts under "". Scenes
// are the units with a heading; material before the first heading (an opening voice-over)
// counts as an unheaded unit, and its words and speeches count like any scene's.
// Times of day drop the writer's annotations: "NIGHT [CONTINUOUS]" and "(PRESENT) DAY" count
// as NIGHT and DAY, "DAY / DRIVING" as DAY. Labels with equal counts keep the order in which the script first uses them.
// Limits: sub-locations ("BLOOM HOUSE - KITCHEN") count as their own location; a page count
// is only known when the source states scene lengths (Final Draft), otherwise `eighths` is 0.
#pragma once

#include "model/analysis.h"

namespace filmscope {

ScreenplayStats compute_screenplay_stats(const Analysis& analysis);

}  // namespace filmscope

// The report's screenplay figures: who is in which scene, who speaks how much, where and when
// scenes happen, and how long they are.
//
// Takes: an Analysis of a screenplay (scenes with characters, speakers and settings;
// ScreenplayStats). Produces: HTML fragments with inline SVG; each says so in words when the
// screenplay gives it nothing to draw.
// Limits: the presence grid shows the kPresenceGridCharacters most important characters and
// the dialogue chart the kDialogueShareSpeakers most talkative speakers.
#pragma once

#include <cstddef>
#include <string>

#include "model/analysis.h"

namespace filmscope::report {

inline constexpr std::size_t kPresenceGridCharacters = 20;
inline constexpr std::size_t kDialogueShareSpeakers = 12;

// Character × scene: a dark cell where the character speaks, a light one where only named.
std::string presence_grid_figure(const Analysis& analysis);
// Each speaker's share of the spoken words, as horizontal bars.
std::string dialogue_share_figure(const Analysis& analysis);
// INT/EXT and time-of-day breakdowns of the scenes, as two stacked bars.
std::string setting_breakdown_figure(const Analysis& analysis);
// Each scene's length in source lines (or in eighths of a page when every scene states one).
std::string scene_length_figure(const Analysis& analysis);

}  // namespace filmscope::report

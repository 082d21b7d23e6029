// The story's emotional arc and each character's.
//
// Takes: an Analysis whose scenes carry valence (apply_themes_and_valence). Produces:
// Analysis::arc over every narrative scene (arcs/narrative_time.h) and Character::arc over the
// narrative scenes where the character is present (when there are at least
// kMinCharacterArcScenes of them; nullopt otherwise).
// Method: the series of scene valences is smoothed (arc_series.h) with a half-width of
// kArcWindowShare × (number of points) / 2, rounded, so the window grows with the story; the
// smoothed series is resampled to kArcCurvePoints and classified among Reagan et al.'s six
// shapes (reagan_shape), "flat" when the curve's amplitude is below kArcFlatAmplitude.
// Turning points use a threshold of max(kArcTurnMinChange, kArcTurnRangeShare × the smoothed
// range), so that a quiet screenplay, whose scene means stay near 0, still shows where it turns;
// each is quoted with its scene's most telling sentence (turn_text.h). A point's interaction is
// the number of characters present (story) or of other characters present (character).
// Limits: the valence of a scene is that of its words, not of what the viewer knows; irony and
// a happy scene before a fall read as they are written.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "arcs/turn_text.h"
#include "model/analysis.h"

namespace filmscope {

inline constexpr double kArcWindowShare = 0.15;
inline constexpr std::size_t kArcCurvePoints = 20;
inline constexpr double kArcFlatAmplitude = 0.05;
inline constexpr double kArcTurnMinChange = 0.05;
inline constexpr double kArcTurnRangeShare = 0.25;
inline constexpr std::size_t kMinCharacterArcScenes = 3;

// `sentences`, when given, is shared by all the arcs of one analysis (turn_text.h).
std::optional<Arc> story_arc(const Analysis& analysis, SceneSentenceCache* sentences = nullptr);

// Over the narrative scenes where `character_id` is present; nullopt below kMinCharacterArcScenes.
std::optional<Arc> character_arc(const Analysis& analysis, const std::string& character_id,
                                 SceneSentenceCache* sentences = nullptr);

// character_arc for every character, in analysis.characters order, in one pass over the
// scenes (linear in the cast and the scenes, where calling character_arc per character
// would cost characters × scenes).
std::vector<std::optional<Arc>> character_arcs(const Analysis& analysis, SceneSentenceCache* sentences = nullptr);

}  // namespace filmscope

// Relationship arcs: how each relationship moves from scene to scene.
//
// Takes: an Analysis with scenes (characters, text, valence from apply_themes_and_valence) and
// relationships. Produces: Relationship::arc for every relationship with at least one point
// (nullopt for the others).
// Method: one point per narrative scene (arcs/narrative_time.h) where both characters are
// present. Its valence is that of the text joining the two, moved by the relationship events of
// that text that apply to the relationship's kinds (relation_events.h), clamped to -1..1: for a
// synopsis the scene's valence (a synopsis scene is one sentence); for a screenplay the mean
// valence of the scene's sentences that touch the pair's joining text (Relationship::joining:
// their exchanges and the action naming either), so that two characters' tender words keep
// their tone in a scene where others quarrel, and the scene's valence when none does. Its
// interaction is 1 + the typed evidence of the pair in that scene for a synopsis, and the fewer
// of the two characters' mentions there (speeches and names in the action) for a screenplay.
// An "implicit partner" point is added for a scene where one of the two is the only character
// present (with others there, the event may well be theirs: "Amy split from her husband" in a
// scene with Theodore) when its text names a partner-implying event and, of that character's
// typed relationships, this is the only one the event applies to ("going through a painful
// divorce" for the one former spouse; "heartbroken" for nobody when there is a former wife and
// a lover); its interaction is 1. The series is smoothed with
// half-width kRelationshipSmoothingHalfWidth once it has kMinPointsToSmooth points, named by
// relationship_shape and searched for turning points (arc_series.h) with
// kRelationshipTurnMinChange, each quoted with the sentence that moves it (turn_text.h), for a
// screenplay one of the sentences joining the pair.
// A scene's events are those of its sentences (as the tone stage cut them), each sentence
// searched once and shared with the turning points' quotes, so the work is O(scenes ×
// relationships) look-ups after one pass over the text; a negation or a phrase does not reach
// across sentences.
// Limits: presence is what the analysis resolved; a pair sharing a scene need not interact in
// it, and an event in the scene may concern someone else.
#pragma once

#include <cstddef>

#include "arcs/relation_events.h"
#include "arcs/turn_text.h"
#include "model/analysis.h"

namespace filmscope {

inline constexpr std::size_t kRelationshipSmoothingHalfWidth = 1;
// Fewer points are used as they are: over three or four points a window of three flattens the
// very peak or valley the shape should name.
inline constexpr std::size_t kMinPointsToSmooth = 5;
inline constexpr double kRelationshipTurnMinChange = 0.15;

// `sentences`, when given, is shared by all the arcs of one analysis (turn_text.h); it is used
// only when it was built with `events`.
void apply_relationship_arcs(Analysis& analysis,
                             const RelationEventLexicon& events = default_relation_events(),
                             SceneSentenceCache* sentences = nullptr);

}  // namespace filmscope

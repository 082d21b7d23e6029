// Screenplay Story → Analysis: characters from the speakers, scenes from the scene units,
// relationships from shared scenes and exchanges, graph metrics and the screenwriter's
// statistics.
//
// Takes: a Story built by story_from_screenplay (units are scenes carrying their dialogue
// blocks and action text). Produces: the same Analysis model a synopsis gives.
// Method:
//   - one character per speaker: cue variants the readers already fold (extensions, '^', '@',
//     case, trailing punctuation, "ADAM'S VOICE") share a speaker; full stops and curly
//     apostrophes are ignored on top ("DR. NO" = "DR NO"). "YOUNG EDWARD" stays its own
//     character: a screenplay that splits the cue splits the part. Aliases are the cues as
//     written; the name is the speaker in title case, the id its slug;
//   - a character is present in a scene when it speaks there or when the action names it: the
//     whole name as whole words, compared without case but starting with a capital in the
//     text ("Will walks in", "WILL enters", not "he will go"); the longest name wins, so
//     "Young Edward" does not also place Edward;
//   - a character who never speaks is added only when the action introduces them in capitals
//     the way screenplays introduce a part ("JENNY, 20s, at the counter"), the name's first
//     word is a known given name (after an optional honorific), it shares no word with a
//     speaker, and the action names them in at least kMinSilentScenes scenes;
//   - two characters are related when they are present in the same scene; `weight` and
//     `shared_scenes` count those scenes, `shared_speaking_scenes` the scenes where both speak
//     and `exchanges` the speeches of one directly followed by a speech of the other. Evidence
//     is the first exchange of up to kMaxEvidence scenes. Kinds are not typed for screenplays;
//   - characters are ordered by speeches, then by name.
// Limits: a name used by two characters ("MOM" in two families) is one character; an
// unnamed speaker's role ("WAITRESS") is a character like any other; in a scene with more than
// 50 characters (kMaxPairedScenePresence) only the first 50 to appear are paired, with a
// "scene-cast-over-limit" warning, so relationships stay linear in the script's length.
#pragma once

#include "model/analysis.h"

namespace filmscope {

Analysis analyze_screenplay(const Story& story, const SourceInfo& source);

}  // namespace filmscope

// Plain-text screenplays (IMSDb pages, PDF-to-text dumps) → the element stream of
// model/screenplay.h.
//
// Takes decoded text whose layout is the only markup: indentation and letter case say which
// lines are scene headings, action, character cues, dialogue, parentheticals and transitions,
// and which are page furniture (page numbers, "(CONTINUED)", "(MORE)", repeated draft headers).
// Produces one ElementKind per source line plus the grouped elements, with scene numbers split
// off headings, dialogue lines joined and revision asterisks removed.
//
// Method, in named phases over the lines (each phase linear):
//   1. measure: expand tabs (stops of 8), trim, note indent, case and length of every line;
//   2. furniture: context-free page furniture, then headers that repeat page after page;
//   3. layout: learn this script's own columns — the action column from wide mixed-case lines,
//      the dialogue zone to its right, whether the script is "flat" (everything at one column,
//      as many PDF conversions are) and, if so, how wide dialogue runs compared with action;
//   4. classify: one forward pass with a small state (inside a speech or not) that decides
//      cues by what follows them, headings with or without INT./EXT., transitions and action;
//   5. group: consecutive lines of one kind become elements.
// Limits: a cue must be short (kMaxCueLength) and followed by speech within one blank line; a
// parenthetical spans at most kMaxParentheticalLines lines; scripts that lost both their blank
// lines and their indentation are told apart only by line width, so a short action line right
// after a speech is read as dialogue.
#pragma once

#include <string_view>

#include "model/screenplay.h"

namespace filmscope {

ScreenplayDocument read_plaintext_screenplay(std::string_view text);

}  // namespace filmscope

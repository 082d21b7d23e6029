// The Fountain reader: decoded Fountain 1.1 text → ScreenplayDocument (elements with line spans
// and one ElementKind per source line).
//
// Method, in phases like a markup parser: (1) hidden text — boneyard and notes are cut out of
// every line (fountain_hidden.h); lines holding only hidden text become transparent to the
// grammar; (2) the title page — `Key: value` lines at the top, indented continuation lines, up
// to the first blank line, recognised only when the first key is a standard one (Title, Credit,
// Author, …) so that "FADE IN:" does not start a title page; (3) the line grammar — each visible
// line is classified from its own text, whether the previous visible line was blank, whether the
// next one is, and whether a dialogue block is open (forced markers first, then page breaks,
// sections, synopses, dialogue continuation, headings, transitions, cues, action); (4) inline
// clean-up — emphasis stripped, whitespace folded. Adjacent action, dialogue and lyric lines
// merge into one element. Limits: see fountain_hidden.h for notes; scene headings must follow a
// blank line (or the start of the body); a cue must follow a blank line and be followed by a
// non-blank one, as the spec says.
#pragma once

#include <string_view>

#include "model/screenplay.h"
#include "screenplay/scene_heading.h"

namespace filmscope {

struct FountainOptions {
  // fountain_spec gives the counts other Fountain tools report; extended also accepts EXT/INT
  // and E/I headings, which Final Draft treats as headings.
  HeadingPrefixes heading_prefixes = HeadingPrefixes::extended;
};

ScreenplayDocument read_fountain(std::string_view text, const FountainOptions& options = {});

}  // namespace filmscope

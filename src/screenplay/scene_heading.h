// Scene headings: "INT. HOUSE - NIGHT #12A#" → SceneSetting. Shared by every screenplay reader.
//
// Takes one line (already trimmed or not) and answers two questions: does it start the way a
// scene heading starts, and what setting, location, time of day and scene number does it name.
// Method: a prefix table (INT, EXT, EST, INT./EXT, INT/EXT, I/E and the reversed EXT/INT, E/I)
// that must be followed by '.', ' ' or the end of the line, matched case-insensitively; the
// time of day is the last " - " segment when it contains a word from a short time vocabulary;
// a Fountain scene number `#1A#` at the end is split off. Limits: headings whose time of day
// is not in the vocabulary ("INT. HOUSE - THE NEXT WEEK") keep everything in `location`.
#pragma once

#include <optional>
#include <string_view>

#include "model/analysis.h"

namespace filmscope {

// Which prefixes count as a scene heading. The Fountain 1.1 spec lists INT, EXT, EST,
// INT./EXT, INT/EXT and I/E; Final Draft and most writers also use EXT/INT and E/I.
enum class HeadingPrefixes { fountain_spec, extended };

// True when `line` (leading spaces allowed) begins with a scene-heading prefix followed by '.',
// ' ' or the end of the line. A forced Fountain heading (".TITLE") is not recognised here; the
// Fountain reader handles the '.' itself.
bool looks_like_scene_heading(std::string_view line,
                              HeadingPrefixes prefixes = HeadingPrefixes::extended);

// The Fountain scene number at the end of a heading line ("INT. HOUSE - DAY #12A#" → "12A"), or
// empty: the `number` parse_scene_heading gives any line it accepts, without the rest of the
// parse.
std::string_view scene_number_of(std::string_view heading);

// Parses a heading line. Accepts a recognised prefix, or a forced Fountain heading starting
// with a single '.' (setting then stays empty). Returns nullopt for anything else.
// `setting` is normalised to "INT", "EXT" or "INT/EXT" (EST, an establishing shot, is "EXT").
std::optional<SceneSetting> parse_scene_heading(std::string_view line,
                                                HeadingPrefixes prefixes = HeadingPrefixes::extended);

}  // namespace filmscope

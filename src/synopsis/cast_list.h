// Cast credits in the forms synopses use.
//
// List lines:  "- Joaquin Phoenix plays Theodore Twombly, a lonely writer …"
//              "* Scarlett Johansson voices Samantha, an advanced AI …"
//              "- Theodore Twombly (Joaquin Phoenix): a lonely writer …"
//              "- Samantha, voiced by Scarlett Johansson – an AI …"
// Prose:       "Sam Rockwell stars as Sam Bell", "GERTY, voiced by Kevin Spacey",
//              "Monty Brogan (Edward Norton)".
// The actor is never the character, even when they share a name (Amy Adams plays Amy).
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "model/analysis.h"

namespace filmscope {

// Parses one line of a cast list; `line_offset` is the byte offset of `line` in the decoded
// text and `line_number` its 1-based number. The entry's description_offset points into the
// decoded text.
std::optional<CastEntry> parse_cast_line(std::string_view line, std::size_t line_offset,
                                         std::size_t line_number);

// Offset (within `line`) where the character's own text starts ("Amy, a close friend …"),
// so the character name and description can be read as a sentence about the character.
std::size_t cast_character_start(std::string_view line, const CastEntry& entry);

// Credits written into plot sentences; `offset` and `line_number` locate the sentence.
std::vector<CastEntry> find_prose_credits(std::string_view sentence, std::size_t line_number);

// True for a run of 1–5 capitalised words such as a person's name ("Robert De Niro",
// "Gugu Mbatha-Raw", "Haley Joel Osment", "Sean Astin Jr.").
bool looks_like_name(std::string_view text);

}  // namespace filmscope

// The synopsis reader: a plot summary → Story.
//
// Understands the shape users paste from film sites — a title line, a "| 2013Directed by: …"
// line with the year glued on, headed sections ("Main Plot", "Characters", "Ending Explained",
// Markdown '#' headings or any short title-case line), a cast list of
// "- ACTOR plays|voices|portrays CHARACTER, description" lines — and plain prose with no
// headings at all, where title, year and director come from the opening sentence
// ("Her is a 2013 film written and directed by Spike Jonze"). Prose cast credits
// ("Sam Rockwell stars as Sam Bell", "GERTY, voiced by Kevin Spacey",
// "Monty Brogan (Edward Norton)") are collected too. Every narrative sentence becomes a unit
// with its line span; cast descriptions become units flagged `from_cast_list`.
#pragma once

#include <string_view>

#include "model/analysis.h"

namespace filmscope {

Story read_synopsis(std::string_view text);

}  // namespace filmscope

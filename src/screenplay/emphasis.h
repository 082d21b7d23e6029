// Fountain emphasis markers (*italic*, **bold**, ***bold italic***, _underline_) removed so that
// analysis sees only the words.
//
// Takes one line of visible text; produces it without paired markers, with `\*` and `\_`
// unescaped. Method: runs of '*' (length 1–3) and single '_' are openers when followed by a
// non-space and closers when preceded by one (an underscore also needs a non-word character on
// its outer side, so snake_case stays); a closer pairs with the latest unpaired opener of the
// same run length (a stack per length), so one pass suffices and unpaired markers stay as
// written. Limits: markers never pair across lines (the spec allows neither).
// append_clean_line also folds white space: the text an element keeps of a line. A line with no
// marker and no white space but single spaces, nearly every line of a script, is folded in one
// pass eight bytes at a time; any other goes through strip_emphasis and collapse_whitespace.
#pragma once

#include <string>
#include <string_view>

namespace filmscope {

std::string strip_emphasis(std::string_view line);

// Appends `line` as the Fountain reader keeps a line: collapse_whitespace(strip_emphasis(line)).
// `line` must not view into `out`, which may move.
void append_clean_line(std::string& out, std::string_view line);

// Whether `line` holds any character strip_emphasis acts on ('*', '_', '\\'); without one,
// strip_emphasis(line) == line.
bool has_emphasis_markers(std::string_view line);

}  // namespace filmscope

// Text layout for the human-facing exporters (text summary, DOT tooltips): shortening a UTF-8
// string to a display width without splitting a character, and padding it to a column.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace filmscope {

// `text` with whitespace runs folded to one space; if its display width exceeds `max_width`,
// cut at a code point boundary (preferably a space) and ended with "…", the whole fitting in
// `max_width` columns.
std::string shorten(std::string_view text, std::size_t max_width);

// `text` followed by spaces up to `width` display columns (nothing added if already wider).
std::string pad_right(std::string_view text, std::size_t width);

}  // namespace filmscope

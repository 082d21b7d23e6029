// Format detection: decides which reader gets a decoded input.
//
// Looks at the content first and the file name second: an `.fdx` extension or a
// <FinalDraft> root means Final Draft; Fountain is recognised by its title-page keys, scene
// headings, forced elements and character cues followed by dialogue; a plain-text screenplay by
// indented cues and INT./EXT. headings laid out in columns; anything else that reads as prose
// (headings, a cast list, paragraphs) is a synopsis.
#pragma once

#include <string_view>

#include "model/analysis.h"

namespace filmscope {

InputFormat detect_format(std::string_view file_name, std::string_view text);

}  // namespace filmscope

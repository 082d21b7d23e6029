// A synthetic Fountain screenplay for benchmarks: one generated script (title page, sections,
// scene headings of every setting, action that introduces and names characters, dialogue with
// extensions, parentheticals and dual dialogue), replicated until it reaches the requested
// size. Deterministic: the same size always gives the same bytes.
#pragma once

#include <cstddef>
#include <string>

namespace filmscope::bench {

// One generated script of about 60 KB, without a title page.
std::string synthetic_scenes();

// A title page followed by synthetic_scenes() repeated until the text is at least
// `target_bytes` long.
std::string synthetic_script(std::size_t target_bytes);

}  // namespace filmscope::bench

// What `filmscope parse` prints: the element stream of a screenplay as TSV (one line per source
// line: "<line>\t<kind>") or as JSON (title page, elements with kind, line span and text, the
// scenes of the Story built from them, diagnostics). Both are deterministic: same input, same
// bytes.
#pragma once

#include <string>

#include "model/analysis.h"
#include "model/screenplay.h"

namespace filmscope {

std::string to_line_kinds_tsv(const ScreenplayDocument& document);

// `story` is story_from_screenplay(document); passed in so callers build it once.
std::string to_parse_json(const ScreenplayDocument& document, const Story& story,
                          InputFormat format);

}  // namespace filmscope

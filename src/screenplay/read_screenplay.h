// One entry point for the screenplay readers: decoded text and a screenplay InputFormat →
// ScreenplayDocument. Callers (the CLI, the pipeline) need not know which reader runs.
#pragma once

#include <optional>
#include <string_view>

#include "model/analysis.h"
#include "model/screenplay.h"

namespace filmscope {

// nullopt when `format` is not a screenplay format (synopsis).
std::optional<ScreenplayDocument> read_screenplay(std::string_view text, InputFormat format);

}  // namespace filmscope

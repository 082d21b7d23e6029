// The human-readable summary printed by `filmscope analyze`: the film, a cast table
// (character, actor, aliases, mentions), relationships with kinds and evidence, diagnostics.
#pragma once

#include <string>

#include "model/analysis.h"

namespace filmscope {

std::string to_text_summary(const Analysis& analysis);

}  // namespace filmscope

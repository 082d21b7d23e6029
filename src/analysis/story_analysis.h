// Story → Analysis: who is who, what they are to each other, and the graph.
#pragma once

#include "model/analysis.h"

namespace filmscope {

Analysis analyze_story(const Story& story, const SourceInfo& source);

}  // namespace filmscope

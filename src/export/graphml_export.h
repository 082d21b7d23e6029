// GraphML export of the character graph, with every node and edge attribute as a typed <key>;
// node ids are the character ids.
#pragma once

#include <string>

#include "model/analysis.h"

namespace filmscope {

std::string to_graphml(const Analysis& analysis);

}  // namespace filmscope

// Graphviz DOT export of the character graph: node size by eigenvector centrality, edge width
// by weight, relationship kinds as edge labels, communities as fill colours.
#pragma once

#include <string>

#include "model/analysis.h"

namespace filmscope {

std::string to_dot(const Analysis& analysis);

}  // namespace filmscope

// JSON export of an Analysis: the `filmscope/analysis@1` schema documented in README.md, and
// the graph-only document written by `filmscope graph --format json`. Keys are emitted in a
// fixed order and numbers with fixed precision so that output is byte-identical across runs.
#pragma once

#include <string>

#include "model/analysis.h"

namespace filmscope {

std::string to_analysis_json(const Analysis& analysis);
std::string to_graph_json(const Analysis& analysis);

}  // namespace filmscope

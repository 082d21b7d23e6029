// JSON export of an Analysis: the `filmscope/analysis@1` schema documented in README.md, and
// the graph-only document written by `filmscope graph --format json`. Keys are emitted in a
// fixed order and numbers with fixed precision so that output is byte-identical across runs.
#pragma once

#include <string>

#include <nlohmann/json_fwd.hpp>

#include "model/analysis.h"

namespace filmscope {

std::string to_analysis_json(const Analysis& analysis);

// The analysis document as a value; json_text(analysis_document(a), 2) + "\n" ==
// to_analysis_json(a).
nlohmann::ordered_json analysis_document(const Analysis& analysis);

std::string to_graph_json(const Analysis& analysis);

}  // namespace filmscope

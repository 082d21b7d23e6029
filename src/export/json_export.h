// JSON export of an Analysis: the `filmscope/analysis@1` schema documented in README.md, and
// the graph-only document written by `filmscope graph --format json`. Keys are emitted in a
// fixed order and figures in fixed notation with fixed precision (number_format.h), so that
// output is byte-identical across runs.
#pragma once

#include <string>

#include <nlohmann/json_fwd.hpp>

#include "model/analysis.h"

namespace filmscope {

std::string to_analysis_json(const Analysis& analysis);

// The same document on one line, without a final newline (for JSON Lines).
std::string to_analysis_json_line(const Analysis& analysis);

// The analysis document as a value, equal to to_analysis_json(a) parsed: the same members in
// the same order, with each figure the double its text reads back as.
nlohmann::ordered_json analysis_document(const Analysis& analysis);

std::string to_graph_json(const Analysis& analysis);

}  // namespace filmscope

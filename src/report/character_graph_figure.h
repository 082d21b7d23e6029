// The report's character graph: an inline SVG of characters and their relationships.
//
// Takes: an Analysis (characters with centrality and community, relationships with weight,
// kinds and evidence). Produces: an HTML fragment (an <svg> and its legend).
// Method: the most important characters that have a relationship (at most
// kGraphCharacterLimit, in the analysis's order of importance) are laid out by Graphviz
// (graph_layout.h); node area follows weighted degree, fill the community, edge width the
// relationship weight and edge colour its strongest kind. Every node and edge carries an SVG
// <title>, which browsers show on hover, with the figures behind it.
// Limits: characters without any relationship are left out (the caption says how many).
// Throws std::runtime_error when Graphviz cannot lay the graph out.
#pragma once

#include <cstddef>
#include <string>

#include "model/analysis.h"

namespace filmscope::report {

// Beyond this many nodes, labels no longer fit at a legible size in a page-wide figure.
inline constexpr std::size_t kGraphCharacterLimit = 40;

std::string character_graph_figure(const Analysis& analysis);

}  // namespace filmscope::report

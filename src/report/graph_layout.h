// Node positions for the character graph figure, computed by Graphviz's library (libgvc,
// libcgraph) with the neato (stress majorization) engine.
//
// Takes: each node's box (width and height in points: the figure makes it hold the node's
// circle and its name, so that overlap removal keeps names apart too) and the weighted edges.
// Produces: the box centres in points, y growing downwards, inside a box starting at (0, 0).
// Method: the graph is built in memory with agnode/agedge (node names are indices, so no input
// text reaches Graphviz), laid out with neato from a seeded start, with overlaps removed and
// components packed. Heavier edges are drawn shorter. Graphviz keeps global state, so layouts
// run one at a time (a mutex), which matters only to batch workers.
// Limits: a graph with no nodes gets an empty layout.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "analysis/character_graph.h"

namespace filmscope::report {

struct NodeBox {
  double width = 0.0;
  double height = 0.0;
};

struct NodePosition {
  double x = 0.0;
  double y = 0.0;
};

struct GraphLayout {
  std::vector<NodePosition> nodes;
  double width = 0.0;
  double height = 0.0;
  std::string error;  // empty on success
};

GraphLayout layout_graph(const std::vector<NodeBox>& node_boxes, const std::vector<WeightedEdge>& edges);

}  // namespace filmscope::report

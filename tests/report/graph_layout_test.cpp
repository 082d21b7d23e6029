// report/graph_layout.h: Graphviz places every node's box apart from the others, inside the
// bounding box, the same each run.
#include <catch2/catch.hpp>

#include <cmath>

#include "report/graph_layout.h"

using namespace filmscope;
using namespace filmscope::report;

TEST_CASE("graph layout places nodes apart inside the bounding box", "[report]") {
  std::vector<NodeBox> boxes{{90, 30}, {60, 20}, {120, 20}, {40, 16}, {70, 16}, {50, 16}};
  std::vector<WeightedEdge> edges{{0, 1, 5}, {0, 2, 3}, {1, 2, 1}, {2, 3, 1}, {4, 5, 2}, {0, 3, 1}, {1, 3, 2}};
  GraphLayout layout = layout_graph(boxes, edges);
  REQUIRE(layout.error.empty());
  REQUIRE(layout.nodes.size() == boxes.size());
  CHECK(layout.width > 0);
  CHECK(layout.height > 0);
  for (std::size_t i = 0; i < layout.nodes.size(); ++i) {
    CHECK(layout.nodes[i].x >= 0);
    CHECK(layout.nodes[i].x <= layout.width);
    CHECK(layout.nodes[i].y >= 0);
    CHECK(layout.nodes[i].y <= layout.height);
    for (std::size_t j = i + 1; j < layout.nodes.size(); ++j) {
      double dx = std::fabs(layout.nodes[i].x - layout.nodes[j].x);
      double dy = std::fabs(layout.nodes[i].y - layout.nodes[j].y);
      INFO(i << " " << j);
      // Overlap removal: the boxes are apart along at least one axis.
      CHECK((dx >= (boxes[i].width + boxes[j].width) / 2 - 0.5 || dy >= (boxes[i].height + boxes[j].height) / 2 - 0.5));
    }
  }
}

TEST_CASE("graph layout is deterministic", "[report]") {
  std::vector<NodeBox> boxes(15, NodeBox{60, 14});
  std::vector<WeightedEdge> edges;
  for (std::size_t i = 1; i < boxes.size(); ++i) edges.push_back({i - 1, i, static_cast<double>(i % 4 + 1)});
  edges.push_back({0, 7, 3});
  GraphLayout first = layout_graph(boxes, edges);
  GraphLayout second = layout_graph(boxes, edges);
  REQUIRE(first.nodes.size() == second.nodes.size());
  for (std::size_t i = 0; i < first.nodes.size(); ++i) {
    CHECK(first.nodes[i].x == second.nodes[i].x);
    CHECK(first.nodes[i].y == second.nodes[i].y);
  }
}

TEST_CASE("graph layout of no nodes is empty; bad edges are ignored", "[report]") {
  CHECK(layout_graph({}, {}).nodes.empty());
  GraphLayout layout = layout_graph({{10, 10}, {10, 10}}, {{0, 5, 1}, {1, 1, 1}});
  REQUIRE(layout.error.empty());
  CHECK(layout.nodes.size() == 2);
}

// The Graphviz layout of the character graph (see graph_layout.h).
#include "report/graph_layout.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <mutex>
#include <string>

namespace filmscope::report {

namespace {

// Graphviz's layout engines share process-wide state (the current graph, memory pools), so
// two threads must never lay out at once.
std::mutex& graphviz_mutex() {
  static std::mutex mutex;
  return mutex;
}

std::string inches(double points) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.3f", points / 72.0);
  return buffer;
}

// Graphs with fewer nodes get longer edges (see layout_graph).
constexpr std::size_t kSmallGraph = 12;

// agattr/agsafeset take char*; Graphviz does not modify the strings.
char* text(const char* literal) { return const_cast<char*>(literal); }

}  // namespace

GraphLayout layout_graph(const std::vector<NodeBox>& node_boxes, const std::vector<WeightedEdge>& edges) {
  GraphLayout layout;
  if (node_boxes.empty()) return layout;
  std::lock_guard<std::mutex> lock(graphviz_mutex());

  std::unique_ptr<GVC_t, decltype(&gvFreeContext)> context(gvContext(), &gvFreeContext);
  if (!context) {
    layout.error = "Graphviz could not start";
    return layout;
  }
  Agdesc_t kind = Agundirected;
  Agraph_t* graph = agopen(text("characters"), kind, nullptr);
  agattr(graph, AGRAPH, text("overlap"), text("prism"));
  agattr(graph, AGRAPH, text("sep"), text("+12"));
  agattr(graph, AGRAPH, text("start"), text("random7"));  // a fixed seed: the same layout every run
  agattr(graph, AGRAPH, text("mode"), text("major"));
  agattr(graph, AGRAPH, text("pack"), text("true"));
  agattr(graph, AGRAPH, text("splines"), text("false"));
  agattr(graph, AGNODE, text("shape"), text("box"));
  agattr(graph, AGNODE, text("fixedsize"), text("true"));
  agattr(graph, AGNODE, text("label"), text(""));
  agattr(graph, AGNODE, text("width"), text("0.3"));
  agattr(graph, AGNODE, text("height"), text("0.3"));
  agattr(graph, AGEDGE, text("len"), text("1.6"));
  agattr(graph, AGEDGE, text("weight"), text("1"));

  // A handful of nodes at the usual edge length makes a cramped little figure; spread them.
  const std::size_t n = node_boxes.size();
  const double spread = n < kSmallGraph ? 1.0 + 0.12 * static_cast<double>(kSmallGraph - n) : 1.0;
  double max_weight = 0.0;
  for (const WeightedEdge& e : edges) max_weight = std::max(max_weight, e.weight);
  std::vector<Agnode_t*> nodes;
  nodes.reserve(node_boxes.size());
  for (std::size_t i = 0; i < node_boxes.size(); ++i) {
    std::string name = "n" + std::to_string(i);
    Agnode_t* node = agnode(graph, name.data(), 1);
    std::string width = inches(node_boxes[i].width);
    std::string height = inches(node_boxes[i].height);
    agsafeset(node, text("width"), width.data(), text("0.3"));
    agsafeset(node, text("height"), height.data(), text("0.3"));
    nodes.push_back(node);
  }
  for (const WeightedEdge& e : edges) {
    if (e.source >= nodes.size() || e.target >= nodes.size() || e.source == e.target) continue;
    Agedge_t* edge = agedge(graph, nodes[e.source], nodes[e.target], nullptr, 1);
    double strength = max_weight > 0.0 ? e.weight / max_weight : 0.0;
    char length[32];
    std::snprintf(length, sizeof length, "%.3f", (2.2 - 1.2 * strength) * spread);
    agsafeset(edge, text("len"), length, text("1.6"));
  }

  if (gvLayout(context.get(), graph, "neato") != 0) {
    agclose(graph);
    layout.error = "Graphviz could not lay out the character graph";
    return layout;
  }
  boxf box = GD_bb(graph);
  layout.width = box.UR.x - box.LL.x;
  layout.height = box.UR.y - box.LL.y;
  // Graphviz's results can differ between calls in their last bits (seen within one process);
  // rounding to a hundredth of a point makes equal layouts compare equal, far below what the
  // figure can show.
  auto settle = [](double value) { return std::round(value * 100.0) / 100.0; };
  for (Agnode_t* node : nodes) {
    pointf centre = ND_coord(node);
    // Graphviz's y grows upwards; SVG's downwards.
    layout.nodes.push_back({settle(centre.x - box.LL.x), settle(box.UR.y - centre.y)});
  }
  layout.width = settle(layout.width);
  layout.height = settle(layout.height);
  gvFreeLayout(context.get(), graph);
  agclose(graph);
  return layout;
}

}  // namespace filmscope::report

// The character graph: characters as vertices, relationships as weighted undirected edges,
// held in a Boost.Graph adjacency_list, with the metrics filmscope reports.
//
// Centrality follows networkx's definitions so that figures can be compared with what
// researchers compute in Python: degree counts neighbours; weighted degree sums edge weights;
// betweenness is Brandes' algorithm on the unweighted graph, normalised by 2/((n-1)(n-2));
// eigenvector centrality is the weighted principal eigenvector by power iteration, scaled to
// unit Euclidean norm. Communities come from Louvain modularity optimisation with a fixed
// visiting order, so results are deterministic.
#pragma once

#include <cstdint>

#include <cstddef>
#include <string>
#include <vector>

#include "model/analysis.h"

namespace filmscope {

struct WeightedEdge {
  std::size_t source = 0;
  std::size_t target = 0;
  double weight = 1.0;
};

// Betweenness, the diameter and clustering cost up to vertices × (vertices + edges) steps
// (Brandes: one breadth-first search per vertex). Character graphs have a few hundred vertices; a hostile
// input with 100,000 characters would take hours. Above this product those three are not
// computed (left at 0, `path_metrics_skipped` set); degree, eigenvector centrality, density
// and communities, which are near-linear, always are.
inline constexpr std::uint64_t kMaxPathMetricWork = 200'000'000;

struct GraphMetrics {
  std::vector<Centrality> centrality;  // per vertex
  std::vector<int> community;          // per vertex, 0-based, largest community first
  double density = 0.0;
  double average_clustering = 0.0;  // unweighted, networkx average_clustering
  std::size_t diameter = 0;         // of the largest connected component, in hops
  double modularity = 0.0;
  bool path_metrics_skipped = false;  // over kMaxPathMetricWork: betweenness, diameter, clustering are 0
};

GraphMetrics compute_graph_metrics(std::size_t vertex_count, const std::vector<WeightedEdge>& edges);

// Fills characters[].centrality and characters[].community from analysis.relationships.
void apply_graph_metrics(Analysis& analysis);

}  // namespace filmscope

// Graph metrics of the character graph.
//
// Takes: a vertex count and weighted undirected edges (or an Analysis whose relationships name
// its characters). Produces: per-vertex centrality and community, and whole-graph figures.
// Method: the edges go into a Boost.Graph adjacency_list (parallel edges merged by summing their
// weights, self-loops dropped, since a character does not relate to itself). Betweenness is
// Boost's Brandes on the unweighted graph, rescaled to networkx's normalisation; eigenvector
// centrality is networkx's weighted power iteration on (A + I); clustering and the diameter are
// computed on the unweighted graph; communities come from Louvain with a fixed visiting order.
// Limits: betweenness, the diameter and clustering cost O(V·E); character graphs have at most
// a few hundred vertices, and above kMaxPathMetricWork (character_graph.h) they are skipped. Louvain is a heuristic: the partition it finds is a
// good local optimum, not necessarily the best one, and it can differ from networkx's, which
// visits vertices in random order.
#include "analysis/character_graph.h"

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/connected_components.hpp>
#include <cmath>
#include <limits>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace filmscope {

namespace {

// networkx's defaults are 100 iterations and 1e-6; the tolerance is the same so that a graph on
// which networkx converges stops at the same iterate, and more iterations are allowed so that
// slowly converging graphs still get a usable answer instead of an error.
constexpr int kEigenvectorMaxIterations = 1000;
constexpr double kEigenvectorTolerance = 1.0e-6;

// Louvain: a move must gain more than this to count, so that rounding noise cannot make
// vertices swap back and forth between equally good communities.
constexpr double kLouvainMinGain = 1.0e-12;
// Bounds the local-move sweeps of one level; each sweep that moves a vertex strictly raises
// modularity, so this only guards against pathological floating-point behaviour.
constexpr int kLouvainMaxSweeps = 1000;
// Bounds the number of aggregation levels. A level only follows one that merged vertices, so
// the count shrinks each time; in practice a few levels suffice, and stopping early still
// leaves a valid partition.
constexpr int kLouvainMaxLevels = 64;

using BoostGraph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, boost::no_property,
                          boost::property<boost::edge_weight_t, double>>;

struct Neighbour {
  std::size_t vertex = 0;
  double weight = 0.0;
};

// Adjacency lists in ascending neighbour order, so that every sum below runs in a fixed order
// and results are reproducible bit for bit.
using Adjacency = std::vector<std::vector<Neighbour>>;

Adjacency merge_edges(std::size_t n, const std::vector<WeightedEdge>& edges) {
  // Each kept edge with its ends in ascending order; sorted stably, the copies of one pair lie
  // together in input order, and their weights are summed in that order.
  std::vector<WeightedEdge> kept;
  kept.reserve(edges.size());
  for (const auto& e : edges) {
    if (e.source >= n || e.target >= n || e.source == e.target) continue;
    kept.push_back({std::min(e.source, e.target), std::max(e.source, e.target), e.weight});
  }
  std::stable_sort(kept.begin(), kept.end(), [](const WeightedEdge& a, const WeightedEdge& b) {
    return a.source != b.source ? a.source < b.source : a.target < b.target;
  });
  std::vector<std::size_t> degree(n, 0);
  std::size_t merged = 0;
  for (std::size_t k = 0; k < kept.size(); ++k) {
    if (k > 0 && kept[k].source == kept[merged - 1].source && kept[k].target == kept[merged - 1].target) {
      kept[merged - 1].weight += kept[k].weight;
      continue;
    }
    kept[merged] = kept[k];
    kept[merged].weight = 0.0 + kept[k].weight;  // a sum from 0.0, so a -0.0 weight stays 0.0
    ++degree[kept[merged].source];
    ++degree[kept[merged].target];
    ++merged;
  }
  kept.resize(merged);
  Adjacency adjacency(n);
  for (std::size_t v = 0; v < n; ++v) adjacency[v].reserve(degree[v]);
  // Pairs in ascending order fill every list in ascending order: a vertex's lower neighbours
  // come from pairs (lower, vertex), all of which precede its pairs (vertex, higher).
  for (const auto& e : kept) {
    adjacency[e.source].push_back({e.target, e.weight});
    adjacency[e.target].push_back({e.source, e.weight});
  }
  return adjacency;
}

BoostGraph to_boost_graph(const Adjacency& adjacency) {
  BoostGraph graph(adjacency.size());
  for (std::size_t u = 0; u < adjacency.size(); ++u)
    for (const auto& nb : adjacency[u])
      if (u < nb.vertex) boost::add_edge(u, nb.vertex, nb.weight, graph);
  return graph;
}

// networkx normalises undirected betweenness by 2/((n-1)(n-2)) relative to counting each
// unordered pair once. Boost 1.74 halves its sums for undirected graphs, i.e. it already counts
// each pair once, so the factor applies as is.
std::vector<double> betweenness(const BoostGraph& graph) {
  const std::size_t n = boost::num_vertices(graph);
  std::vector<double> raw(n, 0.0);
  if (n <= 2) return raw;
  boost::brandes_betweenness_centrality(
      graph,
      boost::make_iterator_property_map(raw.begin(), boost::get(boost::vertex_index, graph)));
  const double scale = 2.0 / (static_cast<double>(n - 1) * static_cast<double>(n - 2));
  for (auto& value : raw) value *= scale;
  return raw;
}

// networkx.eigenvector_centrality(G, weight="weight"): start from the uniform vector, iterate
// x ← (A + I)x (the shift keeps bipartite graphs from oscillating), scale to unit Euclidean
// norm, stop when the L1 change is below n·tolerance. An edgeless graph has no meaningful
// eigenvector centrality, so it gets zeros rather than networkx's uniform vector.
std::vector<double> eigenvector(const Adjacency& adjacency) {
  const std::size_t n = adjacency.size();
  std::vector<double> x(n, 0.0);
  bool has_edges = std::any_of(adjacency.begin(), adjacency.end(),
                               [](const auto& list) { return !list.empty(); });
  if (!has_edges) return x;
  std::fill(x.begin(), x.end(), 1.0 / static_cast<double>(n));
  std::vector<double> next(n, 0.0);
  for (int iteration = 0; iteration < kEigenvectorMaxIterations; ++iteration) {
    std::copy(x.begin(), x.end(), next.begin());
    for (std::size_t u = 0; u < n; ++u)
      for (const auto& nb : adjacency[u]) next[nb.vertex] += x[u] * nb.weight;
    double norm = 0.0;
    for (double v : next) norm += v * v;
    norm = std::sqrt(norm);
    if (norm == 0.0 || !std::isfinite(norm)) norm = 1.0;
    double change = 0.0;
    for (std::size_t v = 0; v < n; ++v) {
      next[v] /= norm;
      change += std::abs(next[v] - x[v]);
    }
    std::swap(x, next);
    if (change < static_cast<double>(n) * kEigenvectorTolerance) break;
  }
  return x;
}

// Unweighted local clustering averaged over all vertices, counting vertices of degree < 2 as 0.
double average_clustering(const Adjacency& adjacency) {
  const std::size_t n = adjacency.size();
  if (n == 0) return 0.0;
  std::vector<char> is_neighbour(n, 0);
  double total = 0.0;
  for (std::size_t u = 0; u < n; ++u) {
    const auto& list = adjacency[u];
    const std::size_t k = list.size();
    if (k < 2) continue;
    for (const auto& nb : list) is_neighbour[nb.vertex] = 1;
    std::size_t links = 0;  // each triangle through u is seen from both of its other corners
    for (const auto& nb : list)
      for (const auto& nb2 : adjacency[nb.vertex])
        if (is_neighbour[nb2.vertex]) ++links;
    for (const auto& nb : list) is_neighbour[nb.vertex] = 0;
    total += static_cast<double>(links) / (static_cast<double>(k) * static_cast<double>(k - 1));
  }
  return total / static_cast<double>(n);
}

// Longest shortest path (in hops) inside the largest connected component (ties: the component
// with the lowest vertex), found by a breadth-first search from each of its vertices.
std::size_t diameter(const BoostGraph& graph, const Adjacency& adjacency) {
  const std::size_t n = adjacency.size();
  if (n == 0) return 0;
  std::vector<int> component(n, 0);
  int count = boost::connected_components(
      graph,
      boost::make_iterator_property_map(component.begin(), boost::get(boost::vertex_index, graph)));
  std::vector<std::size_t> sizes(static_cast<std::size_t>(count), 0);
  for (int c : component) ++sizes[static_cast<std::size_t>(c)];
  int largest = component[0];
  for (std::size_t v = 0; v < n; ++v) {
    auto c = static_cast<std::size_t>(component[v]);
    if (sizes[c] > sizes[static_cast<std::size_t>(largest)]) largest = component[v];
  }
  std::size_t best = 0;
  constexpr std::size_t kUnseen = std::numeric_limits<std::size_t>::max();
  std::vector<std::size_t> distance(n, kUnseen);
  // Every vertex joins the queue at most once per search, so a vector of n read from the front
  // serves as the queue; the last vertex taken from it is the farthest.
  std::vector<std::size_t> queue(n, 0);
  for (std::size_t start = 0; start < n; ++start) {
    if (component[start] != largest) continue;
    std::fill(distance.begin(), distance.end(), kUnseen);
    distance[start] = 0;
    queue[0] = start;
    std::size_t head = 0;
    std::size_t tail = 1;
    while (head < tail) {
      const std::size_t u = queue[head++];
      const std::size_t next = distance[u] + 1;
      for (const auto& nb : adjacency[u]) {
        if (distance[nb.vertex] != kUnseen) continue;
        distance[nb.vertex] = next;
        queue[tail++] = nb.vertex;
      }
    }
    best = std::max(best, distance[queue[tail - 1]]);
  }
  return best;
}

// Weighted modularity Q = Σ_c [ L_c / m − (d_c / 2m)² ], with L_c the weight inside community
// c, d_c the summed weighted degree of its vertices and m the total edge weight.
double modularity(const Adjacency& adjacency, const std::vector<int>& community) {
  double total = 0.0;
  std::size_t count = 0;
  for (int c : community) count = std::max(count, static_cast<std::size_t>(c) + 1);
  std::vector<double> inside(count, 0.0);
  std::vector<double> degree(count, 0.0);
  for (std::size_t u = 0; u < adjacency.size(); ++u) {
    auto cu = static_cast<std::size_t>(community[u]);
    for (const auto& nb : adjacency[u]) {
      total += nb.weight;
      degree[cu] += nb.weight;
      if (static_cast<std::size_t>(community[nb.vertex]) == cu) inside[cu] += nb.weight;
    }
  }
  if (total <= 0.0) return 0.0;  // `total` is 2m: every edge was seen from both ends
  double q = 0.0;
  for (std::size_t c = 0; c < count; ++c)
    q += inside[c] / total - (degree[c] / total) * (degree[c] / total);
  return q;
}

// One level of Louvain's graph: weighted adjacency that may include self-loops (the weight
// inside an aggregated community), stored once per endpoint with self-loops stored once. The
// first level is the input graph itself, which it views rather than copies.
struct LouvainGraph {
  const Adjacency* adjacency = nullptr;  // `aggregated`, or the input graph at the first level
  std::vector<double> self_loop;  // weight of the loop at each vertex, counted once
  Adjacency aggregated;
};

// Local moves: each vertex in index order goes to the neighbouring community with the largest
// modularity gain, if that gain is positive; equal gains go to the lowest community id.
// Returns the community of each vertex and whether anything moved.
std::pair<std::vector<std::size_t>, bool> louvain_local_moves(const LouvainGraph& graph,
                                                              double two_m) {
  const Adjacency& adjacency = *graph.adjacency;
  const std::size_t n = adjacency.size();
  std::vector<std::size_t> community(n);
  std::vector<double> strength(n, 0.0);  // weighted degree, a self-loop counting twice
  std::vector<double> community_strength(n, 0.0);
  for (std::size_t v = 0; v < n; ++v) {
    community[v] = v;
    strength[v] = 2.0 * graph.self_loop[v];
    for (const auto& nb : adjacency[v]) strength[v] += nb.weight;
    community_strength[v] = strength[v];
  }
  std::vector<double> link_weight(n, 0.0);
  std::vector<std::size_t> touched;
  bool moved_any = false;
  for (int sweep = 0; sweep < kLouvainMaxSweeps; ++sweep) {
    bool moved = false;
    for (std::size_t v = 0; v < n; ++v) {
      const std::size_t own = community[v];
      touched.clear();
      touched.push_back(own);
      link_weight[own] = 0.0;
      for (const auto& nb : adjacency[v]) {
        std::size_t c = community[nb.vertex];
        if (link_weight[c] == 0.0 && std::find(touched.begin(), touched.end(), c) == touched.end())
          touched.push_back(c);
        link_weight[c] += nb.weight;
      }
      community_strength[own] -= strength[v];
      // Gain of joining c, up to a positive factor: k_v,c − Σ_c · k_v / 2m.
      auto gain = [&](std::size_t c) {
        return link_weight[c] - community_strength[c] * strength[v] / two_m;
      };
      std::sort(touched.begin(), touched.end());
      std::size_t best = own;
      double best_gain = gain(own);
      for (std::size_t c : touched) {
        if (c == own) continue;
        double g = gain(c);
        if (g > best_gain + kLouvainMinGain) {
          best = c;
          best_gain = g;
        }
      }
      // `touched` is in ascending order and a candidate must beat the best so far strictly, so
      // of several equal maxima the lowest community id wins, and staying wins over a tie.
      community_strength[best] += strength[v];
      if (best != own) {
        community[v] = best;
        moved = true;
        moved_any = true;
      }
      for (std::size_t c : touched) link_weight[c] = 0.0;
    }
    if (!moved) break;
  }
  return {community, moved_any};
}

// Louvain modularity optimisation, iterated over aggregation levels without recursion.
std::vector<int> louvain(const Adjacency& adjacency) {
  const std::size_t n = adjacency.size();
  std::vector<std::size_t> membership(n);  // original vertex → vertex of the current level
  for (std::size_t v = 0; v < n; ++v) membership[v] = v;
  LouvainGraph level;
  level.adjacency = &adjacency;
  level.self_loop.assign(n, 0.0);
  double two_m = 0.0;
  for (const auto& list : adjacency)
    for (const auto& nb : list) two_m += nb.weight;

  if (two_m > 0.0) {
    // Aggregation's scratch: a community's summed links to each other community, which of them
    // it has, and the members of each community in ascending order.
    std::vector<double> link_weight;
    std::vector<char> linked;
    std::vector<std::size_t> touched;
    std::vector<std::size_t> member_from;
    std::vector<std::size_t> members;
    for (int depth = 0; depth < kLouvainMaxLevels; ++depth) {
      auto [community, moved] = louvain_local_moves(level, two_m);
      if (!moved) break;
      // Renumber the communities of this level densely, in order of their lowest vertex.
      const Adjacency& links = *level.adjacency;
      const std::size_t size = links.size();
      std::vector<std::size_t> dense(size, size);
      std::size_t count = 0;
      for (std::size_t v = 0; v < size; ++v)
        if (dense[community[v]] == size) dense[community[v]] = count++;
      for (auto& m : membership) m = dense[community[m]];
      // Aggregate: one vertex per community, summing the weights between communities. Each
      // community's members are visited in ascending order, so every sum below adds the same
      // terms in the same order as a pass over all vertices in ascending order would.
      member_from.assign(count + 1, 0);
      for (std::size_t v = 0; v < size; ++v) ++member_from[dense[community[v]] + 1];
      for (std::size_t c = 0; c < count; ++c) member_from[c + 1] += member_from[c];
      members.resize(size);
      {
        std::vector<std::size_t> fill(member_from.begin(), member_from.end() - 1);
        for (std::size_t v = 0; v < size; ++v) members[fill[dense[community[v]]]++] = v;
      }
      link_weight.assign(count, 0.0);
      linked.assign(count, 0);
      std::vector<double> self_loop(count, 0.0);
      Adjacency aggregated(count);
      for (std::size_t cv = 0; cv < count; ++cv) {
        touched.clear();
        for (std::size_t m = member_from[cv]; m < member_from[cv + 1]; ++m) {
          const std::size_t v = members[m];
          self_loop[cv] += level.self_loop[v];
          for (const auto& nb : links[v]) {
            std::size_t cu = dense[community[nb.vertex]];
            if (cu == cv) {
              if (v < nb.vertex) self_loop[cv] += nb.weight;
            } else {
              if (!linked[cu]) {
                linked[cu] = 1;
                touched.push_back(cu);
              }
              link_weight[cu] += nb.weight;
            }
          }
        }
        std::sort(touched.begin(), touched.end());
        aggregated[cv].reserve(touched.size());
        for (std::size_t cu : touched) {
          aggregated[cv].push_back({cu, link_weight[cu]});
          link_weight[cu] = 0.0;
          linked[cu] = 0;
        }
      }
      level.self_loop = std::move(self_loop);
      level.aggregated = std::move(aggregated);
      level.adjacency = &level.aggregated;
      if (count == size) break;
    }
  }

  // Final numbering: largest community first, equal sizes by their lowest vertex.
  const std::size_t groups = level.adjacency->size();
  std::vector<std::size_t> sizes(groups, 0);
  std::vector<std::size_t> lowest(groups, n);
  for (std::size_t v = 0; v < n; ++v) {
    ++sizes[membership[v]];
    lowest[membership[v]] = std::min(lowest[membership[v]], v);
  }
  std::vector<std::size_t> order;
  for (std::size_t g = 0; g < groups; ++g)
    if (sizes[g] > 0) order.push_back(g);
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (sizes[a] != sizes[b]) return sizes[a] > sizes[b];
    return lowest[a] < lowest[b];
  });
  std::vector<int> rank(groups, 0);
  for (std::size_t i = 0; i < order.size(); ++i) rank[order[i]] = static_cast<int>(i);
  std::vector<int> result(n);
  for (std::size_t v = 0; v < n; ++v) result[v] = rank[membership[v]];
  return result;
}

}  // namespace

GraphMetrics compute_graph_metrics(std::size_t vertex_count,
                                   const std::vector<WeightedEdge>& edges) {
  GraphMetrics metrics;
  const Adjacency adjacency = merge_edges(vertex_count, edges);
  const BoostGraph graph = to_boost_graph(adjacency);

  std::uint64_t edge_total = 0;
  for (const auto& list : adjacency) edge_total += list.size();
  metrics.path_metrics_skipped =
      static_cast<std::uint64_t>(vertex_count) * (vertex_count + edge_total / 2) > kMaxPathMetricWork;
  const std::vector<double> between =
      metrics.path_metrics_skipped ? std::vector<double>(vertex_count, 0.0) : betweenness(graph);
  const std::vector<double> eigen = eigenvector(adjacency);
  metrics.centrality.resize(vertex_count);
  std::size_t edge_count = 0;
  for (std::size_t v = 0; v < vertex_count; ++v) {
    Centrality& c = metrics.centrality[v];
    c.degree = adjacency[v].size();
    for (const auto& nb : adjacency[v]) c.weighted_degree += nb.weight;
    c.betweenness = between[v];
    c.eigenvector = eigen[v];
    edge_count += adjacency[v].size();
  }
  edge_count /= 2;

  if (vertex_count > 1)
    metrics.density = 2.0 * static_cast<double>(edge_count) /
                      (static_cast<double>(vertex_count) * static_cast<double>(vertex_count - 1));
  if (!metrics.path_metrics_skipped) {
    metrics.average_clustering = average_clustering(adjacency);
    metrics.diameter = diameter(graph, adjacency);
  }
  metrics.community = louvain(adjacency);
  metrics.modularity = modularity(adjacency, metrics.community);
  return metrics;
}

void apply_graph_metrics(Analysis& analysis) {
  std::unordered_map<std::string_view, std::size_t> index;  // views of the characters' ids
  index.reserve(analysis.characters.size());
  for (std::size_t i = 0; i < analysis.characters.size(); ++i)
    index.emplace(analysis.characters[i].id, i);
  std::vector<WeightedEdge> edges;
  edges.reserve(analysis.relationships.size());
  for (const auto& r : analysis.relationships) {
    auto s = index.find(r.source);
    auto t = index.find(r.target);
    if (s == index.end() || t == index.end()) continue;
    edges.push_back({s->second, t->second, r.weight});
  }
  GraphMetrics metrics = compute_graph_metrics(analysis.characters.size(), edges);
  int communities = 0;
  for (std::size_t i = 0; i < analysis.characters.size(); ++i) {
    analysis.characters[i].centrality = metrics.centrality[i];
    analysis.characters[i].community = metrics.community[i];
    communities = std::max(communities, metrics.community[i] + 1);
  }
  GraphSummary& summary = analysis.graph;
  summary.nodes = analysis.characters.size();
  summary.edges = 0;
  for (const auto& c : metrics.centrality) summary.edges += c.degree;
  summary.edges /= 2;
  summary.density = metrics.density;
  summary.average_clustering = metrics.average_clustering;
  summary.diameter = metrics.diameter;
  summary.modularity = metrics.modularity;
  summary.communities = static_cast<std::size_t>(communities);
  if (metrics.path_metrics_skipped) {
    analysis.diagnostics.push_back(
        {Severity::warning, "graph-over-limit", 0,
         "the character graph has " + std::to_string(summary.nodes) + " characters and " +
             std::to_string(summary.edges) + " relationships: betweenness, clustering and the diameter are not computed"});
  }
}

}  // namespace filmscope

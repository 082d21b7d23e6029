// Graph metrics on small graphs whose figures follow by hand, and on Knuth's Les Misérables
// co-appearance graph, whose published figures researchers reproduce with networkx.
#include "analysis/character_graph.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <fstream>
#include <map>
#include <numeric>
#include <sstream>
#include <string>

#include "support/test_paths.h"

using filmscope::compute_graph_metrics;
using filmscope::GraphMetrics;
using filmscope::WeightedEdge;

namespace {

bool all_finite(const GraphMetrics& m) {
  for (const auto& c : m.centrality)
    if (!std::isfinite(c.betweenness) || !std::isfinite(c.eigenvector) ||
        !std::isfinite(c.weighted_degree))
      return false;
  return std::isfinite(m.density) && std::isfinite(m.average_clustering) &&
         std::isfinite(m.modularity);
}

// A Stanford GraphBase book file (see SGB-README.txt and gb_books): a header of "XX Name,
// description" lines, a blank line, then one line per chapter, "1.2.3:AA,BB;CC,DD,EE", each
// ';'-separated group a set of characters who meet in that chapter; '*' lines are comments.
// The usual weighted graph joins every two characters who meet, weighting each pair by the
// number of meetings (groups) in which both appear.
struct BookGraph {
  std::vector<std::string> codes;  // vertex → two-letter character code
  std::vector<WeightedEdge> edges;
  double total_weight = 0.0;
};

BookGraph read_sgb_book(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::string line;
  bool in_header = true;
  std::map<std::pair<std::string, std::string>, double> weights;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty() && line[0] == '*') continue;
    if (in_header) {
      if (line.empty()) in_header = false;
      continue;
    }
    auto colon = line.find(':');
    if (colon == std::string::npos) continue;  // a chapter in which no one appears
    std::stringstream groups(line.substr(colon + 1));
    std::string group;
    while (std::getline(groups, group, ';')) {
      std::vector<std::string> members;
      std::stringstream names(group);
      std::string code;
      while (std::getline(names, code, ','))
        if (!code.empty()) members.push_back(code);
      for (std::size_t i = 0; i < members.size(); ++i)
        for (std::size_t j = i + 1; j < members.size(); ++j)
          if (members[i] != members[j]) weights[std::minmax(members[i], members[j])] += 1.0;
    }
  }
  BookGraph graph;
  std::map<std::string, std::size_t> index;
  auto vertex = [&](const std::string& code) {
    auto [it, added] = index.emplace(code, graph.codes.size());
    if (added) graph.codes.push_back(code);
    return it->second;
  };
  for (const auto& [pair, weight] : weights) {
    graph.edges.push_back({vertex(pair.first), vertex(pair.second), weight});
    graph.total_weight += weight;
  }
  return graph;
}

}  // namespace

TEST_CASE("path of three vertices", "[graph]") {
  auto m = compute_graph_metrics(3, {{0, 1, 1.0}, {1, 2, 1.0}});
  CHECK(m.centrality[0].degree == 1);
  CHECK(m.centrality[1].degree == 2);
  CHECK(m.centrality[1].weighted_degree == 2.0);
  // The middle vertex lies on the only path between the ends: 1 of 1 pair, normalised to 1.
  CHECK(m.centrality[1].betweenness == Approx(1.0));
  CHECK(m.centrality[0].betweenness == 0.0);
  // The principal eigenvector of a 3-path is (1, √2, 1)/2.
  CHECK(m.centrality[0].eigenvector == Approx(0.5).margin(1e-4));
  CHECK(m.centrality[1].eigenvector == Approx(std::sqrt(0.5)).margin(1e-4));
  CHECK(m.centrality[2].eigenvector == Approx(0.5).margin(1e-4));
  CHECK(m.density == Approx(2.0 / 3.0));
  CHECK(m.average_clustering == 0.0);
  CHECK(m.diameter == 2);
  // Splitting a 3-path only lowers modularity below the single community's 0.
  CHECK(m.community == std::vector<int>{0, 0, 0});
  CHECK(m.modularity == Approx(0.0).margin(1e-12));
}

TEST_CASE("star with four leaves", "[graph]") {
  auto m = compute_graph_metrics(5, {{0, 1, 1.0}, {0, 2, 1.0}, {0, 3, 1.0}, {0, 4, 1.0}});
  CHECK(m.centrality[0].degree == 4);
  CHECK(m.centrality[0].betweenness == Approx(1.0));  // on all 6 leaf–leaf paths
  for (std::size_t leaf = 1; leaf < 5; ++leaf) {
    CHECK(m.centrality[leaf].betweenness == 0.0);
    CHECK(m.centrality[leaf].eigenvector == Approx(1.0 / std::sqrt(8.0)).margin(1e-4));
  }
  // λ = 2: the centre is twice a leaf, (2, 1, 1, 1, 1)/√8.
  CHECK(m.centrality[0].eigenvector == Approx(2.0 / std::sqrt(8.0)).margin(1e-4));
  CHECK(m.density == Approx(0.4));
  CHECK(m.average_clustering == 0.0);
  CHECK(m.diameter == 2);
}

TEST_CASE("weighted triangle", "[graph]") {
  auto m = compute_graph_metrics(3, {{0, 1, 1.0}, {1, 2, 2.0}, {0, 2, 3.0}});
  CHECK(m.centrality[0].weighted_degree == 4.0);
  CHECK(m.centrality[1].weighted_degree == 3.0);
  CHECK(m.centrality[2].weighted_degree == 5.0);
  for (const auto& c : m.centrality) {
    CHECK(c.degree == 2);
    CHECK(c.betweenness == 0.0);
  }
  CHECK(m.density == 1.0);
  CHECK(m.average_clustering == 1.0);
  CHECK(m.diameter == 1);
  // Eigenvector of [[0,1,3],[1,0,2],[3,2,0]] for its largest eigenvalue, checked by its
  // defining equation rather than by a copied figure: A x = λ x with unit norm.
  double x0 = m.centrality[0].eigenvector, x1 = m.centrality[1].eigenvector,
         x2 = m.centrality[2].eigenvector;
  CHECK(x0 * x0 + x1 * x1 + x2 * x2 == Approx(1.0));
  double lambda = (x1 + 3 * x2) / x0;
  CHECK((x0 + 2 * x2) / x1 == Approx(lambda).epsilon(1e-4));
  CHECK((3 * x0 + 2 * x1) / x2 == Approx(lambda).epsilon(1e-4));
  CHECK(x2 > x0);
  CHECK(x0 > x1);
}

TEST_CASE("equal triangle has uniform eigenvector centrality", "[graph]") {
  auto m = compute_graph_metrics(3, {{0, 1, 1.0}, {1, 2, 1.0}, {0, 2, 1.0}});
  for (const auto& c : m.centrality) CHECK(c.eigenvector == Approx(1.0 / std::sqrt(3.0)));
}

TEST_CASE("two components: a triangle and a separate pair", "[graph]") {
  auto m = compute_graph_metrics(5, {{0, 1, 1.0}, {1, 2, 1.0}, {0, 2, 1.0}, {3, 4, 1.0}});
  CHECK(m.density == Approx(0.4));             // 4 of 10 possible edges
  CHECK(m.average_clustering == Approx(0.6));  // (1 + 1 + 1 + 0 + 0) / 5
  CHECK(m.diameter == 1);                      // of the triangle, the larger component
  for (const auto& c : m.centrality) CHECK(c.betweenness == 0.0);
  // (A + I) grows the triangle by 3 per step and the pair by 2, so the pair fades out.
  for (std::size_t v = 0; v < 3; ++v)
    CHECK(m.centrality[v].eigenvector == Approx(1.0 / std::sqrt(3.0)).margin(1e-4));
  CHECK(m.centrality[3].eigenvector < 1e-3);
  CHECK(m.centrality[3].eigenvector >= 0.0);
  CHECK(m.community == std::vector<int>{0, 0, 0, 1, 1});
  // Q = 3/4 − (6/8)² + 1/4 − (2/8)²
  CHECK(m.modularity == Approx(0.375));
  CHECK(all_finite(m));
}

TEST_CASE("two triangles joined by a bridge", "[graph]") {
  auto m = compute_graph_metrics(
      6,
      {{0, 1, 1.0}, {1, 2, 1.0}, {0, 2, 1.0}, {2, 3, 1.0}, {3, 4, 1.0}, {4, 5, 1.0}, {3, 5, 1.0}});
  // 2 carries the 6 paths from {0,1} to {3,4,5}; normalised by 2/((n−1)(n−2)) = 1/10.
  CHECK(m.centrality[2].betweenness == Approx(0.6));
  CHECK(m.centrality[3].betweenness == Approx(0.6));
  CHECK(m.centrality[0].betweenness == 0.0);
  CHECK(m.diameter == 3);
  CHECK(m.community == std::vector<int>{0, 0, 0, 1, 1, 1});
  CHECK(m.modularity == Approx(6.0 / 7.0 - 0.5));  // 2 · (3/7 − (7/14)²)
}

TEST_CASE("edgeless and empty graphs give zeros, not NaN", "[graph]") {
  auto m = compute_graph_metrics(3, {});
  CHECK(all_finite(m));
  for (const auto& c : m.centrality) {
    CHECK(c.degree == 0);
    CHECK(c.eigenvector == 0.0);
    CHECK(c.betweenness == 0.0);
  }
  CHECK(m.density == 0.0);
  CHECK(m.diameter == 0);
  CHECK(m.modularity == 0.0);
  CHECK(m.community == std::vector<int>{0, 1, 2});  // singletons, numbered by lowest vertex

  auto empty = compute_graph_metrics(0, {});
  CHECK(empty.centrality.empty());
  CHECK(empty.community.empty());
  CHECK(empty.density == 0.0);

  auto single = compute_graph_metrics(1, {});
  CHECK(all_finite(single));
  CHECK(single.community == std::vector<int>{0});
}

TEST_CASE("parallel edges merge and self-loops are dropped", "[graph]") {
  auto m = compute_graph_metrics(3, {{0, 1, 1.0}, {1, 0, 2.0}, {1, 1, 5.0}, {1, 7, 1.0}});
  CHECK(m.centrality[0].degree == 1);
  CHECK(m.centrality[1].degree == 1);
  CHECK(m.centrality[1].weighted_degree == 3.0);
  CHECK(m.centrality[2].degree == 0);
}

TEST_CASE("parallel edges are summed in the order they come", "[graph]") {
  // (0.1 + 0.2) + 0.3 and 0.1 + (0.2 + 0.3) differ in the last bit.
  auto m = compute_graph_metrics(3, {{0, 1, 0.1}, {1, 2, 1.0}, {1, 0, 0.2}, {0, 1, 0.3}});
  CHECK(m.centrality[0].weighted_degree == (0.1 + 0.2) + 0.3);
  CHECK(m.centrality[1].weighted_degree == ((0.1 + 0.2) + 0.3) + 1.0);
  CHECK(m.centrality[1].degree == 2);
}

TEST_CASE("the diameter is that of the largest component, the lowest on a tie", "[graph]") {
  // A triangle at 0..2, then a path 3-4-5-6: the path is larger.
  auto m = compute_graph_metrics(7, {{0, 1, 1.0}, {1, 2, 1.0}, {0, 2, 1.0}, {3, 4, 1.0}, {4, 5, 1.0}, {5, 6, 1.0}});
  CHECK(m.diameter == 3);
  // A path 0-1-2 and a triangle 3..5 of the same size: the path holds the lowest vertex.
  auto tie = compute_graph_metrics(6, {{0, 1, 1.0}, {1, 2, 1.0}, {3, 4, 1.0}, {4, 5, 1.0}, {3, 5, 1.0}});
  CHECK(tie.diameter == 2);
}

TEST_CASE("Louvain aggregates a ring of cliques into the cliques", "[graph]") {
  // Four 5-cliques, each joined to the next by one edge: a graph Louvain settles in two levels.
  std::vector<WeightedEdge> edges;
  for (std::size_t c = 0; c < 4; ++c) {
    for (std::size_t a = 0; a < 5; ++a)
      for (std::size_t b = a + 1; b < 5; ++b) edges.push_back({5 * c + a, 5 * c + b, 1.0});
    edges.push_back({5 * c + 4, (5 * c + 5) % 20, 1.0});
  }
  auto m = compute_graph_metrics(20, edges);
  for (std::size_t v = 0; v < 20; ++v) {
    INFO(v);
    CHECK(m.community[v] == static_cast<int>(v / 5));
  }
  // Each clique holds 10 of the 44 edges and a summed degree of 22: Q = 4 · (10/44 − (22/88)²).
  CHECK(m.modularity == Approx(4.0 * (10.0 / 44.0 - 0.0625)));
}

TEST_CASE("largest community is numbered 0", "[graph]") {
  // A pair at vertices 0–1, then a 4-clique at 2..5: the clique must be community 0.
  std::vector<WeightedEdge> edges{{0, 1, 1.0}};
  for (std::size_t a = 2; a < 6; ++a)
    for (std::size_t b = a + 1; b < 6; ++b) edges.push_back({a, b, 1.0});
  auto m = compute_graph_metrics(6, edges);
  CHECK(m.community == std::vector<int>{1, 1, 0, 0, 0, 0});
}

TEST_CASE("metrics are deterministic", "[graph]") {
  std::vector<WeightedEdge> edges;
  for (std::size_t i = 0; i < 30; ++i) {
    edges.push_back({i, (i * 7 + 3) % 30, 1.0 + static_cast<double>(i % 4)});
    edges.push_back({i, (i * 11 + 5) % 30, 2.0});
  }
  auto a = compute_graph_metrics(30, edges);
  auto b = compute_graph_metrics(30, edges);
  CHECK(a.community == b.community);
  for (std::size_t v = 0; v < 30; ++v) {
    CHECK(a.centrality[v].eigenvector == b.centrality[v].eigenvector);
    CHECK(a.centrality[v].betweenness == b.centrality[v].betweenness);
  }
  CHECK(a.modularity == b.modularity);
}

TEST_CASE("apply_graph_metrics maps relationships onto characters", "[graph]") {
  filmscope::Analysis analysis;
  for (const char* id : {"ann", "bob", "cy", "dee"}) {
    filmscope::Character c;
    c.id = id;
    c.name = id;
    analysis.characters.push_back(c);
  }
  auto relate = [&](const char* s, const char* t, double w) {
    filmscope::Relationship r;
    r.source = s;
    r.target = t;
    r.weight = w;
    analysis.relationships.push_back(r);
  };
  relate("ann", "bob", 2.0);
  relate("bob", "cy", 1.0);
  relate("bob", "nobody", 5.0);  // unknown ids are ignored
  filmscope::apply_graph_metrics(analysis);
  CHECK(analysis.characters[1].centrality.degree == 2);
  CHECK(analysis.characters[1].centrality.weighted_degree == 3.0);
  CHECK(analysis.characters[1].centrality.betweenness == Approx(1.0 / 3.0));  // 1 pair of 3
  CHECK(analysis.characters[3].centrality.degree == 0);
  CHECK(analysis.graph.nodes == 4);
  CHECK(analysis.graph.edges == 2);
  CHECK(analysis.graph.diameter == 2);
  CHECK(analysis.graph.density == Approx(2.0 / 6.0));
  CHECK(analysis.graph.communities >= 2);  // dee is alone
  CHECK(analysis.characters[3].community != analysis.characters[0].community);
}

TEST_CASE("Les Misérables (Stanford GraphBase jean.dat)", "[graph][shared]") {
  auto shared = filmscope::testing::shared_dir();
  if (!shared) {
    WARN("shared evaluation material is absent: skipped");
    return;
  }
  auto path = *shared / "eval" / "networks" / "sgb" / "jean.dat";
  if (!std::filesystem::exists(path)) {
    WARN("jean.dat is absent: skipped");
    return;
  }
  BookGraph book = read_sgb_book(path);
  REQUIRE(book.codes.size() == 77);
  REQUIRE(book.edges.size() == 254);
  REQUIRE(book.total_weight == 820.0);

  GraphMetrics m = compute_graph_metrics(book.codes.size(), book.edges);
  auto valjean = static_cast<std::size_t>(std::find(book.codes.begin(), book.codes.end(), "JV") -
                                          book.codes.begin());
  REQUIRE(valjean < book.codes.size());
  const auto& jv = m.centrality[valjean];
  CHECK(jv.degree == 36);
  CHECK(jv.betweenness == Approx(0.570).margin(0.0005));
  CHECK(m.density == Approx(0.0868).margin(0.00005));
  CHECK(m.average_clustering == Approx(0.5731).margin(0.00005));
  CHECK(m.diameter == 5);
  // Valjean is the most central character by every measure.
  for (std::size_t v = 0; v < m.centrality.size(); ++v) {
    if (v == valjean) continue;
    CHECK(m.centrality[v].eigenvector < jv.eigenvector);
    CHECK(m.centrality[v].betweenness < jv.betweenness);
  }
  // networkx 2.8 eigenvector_centrality(G, weight="weight") on the same graph: 0.455659.
  CHECK(jv.eigenvector == Approx(0.455659).margin(1e-5));
  CHECK(jv.weighted_degree == 158.0);
  double norm = 0.0;
  for (const auto& c : m.centrality) norm += c.eigenvector * c.eigenvector;
  CHECK(norm == Approx(1.0));
  // Louvain finds a clearly modular partition of this graph (published runs report ≈ 0.55–0.57).
  CHECK(m.modularity > 0.5);
  int communities = *std::max_element(m.community.begin(), m.community.end()) + 1;
  CHECK(communities >= 4);
  CHECK(communities <= 12);
  CHECK(all_finite(m));
}

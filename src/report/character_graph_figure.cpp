// The character graph figure (see character_graph_figure.h).
#include "report/character_graph_figure.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <stdexcept>
#include <string_view>
#include <unordered_map>

#include "export/number_format.h"
#include "report/graph_layout.h"
#include "report/markup.h"

namespace filmscope::report {

namespace {

constexpr double kMinDiameter = 10.0;
constexpr double kMaxDiameter = 40.0;
constexpr double kMargin = 24.0;
constexpr double kLabelGap = 4.0;     // between a node's circle and its name
constexpr double kLabelFontSize = 12.0;
// A generous average advance of a sans-serif code point, as a share of the font size; names are
// measured with it so that their boxes, which Graphviz keeps apart, hold them.
constexpr double kAdvancePerCodePoint = 0.6;

std::size_t code_points(std::string_view text) {
  std::size_t n = 0;
  for (char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

std::string figure_number(double value) { return format_decimal(value, 3); }

std::string node_title(const Character& c) {
  std::string title = c.name;
  if (c.actor) title += " (" + *c.actor + ")";
  title += "\ncommunity " + std::to_string(c.community + 1);
  title += "\n" + std::to_string(c.centrality.degree) + " connections, weighted degree " +
           figure_number(c.centrality.weighted_degree);
  title += "\nbetweenness " + figure_number(c.centrality.betweenness) + ", eigenvector " +
           figure_number(c.centrality.eigenvector);
  title += "\n" + std::to_string(c.mentions.size()) + " mentions";
  if (c.dialogue_words > 0) title += ", " + std::to_string(c.dialogue_words) + " words spoken";
  return title;
}

std::string edge_title(const Relationship& r, const Character& a, const Character& b) {
  std::string title = a.name + " — " + b.name;
  if (!r.kinds.empty()) {
    title += ": ";
    for (std::size_t i = 0; i < r.kinds.size(); ++i) title += (i ? ", " : "") + r.kinds[i];
  }
  title += "\nweight " + figure_number(r.weight) + ", " + std::to_string(r.shared_scenes) + " shared scenes";
  for (const Evidence& e : r.evidence) {
    if (e.kind.empty()) continue;
    title += "\n“" + shorten(e.text, 160) + "”";
    break;
  }
  return title;
}

}  // namespace

std::string character_graph_figure(const Analysis& analysis) {
  std::unordered_map<std::string_view, std::size_t> character_index;
  for (std::size_t i = 0; i < analysis.characters.size(); ++i) character_index[analysis.characters[i].id] = i;

  std::vector<std::size_t> chosen;  // indices into analysis.characters
  std::size_t connected = 0;
  for (std::size_t i = 0; i < analysis.characters.size(); ++i) {
    if (analysis.characters[i].centrality.degree == 0) continue;
    ++connected;
    if (chosen.size() < kGraphCharacterLimit) chosen.push_back(i);
  }
  std::unordered_map<std::size_t, std::size_t> node_of;  // character index → node
  for (std::size_t n = 0; n < chosen.size(); ++n) node_of[chosen[n]] = n;

  std::vector<WeightedEdge> edges;
  std::vector<const Relationship*> drawn;
  for (const Relationship& r : analysis.relationships) {
    auto s = character_index.find(r.source);
    auto t = character_index.find(r.target);
    if (s == character_index.end() || t == character_index.end()) continue;
    auto ns = node_of.find(s->second);
    auto nt = node_of.find(t->second);
    if (ns == node_of.end() || nt == node_of.end()) continue;
    edges.push_back({ns->second, nt->second, r.weight});
    drawn.push_back(&r);
  }

  std::string out = "<figure class=\"graph-figure\" id=\"character-graph\">\n";
  if (chosen.empty()) {
    out += "<p class=\"empty\">No relationships between characters were found.</p>\n</figure>\n";
    return out;
  }

  double max_strength = 0.0;
  for (std::size_t i : chosen) max_strength = std::max(max_strength, analysis.characters[i].centrality.weighted_degree);
  std::vector<double> diameters;
  for (std::size_t i : chosen) {
    double strength = analysis.characters[i].centrality.weighted_degree;
    double ratio = max_strength > 0.0 ? std::sqrt(strength / max_strength) : 0.0;  // area ∝ strength
    diameters.push_back(kMinDiameter + (kMaxDiameter - kMinDiameter) * ratio);
  }
  std::vector<std::string> labels;
  std::vector<NodeBox> boxes;
  for (std::size_t n = 0; n < chosen.size(); ++n) {
    labels.push_back(shorten(analysis.characters[chosen[n]].name, 24));
    double label_width = kLabelFontSize * kAdvancePerCodePoint * static_cast<double>(code_points(labels.back()));
    boxes.push_back({diameters[n] + kLabelGap + label_width, std::max(diameters[n], kLabelFontSize + 4)});
  }
  GraphLayout layout = layout_graph(boxes, edges);
  if (!layout.error.empty()) throw std::runtime_error(layout.error);

  double max_weight = 0.0;
  for (const WeightedEdge& e : edges) max_weight = std::max(max_weight, e.weight);
  // The circle sits at the left end of its box, the name after it.
  std::vector<NodePosition> centres;
  for (std::size_t n = 0; n < chosen.size(); ++n)
    centres.push_back({layout.nodes[n].x - boxes[n].width / 2 + diameters[n] / 2 + kMargin, layout.nodes[n].y + kMargin});
  double width = layout.width + 2 * kMargin;
  double height = layout.height + 2 * kMargin;
  out += "<svg class=\"chart graph\" viewBox=\"0 0 " + svg_number(width) + " " + svg_number(height) +
         "\" width=\"" + svg_number(width) + "\" role=\"img\" aria-label=\"Character graph\">\n";
  out += "<g class=\"edges\">\n";
  std::set<std::string> kinds_shown;
  for (std::size_t k = 0; k < edges.size(); ++k) {
    const WeightedEdge& e = edges[k];
    const Relationship& r = *drawn[k];
    std::string kind = r.kinds.empty() ? "" : r.kinds.front();
    kinds_shown.insert(kind);
    // Square root: a few very strong pairs would otherwise leave every other edge a hairline.
    double stroke = 1.0 + 6.0 * (max_weight > 0.0 ? std::sqrt(e.weight / max_weight) : 0.0);
    const NodePosition& a = centres[e.source];
    const NodePosition& b = centres[e.target];
    out += "<line class=\"edge\" data-kind=\"" + escape_markup(kind.empty() ? "co-occurrence" : kind) +
           "\" x1=\"" + svg_number(a.x) + "\" y1=\"" + svg_number(a.y) + "\" x2=\"" +
           svg_number(b.x) + "\" y2=\"" + svg_number(b.y) + "\" stroke=\"" +
           std::string(relationship_kind_colour(kind)) + "\" stroke-width=\"" + svg_number(stroke) +
           "\"><title>" +
           escape_markup(edge_title(r, analysis.characters[chosen[e.source]], analysis.characters[chosen[e.target]])) +
           "</title></line>\n";
  }
  out += "</g>\n<g class=\"nodes\">\n";
  std::set<int> communities_shown;
  for (std::size_t n = 0; n < chosen.size(); ++n) {
    const Character& c = analysis.characters[chosen[n]];
    communities_shown.insert(c.community);
    double x = centres[n].x;
    double y = centres[n].y;
    double r = diameters[n] / 2.0;
    out += "<g class=\"node\" data-id=\"" + escape_markup(c.id) + "\"><title>" + escape_markup(node_title(c)) +
           "</title><circle cx=\"" + svg_number(x) + "\" cy=\"" + svg_number(y) + "\" r=\"" + svg_number(r) +
           "\" fill=\"" + std::string(community_colour(static_cast<std::size_t>(std::max(0, c.community)))) +
           "\"/><text x=\"" + svg_number(x + r + kLabelGap) + "\" y=\"" + svg_number(y + 4) + "\">" +
           escape_markup(labels[n]) + "</text></g>\n";
  }
  out += "</g>\n</svg>\n<figcaption>";
  out += "Node area: weighted degree. Fill: community (";
  bool first = true;
  for (int community : communities_shown) {
    out += first ? "" : " ";
    first = false;
    out += "<span class=\"swatch\" style=\"background:" +
           std::string(community_colour(static_cast<std::size_t>(std::max(0, community)))) + "\"></span>" +
           std::to_string(community + 1);
  }
  out += "). Edge width: relationship weight; colour: strongest kind (";
  first = true;
  for (const std::string& kind : kinds_shown) {
    out += first ? "" : " ";
    first = false;
    out += "<span class=\"swatch\" style=\"background:" + std::string(relationship_kind_colour(kind)) + "\"></span>" +
           escape_markup(kind.empty() ? "co-occurrence" : kind);
  }
  out += "). Hover for details.";
  if (connected > chosen.size())
    out += " Showing the " + std::to_string(chosen.size()) + " most important of " + std::to_string(connected) +
           " connected characters.";
  std::size_t isolated = analysis.characters.size() - connected;
  if (isolated > 0)
    out += " " + std::to_string(isolated) + (isolated == 1 ? " character has" : " characters have") +
           " no relationship and " + (isolated == 1 ? "is" : "are") + " not drawn.";
  out += "</figcaption>\n</figure>\n";
  return out;
}

}  // namespace filmscope::report

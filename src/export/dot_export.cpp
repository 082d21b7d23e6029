// Graphviz DOT export of the character graph.
//
// Takes: an Analysis whose graph metrics are filled. Produces: an undirected DOT graph named
// after the film, one node per character (label: name, and the actor on a second line when
// known; font size and width grow with eigenvector centrality; fill colour by community) and
// one edge per relationship (pen width proportional to weight relative to the heaviest edge,
// label: the relationship kinds, tooltip: the first evidence sentences).
// Method: every ID and attribute value is written as a quoted string; inside it `"` and `\`
// are backslash-escaped and line breaks become the `\n` escape (Graphviz would otherwise read
// a backslash-newline as a line continuation, and `\N`, `\G`… as its own escapes). Non-ASCII
// text is kept as UTF-8, which is Graphviz's default charset. Numbers use fixed decimals so
// that output is deterministic.
#include "export/dot_export.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <string_view>
#include <unordered_map>

#include "export/number_format.h"
#include "export/text_layout.h"
#include "text/unicode_text.h"

namespace filmscope {

namespace {

// A qualitative palette (ColorBrewer Set3) readable under black labels; communities beyond
// its size reuse colours in order.
constexpr std::array<std::string_view, 12> kCommunityPalette{
    "#8dd3c7", "#ffffb3", "#bebada", "#fb8072", "#80b1d3", "#fdb462",
    "#b3de69", "#fccde5", "#d9d9d9", "#bc80bd", "#ccebc5", "#ffed6f"};

constexpr double kMinFontSize = 10.0;
constexpr double kMaxFontSize = 24.0;
constexpr double kMinNodeWidth = 0.75;  // inches, Graphviz's default
constexpr double kMaxNodeWidth = 2.0;
constexpr double kMinPenWidth = 1.0;
constexpr double kMaxPenWidth = 6.0;
// Tooltips show a few evidence sentences, each shortened, so SVG files stay small.
constexpr std::size_t kTooltipEvidence = 3;
constexpr std::size_t kTooltipSentenceWidth = 160;
constexpr std::size_t kTooltipDescriptionWidth = 200;
constexpr int kDotDecimals = 2;
// Caps dot's integer edge weight; beyond this the layout gains nothing.
constexpr double kMaxLayoutWeight = 1000.0;

// A DOT double-quoted string. Control characters other than the line break would be invalid or
// invisible in every output format, so they become spaces.
std::string quote(std::string_view text) {
  std::string out = "\"";
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        if (i + 1 < text.size() && text[i + 1] == '\n') break;  // CRLF: one break
        out += "\\n";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
          out += ' ';
        else
          out += c;
    }
  }
  out += '"';
  return out;
}

std::string number(double value) { return format_decimal(value, kDotDecimals); }

std::string count(std::size_t n, std::string_view singular, std::string_view plural) {
  return std::to_string(n) + " " + std::string(n == 1 ? singular : plural);
}

std::string graph_title(const FilmInfo& film) {
  std::string title = film.title.empty() ? "filmscope" : film.title;
  return title;
}

std::string node_tooltip(const Character& c) {
  std::string tip = c.name;
  if (c.actor) tip += " — " + *c.actor;
  tip += "\n" + count(c.mentions.size(), "mention", "mentions") + ", " +
         count(c.centrality.degree, "relationship", "relationships") + ", community " +
         std::to_string(c.community);
  if (!c.description.empty()) tip += "\n" + shorten(c.description, kTooltipDescriptionWidth);
  return tip;
}

std::string edge_tooltip(const Relationship& r,
                         const std::unordered_map<std::string, std::string>& names) {
  auto name_of = [&](const std::string& id) {
    auto it = names.find(id);
    return it == names.end() ? id : it->second;
  };
  std::string tip = name_of(r.source) + " — " + name_of(r.target) + ": weight " + number(r.weight);
  std::size_t shown = 0;
  for (const auto& e : r.evidence) {
    if (shown == kTooltipEvidence) break;
    tip += "\n" + std::string("line ") + std::to_string(e.line) + ": " +
           shorten(e.text, kTooltipSentenceWidth);
    ++shown;
  }
  return tip;
}

// dot's layout weight must be a non-negative integer; heavier edges pull their ends closer.
long long layout_weight(double weight) {
  if (!std::isfinite(weight) || weight < 1.0) return 1;
  return std::llround(std::min(weight, kMaxLayoutWeight));
}

}  // namespace

std::string to_dot(const Analysis& analysis) {
  const std::string title = graph_title(analysis.film);
  std::string label = title;
  if (analysis.film.year) label += " (" + std::to_string(*analysis.film.year) + ")";

  double max_eigenvector = 0.0;
  for (const auto& c : analysis.characters)
    max_eigenvector = std::max(max_eigenvector, c.centrality.eigenvector);
  double max_weight = 0.0;
  for (const auto& r : analysis.relationships) max_weight = std::max(max_weight, r.weight);
  std::unordered_map<std::string, std::string> names;
  for (const auto& c : analysis.characters) names.emplace(c.id, c.name);

  std::string out;
  out += "graph " + quote(title) + " {\n";
  out += "  graph [label=" + quote(label) +
         ", labelloc=t, fontsize=20, fontname=\"Helvetica\", overlap=false, "
         "outputorder=edgesfirst];\n";
  out += "  node [shape=ellipse, style=filled, fontname=\"Helvetica\", color=\"#555555\"];\n";
  out += "  edge [color=\"#777777\", fontname=\"Helvetica\", fontsize=9];\n";

  for (const auto& c : analysis.characters) {
    double share = max_eigenvector > 0.0 ? c.centrality.eigenvector / max_eigenvector : 0.0;
    std::string node_label = c.name;
    if (c.actor && !c.actor->empty()) node_label += "\n" + *c.actor;
    const auto palette_index =
        static_cast<std::size_t>(std::max(c.community, 0)) % kCommunityPalette.size();
    out += "  " + quote(c.id) + " [label=" + quote(node_label) +
           ", fillcolor=" + quote(kCommunityPalette[palette_index]) +
           ", fontsize=" + number(kMinFontSize + (kMaxFontSize - kMinFontSize) * share) +
           ", width=" + number(kMinNodeWidth + (kMaxNodeWidth - kMinNodeWidth) * share) +
           ", tooltip=" + quote(node_tooltip(c)) + "];\n";
  }

  for (const auto& r : analysis.relationships) {
    double share = max_weight > 0.0 ? r.weight / max_weight : 0.0;
    out += "  " + quote(r.source) + " -- " + quote(r.target) +
           " [penwidth=" + number(kMinPenWidth + (kMaxPenWidth - kMinPenWidth) * share) +
           ", weight=" + std::to_string(layout_weight(r.weight));
    if (!r.kinds.empty()) out += ", label=" + quote(join(r.kinds, ", "));
    out += ", tooltip=" + quote(edge_tooltip(r, names)) + "];\n";
  }
  out += "}\n";
  return out;
}

}  // namespace filmscope

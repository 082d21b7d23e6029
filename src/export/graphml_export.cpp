// GraphML 1.0 export of the character graph.
//
// Takes: an Analysis whose graph metrics are filled. Produces: a GraphML document with one
// <key> per attribute (typed string, int or double so that consumers such as networkx, igraph,
// Gephi and yEd read numbers as numbers), an undirected <graph> whose node ids are character
// ids, and one <edge> per relationship.
// Method: plain string building with XML escaping of the five special characters in text and
// attribute values. XML 1.0 forbids most control characters even as references, so those are
// replaced by spaces; everything else, including non-ASCII, is written as UTF-8. An absent
// actor or credit is left out of the node rather than written as an empty string.
#include "export/graphml_export.h"

#include <string_view>

#include "export/number_format.h"
#include "text/unicode_text.h"

namespace filmscope {

namespace {

struct KeySpec {
  std::string_view id;
  std::string_view domain;  // "graph", "node" or "edge"
  std::string_view name;
  std::string_view type;  // GraphML attr.type
};

// Key ids carry the domain so that a node and an edge attribute may share a name.
constexpr KeySpec kKeys[] = {
    {"g_title", "graph", "title", "string"},
    {"g_year", "graph", "year", "int"},
    {"n_name", "node", "name", "string"},
    {"n_actor", "node", "actor", "string"},
    {"n_credit", "node", "credit", "string"},
    {"n_gender", "node", "gender", "string"},
    {"n_mentions", "node", "mentions", "int"},
    {"n_degree", "node", "degree", "int"},
    {"n_weighted_degree", "node", "weighted_degree", "double"},
    {"n_betweenness", "node", "betweenness", "double"},
    {"n_eigenvector", "node", "eigenvector", "double"},
    {"n_community", "node", "community", "int"},
    {"e_weight", "edge", "weight", "double"},
    {"e_shared_scenes", "edge", "shared_scenes", "int"},
    {"e_kinds", "edge", "kinds", "string"},
};

std::string escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default: {
        auto byte = static_cast<unsigned char>(c);
        bool allowed_control = c == '\t' || c == '\n' || c == '\r';
        out += (byte < 0x20 && !allowed_control) ? ' ' : c;
      }
    }
  }
  return out;
}

void data(std::string& out, std::string_view indent, std::string_view key, std::string_view value) {
  out += indent;
  out += "<data key=\"";
  out += key;
  out += "\">";
  out += value;
  out += "</data>\n";
}

}  // namespace

std::string to_graphml(const Analysis& analysis) {
  std::string out;
  out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out +=
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
      "         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
      "         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
      "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  for (const auto& key : kKeys) {
    out += "  <key id=\"";
    out += key.id;
    out += "\" for=\"";
    out += key.domain;
    out += "\" attr.name=\"";
    out += key.name;
    out += "\" attr.type=\"";
    out += key.type;
    out += "\"/>\n";
  }
  out += "  <graph id=\"G\" edgedefault=\"undirected\">\n";
  data(out, "    ", "g_title", escape(analysis.film.title));
  if (analysis.film.year) data(out, "    ", "g_year", std::to_string(*analysis.film.year));

  for (const auto& c : analysis.characters) {
    out += "    <node id=\"" + escape(c.id) + "\">\n";
    constexpr std::string_view kIndent = "      ";
    data(out, kIndent, "n_name", escape(c.name));
    if (c.actor) data(out, kIndent, "n_actor", escape(*c.actor));
    if (c.credit) data(out, kIndent, "n_credit", escape(*c.credit));
    data(out, kIndent, "n_gender", to_string(c.gender));
    data(out, kIndent, "n_mentions", std::to_string(c.mentions.size()));
    data(out, kIndent, "n_degree", std::to_string(c.centrality.degree));
    data(out, kIndent, "n_weighted_degree", format_decimal(c.centrality.weighted_degree));
    data(out, kIndent, "n_betweenness", format_decimal(c.centrality.betweenness));
    data(out, kIndent, "n_eigenvector", format_decimal(c.centrality.eigenvector));
    data(out, kIndent, "n_community", std::to_string(c.community));
    out += "    </node>\n";
  }

  for (const auto& r : analysis.relationships) {
    out += "    <edge source=\"" + escape(r.source) + "\" target=\"" + escape(r.target) + "\">\n";
    constexpr std::string_view kIndent = "      ";
    data(out, kIndent, "e_weight", format_decimal(r.weight));
    data(out, kIndent, "e_shared_scenes", std::to_string(r.shared_scenes));
    // GraphML has no list type; kinds are comma-separated, as in the DOT edge labels.
    data(out, kIndent, "e_kinds", escape(join(r.kinds, ", ")));
    out += "    </edge>\n";
  }
  out += "  </graph>\n";
  out += "</graphml>\n";
  return out;
}

}  // namespace filmscope

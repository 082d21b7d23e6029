// JSON export: the `filmscope/analysis@1` and `filmscope/graph@1` documents.
//
// Takes: an Analysis. Produces: a JSON text, two-space indented, ending in a newline.
// Method: nlohmann::ordered_json, so keys appear in the documented order (docs/json-schema.md)
// rather than sorted; every double is rounded to kExportDecimals decimals first, so the text is
// byte-identical across runs. Strings are written as UTF-8, not \u-escaped; a byte sequence
// that is not valid UTF-8 (which the decoding stage should never let through) is replaced by
// U+FFFD instead of aborting the export.
#include "export/json_export.h"

#include <nlohmann/json.hpp>

#include "export/number_format.h"

namespace filmscope {

namespace {

using Json = nlohmann::ordered_json;

constexpr const char* kAnalysisSchema = "filmscope/analysis@1";
constexpr const char* kGraphSchema = "filmscope/graph@1";
constexpr int kIndent = 2;

Json optional_string(const std::optional<std::string>& value) {
  return value ? Json(*value) : Json(nullptr);
}

Json string_array(const std::vector<std::string>& values) {
  Json array = Json::array();
  for (const auto& v : values) array.push_back(v);
  return array;
}

Json film_json(const FilmInfo& film) {
  Json j;
  j["title"] = film.title;
  j["year"] = film.year ? Json(*film.year) : Json(nullptr);
  j["directors"] = string_array(film.directors);
  j["writers"] = string_array(film.writers);
  return j;
}

Json centrality_json(const Centrality& c) {
  Json j;
  j["degree"] = c.degree;
  j["weighted_degree"] = round_for_export(c.weighted_degree);
  j["betweenness"] = round_for_export(c.betweenness);
  j["eigenvector"] = round_for_export(c.eigenvector);
  return j;
}

Json mention_json(const Mention& m) {
  Json j;
  j["scene"] = m.scene;
  j["line"] = m.line;
  j["offset"] = m.offset;
  j["text"] = m.text;
  j["kind"] = std::string(to_string(m.kind));
  return j;
}

Json evidence_json(const Evidence& e) {
  Json j;
  j["scene"] = e.scene;
  j["line"] = e.line;
  j["text"] = e.text;
  j["kind"] = e.kind;
  return j;
}

Json scene_json(const Scene& s) {
  Json j;
  j["index"] = s.index;
  j["heading"] = optional_string(s.heading);
  j["section"] = s.section;
  j["lines"] = Json::array({s.lines.first, s.lines.last});
  j["characters"] = string_array(s.characters);
  return j;
}

Json character_json(const Character& c) {
  Json j;
  j["id"] = c.id;
  j["name"] = c.name;
  j["aliases"] = string_array(c.aliases);
  j["actor"] = optional_string(c.actor);
  j["credit"] = optional_string(c.credit);
  j["description"] = c.description;
  j["gender"] = std::string(to_string(c.gender));
  j["mentions"] = c.mentions.size();
  Json list = Json::array();
  for (const auto& m : c.mentions) list.push_back(mention_json(m));
  j["mention_list"] = std::move(list);
  j["dialogue_blocks"] = c.dialogue_blocks;
  j["centrality"] = centrality_json(c.centrality);
  j["community"] = c.community;
  return j;
}

Json relationship_json(const Relationship& r) {
  Json j;
  j["source"] = r.source;
  j["target"] = r.target;
  j["weight"] = round_for_export(r.weight);
  j["shared_scenes"] = r.shared_scenes;
  j["kinds"] = string_array(r.kinds);
  Json evidence = Json::array();
  for (const auto& e : r.evidence) evidence.push_back(evidence_json(e));
  j["evidence"] = std::move(evidence);
  return j;
}

Json graph_summary_json(const GraphSummary& g) {
  Json j;
  j["nodes"] = g.nodes;
  j["edges"] = g.edges;
  j["density"] = round_for_export(g.density);
  j["average_clustering"] = round_for_export(g.average_clustering);
  j["diameter"] = g.diameter;
  j["modularity"] = round_for_export(g.modularity);
  j["communities"] = g.communities;
  return j;
}

Json diagnostic_json(const Diagnostic& d) {
  Json j;
  j["severity"] = std::string(to_string(d.severity));
  j["code"] = d.code;
  j["line"] = d.line;
  j["message"] = d.message;
  return j;
}

std::string dump(const Json& document) {
  return document.dump(kIndent, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace

std::string to_analysis_json(const Analysis& analysis) {
  Json doc;
  doc["schema"] = kAnalysisSchema;
  Json source;
  source["path"] = analysis.source.path;
  source["format"] = std::string(to_string(analysis.source.format));
  source["encoding"] = analysis.source.encoding;
  doc["source"] = std::move(source);
  doc["film"] = film_json(analysis.film);
  Json scenes = Json::array();
  for (const auto& s : analysis.scenes) scenes.push_back(scene_json(s));
  doc["scenes"] = std::move(scenes);
  Json characters = Json::array();
  for (const auto& c : analysis.characters) characters.push_back(character_json(c));
  doc["characters"] = std::move(characters);
  Json relationships = Json::array();
  for (const auto& r : analysis.relationships) relationships.push_back(relationship_json(r));
  doc["relationships"] = std::move(relationships);
  doc["graph"] = graph_summary_json(analysis.graph);
  // Theme tags and the story arc belong to later analysis steps; the keys are present from
  // version 1 so that consumers need not special-case their absence.
  doc["themes"] = Json::array();
  doc["arc"] = nullptr;
  Json diagnostics = Json::array();
  for (const auto& d : analysis.diagnostics) diagnostics.push_back(diagnostic_json(d));
  doc["diagnostics"] = std::move(diagnostics);
  return dump(doc);
}

std::string to_graph_json(const Analysis& analysis) {
  Json doc;
  doc["schema"] = kGraphSchema;
  doc["film"] = film_json(analysis.film);
  Json nodes = Json::array();
  for (const auto& c : analysis.characters) {
    Json n;
    n["id"] = c.id;
    n["name"] = c.name;
    n["actor"] = optional_string(c.actor);
    n["gender"] = std::string(to_string(c.gender));
    n["mentions"] = c.mentions.size();
    n["centrality"] = centrality_json(c.centrality);
    n["community"] = c.community;
    nodes.push_back(std::move(n));
  }
  doc["nodes"] = std::move(nodes);
  Json edges = Json::array();
  for (const auto& r : analysis.relationships) {
    Json e;
    e["source"] = r.source;
    e["target"] = r.target;
    e["weight"] = round_for_export(r.weight);
    e["shared_scenes"] = r.shared_scenes;
    e["kinds"] = string_array(r.kinds);
    edges.push_back(std::move(e));
  }
  doc["edges"] = std::move(edges);
  doc["metrics"] = graph_summary_json(analysis.graph);
  return dump(doc);
}

}  // namespace filmscope

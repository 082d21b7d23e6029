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

#include "export/json_writer.h"
#include "export/number_format.h"

namespace filmscope {

namespace {

using Json = nlohmann::ordered_json;

constexpr const char* kAnalysisSchema = "filmscope/analysis@1";
constexpr const char* kGraphSchema = "filmscope/graph@1";
constexpr int kIndent = 2;

// An empty object with room for `members` keys. ordered_json keeps an object's members in a
// vector of (const key, value) pairs, so every growth copied all the keys: building the
// document cost about as much as writing it out.
Json object_of(std::size_t members) {
  Json j = Json::object();
  j.get_ref<Json::object_t&>().reserve(members);
  return j;
}

Json optional_string(const std::optional<std::string>& value) {
  return value ? Json(*value) : Json(nullptr);
}

Json string_array(const std::vector<std::string>& values) {
  Json array = Json::array();
  for (const auto& v : values) array.push_back(v);
  return array;
}

Json film_json(const FilmInfo& film) {
  Json j = object_of(4);
  j["title"] = film.title;
  j["year"] = film.year ? Json(*film.year) : Json(nullptr);
  j["directors"] = string_array(film.directors);
  j["writers"] = string_array(film.writers);
  return j;
}

Json centrality_json(const Centrality& c) {
  Json j = object_of(4);
  j["degree"] = c.degree;
  j["weighted_degree"] = round_for_export(c.weighted_degree);
  j["betweenness"] = round_for_export(c.betweenness);
  j["eigenvector"] = round_for_export(c.eigenvector);
  return j;
}

Json mention_json(const Mention& m) {
  Json j = object_of(5);
  j["scene"] = m.scene;
  j["line"] = m.line;
  j["offset"] = m.offset;
  j["text"] = m.text;
  j["kind"] = std::string(to_string(m.kind));
  return j;
}

Json evidence_json(const Evidence& e) {
  Json j = object_of(4);
  j["scene"] = e.scene;
  j["line"] = e.line;
  j["text"] = e.text;
  j["kind"] = e.kind;
  return j;
}

Json scene_json(const Scene& s) {
  Json j = object_of(17);
  j["index"] = s.index;
  j["heading"] = optional_string(s.heading);
  j["section"] = s.section;
  j["lines"] = Json::array({s.lines.first, s.lines.last});
  j["characters"] = string_array(s.characters);
  j["cast_description"] = s.cast_description;
  j["speakers"] = string_array(s.speakers);
  j["setting"] = s.setting ? Json(s.setting->setting) : Json(nullptr);
  j["location"] = s.setting ? Json(s.setting->location) : Json(nullptr);
  j["time_of_day"] = s.setting ? Json(s.setting->time_of_day) : Json(nullptr);
  j["number"] = s.setting ? Json(s.setting->number) : Json(nullptr);
  j["eighths"] = round_for_export(s.setting ? s.setting->eighths : 0.0);
  j["length"] = s.lines.last >= s.lines.first ? s.lines.last - s.lines.first + 1 : 0;
  j["dialogue_blocks"] = s.dialogue_blocks;
  j["dialogue_words"] = s.dialogue_words;
  j["action_words"] = s.action_words;
  j["valence"] = round_for_export(s.valence);
  return j;
}

Json theme_json(const Theme& t) {
  Json j = object_of(4);
  j["tag"] = t.tag;
  j["score"] = round_for_export(t.score);
  Json evidence = Json::array();
  for (const auto& e : t.evidence) {
    Json item = object_of(2);
    item["scene"] = e.scene;
    item["text"] = e.text;
    evidence.push_back(std::move(item));
  }
  j["evidence"] = std::move(evidence);
  Json trajectory = Json::array();
  for (double v : t.trajectory) trajectory.push_back(round_for_export(v));
  j["trajectory"] = std::move(trajectory);
  return j;
}

Json arc_json(const std::optional<Arc>& arc) {
  if (!arc) return Json(nullptr);
  Json j = object_of(5);
  j["shape"] = arc->shape;
  j["fit"] = round_for_export(arc->fit);
  Json points = Json::array();
  for (const ArcPoint& p : arc->points) {
    Json point = object_of(5);
    point["scene"] = p.scene;
    point["position"] = round_for_export(p.position);
    point["interaction"] = round_for_export(p.interaction);
    point["valence"] = round_for_export(p.valence);
    point["smoothed"] = round_for_export(p.smoothed);
    points.push_back(std::move(point));
  }
  j["points"] = std::move(points);
  Json curve = Json::array();
  for (double v : arc->curve) curve.push_back(round_for_export(v));
  j["curve"] = std::move(curve);
  Json turns = Json::array();
  for (const ArcTurn& t : arc->turning_points) {
    Json turn = object_of(3);
    turn["scene"] = t.scene;
    turn["text"] = t.text;
    turn["change"] = round_for_export(t.change);
    turns.push_back(std::move(turn));
  }
  j["turning_points"] = std::move(turns);
  return j;
}

Json character_json(const Character& c) {
  Json j = object_of(18);
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
  j["dialogue_words"] = c.dialogue_words;
  j["speaking_scenes"] = c.speaking_scenes;
  j["present_scenes"] = c.present_scenes;
  j["first_scene"] = c.first_scene;
  j["last_scene"] = c.last_scene;
  j["centrality"] = centrality_json(c.centrality);
  j["community"] = c.community;
  j["arc"] = arc_json(c.arc);
  return j;
}

Json relationship_json(const Relationship& r) {
  Json j = object_of(9);
  j["source"] = r.source;
  j["target"] = r.target;
  j["weight"] = round_for_export(r.weight);
  j["shared_scenes"] = r.shared_scenes;
  j["shared_speaking_scenes"] = r.shared_speaking_scenes;
  j["exchanges"] = r.exchanges;
  j["kinds"] = string_array(r.kinds);
  Json evidence = Json::array();
  for (const auto& e : r.evidence) evidence.push_back(evidence_json(e));
  j["evidence"] = std::move(evidence);
  j["arc"] = arc_json(r.arc);
  return j;
}

Json graph_summary_json(const GraphSummary& g) {
  Json j = object_of(7);
  j["nodes"] = g.nodes;
  j["edges"] = g.edges;
  j["density"] = round_for_export(g.density);
  j["average_clustering"] = round_for_export(g.average_clustering);
  j["diameter"] = g.diameter;
  j["modularity"] = round_for_export(g.modularity);
  j["communities"] = g.communities;
  return j;
}

Json scene_counts_json(const std::vector<SceneCount>& counts) {
  Json array = Json::array();
  for (const auto& c : counts) {
    Json j = object_of(2);
    j["label"] = c.label;
    j["scenes"] = c.scenes;
    array.push_back(std::move(j));
  }
  return array;
}

Json statistics_json(const std::optional<ScreenplayStats>& stats) {
  if (!stats) return Json(nullptr);
  const ScreenplayStats& s = *stats;
  Json j = object_of(14);
  j["scenes"] = s.scenes;
  j["unheaded_units"] = s.unheaded_units;
  j["lines"] = s.lines;
  j["eighths"] = round_for_export(s.eighths);
  j["speakers"] = s.speakers;
  j["dialogue_blocks"] = s.dialogue_blocks;
  j["dialogue_words"] = s.dialogue_words;
  j["action_words"] = s.action_words;
  j["dialogue_ratio"] = round_for_export(s.dialogue_ratio);
  j["settings"] = scene_counts_json(s.settings);
  j["times_of_day"] = scene_counts_json(s.times_of_day);
  j["locations"] = scene_counts_json(s.locations);
  Json shares = Json::array();
  for (const auto& d : s.dialogue_shares) {
    Json share = object_of(4);
    share["character"] = d.character;
    share["words"] = d.words;
    share["blocks"] = d.blocks;
    share["share"] = round_for_export(d.share);
    shares.push_back(std::move(share));
  }
  j["dialogue_shares"] = std::move(shares);
  Json sections = Json::array();
  for (const auto& section : s.sections) {
    Json k = object_of(8);
    k["section"] = section.section;
    k["scenes"] = section.scenes;
    k["lines"] = section.lines;
    k["eighths"] = round_for_export(section.eighths);
    k["speakers"] = section.speakers;
    k["dialogue_blocks"] = section.dialogue_blocks;
    k["dialogue_words"] = section.dialogue_words;
    k["action_words"] = section.action_words;
    sections.push_back(std::move(k));
  }
  j["sections"] = std::move(sections);
  return j;
}

Json diagnostic_json(const Diagnostic& d) {
  Json j = object_of(4);
  j["severity"] = std::string(to_string(d.severity));
  j["code"] = d.code;
  j["line"] = d.line;
  j["message"] = d.message;
  return j;
}

std::string dump(const Json& document) {
  return json_text(document, kIndent) + "\n";
}

}  // namespace

nlohmann::ordered_json analysis_document(const Analysis& analysis) {
  Json doc = object_of(11);
  doc["schema"] = kAnalysisSchema;
  Json source = object_of(3);
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
  doc["statistics"] = statistics_json(analysis.stats);
  Json themes = Json::array();
  for (const auto& t : analysis.themes) themes.push_back(theme_json(t));
  doc["themes"] = std::move(themes);
  // Null until arcs are computed (apply_arcs); the key is always present so that consumers
  // need not special-case its absence.
  doc["arc"] = arc_json(analysis.arc);
  Json diagnostics = Json::array();
  for (const auto& d : analysis.diagnostics) diagnostics.push_back(diagnostic_json(d));
  doc["diagnostics"] = std::move(diagnostics);
  return doc;
}

std::string dump_json(const nlohmann::ordered_json& document) { return dump(document); }

std::string to_analysis_json(const Analysis& analysis) { return dump(analysis_document(analysis)); }

std::string to_graph_json(const Analysis& analysis) {
  Json doc = object_of(5);
  doc["schema"] = kGraphSchema;
  doc["film"] = film_json(analysis.film);
  Json nodes = Json::array();
  for (const auto& c : analysis.characters) {
    Json n = object_of(7);
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
    Json e = object_of(5);
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

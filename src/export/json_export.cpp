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

// Adds a member the object does not have yet. Every member is new when a document is built, so
// this appends directly; operator[] would first search the members already there.
void put(Json& object, const char* key, Json value) {
  object.get_ref<Json::object_t&>().emplace_back(key, std::move(value));
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
  put(j, "title", film.title);
  put(j, "year", film.year ? Json(*film.year) : Json(nullptr));
  put(j, "directors", string_array(film.directors));
  put(j, "writers", string_array(film.writers));
  return j;
}

Json centrality_json(const Centrality& c) {
  Json j = object_of(4);
  put(j, "degree", c.degree);
  put(j, "weighted_degree", round_for_export(c.weighted_degree));
  put(j, "betweenness", round_for_export(c.betweenness));
  put(j, "eigenvector", round_for_export(c.eigenvector));
  return j;
}

Json mention_json(const Mention& m) {
  Json j = object_of(5);
  put(j, "scene", m.scene);
  put(j, "line", m.line);
  put(j, "offset", m.offset);
  put(j, "text", m.text);
  put(j, "kind", std::string(to_string(m.kind)));
  return j;
}

Json evidence_json(const Evidence& e) {
  Json j = object_of(4);
  put(j, "scene", e.scene);
  put(j, "line", e.line);
  put(j, "text", e.text);
  put(j, "kind", e.kind);
  return j;
}

Json scene_json(const Scene& s) {
  Json j = object_of(17);
  put(j, "index", s.index);
  put(j, "heading", optional_string(s.heading));
  put(j, "section", s.section);
  put(j, "lines", Json::array({s.lines.first, s.lines.last}));
  put(j, "characters", string_array(s.characters));
  put(j, "cast_description", s.cast_description);
  put(j, "speakers", string_array(s.speakers));
  put(j, "setting", s.setting ? Json(s.setting->setting) : Json(nullptr));
  put(j, "location", s.setting ? Json(s.setting->location) : Json(nullptr));
  put(j, "time_of_day", s.setting ? Json(s.setting->time_of_day) : Json(nullptr));
  put(j, "number", s.setting ? Json(s.setting->number) : Json(nullptr));
  put(j, "eighths", round_for_export(s.setting ? s.setting->eighths : 0.0));
  put(j, "length", s.lines.last >= s.lines.first ? s.lines.last - s.lines.first + 1 : 0);
  put(j, "dialogue_blocks", s.dialogue_blocks);
  put(j, "dialogue_words", s.dialogue_words);
  put(j, "action_words", s.action_words);
  put(j, "valence", round_for_export(s.valence));
  return j;
}

Json theme_json(const Theme& t) {
  Json j = object_of(4);
  put(j, "tag", t.tag);
  put(j, "score", round_for_export(t.score));
  Json evidence = Json::array();
  for (const auto& e : t.evidence) {
    Json item = object_of(2);
    put(item, "scene", e.scene);
    put(item, "text", e.text);
    evidence.push_back(std::move(item));
  }
  put(j, "evidence", std::move(evidence));
  Json trajectory = Json::array();
  for (double v : t.trajectory) trajectory.push_back(round_for_export(v));
  put(j, "trajectory", std::move(trajectory));
  return j;
}

Json arc_json(const std::optional<Arc>& arc) {
  if (!arc) return Json(nullptr);
  Json j = object_of(5);
  put(j, "shape", arc->shape);
  put(j, "fit", round_for_export(arc->fit));
  Json points = Json::array();
  for (const ArcPoint& p : arc->points) {
    Json point = object_of(5);
    put(point, "scene", p.scene);
    put(point, "position", round_for_export(p.position));
    put(point, "interaction", round_for_export(p.interaction));
    put(point, "valence", round_for_export(p.valence));
    put(point, "smoothed", round_for_export(p.smoothed));
    points.push_back(std::move(point));
  }
  put(j, "points", std::move(points));
  Json curve = Json::array();
  for (double v : arc->curve) curve.push_back(round_for_export(v));
  put(j, "curve", std::move(curve));
  Json turns = Json::array();
  for (const ArcTurn& t : arc->turning_points) {
    Json turn = object_of(3);
    put(turn, "scene", t.scene);
    put(turn, "text", t.text);
    put(turn, "change", round_for_export(t.change));
    turns.push_back(std::move(turn));
  }
  put(j, "turning_points", std::move(turns));
  return j;
}

Json character_json(const Character& c) {
  Json j = object_of(18);
  put(j, "id", c.id);
  put(j, "name", c.name);
  put(j, "aliases", string_array(c.aliases));
  put(j, "actor", optional_string(c.actor));
  put(j, "credit", optional_string(c.credit));
  put(j, "description", c.description);
  put(j, "gender", std::string(to_string(c.gender)));
  put(j, "mentions", c.mentions.size());
  Json list = Json::array();
  for (const auto& m : c.mentions) list.push_back(mention_json(m));
  put(j, "mention_list", std::move(list));
  put(j, "dialogue_blocks", c.dialogue_blocks);
  put(j, "dialogue_words", c.dialogue_words);
  put(j, "speaking_scenes", c.speaking_scenes);
  put(j, "present_scenes", c.present_scenes);
  put(j, "first_scene", c.first_scene);
  put(j, "last_scene", c.last_scene);
  put(j, "centrality", centrality_json(c.centrality));
  put(j, "community", c.community);
  put(j, "arc", arc_json(c.arc));
  return j;
}

Json relationship_json(const Relationship& r) {
  Json j = object_of(9);
  put(j, "source", r.source);
  put(j, "target", r.target);
  put(j, "weight", round_for_export(r.weight));
  put(j, "shared_scenes", r.shared_scenes);
  put(j, "shared_speaking_scenes", r.shared_speaking_scenes);
  put(j, "exchanges", r.exchanges);
  put(j, "kinds", string_array(r.kinds));
  Json evidence = Json::array();
  for (const auto& e : r.evidence) evidence.push_back(evidence_json(e));
  put(j, "evidence", std::move(evidence));
  put(j, "arc", arc_json(r.arc));
  return j;
}

Json graph_summary_json(const GraphSummary& g) {
  Json j = object_of(7);
  put(j, "nodes", g.nodes);
  put(j, "edges", g.edges);
  put(j, "density", round_for_export(g.density));
  put(j, "average_clustering", round_for_export(g.average_clustering));
  put(j, "diameter", g.diameter);
  put(j, "modularity", round_for_export(g.modularity));
  put(j, "communities", g.communities);
  return j;
}

Json scene_counts_json(const std::vector<SceneCount>& counts) {
  Json array = Json::array();
  for (const auto& c : counts) {
    Json j = object_of(2);
    put(j, "label", c.label);
    put(j, "scenes", c.scenes);
    array.push_back(std::move(j));
  }
  return array;
}

Json statistics_json(const std::optional<ScreenplayStats>& stats) {
  if (!stats) return Json(nullptr);
  const ScreenplayStats& s = *stats;
  Json j = object_of(14);
  put(j, "scenes", s.scenes);
  put(j, "unheaded_units", s.unheaded_units);
  put(j, "lines", s.lines);
  put(j, "eighths", round_for_export(s.eighths));
  put(j, "speakers", s.speakers);
  put(j, "dialogue_blocks", s.dialogue_blocks);
  put(j, "dialogue_words", s.dialogue_words);
  put(j, "action_words", s.action_words);
  put(j, "dialogue_ratio", round_for_export(s.dialogue_ratio));
  put(j, "settings", scene_counts_json(s.settings));
  put(j, "times_of_day", scene_counts_json(s.times_of_day));
  put(j, "locations", scene_counts_json(s.locations));
  Json shares = Json::array();
  for (const auto& d : s.dialogue_shares) {
    Json share = object_of(4);
    put(share, "character", d.character);
    put(share, "words", d.words);
    put(share, "blocks", d.blocks);
    put(share, "share", round_for_export(d.share));
    shares.push_back(std::move(share));
  }
  put(j, "dialogue_shares", std::move(shares));
  Json sections = Json::array();
  for (const auto& section : s.sections) {
    Json k = object_of(8);
    put(k, "section", section.section);
    put(k, "scenes", section.scenes);
    put(k, "lines", section.lines);
    put(k, "eighths", round_for_export(section.eighths));
    put(k, "speakers", section.speakers);
    put(k, "dialogue_blocks", section.dialogue_blocks);
    put(k, "dialogue_words", section.dialogue_words);
    put(k, "action_words", section.action_words);
    sections.push_back(std::move(k));
  }
  put(j, "sections", std::move(sections));
  return j;
}

Json diagnostic_json(const Diagnostic& d) {
  Json j = object_of(4);
  put(j, "severity", std::string(to_string(d.severity)));
  put(j, "code", d.code);
  put(j, "line", d.line);
  put(j, "message", d.message);
  return j;
}

std::string dump(const Json& document) {
  return json_text(document, kIndent) + "\n";
}

}  // namespace

nlohmann::ordered_json analysis_document(const Analysis& analysis) {
  Json doc = object_of(11);
  put(doc, "schema", kAnalysisSchema);
  Json source = object_of(3);
  put(source, "path", analysis.source.path);
  put(source, "format", std::string(to_string(analysis.source.format)));
  put(source, "encoding", analysis.source.encoding);
  put(doc, "source", std::move(source));
  put(doc, "film", film_json(analysis.film));
  Json scenes = Json::array();
  for (const auto& s : analysis.scenes) scenes.push_back(scene_json(s));
  put(doc, "scenes", std::move(scenes));
  Json characters = Json::array();
  for (const auto& c : analysis.characters) characters.push_back(character_json(c));
  put(doc, "characters", std::move(characters));
  Json relationships = Json::array();
  for (const auto& r : analysis.relationships) relationships.push_back(relationship_json(r));
  put(doc, "relationships", std::move(relationships));
  put(doc, "graph", graph_summary_json(analysis.graph));
  put(doc, "statistics", statistics_json(analysis.stats));
  Json themes = Json::array();
  for (const auto& t : analysis.themes) themes.push_back(theme_json(t));
  put(doc, "themes", std::move(themes));
  // Null until arcs are computed (apply_arcs); the key is always present so that consumers
  // need not special-case its absence.
  put(doc, "arc", arc_json(analysis.arc));
  Json diagnostics = Json::array();
  for (const auto& d : analysis.diagnostics) diagnostics.push_back(diagnostic_json(d));
  put(doc, "diagnostics", std::move(diagnostics));
  return doc;
}

std::string dump_json(const nlohmann::ordered_json& document) { return dump(document); }

std::string to_analysis_json(const Analysis& analysis) { return dump(analysis_document(analysis)); }

std::string to_graph_json(const Analysis& analysis) {
  Json doc = object_of(5);
  put(doc, "schema", kGraphSchema);
  put(doc, "film", film_json(analysis.film));
  Json nodes = Json::array();
  for (const auto& c : analysis.characters) {
    Json n = object_of(7);
    put(n, "id", c.id);
    put(n, "name", c.name);
    put(n, "actor", optional_string(c.actor));
    put(n, "gender", std::string(to_string(c.gender)));
    put(n, "mentions", c.mentions.size());
    put(n, "centrality", centrality_json(c.centrality));
    put(n, "community", c.community);
    nodes.push_back(std::move(n));
  }
  put(doc, "nodes", std::move(nodes));
  Json edges = Json::array();
  for (const auto& r : analysis.relationships) {
    Json e = object_of(5);
    put(e, "source", r.source);
    put(e, "target", r.target);
    put(e, "weight", round_for_export(r.weight));
    put(e, "shared_scenes", r.shared_scenes);
    put(e, "kinds", string_array(r.kinds));
    edges.push_back(std::move(e));
  }
  put(doc, "edges", std::move(edges));
  put(doc, "metrics", graph_summary_json(analysis.graph));
  return dump(doc);
}

}  // namespace filmscope

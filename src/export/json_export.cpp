// JSON export: the `filmscope/analysis@1` and `filmscope/graph@1` documents.
//
// Takes: an Analysis. Produces: a JSON text, two-space indented, ending in a newline, or the
// same document as an nlohmann::ordered_json value.
// Method: the document is stated once, member by member in the documented key order
// (docs/json-schema.md), to an output that is either a JsonText (the text, written directly)
// or a JsonTree (the value); tests hold json_text(value) to the text for every corpus input.
// Every double is rounded to kExportDecimals decimals first, so the text is byte-identical
// across runs. Strings are written as UTF-8, not \u-escaped; a byte sequence that is not valid
// UTF-8 (which the decoding stage should never let through) is replaced by U+FFFD instead of
// aborting the export.
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

// Builds the value that JsonText would print, from the same calls. Members are appended
// without a search (every key of a document is new) into objects reserved to their size:
// ordered_json keeps an object's members in a vector of (const key, value) pairs, so every
// growth copied all the keys.
class JsonTree {
 public:
  void begin_object(std::size_t members = 0) {
    Json& object = place(Json::object());
    object.get_ref<Json::object_t&>().reserve(members);
    open_.push_back(&object);
  }
  void end_object() { open_.pop_back(); }
  void begin_array() { open_.push_back(&place(Json::array())); }
  void end_array() { open_.pop_back(); }
  void key(std::string_view name) { key_ = name; }
  template <typename Value>
  void value(Value&& v) {
    place(Json(std::forward<Value>(v)));
  }

  Json take() { return std::move(root_); }

 private:
  // The new value's place: the root, the next member of the open object, or the next element
  // of the open array. Only the innermost open container grows, so the pointers to the ones
  // around it stay valid.
  Json& place(Json value) {
    if (open_.empty()) return root_ = std::move(value);
    Json& container = *open_.back();
    if (container.is_object()) {
      auto& members = container.get_ref<Json::object_t&>();
      members.emplace_back(std::move(key_), std::move(value));
      return members.back().second;
    }
    auto& elements = container.get_ref<Json::array_t&>();
    elements.push_back(std::move(value));
    return elements.back();
  }

  Json root_;
  std::vector<Json*> open_;
  std::string key_;
};

template <class Out, typename Value>
void member(Out& out, std::string_view key, Value&& value) {
  out.key(key);
  out.value(std::forward<Value>(value));
}

template <class Out>
void optional_member(Out& out, std::string_view key, const std::optional<std::string>& value) {
  out.key(key);
  if (value) {
    out.value(*value);
  } else {
    out.value(nullptr);
  }
}

template <class Out>
void string_array(Out& out, std::string_view key, const std::vector<std::string>& values) {
  out.key(key);
  out.begin_array();
  for (const auto& v : values) out.value(v);
  out.end_array();
}

template <class Out>
void write_film(Out& out, const FilmInfo& film) {
  out.begin_object(4);
  member(out, "title", film.title);
  out.key("year");
  if (film.year) {
    out.value(*film.year);
  } else {
    out.value(nullptr);
  }
  string_array(out, "directors", film.directors);
  string_array(out, "writers", film.writers);
  out.end_object();
}

template <class Out>
void write_centrality(Out& out, const Centrality& c) {
  out.begin_object(4);
  member(out, "degree", c.degree);
  member(out, "weighted_degree", round_for_export(c.weighted_degree));
  member(out, "betweenness", round_for_export(c.betweenness));
  member(out, "eigenvector", round_for_export(c.eigenvector));
  out.end_object();
}

template <class Out>
void write_mention(Out& out, const Mention& m) {
  out.begin_object(5);
  member(out, "scene", m.scene);
  member(out, "line", m.line);
  member(out, "offset", m.offset);
  member(out, "text", m.text);
  member(out, "kind", to_string(m.kind));
  out.end_object();
}

template <class Out>
void write_evidence(Out& out, const Evidence& e) {
  out.begin_object(4);
  member(out, "scene", e.scene);
  member(out, "line", e.line);
  member(out, "text", e.text);
  member(out, "kind", e.kind);
  out.end_object();
}

template <class Out>
void write_scene(Out& out, const Scene& s) {
  out.begin_object(17);
  member(out, "index", s.index);
  optional_member(out, "heading", s.heading);
  member(out, "section", s.section);
  out.key("lines");
  out.begin_array();
  out.value(s.lines.first);
  out.value(s.lines.last);
  out.end_array();
  string_array(out, "characters", s.characters);
  member(out, "cast_description", s.cast_description);
  string_array(out, "speakers", s.speakers);
  const std::optional<SceneSetting>& setting = s.setting;
  for (const auto& [key, field] : {std::pair{"setting", &SceneSetting::setting},
                                   std::pair{"location", &SceneSetting::location},
                                   std::pair{"time_of_day", &SceneSetting::time_of_day},
                                   std::pair{"number", &SceneSetting::number}}) {
    out.key(key);
    if (setting) {
      out.value((*setting).*field);
    } else {
      out.value(nullptr);
    }
  }
  member(out, "eighths", round_for_export(setting ? setting->eighths : 0.0));
  member(out, "length", s.lines.last >= s.lines.first ? s.lines.last - s.lines.first + 1 : 0);
  member(out, "dialogue_blocks", s.dialogue_blocks);
  member(out, "dialogue_words", s.dialogue_words);
  member(out, "action_words", s.action_words);
  member(out, "valence", round_for_export(s.valence));
  out.end_object();
}

template <class Out>
void write_theme(Out& out, const Theme& t) {
  out.begin_object(4);
  member(out, "tag", t.tag);
  member(out, "score", round_for_export(t.score));
  out.key("evidence");
  out.begin_array();
  for (const auto& e : t.evidence) {
    out.begin_object(2);
    member(out, "scene", e.scene);
    member(out, "text", e.text);
    out.end_object();
  }
  out.end_array();
  out.key("trajectory");
  out.begin_array();
  for (double v : t.trajectory) out.value(round_for_export(v));
  out.end_array();
  out.end_object();
}

template <class Out>
void write_arc(Out& out, const std::optional<Arc>& arc) {
  if (!arc) {
    out.value(nullptr);
    return;
  }
  out.begin_object(5);
  member(out, "shape", arc->shape);
  member(out, "fit", round_for_export(arc->fit));
  out.key("points");
  out.begin_array();
  for (const ArcPoint& p : arc->points) {
    out.begin_object(5);
    member(out, "scene", p.scene);
    member(out, "position", round_for_export(p.position));
    member(out, "interaction", round_for_export(p.interaction));
    member(out, "valence", round_for_export(p.valence));
    member(out, "smoothed", round_for_export(p.smoothed));
    out.end_object();
  }
  out.end_array();
  out.key("curve");
  out.begin_array();
  for (double v : arc->curve) out.value(round_for_export(v));
  out.end_array();
  out.key("turning_points");
  out.begin_array();
  for (const ArcTurn& t : arc->turning_points) {
    out.begin_object(3);
    member(out, "scene", t.scene);
    member(out, "text", t.text);
    member(out, "change", round_for_export(t.change));
    out.end_object();
  }
  out.end_array();
  out.end_object();
}

template <class Out>
void write_character(Out& out, const Character& c) {
  out.begin_object(18);
  member(out, "id", c.id);
  member(out, "name", c.name);
  string_array(out, "aliases", c.aliases);
  optional_member(out, "actor", c.actor);
  optional_member(out, "credit", c.credit);
  member(out, "description", c.description);
  member(out, "gender", to_string(c.gender));
  member(out, "mentions", c.mentions.size());
  out.key("mention_list");
  out.begin_array();
  for (const auto& m : c.mentions) write_mention(out, m);
  out.end_array();
  member(out, "dialogue_blocks", c.dialogue_blocks);
  member(out, "dialogue_words", c.dialogue_words);
  member(out, "speaking_scenes", c.speaking_scenes);
  member(out, "present_scenes", c.present_scenes);
  member(out, "first_scene", c.first_scene);
  member(out, "last_scene", c.last_scene);
  out.key("centrality");
  write_centrality(out, c.centrality);
  member(out, "community", c.community);
  out.key("arc");
  write_arc(out, c.arc);
  out.end_object();
}

template <class Out>
void write_relationship(Out& out, const Relationship& r) {
  out.begin_object(9);
  member(out, "source", r.source);
  member(out, "target", r.target);
  member(out, "weight", round_for_export(r.weight));
  member(out, "shared_scenes", r.shared_scenes);
  member(out, "shared_speaking_scenes", r.shared_speaking_scenes);
  member(out, "exchanges", r.exchanges);
  string_array(out, "kinds", r.kinds);
  out.key("evidence");
  out.begin_array();
  for (const auto& e : r.evidence) write_evidence(out, e);
  out.end_array();
  out.key("arc");
  write_arc(out, r.arc);
  out.end_object();
}

template <class Out>
void write_graph_summary(Out& out, const GraphSummary& g) {
  out.begin_object(7);
  member(out, "nodes", g.nodes);
  member(out, "edges", g.edges);
  member(out, "density", round_for_export(g.density));
  member(out, "average_clustering", round_for_export(g.average_clustering));
  member(out, "diameter", g.diameter);
  member(out, "modularity", round_for_export(g.modularity));
  member(out, "communities", g.communities);
  out.end_object();
}

template <class Out>
void write_scene_counts(Out& out, std::string_view key, const std::vector<SceneCount>& counts) {
  out.key(key);
  out.begin_array();
  for (const auto& c : counts) {
    out.begin_object(2);
    member(out, "label", c.label);
    member(out, "scenes", c.scenes);
    out.end_object();
  }
  out.end_array();
}

// The measures a screenplay and each of its sections share, in the schema's order.
template <class Out, class Sized>
void write_size_members(Out& out, const Sized& s) {
  member(out, "lines", s.lines);
  member(out, "eighths", round_for_export(s.eighths));
  member(out, "speakers", s.speakers);
  member(out, "dialogue_blocks", s.dialogue_blocks);
  member(out, "dialogue_words", s.dialogue_words);
  member(out, "action_words", s.action_words);
}

template <class Out>
void write_statistics(Out& out, const std::optional<ScreenplayStats>& stats) {
  if (!stats) {
    out.value(nullptr);
    return;
  }
  const ScreenplayStats& s = *stats;
  out.begin_object(14);
  member(out, "scenes", s.scenes);
  member(out, "unheaded_units", s.unheaded_units);
  write_size_members(out, s);
  member(out, "dialogue_ratio", round_for_export(s.dialogue_ratio));
  write_scene_counts(out, "settings", s.settings);
  write_scene_counts(out, "times_of_day", s.times_of_day);
  write_scene_counts(out, "locations", s.locations);
  out.key("dialogue_shares");
  out.begin_array();
  for (const auto& d : s.dialogue_shares) {
    out.begin_object(4);
    member(out, "character", d.character);
    member(out, "words", d.words);
    member(out, "blocks", d.blocks);
    member(out, "share", round_for_export(d.share));
    out.end_object();
  }
  out.end_array();
  out.key("sections");
  out.begin_array();
  for (const auto& section : s.sections) {
    out.begin_object(8);
    member(out, "section", section.section);
    member(out, "scenes", section.scenes);
    write_size_members(out, section);
    out.end_object();
  }
  out.end_array();
  out.end_object();
}

template <class Out>
void write_diagnostic(Out& out, const Diagnostic& d) {
  out.begin_object(4);
  member(out, "severity", to_string(d.severity));
  member(out, "code", d.code);
  member(out, "line", d.line);
  member(out, "message", d.message);
  out.end_object();
}

// The analysis document.
template <class Out>
void write_analysis(Out& out, const Analysis& analysis) {
  out.begin_object(11);
  member(out, "schema", kAnalysisSchema);
  out.key("source");
  out.begin_object(3);
  member(out, "path", analysis.source.path);
  member(out, "format", to_string(analysis.source.format));
  member(out, "encoding", analysis.source.encoding);
  out.end_object();
  out.key("film");
  write_film(out, analysis.film);
  out.key("scenes");
  out.begin_array();
  for (const auto& s : analysis.scenes) write_scene(out, s);
  out.end_array();
  out.key("characters");
  out.begin_array();
  for (const auto& c : analysis.characters) write_character(out, c);
  out.end_array();
  out.key("relationships");
  out.begin_array();
  for (const auto& r : analysis.relationships) write_relationship(out, r);
  out.end_array();
  out.key("graph");
  write_graph_summary(out, analysis.graph);
  out.key("statistics");
  write_statistics(out, analysis.stats);
  out.key("themes");
  out.begin_array();
  for (const auto& t : analysis.themes) write_theme(out, t);
  out.end_array();
  // Null until arcs are computed (apply_arcs); the key is always present so that consumers
  // need not special-case its absence.
  out.key("arc");
  write_arc(out, analysis.arc);
  out.key("diagnostics");
  out.begin_array();
  for (const auto& d : analysis.diagnostics) write_diagnostic(out, d);
  out.end_array();
  out.end_object();
}

template <class Out>
void write_graph(Out& out, const Analysis& analysis) {
  out.begin_object(5);
  member(out, "schema", kGraphSchema);
  out.key("film");
  write_film(out, analysis.film);
  out.key("nodes");
  out.begin_array();
  for (const auto& c : analysis.characters) {
    out.begin_object(7);
    member(out, "id", c.id);
    member(out, "name", c.name);
    optional_member(out, "actor", c.actor);
    member(out, "gender", to_string(c.gender));
    member(out, "mentions", c.mentions.size());
    out.key("centrality");
    write_centrality(out, c.centrality);
    member(out, "community", c.community);
    out.end_object();
  }
  out.end_array();
  out.key("edges");
  out.begin_array();
  for (const auto& r : analysis.relationships) {
    out.begin_object(5);
    member(out, "source", r.source);
    member(out, "target", r.target);
    member(out, "weight", round_for_export(r.weight));
    member(out, "shared_scenes", r.shared_scenes);
    string_array(out, "kinds", r.kinds);
    out.end_object();
  }
  out.end_array();
  out.key("metrics");
  write_graph_summary(out, analysis.graph);
  out.end_object();
}

}  // namespace

nlohmann::ordered_json analysis_document(const Analysis& analysis) {
  JsonTree tree;
  write_analysis(tree, analysis);
  return tree.take();
}

std::string dump_json(const nlohmann::ordered_json& document) { return json_text(document, kIndent) + "\n"; }

std::string to_analysis_json(const Analysis& analysis) {
  JsonText text(kIndent);
  write_analysis(text, analysis);
  return text.take() + "\n";
}

std::string to_graph_json(const Analysis& analysis) {
  JsonText text(kIndent);
  write_graph(text, analysis);
  return text.take() + "\n";
}

}  // namespace filmscope

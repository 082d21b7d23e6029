// JSON export: the `filmscope/analysis@1` and `filmscope/graph@1` documents.
//
// Takes: an Analysis. Produces: a JSON text, two-space indented with short arrays of values and
// small records (arc points, mentions, evidence) on one line each, ending in a newline; or the
// same document as an nlohmann::ordered_json value.
// Method: the document is stated once, member by member in the documented key order
// (docs/json-schema.md), to an output that is either a JsonText (the text, written directly)
// or a JsonTree (the value); tests hold the text, parsed, equal to the value for every corpus
// input. Every figure is rounded to kExportDecimals decimals and written in fixed notation
// (number_format.h), so the text is byte-identical across runs and no figure prints with
// more decimals than it has. Strings are written as UTF-8, not \u-escaped; a byte sequence that is not valid
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
  // A value has no layout.
  void begin_flat_object() { begin_object(); }
  void begin_flat_array() { begin_array(); }
  void key(const JsonKey& name) { key_ = name.name(); }
  void decimal(double number) { value(round_for_export(number)); }
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
void member(Out& out, const JsonKey& key, Value&& value) {
  out.key(key);
  out.value(std::forward<Value>(value));
}

// A figure, rounded and written in fixed notation (JsonText::decimal).
template <class Out>
void decimal_member(Out& out, const JsonKey& key, double number) {
  out.key(key);
  out.decimal(number);
}

template <class Out>
void optional_member(Out& out, const JsonKey& key, const std::optional<std::string>& value) {
  out.key(key);
  if (value) {
    out.value(*value);
  } else {
    out.value(nullptr);
  }
}

// Whether an array goes on one line (JsonText::begin_flat_array): for arrays of plain values.
enum class ArrayLayout { block, flat };

// `key` with an array of `items`, each written by write_item(out, item).
template <class Out, class Items, class WriteItem>
void array_member(Out& out, const JsonKey& key, const Items& items, WriteItem write_item,
                  ArrayLayout layout = ArrayLayout::block) {
  out.key(key);
  if (layout == ArrayLayout::flat)
    out.begin_flat_array();
  else
    out.begin_array();
  for (const auto& item : items) write_item(out, item);
  out.end_array();
}

template <class Out>
void write_string(Out& out, const std::string& text) {
  out.value(text);
}

template <class Out>
void write_rounded(Out& out, double number) {
  out.decimal(number);
}

template <class Out>
void string_array(Out& out, const JsonKey& key, const std::vector<std::string>& values) {
  array_member(out, key, values, write_string<Out>, ArrayLayout::flat);
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
  out.begin_flat_object();
  member(out, "degree", c.degree);
  decimal_member(out, "weighted_degree", c.weighted_degree);
  decimal_member(out, "betweenness", c.betweenness);
  decimal_member(out, "eigenvector", c.eigenvector);
  out.end_object();
}

template <class Out>
void write_mention(Out& out, const Mention& m) {
  out.begin_flat_object();
  member(out, "scene", m.scene);
  member(out, "line", m.line);
  member(out, "offset", m.offset);
  member(out, "text", m.text);
  member(out, "kind", to_string(m.kind));
  out.end_object();
}

template <class Out>
void write_evidence(Out& out, const Evidence& e) {
  out.begin_flat_object();
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
  out.begin_flat_array();
  out.value(s.lines.first);
  out.value(s.lines.last);
  out.end_array();
  string_array(out, "characters", s.characters);
  member(out, "cast_description", s.cast_description);
  string_array(out, "speakers", s.speakers);
  const std::optional<SceneSetting>& setting = s.setting;
  for (const auto& [key, field] : {std::pair{JsonKey("setting"), &SceneSetting::setting},
                                   std::pair{JsonKey("location"), &SceneSetting::location},
                                   std::pair{JsonKey("time_of_day"), &SceneSetting::time_of_day},
                                   std::pair{JsonKey("number"), &SceneSetting::number}}) {
    out.key(key);
    if (setting) {
      out.value((*setting).*field);
    } else {
      out.value(nullptr);
    }
  }
  decimal_member(out, "eighths", setting ? setting->eighths : 0.0);
  member(out, "length", s.lines.last >= s.lines.first ? s.lines.last - s.lines.first + 1 : 0);
  member(out, "dialogue_blocks", s.dialogue_blocks);
  member(out, "dialogue_words", s.dialogue_words);
  member(out, "action_words", s.action_words);
  decimal_member(out, "valence", s.valence);
  out.end_object();
}

template <class Out>
void write_theme(Out& out, const Theme& t) {
  out.begin_object(4);
  member(out, "tag", t.tag);
  decimal_member(out, "score", t.score);
  array_member(out, "evidence", t.evidence, [](Out& o, const auto& e) {
    o.begin_flat_object();
    member(o, "scene", e.scene);
    member(o, "text", e.text);
    o.end_object();
  });
  array_member(out, "trajectory", t.trajectory, write_rounded<Out>, ArrayLayout::flat);
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
  decimal_member(out, "fit", arc->fit);
  array_member(out, "points", arc->points, [](Out& o, const ArcPoint& p) {
    o.begin_flat_object();
    member(o, "scene", p.scene);
    decimal_member(o, "position", p.position);
    decimal_member(o, "interaction", p.interaction);
    decimal_member(o, "valence", p.valence);
    decimal_member(o, "smoothed", p.smoothed);
    o.end_object();
  });
  array_member(out, "curve", arc->curve, write_rounded<Out>, ArrayLayout::flat);
  array_member(out, "turning_points", arc->turning_points, [](Out& o, const ArcTurn& t) {
    o.begin_flat_object();
    member(o, "scene", t.scene);
    member(o, "text", t.text);
    decimal_member(o, "change", t.change);
    o.end_object();
  });
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
  array_member(out, "mention_list", c.mentions, write_mention<Out>);
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
  decimal_member(out, "weight", r.weight);
  member(out, "shared_scenes", r.shared_scenes);
  member(out, "shared_speaking_scenes", r.shared_speaking_scenes);
  member(out, "exchanges", r.exchanges);
  string_array(out, "kinds", r.kinds);
  array_member(out, "evidence", r.evidence, write_evidence<Out>);
  out.key("arc");
  write_arc(out, r.arc);
  out.end_object();
}

template <class Out>
void write_graph_summary(Out& out, const GraphSummary& g) {
  out.begin_object(7);
  member(out, "nodes", g.nodes);
  member(out, "edges", g.edges);
  decimal_member(out, "density", g.density);
  decimal_member(out, "average_clustering", g.average_clustering);
  member(out, "diameter", g.diameter);
  decimal_member(out, "modularity", g.modularity);
  member(out, "communities", g.communities);
  out.end_object();
}

template <class Out>
void write_scene_counts(Out& out, const JsonKey& key, const std::vector<SceneCount>& counts) {
  array_member(out, key, counts, [](Out& o, const SceneCount& c) {
    o.begin_flat_object();
    member(o, "label", c.label);
    member(o, "scenes", c.scenes);
    o.end_object();
  });
}

// The measures a screenplay and each of its sections share, in the schema's order.
template <class Out, class Sized>
void write_size_members(Out& out, const Sized& s) {
  member(out, "lines", s.lines);
  decimal_member(out, "eighths", s.eighths);
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
  decimal_member(out, "dialogue_ratio", s.dialogue_ratio);
  write_scene_counts(out, "settings", s.settings);
  write_scene_counts(out, "times_of_day", s.times_of_day);
  write_scene_counts(out, "locations", s.locations);
  array_member(out, "dialogue_shares", s.dialogue_shares, [](Out& o, const auto& d) {
    o.begin_flat_object();
    member(o, "character", d.character);
    member(o, "words", d.words);
    member(o, "blocks", d.blocks);
    decimal_member(o, "share", d.share);
    o.end_object();
  });
  array_member(out, "sections", s.sections, [](Out& o, const auto& section) {
    o.begin_object(8);
    member(o, "section", section.section);
    member(o, "scenes", section.scenes);
    write_size_members(o, section);
    o.end_object();
  });
  out.end_object();
}

template <class Out>
void write_diagnostic(Out& out, const Diagnostic& d) {
  out.begin_flat_object();
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
  array_member(out, "scenes", analysis.scenes, write_scene<Out>);
  array_member(out, "characters", analysis.characters, write_character<Out>);
  array_member(out, "relationships", analysis.relationships, write_relationship<Out>);
  out.key("graph");
  write_graph_summary(out, analysis.graph);
  out.key("statistics");
  write_statistics(out, analysis.stats);
  array_member(out, "themes", analysis.themes, write_theme<Out>);
  // Null until arcs are computed (apply_arcs); the key is always present so that consumers
  // need not special-case its absence.
  out.key("arc");
  write_arc(out, analysis.arc);
  array_member(out, "diagnostics", analysis.diagnostics, write_diagnostic<Out>);
  out.end_object();
}

template <class Out>
void write_graph(Out& out, const Analysis& analysis) {
  out.begin_object(5);
  member(out, "schema", kGraphSchema);
  out.key("film");
  write_film(out, analysis.film);
  array_member(out, "nodes", analysis.characters, [](Out& o, const Character& c) {
    o.begin_object(7);
    member(o, "id", c.id);
    member(o, "name", c.name);
    optional_member(o, "actor", c.actor);
    member(o, "gender", to_string(c.gender));
    member(o, "mentions", c.mentions.size());
    o.key("centrality");
    write_centrality(o, c.centrality);
    member(o, "community", c.community);
    o.end_object();
  });
  array_member(out, "edges", analysis.relationships, [](Out& o, const Relationship& r) {
    o.begin_flat_object();
    member(o, "source", r.source);
    member(o, "target", r.target);
    decimal_member(o, "weight", r.weight);
    member(o, "shared_scenes", r.shared_scenes);
    string_array(o, "kinds", r.kinds);
    o.end_object();
  });
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

namespace {

// One writer per thread and layout, whose buffer outlives each document: a batch worker
// writes thousands, and growing a fresh buffer to a document's size copied it twice over. It
// is cleared first, in case an exception left a document unfinished in it.
JsonText& thread_writer(int indent) {
  thread_local JsonText indented(kIndent);
  thread_local JsonText compact(-1);
  JsonText& writer = indent == kIndent ? indented : compact;
  writer.clear();
  return writer;
}

}  // namespace

std::string to_analysis_json(const Analysis& analysis) {
  JsonText& text = thread_writer(kIndent);
  write_analysis(text, analysis);
  text.raw("\n");
  return text.take();
}

std::string to_analysis_json_line(const Analysis& analysis) {
  JsonText& text = thread_writer(-1);
  write_analysis(text, analysis);
  return text.take();
}

std::string to_graph_json(const Analysis& analysis) {
  JsonText text(kIndent);
  write_graph(text, analysis);
  return text.take() + "\n";
}

}  // namespace filmscope

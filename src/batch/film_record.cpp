// Defensive reading of analysis documents (see film_record.h).
#include "batch/film_record.h"

#include "export/number_format.h"

namespace filmscope::batch {

namespace {

template <class Json>
const Json& member(const Json& object, const char* key) {
  static const Json kNull;  // immutable after construction: safe to share between threads
  if (!object.is_object()) return kNull;
  auto it = object.find(key);
  return it == object.end() ? kNull : *it;
}

template <class Json>
std::string text(const Json& value) {
  return value.is_string() ? value.template get<std::string>() : std::string();
}

template <class Json>
std::optional<std::string> optional_text(const Json& value) {
  if (!value.is_string()) return std::nullopt;
  return value.template get<std::string>();
}

template <class Json>
long long integer(const Json& value) {
  if (value.is_number_integer() || value.is_number_unsigned()) return value.template get<long long>();
  if (value.is_number_float()) return static_cast<long long>(value.template get<double>());
  return 0;
}

template <class Json>
double real(const Json& value) { return value.is_number() ? value.template get<double>() : 0.0; }

template <class Json>
std::size_t count(const Json& value) { return value.is_array() ? value.size() : 0; }

template <class Json>
std::string arc_shape(const Json& arc) {
  if (arc.is_string()) return arc.template get<std::string>();
  return text(member(arc, "shape"));
}

}  // namespace

template <class Json>
FilmSummary summarize_analysis(const Json& document) {
  FilmSummary summary;
  summary.format = text(member(member(document, "source"), "format"));
  const Json& film = member(document, "film");
  summary.title = text(member(film, "title"));
  const Json& year = member(film, "year");
  if (year.is_number()) summary.year = integer(year);
  summary.scenes = count(member(document, "scenes"));
  const Json& characters = member(document, "characters");
  summary.characters = count(characters);
  if (characters.is_array()) {
    for (const Json& c : characters) {
      if (summary.top_characters.size() >= kSummaryTopCount) break;
      std::string name = text(member(c, "name"));
      if (!name.empty()) summary.top_characters.push_back(name);
    }
  }
  const Json& themes = member(document, "themes");
  if (themes.is_array()) {
    for (const Json& t : themes) {
      if (summary.top_themes.size() >= kSummaryTopCount) break;
      std::string tag = text(member(t, "tag"));
      if (!tag.empty()) summary.top_themes.push_back(tag);
    }
  }
  summary.arc_shape = arc_shape(member(document, "arc"));
  return summary;
}

template <class Json>
FilmRows film_rows(const Json& document) {
  FilmRows rows;
  rows.summary = summarize_analysis(document);
  rows.encoding = text(member(member(document, "source"), "encoding"));
  const Json& graph = member(document, "graph");
  rows.graph_density = real(member(graph, "density"));
  rows.graph_communities = integer(member(graph, "communities"));

  const Json& characters = member(document, "characters");
  if (characters.is_array()) {
    std::size_t rank = 0;
    for (const Json& c : characters) {
      CharacterRow row;
      row.id = text(member(c, "id"));
      if (row.id.empty()) continue;
      row.rank = ++rank;
      row.name = text(member(c, "name"));
      row.actor = optional_text(member(c, "actor"));
      row.gender = text(member(c, "gender"));
      const Json& mentions = member(c, "mentions");
      row.mentions = mentions.is_array() ? static_cast<long long>(mentions.size()) : integer(mentions);
      row.dialogue_words = integer(member(c, "dialogue_words"));
      const Json& centrality = member(c, "centrality");
      row.degree = integer(member(centrality, "degree"));
      row.weighted_degree = real(member(centrality, "weighted_degree"));
      row.betweenness = real(member(centrality, "betweenness"));
      row.eigenvector = real(member(centrality, "eigenvector"));
      row.community = integer(member(c, "community"));
      rows.characters.push_back(std::move(row));
    }
  }

  const Json& relationships = member(document, "relationships");
  rows.relationships = static_cast<long long>(count(relationships));
  if (relationships.is_array()) {
    for (const Json& r : relationships) {
      RelationshipRow row;
      row.source = text(member(r, "source"));
      row.target = text(member(r, "target"));
      if (row.source.empty() || row.target.empty()) continue;
      row.weight = real(member(r, "weight"));
      row.shared_scenes = integer(member(r, "shared_scenes"));
      const Json& kinds = member(r, "kinds");
      if (kinds.is_array()) {
        for (const Json& k : kinds) {
          if (!k.is_string()) continue;
          if (!row.kinds.empty()) row.kinds += ", ";
          row.kinds += k.template get<std::string>();
        }
      }
      rows.relationships_rows.push_back(std::move(row));
    }
  }

  const Json& themes = member(document, "themes");
  if (themes.is_array()) {
    std::size_t rank = 0;
    for (const Json& t : themes) {
      ThemeRow row;
      row.tag = text(member(t, "tag"));
      if (row.tag.empty()) continue;
      row.rank = ++rank;
      row.score = real(member(t, "score"));
      rows.themes.push_back(std::move(row));
    }
  }

  const Json& scenes = member(document, "scenes");
  if (scenes.is_array()) {
    for (const Json& s : scenes) {
      SceneRow row;
      row.index = integer(member(s, "index"));
      row.heading = optional_text(member(s, "heading"));
      row.section = text(member(s, "section"));
      const Json& lines = member(s, "lines");
      if (lines.is_array() && lines.size() == 2) {
        row.first_line = integer(lines[0]);
        row.last_line = integer(lines[1]);
      }
      row.dialogue_words = integer(member(s, "dialogue_words"));
      row.action_words = integer(member(s, "action_words"));
      row.valence = real(member(s, "valence"));
      const Json& ids = member(s, "characters");
      if (ids.is_array())
        for (const Json& id : ids)
          if (id.is_string()) row.characters.push_back(id.template get<std::string>());
      rows.scenes.push_back(std::move(row));
    }
  }
  return rows;
}

FilmSummary summarize_analysis(const Analysis& analysis) {
  FilmSummary summary;
  summary.format = std::string(to_string(analysis.source.format));
  summary.title = analysis.film.title;
  if (analysis.film.year) summary.year = *analysis.film.year;
  summary.scenes = analysis.scenes.size();
  summary.characters = analysis.characters.size();
  for (const Character& c : analysis.characters) {
    if (summary.top_characters.size() >= kSummaryTopCount) break;
    if (!c.name.empty()) summary.top_characters.push_back(c.name);
  }
  for (const Theme& t : analysis.themes) {
    if (summary.top_themes.size() >= kSummaryTopCount) break;
    if (!t.tag.empty()) summary.top_themes.push_back(t.tag);
  }
  if (analysis.arc) summary.arc_shape = analysis.arc->shape;
  return summary;
}

FilmRows film_rows(const Analysis& analysis) {
  FilmRows rows;
  rows.summary = summarize_analysis(analysis);
  rows.encoding = analysis.source.encoding;
  rows.graph_density = round_for_export(analysis.graph.density);
  rows.graph_communities = static_cast<long long>(analysis.graph.communities);
  std::size_t rank = 0;
  for (const Character& c : analysis.characters) {
    if (c.id.empty()) continue;
    CharacterRow& row = rows.characters.emplace_back();
    row.id = c.id;
    row.rank = ++rank;
    row.name = c.name;
    row.actor = c.actor;
    row.gender = std::string(to_string(c.gender));
    row.mentions = static_cast<long long>(c.mentions.size());
    row.dialogue_words = static_cast<long long>(c.dialogue_words);
    row.degree = static_cast<long long>(c.centrality.degree);
    row.weighted_degree = round_for_export(c.centrality.weighted_degree);
    row.betweenness = round_for_export(c.centrality.betweenness);
    row.eigenvector = round_for_export(c.centrality.eigenvector);
    row.community = c.community;
  }
  rows.relationships = static_cast<long long>(analysis.relationships.size());
  for (const Relationship& r : analysis.relationships) {
    if (r.source.empty() || r.target.empty()) continue;
    RelationshipRow& row = rows.relationships_rows.emplace_back();
    row.source = r.source;
    row.target = r.target;
    row.weight = round_for_export(r.weight);
    row.shared_scenes = static_cast<long long>(r.shared_scenes);
    for (const std::string& kind : r.kinds) {
      if (!row.kinds.empty()) row.kinds += ", ";
      row.kinds += kind;
    }
  }
  rank = 0;
  for (const Theme& t : analysis.themes) {
    if (t.tag.empty()) continue;
    ThemeRow& row = rows.themes.emplace_back();
    row.tag = t.tag;
    row.rank = ++rank;
    row.score = round_for_export(t.score);
  }
  for (const Scene& s : analysis.scenes) {
    SceneRow& row = rows.scenes.emplace_back();
    row.index = static_cast<long long>(s.index);
    row.heading = s.heading;
    row.section = s.section;
    row.first_line = static_cast<long long>(s.lines.first);
    row.last_line = static_cast<long long>(s.lines.last);
    row.dialogue_words = static_cast<long long>(s.dialogue_words);
    row.action_words = static_cast<long long>(s.action_words);
    row.valence = round_for_export(s.valence);
    row.characters = s.characters;
  }
  return rows;
}

template FilmSummary summarize_analysis(const nlohmann::json&);
template FilmSummary summarize_analysis(const nlohmann::ordered_json&);
template FilmRows film_rows(const nlohmann::json&);
template FilmRows film_rows(const nlohmann::ordered_json&);

}  // namespace filmscope::batch

// What batch keeps of one analysis for its corpus tables: the summary row, and the reading of a
// per-input `filmscope/analysis@1` JSON document into rows for the database.
//
// Takes: a parsed analysis document, or the analysis itself. Produces: FilmSummary (title, year, counts, top characters
// and themes, arc shape) and FilmRows (every row the SQLite writer inserts for the film).
// Method: fields are read defensively — a key that is missing or of another type gives an empty
// or zero value — so documents written before or after a schema addition (statistics, themes,
// arc) still load. The arc shape is taken from "arc" when it is a string, or from its "shape"
// member when it is an object; otherwise it is empty.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/analysis.h"

namespace filmscope::batch {

// How many names and tags the summary lists.
inline constexpr std::size_t kSummaryTopCount = 3;

struct FilmSummary {
  std::string format;
  std::string title;
  std::optional<long long> year;
  std::size_t scenes = 0;
  std::size_t characters = 0;
  std::vector<std::string> top_characters;  // names, in the analysis's order of importance
  std::vector<std::string> top_themes;      // tags, highest score first
  std::string arc_shape;

  bool operator==(const FilmSummary&) const = default;
};

// Json is nlohmann::json (a document read back from disk) or nlohmann::ordered_json (the one
// the exporter built in memory); both give the same summary for the same document.
template <class Json>
FilmSummary summarize_analysis(const Json& document);
// The same summary read straight from an analysis, as from its exported document: what batch
// uses for a film it has just analysed, without building the document as a value.
FilmSummary summarize_analysis(const Analysis& analysis);
extern template FilmSummary summarize_analysis(const nlohmann::json&);
extern template FilmSummary summarize_analysis(const nlohmann::ordered_json&);

struct CharacterRow {
  std::string id;
  std::size_t rank = 0;  // 1-based position in the analysis's character list
  std::string name;
  std::optional<std::string> actor;
  std::string gender;
  long long mentions = 0;
  long long dialogue_words = 0;
  long long degree = 0;
  double weighted_degree = 0.0;
  double betweenness = 0.0;
  double eigenvector = 0.0;
  long long community = 0;

  bool operator==(const CharacterRow&) const = default;
};

struct RelationshipRow {
  std::string source;
  std::string target;
  double weight = 0.0;
  long long shared_scenes = 0;
  std::string kinds;  // joined with ", ", strongest first

  bool operator==(const RelationshipRow&) const = default;
};

struct ThemeRow {
  std::size_t rank = 0;  // 1-based, highest score first
  std::string tag;
  double score = 0.0;

  bool operator==(const ThemeRow&) const = default;
};

struct SceneRow {
  long long index = 0;
  std::optional<std::string> heading;
  std::string section;
  long long first_line = 0;
  long long last_line = 0;
  long long dialogue_words = 0;
  long long action_words = 0;
  double valence = 0.0;
  std::vector<std::string> characters;  // ids

  bool operator==(const SceneRow&) const = default;
};

struct FilmRows {
  FilmSummary summary;
  std::string encoding;
  long long relationships = 0;
  double graph_density = 0.0;
  long long graph_communities = 0;
  std::vector<CharacterRow> characters;
  std::vector<RelationshipRow> relationships_rows;
  std::vector<ThemeRow> themes;
  std::vector<SceneRow> scenes;

  bool operator==(const FilmRows&) const = default;
};

template <class Json>
FilmRows film_rows(const Json& document);
extern template FilmRows film_rows(const nlohmann::json&);
extern template FilmRows film_rows(const nlohmann::ordered_json&);
// film_rows(analysis) == film_rows(the analysis's exported document), numbers rounded as the
// exporter rounds them; tests/batch hold the two to each other over the corpus.
FilmRows film_rows(const Analysis& analysis);

}  // namespace filmscope::batch

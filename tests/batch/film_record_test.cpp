#include "batch/film_record.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "export/json_export.h"
#include "pipeline/analyze.h"
#include "support/test_paths.h"

using namespace filmscope::batch;

TEST_CASE("rows read from an analysis equal the rows read back from its JSON", "[batch][corpus]") {
  // Batch reads a film it has just analysed from the analysis and a resumed one from its JSON
  // file: both must give the database and the summary the same rows.
  for (const auto& path : filmscope::testing::sample_inputs()) {
    INFO(path.string());
    const auto result = filmscope::analyze_file(path, filmscope::AnalyzeOptions{});
    REQUIRE(result.analysis);
    const auto document = nlohmann::json::parse(filmscope::to_analysis_json(*result.analysis));
    const FilmRows direct = film_rows(*result.analysis);
    CHECK(direct == film_rows(document));
    CHECK(summarize_analysis(*result.analysis) == summarize_analysis(document));
    CHECK_FALSE(direct.characters.empty());
    CHECK_FALSE(direct.scenes.empty());
    CHECK_FALSE(direct.themes.empty());
  }
}

TEST_CASE("rows from a document read defensively", "[batch]") {
  // Missing members and members of another type give empty or zero values, so documents
  // written before a schema addition still load.
  const auto document = nlohmann::json::parse(R"({
    "source": {"format": "synopsis"},
    "film": {"title": "T", "year": "1999"},
    "characters": [{"id": "a", "name": "A", "mentions": 3}, {"name": "no id"}],
    "relationships": [{"source": "a", "target": "b", "kinds": ["friends", 7, "rivals"]}],
    "themes": [{"tag": "love", "score": 0.5}, {"score": 1}],
    "arc": "icarus"
  })");
  const FilmRows rows = film_rows(document);
  CHECK(rows.summary.format == "synopsis");
  CHECK_FALSE(rows.summary.year);
  CHECK(rows.summary.characters == 2);
  REQUIRE(rows.characters.size() == 1);
  CHECK(rows.characters[0].mentions == 3);
  CHECK_FALSE(rows.characters[0].actor);
  REQUIRE(rows.relationships_rows.size() == 1);
  CHECK(rows.relationships_rows[0].kinds == "friends, rivals");
  REQUIRE(rows.themes.size() == 1);
  CHECK(rows.themes[0].rank == 1);
  CHECK(rows.summary.arc_shape == "icarus");
  CHECK(rows.scenes.empty());
}

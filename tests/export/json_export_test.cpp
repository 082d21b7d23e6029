// The JSON documents: schema name, documented key order, value types, rounding, UTF-8.
#include "export/json_export.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <regex>
#include <string>
#include <nlohmann/json.hpp>

#include "export/sample_analysis.h"
#include "pipeline/analyze.h"
#include "support/test_paths.h"

using filmscope::testing::sample_analysis;
using Json = nlohmann::ordered_json;

namespace {
std::vector<std::string> keys(const Json& object) {
  std::vector<std::string> out;
  for (const auto& item : object.items()) out.push_back(item.key());
  return out;
}
}  // namespace

TEST_CASE("analysis JSON follows the documented key order", "[json]") {
  std::string text = filmscope::to_analysis_json(sample_analysis());
  REQUIRE(!text.empty());
  CHECK(text.back() == '\n');
  Json doc = Json::parse(text);
  CHECK(keys(doc) == std::vector<std::string>{"schema", "source", "film", "scenes", "characters",
                                              "relationships", "graph", "statistics", "themes",
                                              "arc", "diagnostics"});
  CHECK(doc["schema"] == "filmscope/analysis@1");
  CHECK(keys(doc["source"]) == std::vector<std::string>{"path", "format", "encoding"});
  CHECK(keys(doc["film"]) == std::vector<std::string>{"title", "year", "directors", "writers"});
  CHECK(keys(doc["scenes"][0]) ==
        std::vector<std::string>{"index", "heading", "section", "lines", "characters",
                                 "cast_description", "speakers", "setting", "location", "time_of_day", "number", "eighths", "length",
                                 "dialogue_blocks", "dialogue_words", "action_words", "valence"});
  CHECK(keys(doc["characters"][0]) ==
        std::vector<std::string>{"id", "name", "aliases", "actor", "credit", "description",
                                 "gender", "mentions", "mention_list", "dialogue_blocks",
                                 "dialogue_words", "speaking_scenes", "present_scenes",
                                 "first_scene", "last_scene", "centrality", "community", "arc"});
  CHECK(keys(doc["characters"][0]["centrality"]) ==
        std::vector<std::string>{"degree", "weighted_degree", "betweenness", "eigenvector"});
  CHECK(keys(doc["characters"][0]["mention_list"][0]) ==
        std::vector<std::string>{"scene", "line", "offset", "text", "kind"});
  CHECK(keys(doc["relationships"][0]) ==
        std::vector<std::string>{"source", "target", "weight", "shared_scenes",
                                 "shared_speaking_scenes", "exchanges", "kinds", "evidence", "arc"});
  CHECK(keys(doc["relationships"][0]["evidence"][0]) ==
        std::vector<std::string>{"scene", "line", "text", "kind"});
  CHECK(keys(doc["graph"]) == std::vector<std::string>{"nodes", "edges", "density",
                                                       "average_clustering", "diameter",
                                                       "modularity", "communities"});
  CHECK(keys(doc["diagnostics"][0]) ==
        std::vector<std::string>{"severity", "code", "line", "message"});
}

TEST_CASE("analysis JSON values and types", "[json]") {
  Json doc = Json::parse(filmscope::to_analysis_json(sample_analysis()));
  CHECK(doc["source"]["format"] == "synopsis");
  CHECK(doc["film"]["title"] == "The \"Quoted\" Film & Co <Ltd>");
  CHECK(doc["film"]["year"] == 1999);
  CHECK(doc["film"]["directors"] == Json::array({"Agnès Varda"}));
  CHECK(doc["scenes"].size() == 3);
  CHECK(doc["scenes"][0]["index"] == 1);
  CHECK(doc["scenes"][0]["heading"] == "INT. DINER - NIGHT");
  CHECK(doc["scenes"][1]["heading"].is_null());
  CHECK(doc["scenes"][0]["lines"] == Json::array({1, 2}));
  const Json& doc_brown = doc["characters"][0];
  CHECK(doc_brown["name"] == "Dr. \"Doc\" Brown");
  CHECK(doc_brown["mentions"] == 5);
  CHECK(doc_brown["mention_list"].size() == 5);
  CHECK(doc_brown["mention_list"][1]["kind"] == "pronoun");
  CHECK(doc_brown["gender"] == "male");
  CHECK(doc_brown["centrality"]["degree"] == 2);
  CHECK(doc_brown["centrality"]["weighted_degree"] == 4.0);
  CHECK(doc_brown["centrality"]["betweenness"].is_number_float());
  CHECK(doc["characters"][1]["actor"].is_null());
  CHECK(doc["characters"][2]["credit"] == "voices");
  CHECK(doc["relationships"][0]["kinds"] == Json::array({"friend", "ally"}));
  CHECK(doc["relationships"][0]["weight"] == 3.0);
  CHECK(doc["graph"]["nodes"] == 5);
  CHECK(doc["graph"]["edges"] == 3);
  CHECK(doc["graph"]["diameter"] == 3);
  CHECK(doc["themes"] == Json::array());
  CHECK(doc["arc"].is_null());
  CHECK(doc["diagnostics"][0]["severity"] == "warning");
  CHECK(doc["diagnostics"][0]["line"] == 4);
}

TEST_CASE("analysis JSON keeps UTF-8 and rounds numbers to six decimals", "[json]") {
  std::string text = filmscope::to_analysis_json(sample_analysis());
  CHECK(text.find("Amélie Poulain") != std::string::npos);
  CHECK(text.find("荻野千尋") != std::string::npos);
  CHECK(text.find("\\u00e9") == std::string::npos);
  Json doc = Json::parse(text);
  for (const auto& c : doc["characters"]) {
    double e = c["centrality"]["eigenvector"].get<double>();
    CHECK(std::abs(e * 1e6 - std::round(e * 1e6)) < 1e-6);
  }
  // Doc Brown lies between back-slash and Amélie and between back-slash and Chihiro: 2 of the
  // pairs, normalised by 2/((5−1)(5−2)) = 1/6, and written as 1/3 rounded to six decimals.
  CHECK(doc["characters"][0]["centrality"]["betweenness"] == 0.333333);
  CHECK(text.find("\"betweenness\": 0.333333,") != std::string::npos);
  CHECK(doc["graph"]["density"] == 0.3);  // 3 of 10 possible edges
}

TEST_CASE("analysis JSON is deterministic", "[json]") {
  CHECK(filmscope::to_analysis_json(sample_analysis()) ==
        filmscope::to_analysis_json(sample_analysis()));
}

TEST_CASE("graph JSON", "[json]") {
  std::string text = filmscope::to_graph_json(sample_analysis());
  CHECK(text.back() == '\n');
  Json doc = Json::parse(text);
  CHECK(keys(doc) == std::vector<std::string>{"schema", "film", "nodes", "edges", "metrics"});
  CHECK(doc["schema"] == "filmscope/graph@1");
  CHECK(doc["nodes"].size() == 5);
  CHECK(keys(doc["nodes"][0]) == std::vector<std::string>{"id", "name", "actor", "gender",
                                                          "mentions", "centrality", "community"});
  CHECK(doc["edges"].size() == 3);
  CHECK(doc["edges"][2]["source"] == "amelie-poulain");
  CHECK(doc["edges"][2]["target"] == "chihiro");
  CHECK(doc["edges"][2]["kinds"] == Json::array({"family"}));
}

TEST_CASE("empty analysis exports valid JSON", "[json]") {
  filmscope::Analysis empty;
  Json doc = Json::parse(filmscope::to_analysis_json(empty));
  CHECK(doc["film"]["year"].is_null());
  CHECK(doc["characters"].empty());
  CHECK(doc["graph"]["nodes"] == 0);
  Json graph = Json::parse(filmscope::to_graph_json(empty));
  CHECK(graph["nodes"].empty());
}

TEST_CASE("the analysis text and the analysis value are the same document", "[json][corpus]") {
  // Figures with more decimals than the six they are rounded to, as a shortest-form printer
  // sometimes writes them ("0.25652199999999997").
  const std::regex overlong(R"(\d\.\d{7,})");
  for (const auto& path : filmscope::testing::sample_inputs()) {
    INFO(path.string());
    const auto result = filmscope::analyze_file(path, filmscope::AnalyzeOptions{});
    REQUIRE(result.analysis);
    const std::string text = filmscope::to_analysis_json(*result.analysis);
    // Through the library's own parser and value, so that the writer is not checked against
    // itself: the same members in the same order, every figure the same double.
    const Json value = filmscope::analysis_document(*result.analysis);
    CHECK(Json::parse(text) == value);
    CHECK_FALSE(std::regex_search(text, overlong));
    // The JSON Lines form is the same document.
    CHECK(Json::parse(filmscope::to_analysis_json_line(*result.analysis)) == value);
  }
}

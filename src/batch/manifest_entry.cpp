// Manifest entries (see manifest_entry.h).
#include "batch/manifest_entry.h"

#include "export/json_writer.h"

namespace filmscope::batch {

namespace {
using Json = nlohmann::ordered_json;
constexpr const char* kEntrySchema = "filmscope/batch-entry@1";

Json strings(const std::vector<std::string>& values) {
  Json array = Json::array();
  for (const auto& v : values) array.push_back(v);
  return array;
}

std::vector<std::string> read_strings(const Json& value) {
  std::vector<std::string> out;
  if (!value.is_array()) return out;
  for (const Json& v : value)
    if (v.is_string()) out.push_back(v.get<std::string>());
  return out;
}
}  // namespace

std::string to_manifest_json(const ManifestEntry& entry) {
  Json j;
  j["schema"] = kEntrySchema;
  j["input"] = entry.input;
  j["bytes"] = entry.bytes;
  j["fnv1a64"] = entry.hash;
  j["settings"] = entry.settings;
  j["status"] = entry.ok ? "ok" : "error";
  j["error"] = entry.error;
  Json summary;
  summary["format"] = entry.summary.format;
  summary["title"] = entry.summary.title;
  summary["year"] = entry.summary.year ? Json(*entry.summary.year) : Json(nullptr);
  summary["scenes"] = entry.summary.scenes;
  summary["characters"] = entry.summary.characters;
  summary["top_characters"] = strings(entry.summary.top_characters);
  summary["top_themes"] = strings(entry.summary.top_themes);
  summary["arc_shape"] = entry.summary.arc_shape;
  j["summary"] = std::move(summary);
  j["outputs"] = strings(entry.outputs);
  return json_text(j, 2) + "\n";
}

std::optional<ManifestEntry> parse_manifest_entry(const std::string& text) {
  Json j = Json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object() || j.value("schema", "") != kEntrySchema) return std::nullopt;
  try {
    ManifestEntry entry;
    entry.input = j.at("input").get<std::string>();
    entry.bytes = j.at("bytes").get<std::uintmax_t>();
    entry.hash = j.at("fnv1a64").get<std::string>();
    entry.settings = j.at("settings").get<std::string>();
    std::string status = j.at("status").get<std::string>();
    if (status != "ok" && status != "error") return std::nullopt;
    entry.ok = status == "ok";
    entry.error = j.at("error").get<std::string>();
    const Json& s = j.at("summary");
    entry.summary.format = s.at("format").get<std::string>();
    entry.summary.title = s.at("title").get<std::string>();
    if (s.at("year").is_number()) entry.summary.year = s.at("year").get<long long>();
    entry.summary.scenes = s.at("scenes").get<std::size_t>();
    entry.summary.characters = s.at("characters").get<std::size_t>();
    entry.summary.top_characters = read_strings(s.at("top_characters"));
    entry.summary.top_themes = read_strings(s.at("top_themes"));
    entry.summary.arc_shape = s.at("arc_shape").get<std::string>();
    entry.outputs = read_strings(j.at("outputs"));
    return entry;
  } catch (const Json::exception&) {
    return std::nullopt;
  }
}

std::filesystem::path manifest_path(const std::filesystem::path& output_directory,
                                    const std::string& relative) {
  return output_directory / kManifestDirectory / (relative + ".json");
}

}  // namespace filmscope::batch

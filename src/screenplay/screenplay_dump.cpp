// `filmscope parse` output. See screenplay_dump.h.
#include "screenplay/screenplay_dump.h"

#include <nlohmann/json.hpp>

#include "export/json_writer.h"

namespace filmscope {

std::string to_line_kinds_tsv(const ScreenplayDocument& document) {
  std::string out;
  for (std::size_t i = 0; i < document.line_kinds.size(); ++i) {
    out += std::to_string(i + 1);
    out.push_back('\t');
    out += to_string(document.line_kinds[i]);
    out.push_back('\n');
  }
  return out;
}

std::string to_parse_json(const ScreenplayDocument& document, const Story& story, InputFormat format) {
  using Json = nlohmann::ordered_json;
  Json root;
  root["format"] = to_string(format);
  Json title_page = Json::array();
  for (const auto& [key, value] : document.title_page) title_page.push_back({{"key", key}, {"value", value}});
  root["title_page"] = std::move(title_page);

  Json elements = Json::array();
  for (const Element& element : document.elements) {
    Json item;
    item["kind"] = to_string(element.kind);
    item["lines"] = {element.lines.first, element.lines.last};
    item["text"] = element.text;
    if (element.kind == ElementKind::character) item["dual"] = element.dual;
    if (element.kind == ElementKind::section) item["depth"] = element.depth;
    if (element.kind == ElementKind::scene_heading) {
      item["scene_number"] = element.scene_number;
      if (element.eighths > 0.0) item["eighths"] = element.eighths;
    }
    elements.push_back(std::move(item));
  }
  root["elements"] = std::move(elements);

  Json scenes = Json::array();
  std::size_t index = 0;
  for (const NarrativeUnit& unit : story.units) {
    Json scene;
    scene["index"] = ++index;
    scene["heading"] = unit.heading ? Json(*unit.heading) : Json(nullptr);
    scene["lines"] = {unit.lines.first, unit.lines.last};
    if (!unit.section.empty()) scene["section"] = unit.section;
    if (unit.setting) {
      scene["setting"] = {{"setting", unit.setting->setting},
                          {"location", unit.setting->location},
                          {"time_of_day", unit.setting->time_of_day},
                          {"number", unit.setting->number},
                          {"eighths", unit.setting->eighths}};
    }
    Json dialogue = Json::array();
    for (const DialogueBlock& block : unit.dialogue) {
      dialogue.push_back({{"speaker", block.speaker},
                          {"cue", block.cue},
                          {"extensions", block.extensions},
                          {"dual", block.dual},
                          {"lines", {block.lines.first, block.lines.last}},
                          {"words", block.words}});
    }
    scene["dialogue"] = std::move(dialogue);
    scenes.push_back(std::move(scene));
  }
  root["scenes"] = std::move(scenes);

  Json diagnostics = Json::array();
  for (const Diagnostic& d : document.diagnostics)
    diagnostics.push_back({{"severity", to_string(d.severity)}, {"code", d.code}, {"line", d.line},
                           {"message", d.message}});
  root["diagnostics"] = std::move(diagnostics);
  // Through the same writer as the analysis: text the reader kept from a file whose bytes are
  // not UTF-8 (an FDX declaring another encoding) is written with U+FFFD, not thrown on.
  return json_text(root, 2) + "\n";
}

}  // namespace filmscope

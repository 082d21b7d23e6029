#include "model/analysis.h"

#include "text/unicode_text.h"

#include <array>
#include <utility>

namespace filmscope {

namespace {
constexpr std::array<std::pair<InputFormat, std::string_view>, 4> kFormatNames{{
    {InputFormat::synopsis, "synopsis"},
    {InputFormat::fountain, "fountain"},
    {InputFormat::plaintext, "plaintext"},
    {InputFormat::fdx, "fdx"},
}};
}  // namespace

std::string_view to_string(InputFormat format) {
  for (const auto& [value, name] : kFormatNames)
    if (value == format) return name;
  return "synopsis";
}

std::optional<InputFormat> parse_input_format(std::string_view name) {
  for (const auto& [value, known] : kFormatNames)
    if (known == name) return value;
  return std::nullopt;
}

std::string_view to_string(Severity severity) {
  switch (severity) {
    case Severity::info: return "info";
    case Severity::warning: return "warning";
    case Severity::error: return "error";
  }
  return "warning";
}

std::string_view to_string(MentionKind kind) {
  switch (kind) {
    case MentionKind::name: return "name";
    case MentionKind::alias: return "alias";
    case MentionKind::role: return "role";
    case MentionKind::pronoun: return "pronoun";
    case MentionKind::protagonist: return "protagonist";
  }
  return "name";
}

std::string_view to_string(Gender gender) {
  switch (gender) {
    case Gender::unknown: return "unknown";
    case Gender::male: return "male";
    case Gender::female: return "female";
    case Gender::neuter: return "neuter";
  }
  return "unknown";
}

Scene scene_from_unit(const NarrativeUnit& unit, std::size_t index) {
  Scene scene;
  scene.index = index;
  scene.heading = unit.heading;
  scene.section = unit.section;
  scene.lines = unit.lines;
  scene.text = collapse_whitespace(unit.text);
  scene.cast_description = unit.from_cast_list;
  return scene;
}

}  // namespace filmscope

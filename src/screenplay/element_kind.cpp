// Names of screenplay element kinds, as `filmscope parse` prints them and spec files expect.
#include <array>
#include <utility>

#include "model/screenplay.h"

namespace filmscope {

namespace {
constexpr std::array<std::pair<ElementKind, std::string_view>, 16> kElementKindNames{{
    {ElementKind::scene_heading, "scene_heading"},
    {ElementKind::action, "action"},
    {ElementKind::character, "character"},
    {ElementKind::dialogue, "dialogue"},
    {ElementKind::parenthetical, "parenthetical"},
    {ElementKind::transition, "transition"},
    {ElementKind::lyrics, "lyrics"},
    {ElementKind::centered, "centered"},
    {ElementKind::section, "section"},
    {ElementKind::synopsis, "synopsis"},
    {ElementKind::note, "note"},
    {ElementKind::boneyard, "boneyard"},
    {ElementKind::page_break, "page_break"},
    {ElementKind::title_page, "title_page"},
    {ElementKind::page_furniture, "page_furniture"},
    {ElementKind::blank, "blank"},
}};
}  // namespace

std::string_view to_string(ElementKind kind) {
  for (const auto& [value, name] : kElementKindNames)
    if (value == kind) return name;
  return "action";
}

}  // namespace filmscope

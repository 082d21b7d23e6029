// The element stream of a screenplay: what the Fountain, plain-text and Final Draft readers
// produce before it becomes a Story. Every element carries its line span in the decoded text,
// and `line_kinds` gives one kind per source line for `filmscope parse --format tsv`.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/analysis.h"

namespace filmscope {

enum class ElementKind {
  scene_heading,
  action,
  character,
  dialogue,
  parenthetical,
  transition,
  lyrics,
  centered,
  section,
  synopsis,
  note,
  boneyard,
  page_break,
  title_page,
  page_furniture,
  blank,
};

std::string_view to_string(ElementKind kind);

struct Element {
  ElementKind kind = ElementKind::action;
  LineSpan lines;
  std::string text;  // cleaned: markers removed, emphasis stripped, whitespace folded
  bool dual = false;           // character cues: the second speaker of dual dialogue
  int depth = 0;               // sections: number of '#'
  std::string scene_number;    // scene headings
  double eighths = 0.0;        // scene headings: length in eighths of a page when the source says
};

struct ScreenplayDocument {
  std::vector<std::pair<std::string, std::string>> title_page;  // key, value (multi-line joined)
  std::vector<Element> elements;
  std::vector<ElementKind> line_kinds;  // index 0 is line 1
  std::vector<Diagnostic> diagnostics;
};

}  // namespace filmscope

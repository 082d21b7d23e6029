// The Final Draft reader: a decoded .fdx (XML) file → ScreenplayDocument.
//
// Method: pugixml parses the buffer with its default flags, which expand only the five XML
// entities and character references; a DOCTYPE that declares entities is refused before parsing
// (the "billion laughs" shape), so no input can make the reader expand text. The paragraphs of
// <FinalDraft><Content> are read in order; a <DualDialogue> inside a paragraph contributes its
// own paragraphs, the second and later cues marked dual. Paragraph Type maps to ElementKind
// (Scene Heading, Action, Character, Parenthetical, Dialogue, Transition, Lyrics; Shot, General
// and Cast List read as action; New Act as a section; End of Act as centered text). A scene
// heading takes its Number attribute as the scene number and SceneProperties Length ("2/8",
// "1 3/8") as its length in eighths. <TitlePage> paragraphs give the title (the first line) and
// the authors (the lines after a "written by"/"by" credit). Each element's line is the source
// line of its <Paragraph>; the lines a paragraph spans take its kind in `line_kinds`.
// pugixml parses without recursion and the reader walks a fixed depth (Content → Paragraph →
// DualDialogue → Paragraph), so deep nesting costs nothing. Limits: inline <DynamicLabel> text
// (page numbers, dates) is ignored; unknown paragraph types read as action.
#pragma once

#include <string_view>

#include "model/screenplay.h"

namespace filmscope {

ScreenplayDocument read_fdx(std::string_view text);

}  // namespace filmscope

#include <catch2/catch.hpp>

#include <chrono>
#include <string>

#include "screenplay/emphasis.h"
#include "screenplay/fountain_hidden.h"
#include "screenplay/fountain_reader.h"

using namespace filmscope;

namespace {
const Element* first_of(const ScreenplayDocument& doc, ElementKind kind) {
  for (const auto& e : doc.elements)
    if (e.kind == kind) return &e;
  return nullptr;
}
}  // namespace

TEST_CASE("emphasis is stripped, escapes and unpaired markers kept", "[fountain]") {
  CHECK(strip_emphasis("*Italic*, **bold**, ***both*** and _under_.") == "Italic, bold, both and under.");
  CHECK(strip_emphasis("5 * 3 = 15") == "5 * 3 = 15");
  CHECK(strip_emphasis("\\*not\\* emphasis") == "*not* emphasis");
  CHECK(strip_emphasis("_**BIG FISH**_") == "BIG FISH");
  CHECK(strip_emphasis("snake_case_name") == "snake_case_name");
  // The reader folds lines without markers straight away; for them strip_emphasis changes nothing.
  for (const char* line : {"INT. HOUSE - DAY", "  Two  spaces\t", "5 * 3", "a_b", "back\\slash", ""}) {
    const bool marked = std::string_view(line).find_first_of("*_\\") != std::string_view::npos;
    CHECK(has_emphasis_markers(line) == marked);
    if (!marked) CHECK(strip_emphasis(line) == line);
  }
}

TEST_CASE("title page values", "[fountain]") {
  auto doc = read_fountain("Title:\n    _**BRICK & STEEL**_\n    FULL RETIRED\nCredit: by\nAuthor: Stu Maschwitz\n\nINT. A - DAY\n");
  REQUIRE(doc.title_page.size() == 3);
  CHECK(doc.title_page[0].first == "Title");
  CHECK(doc.title_page[0].second == "BRICK & STEEL\nFULL RETIRED");
  CHECK(doc.title_page[2].second == "Stu Maschwitz");
  CHECK(doc.line_kinds.size() == 7);
}

TEST_CASE("element text, spans and extras", "[fountain]") {
  auto doc = read_fountain(
      "INT. HOUSE - DAY #7#\n\nHe *waits*   [[too long?]]\nand waits.\n\nEDWARD (V.O.)\n(softly)\nHello\nthere.\n");
  const Element* heading = first_of(doc, ElementKind::scene_heading);
  REQUIRE(heading);
  CHECK(heading->text == "INT. HOUSE - DAY");
  CHECK(heading->scene_number == "7");
  const Element* action = first_of(doc, ElementKind::action);
  REQUIRE(action);
  CHECK(action->text == "He waits\nand waits.");
  CHECK(action->lines.first == 3);
  CHECK(action->lines.last == 4);
  const Element* note = first_of(doc, ElementKind::note);
  REQUIRE(note);
  CHECK(note->text == "too long?");
  CHECK(note->lines.first == 3);
  const Element* dialogue = first_of(doc, ElementKind::dialogue);
  REQUIRE(dialogue);
  CHECK(dialogue->text == "Hello\nthere.");
  CHECK(dialogue->lines.first == 8);
  CHECK(dialogue->lines.last == 9);
}

TEST_CASE("every line gets a kind, with or without a final newline", "[fountain]") {
  CHECK(read_fountain("A\n\nB").line_kinds.size() == 3);
  CHECK(read_fountain("A\n\nB\n").line_kinds.size() == 3);
  CHECK(read_fountain("").line_kinds.empty());
}

TEST_CASE("unterminated markers are diagnosed and linear", "[fountain][pathological]") {
  // 200,000 lines each opening a note and a boneyard that never close: a scan that searched to
  // the end of the text for every marker would take minutes.
  std::string text;
  for (int i = 0; i < 200000; ++i) text += "[[ /* x\n";
  auto start = std::chrono::steady_clock::now();
  auto doc = read_fountain(text);
  auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CHECK(seconds < 10.0);
  CHECK(doc.line_kinds.size() == 200000);
  bool saw_note = false, saw_boneyard = false;
  for (const auto& d : doc.diagnostics) {
    CHECK(d.severity == Severity::warning);
    saw_note = saw_note || d.code == "note-unterminated";
    saw_boneyard = saw_boneyard || d.code == "boneyard-unterminated";
  }
  CHECK(saw_note);
  CHECK(saw_boneyard);
}

TEST_CASE("a note longer than the limit is text", "[fountain]") {
  std::string text = "[[start\n";
  for (std::size_t i = 0; i < fountain_detail::kMaxNoteLines + 5; ++i) text += "more\n";
  text += "end]]\n";
  auto doc = read_fountain(text);
  CHECK(first_of(doc, ElementKind::note) == nullptr);
  CHECK(doc.line_kinds[0] == ElementKind::action);
  REQUIRE_FALSE(doc.diagnostics.empty());
  CHECK(doc.diagnostics[0].code == "note-unterminated");
}

TEST_CASE("deep boneyard nesting needs no recursion", "[fountain][pathological]") {
  std::string text(300000, ' ');
  for (std::size_t i = 0; i + 1 < 150000; i += 2) text[i] = '/', text[i + 1] = '*';
  for (std::size_t i = 150000; i + 1 < 300000; i += 2) text[i] = '*', text[i + 1] = '/';
  text += "\n\nINT. HOUSE - DAY\n";
  auto doc = read_fountain(text);
  CHECK(doc.line_kinds[0] == ElementKind::boneyard);
  CHECK(doc.line_kinds[2] == ElementKind::scene_heading);
}

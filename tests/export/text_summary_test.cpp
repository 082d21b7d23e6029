// The text summary: sections, column alignment by display width, ordering, truncation.
#include "export/text_summary.h"

#include <catch2/catch.hpp>
#include <sstream>

#include "export/sample_analysis.h"
#include "export/text_layout.h"
#include "text/unicode_text.h"

using filmscope::display_width;
using filmscope::testing::sample_analysis;

namespace {
std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) lines.push_back(line);
  return lines;
}
}  // namespace

TEST_CASE("text summary: film, cast, relationships, graph, diagnostics", "[text]") {
  std::string text = filmscope::to_text_summary(sample_analysis());
  auto lines = lines_of(text);
  REQUIRE(lines.size() > 10);
  CHECK(lines[0] == "The \"Quoted\" Film & Co <Ltd> (1999)");
  CHECK(lines[1] == "Directed by Agnès Varda; written by Hayao Miyazaki, Emeric Pressburger");
  CHECK(lines[2] == "Source: films/awkward.txt (synopsis, UTF-8), 3 scenes");
  CHECK(text.find("\nCast (5 characters)\n") != std::string::npos);
  CHECK(text.find("Audrey Tautou (voices)") != std::string::npos);
  CHECK(text.find("Doc, Emmett") != std::string::npos);
  CHECK(text.find("\nRelationships (3, strongest first)\n") != std::string::npos);
  auto first =
      text.find("Amélie Poulain — Dr. \"Doc\" Brown: weight 3, 3 shared scenes; friend, ally");
  auto second = text.find("Amélie Poulain — 荻野千尋: weight 2");
  auto third = text.find("Back\\Slash — Dr. \"Doc\" Brown: weight 1, 1 shared scene\n");
  CHECK(first != std::string::npos);
  CHECK(second != std::string::npos);
  CHECK(third != std::string::npos);
  CHECK(first < second);
  CHECK(second < third);
  CHECK(text.find("“千尋 writes to Amélie.” (line 7)") != std::string::npos);
  CHECK(text.find("\nGraph\n  5 characters, 3 relationships, density 0.3,") != std::string::npos);
  CHECK(text.find("\nDiagnostics (1)\n  warning line 4: could not read a cast line "
                  "[cast-line-unparsed]\n") != std::string::npos);
  CHECK(text.find("Themes") == std::string::npos);
  CHECK(text.back() == '\n');
}

TEST_CASE("text summary aligns the cast table by display width", "[text]") {
  auto lines = lines_of(filmscope::to_text_summary(sample_analysis()));
  auto header = std::find_if(lines.begin(), lines.end(), [](const std::string& l) {
    return l.find("Character") != std::string::npos && l.find("Mentions") != std::string::npos;
  });
  REQUIRE(header != lines.end());
  const std::size_t width = display_width(*header);
  // Header plus five rows, each ending in its right-aligned mention count.
  for (auto it = header; it != header + 6; ++it) {
    INFO(*it);
    CHECK(display_width(*it) == width);
  }
  auto actor_column = [](const std::string& line, const std::string& actor) {
    return display_width(line.substr(0, line.find(actor)));
  };
  CHECK(actor_column(*(header + 1), "Christopher Lloyd") == actor_column(*(header + 4), "柊瑠美"));
  CHECK(actor_column(*(header + 1), "Christopher Lloyd") ==
        actor_column(*(header + 3), "Audrey Tautou"));
}

TEST_CASE("text summary shortens long evidence with an ellipsis", "[text]") {
  for (const auto& line : lines_of(filmscope::to_text_summary(sample_analysis()))) {
    INFO(line);
    CHECK(display_width(line) <= 92);
  }
  std::string text = filmscope::to_text_summary(sample_analysis());
  CHECK(text.find("explains the flux capacitor") != std::string::npos);
  CHECK(text.find("for a very long time indeed") == std::string::npos);
  CHECK(text.find("…” (line 7)") != std::string::npos);
}

TEST_CASE("shorten and pad_right count display columns", "[text]") {
  CHECK(filmscope::shorten("short", 10) == "short");
  CHECK(filmscope::shorten("  folded   spaces ", 20) == "folded spaces");
  CHECK(filmscope::shorten("abcdefghijkl", 5) == "abcd…");
  CHECK(filmscope::shorten("one two three four", 12) == "one two…");
  CHECK(filmscope::shorten("千尋千尋千尋", 5) == "千尋…");  // wide: 2 columns each
  CHECK(display_width(filmscope::shorten("Amélie Amélie Amélie", 9)) <= 9);
  CHECK(filmscope::pad_right("千尋", 6) == "千尋  ");
  CHECK(filmscope::pad_right("Amélie", 8) == "Amélie  ");
  CHECK(filmscope::pad_right("toolong", 3) == "toolong");
}

TEST_CASE("text summary of an empty analysis", "[text]") {
  filmscope::Analysis empty;
  std::string text = filmscope::to_text_summary(empty);
  CHECK(text.rfind("(untitled)\n", 0) == 0);
  CHECK(text.find("Cast") == std::string::npos);
}

// Format detection: small hand-written examples of each format, the role of the file name,
// and every file of the shared evaluation material (when present).
#include "detect/detect_format.h"

#include <catch2/catch.hpp>
#include <iostream>

#include "io/decode.h"
#include "support/test_paths.h"

namespace {

using filmscope::detect_format;
using filmscope::InputFormat;

std::string fixture(const std::string& name) {
  auto path = filmscope::testing::source_dir() / "tests" / "data" / "detect" / name;
  auto result = filmscope::load_text_file(path);
  INFO(path.string() << ": " << result.error);
  REQUIRE(result.decoded);
  return result.decoded->text;
}

const char* const kFountainScene =
    "INT. KITCHEN - MORNING\n"
    "\n"
    "Toast burns. DANA scrapes it over the sink.\n"
    "\n"
    "DANA\n"
    "Every single day.\n"
    "\n"
    "LEO\n"
    "(from the hall)\n"
    "I like it burnt!\n"
    "\n"
    "EXT. GARDEN - CONTINUOUS\n"
    "\n"
    "Leo feeds the crows.\n"
    "\n"
    "LEO\n"
    "Don't tell her.\n";

const char* const kSynopsis =
    "The Quiet Harbour\n"
    "Main Plot\n"
    "A retired ferry captain returns to the island where her brother vanished twenty years "
    "ago, and slowly uncovers what the villagers have kept from her.\n"
    "Characters\n"
    "- Olivia Colman plays Nora Bell, a ferry captain who cannot leave the past alone.\n"
    "- Brian Cox plays the Keeper, an old man who knows more than he says.\n";

}  // namespace

TEST_CASE("Final Draft is recognised by its root element or its extension", "[detect]") {
  std::string fdx =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\" ?>\n"
      "<!-- saved by a screenwriting app -->\n"
      "<FinalDraft DocumentType=\"Script\" Template=\"No\" Version=\"5\">\n"
      "  <Content><Paragraph Type=\"Scene Heading\"><Text>INT. HOUSE</Text></Paragraph>"
      "</Content>\n</FinalDraft>\n";
  CHECK(detect_format("script.fdx", fdx) == InputFormat::fdx);
  CHECK(detect_format("script.txt", fdx) == InputFormat::fdx);
  CHECK(detect_format("", fdx) == InputFormat::fdx);
  CHECK(detect_format("x", "\xEF\xBB\xBF  \n<FinalDraft>\n</FinalDraft>") == InputFormat::fdx);
  CHECK(detect_format("SCRIPT.FDX", "garbled") == InputFormat::fdx);

  SECTION("other XML or a look-alike root is not Final Draft") {
    CHECK(detect_format("notes.xml", "<?xml version=\"1.0\"?>\n<Notes>Plot ideas.</Notes>\n") !=
          InputFormat::fdx);
    CHECK(detect_format("a.txt", "<FinalDraftish/>") != InputFormat::fdx);
  }
  SECTION("an unterminated prolog is not scanned past its bound") {
    std::string unterminated = "<!-- " + std::string(100000, '-') + "<FinalDraft>";
    CHECK(detect_format("a.txt", unterminated) != InputFormat::fdx);
  }
}

TEST_CASE("Fountain is recognised from its content", "[detect]") {
  CHECK(detect_format("input.txt", kFountainScene) == InputFormat::fountain);
  CHECK(detect_format("", kFountainScene) == InputFormat::fountain);

  SECTION("a title page") {
    std::string text =
        "Title: The Quiet Harbour\nCredit: Written by\nAuthor: Sam Porter\n"
        "Draft date: 1 May 2024\n\nFADE IN:\n\nThe sea.\n";
    CHECK(detect_format("input.txt", text) == InputFormat::fountain);
  }
  SECTION("forced scene headings and markup") {
    std::string text =
        ".THE ROOFTOP\n\nWind. [[Shoot at dusk.]]\n\n> THE END <\n\n"
        ".STAIRWELL\n\n/*\nCut scene.\n*/\n";
    CHECK(detect_format("input.txt", text) == InputFormat::fountain);
  }
  SECTION("a single scene heading with a note") {
    CHECK(detect_format("input.txt", "\nINT. SCENE HEADING - DAY\n\n[[A note.]]\n") ==
          InputFormat::fountain);
  }
  SECTION("a title page over a column layout is still Fountain") {
    std::string text =
        "Title: Columns\nAuthor: A. Writer\n\nEXT. FIELD - DAY\n\n"
        "                    BOB\n          Hello there.\n\n"
        "                    ANN\n          Hello yourself.\n\n"
        "                    BOB\n          Nice day.\n";
    CHECK(detect_format("input.txt", text) == InputFormat::fountain);
  }
  SECTION("Cyrillic cues and a full-width colon title page") {
    std::string text =
        "Title\xEF\xBC\x9A\xE6\x98\xA0\xE7\x94\xBB\n\n"
        "INT\xE3\x80\x82 \xE7\x97\x85\xE9\x99\xA2\n\n"
        "\xD0\x98\xD0\x92\xD0\x90\xD0\x9D\n\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2"
        "\xD0\xB5\xD1\x82.\n";
    CHECK(detect_format("input.txt", text) == InputFormat::fountain);
  }
}

TEST_CASE("plain-text screenplays are recognised from their column layout", "[detect]") {
  SECTION("a shooting script with scene numbers and page furniture") {
    std::string text = fixture("plaintext-shooting-script.txt");
    CHECK(detect_format("input.txt", text) == InputFormat::plaintext);
    CHECK(detect_format("script", text) == InputFormat::plaintext);
  }
  SECTION("no blank lines and no scene headings") {
    CHECK(detect_format("input.txt", fixture("plaintext-flattened.txt")) == InputFormat::plaintext);
  }
  SECTION("cues separated from their speech by a blank line") {
    std::string text =
        "The desert at noon.\n\n"
        "                              GUIDE\n\n"
        "               Water first. Then we talk.\n\n"
        "The traveller drinks.\n\n"
        "                              TRAVELLER\n\n"
        "               How far to the well?\n\n"
        "                              GUIDE\n\n"
        "               Two days, if the wind is kind.\n";
    CHECK(detect_format("input.txt", text) == InputFormat::plaintext);
  }
  SECTION("speaker and speech on one line") {
    std::string text =
        "INT. SHIP - BRIDGE\n\nThe crew waits.\n\n"
        "CAPTAIN : Report.\nPILOT : Engines are cold, sir.\nCAPTAIN : Then warm them.\n"
        "PILOT : (nervous) Yes, sir.\n";
    CHECK(detect_format("input.txt", text) == InputFormat::plaintext);
  }
}

TEST_CASE("synopses are recognised as prose", "[detect]") {
  CHECK(detect_format("input.txt", kSynopsis) == InputFormat::synopsis);
  SECTION("one sentence per line") {
    std::string text =
        "After twenty years away, Nora Bell returns to the island of her childhood.\n"
        "Her brother Tom disappeared there the night the lighthouse went dark.\n"
        "The old Keeper refuses to speak to her, but his granddaughter Ivy helps her search.\n"
        "Together they find Tom's coat hanging in the lamp room.\n";
    CHECK(detect_format("input.txt", text) == InputFormat::synopsis);
  }
  SECTION("a capitalised title line does not make a screenplay") {
    CHECK(detect_format("input.txt",
                        "VERTIGO\nA detective with a fear of heights follows a "
                        "woman through San Francisco.\n") == InputFormat::synopsis);
  }
  SECTION("short or empty text") {
    CHECK(detect_format("input.txt", "") == InputFormat::synopsis);
    CHECK(detect_format("input.txt", "Two friends rob a bank.") == InputFormat::synopsis);
  }
}

TEST_CASE("the file name breaks ties but does not override content", "[detect]") {
  CHECK(detect_format("short.fountain", "Two friends rob a bank.") == InputFormat::fountain);
  CHECK(detect_format("short.spmd", "Two friends rob a bank.") == InputFormat::fountain);
  CHECK(detect_format("notes.txt", kSynopsis) == detect_format("notes", kSynopsis));
  CHECK(detect_format("scene.txt", kFountainScene) == detect_format("scene.md", kFountainScene));
  CHECK(detect_format("film.fountain", fixture("plaintext-shooting-script.txt")) ==
        InputFormat::plaintext);
}

TEST_CASE("detection reads a bounded prefix of huge inputs", "[detect]") {
  std::string huge_line(8u << 20, 'a');
  CHECK(detect_format("input.txt", huge_line) == InputFormat::synopsis);
  std::string many_lines;
  for (int i = 0; i < 200000; ++i) many_lines += "DANA\nHello.\n\n";
  CHECK(detect_format("input.txt", many_lines) == InputFormat::fountain);
}

TEST_CASE("every file of the shared evaluation material is detected correctly",
          "[detect][shared]") {
  auto shared = filmscope::testing::shared_dir();
  if (!shared) {
    WARN("../shared is absent: evaluation material not checked");
    return;
  }
  auto eval = *shared / "eval";
  struct Expectation {
    std::filesystem::path path;
    InputFormat format;
  };
  std::vector<Expectation> expectations;
  auto collect = [&](const std::filesystem::path& root, auto&& wanted, InputFormat format) {
    if (!std::filesystem::is_directory(root)) return;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
      if (entry.is_regular_file() && wanted(entry.path())) {
        expectations.push_back({entry.path(), format});
      }
    }
  };
  auto ends_with = [](const std::filesystem::path& path, std::string_view suffix) {
    std::string name = path.filename().string();
    return name.size() >= suffix.size() && name.substr(name.size() - suffix.size()) == suffix;
  };
  collect(
      eval / "fountain", [&](const auto& p) { return ends_with(p, ".fountain"); },
      InputFormat::fountain);
  collect(
      eval / "fdx", [&](const auto& p) { return ends_with(p, ".fountain"); },
      InputFormat::fountain);
  collect(
      eval / "fdx", [&](const auto& p) { return ends_with(p, ".fdx"); }, InputFormat::fdx);
  collect(
      eval / "plaintext" / "tripod", [&](const auto& p) { return ends_with(p, "_script.txt"); },
      InputFormat::plaintext);
  collect(
      eval / "synopses" / "tripod", [&](const auto& p) { return ends_with(p, ".synopsis.txt"); },
      InputFormat::synopsis);
  if (std::filesystem::is_regular_file(*shared / "her.txt")) {
    expectations.push_back({*shared / "her.txt", InputFormat::synopsis});
  }
  std::sort(expectations.begin(), expectations.end(),
            [](const auto& a, const auto& b) { return a.path < b.path; });
  REQUIRE_FALSE(expectations.empty());

  std::size_t checks = 0;
  std::size_t correct = 0;
  for (const auto& [path, format] : expectations) {
    auto loaded = filmscope::load_text_file(path);
    INFO(path.string() << ": " << loaded.error);
    REQUIRE(loaded.decoded);
    const std::string& text = loaded.decoded->text;
    // With its own name, and from content alone under a name that says nothing. Final Draft
    // content is recognised by its root element, so it is checked both ways too.
    for (std::string name : {path.filename().string(), std::string("input.txt")}) {
      InputFormat detected = detect_format(name, text);
      INFO("as " << name << ": expected " << filmscope::to_string(format) << ", got "
                 << filmscope::to_string(detected));
      CHECK(detected == format);
      ++checks;
      if (detected == format) ++correct;
    }
  }
  std::cout << "format detection on shared evaluation material: " << correct << "/" << checks
            << " correct over " << expectations.size() << " files\n";
}

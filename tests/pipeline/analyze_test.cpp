// Hostile and pathological input through the whole pipeline (analyze_text / analyze_file):
// each shape finishes with a clear outcome — an analysis whose diagnostics say what was odd, or
// a one-line error that names the file and the problem. Sizes are the ones README's "Hostile
// input" section promises; their timings and memory are measured by scripts/pathological, not
// here. The readers' own pathological tests (unterminated markers, deep nesting, entity
// declarations, long lines) live beside each reader's tests.
#include <algorithm>
#include <filesystem>
#include <string>

#include <catch2/catch.hpp>

#include "export/json_export.h"
#include "export/text_summary.h"
#include "io/decode.h"
#include "pipeline/analyze.h"
#include "screenplay/character_cue.h"
#include "support/temp_dir.h"

namespace fs = std::filesystem;
using namespace filmscope;

namespace {

Analysis analyse_as(InputFormat format, std::string_view text) {
  SourceInfo source;
  source.path = "hostile";
  source.format = format;
  Analysis analysis = analyze_text(text, source);
  // Every exporter must cope with whatever the analysis holds.
  CHECK_FALSE(to_analysis_json(analysis).empty());
  CHECK_FALSE(to_text_summary(analysis).empty());
  return analysis;
}

bool has_diagnostic(const Analysis& analysis, std::string_view code) {
  return std::any_of(analysis.diagnostics.begin(), analysis.diagnostics.end(),
                     [&](const Diagnostic& d) { return d.code == code; });
}

// A name of capital letters only, distinct for every n (base 26): cues must be upper case.
std::string letters_name(std::size_t n) {
  std::string name;
  do {
    name += static_cast<char>('A' + n % 26);
    n /= 26;
  } while (n > 0);
  return name;
}

bool is_one_line(const std::string& error) {
  return !error.empty() && error.find('\n') == std::string::npos;
}

}  // namespace

TEST_CASE("an unterminated boneyard or note hides nothing after its limit", "[pathological]") {
  std::string scenes;
  for (int i = 0; i < 200; ++i) scenes += "INT. ROOM " + std::to_string(i) + " - DAY\n\nBOB\nHello.\n\n";
  // The unmatched "/*" stays as text: an opening scene of action before the first heading.
  Analysis boneyard = analyse_as(InputFormat::fountain, "/* never closed\n\n" + scenes);
  CHECK(boneyard.scenes.size() == 201);
  CHECK(has_diagnostic(boneyard, "boneyard-unterminated"));
  Analysis note = analyse_as(InputFormat::fountain, "[[ never closed\n" + scenes);
  CHECK(note.scenes.size() == 200);
  CHECK(has_diagnostic(note, "note-unterminated"));
}

TEST_CASE("a 5 MB line is read in every format", "[pathological]") {
  const std::string sentence = "Anna walks to the station and waits. ";
  std::string line;
  while (line.size() < (5u << 20)) line += sentence;
  // A screenplay has no heading here: the line is action in at most one scene.
  for (InputFormat format : {InputFormat::fountain, InputFormat::plaintext}) {
    INFO(to_string(format));
    CHECK(analyse_as(format, line + "\n").scenes.size() <= 1);
  }
  // A synopsis unit is a sentence, wherever the line breaks fall. A synopsis analyses every
  // sentence (about a minute for 5 MB, far longer under the sanitizers), so the suite uses a
  // 1 MB line; scripts/pathological runs the 5 MB one.
  std::string synopsis_line;
  std::size_t sentences = 0;
  for (; synopsis_line.size() < (1u << 20); ++sentences) synopsis_line += sentence;
  CHECK(analyse_as(InputFormat::synopsis, synopsis_line + "\n").scenes.size() == sentences);
}

TEST_CASE("100,000 scenes are all read", "[pathological]") {
  std::string text;
  for (int i = 0; i < 100000; ++i) text += "INT. ROOM " + std::to_string(i) + " - DAY\n\nA door opens.\n\n";
  Analysis analysis = analyse_as(InputFormat::fountain, text);
  CHECK(analysis.scenes.size() == 100000);
}

TEST_CASE("100,000 speaking characters are all counted", "[pathological]") {
  std::string text = "INT. HALL - NIGHT\n\n";
  for (std::size_t i = 0; i < 100000; ++i) text += letters_name(i) + "\nHello.\n\n";
  Analysis analysis = analyse_as(InputFormat::fountain, text);
  CHECK(analysis.characters.size() == 100000);
}

TEST_CASE("repeated emphasis markers are text", "[pathological]") {
  std::string text = "INT. HALL - NIGHT\n\n";
  for (int i = 0; i < 200000; ++i) text += "*_";
  text += "\n\nBOB\n" + std::string(100000, '*') + "\n";
  Analysis analysis = analyse_as(InputFormat::fountain, text);
  CHECK(analysis.scenes.size() == 1);
}

TEST_CASE("a huge character cue is not a character", "[pathological]") {
  std::string cue(1 << 20, 'A');
  CHECK_FALSE(parse_character_cue(cue));
  CHECK(parse_character_cue(std::string(kMaxCueBytes, 'A')));
  Analysis analysis = analyse_as(InputFormat::fountain, "INT. HALL - NIGHT\n\n" + cue + "\nHello.\n");
  CHECK(analysis.characters.empty());
}

TEST_CASE("a billion-laughs .fdx is one line naming the file", "[pathological]") {
  std::string laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n";
  for (int i = 1; i <= 9; ++i) {
    std::string previous = i == 1 ? "&lol;" : "&lol" + std::to_string(i - 1) + ";";
    std::string body;
    for (int k = 0; k < 10; ++k) body += previous;
    laughs += " <!ENTITY lol" + std::to_string(i) + " \"" + body + "\">\n";
  }
  laughs += "]>\n<FinalDraft><Content><Paragraph Type=\"Action\"><Text>&lol9;</Text></Paragraph>"
            "</Content></FinalDraft>\n";
  filmscope::testing::TempDir dir("laughs");
  fs::path path = dir.write("laughs.fdx", laughs);
  AnalyzeResult result = analyze_file(path, {});
  CHECK_FALSE(result.analysis);
  CHECK(is_one_line(result.error));
  CHECK(result.error.starts_with(path.string() + ":"));
}

TEST_CASE("input over the size limit is refused before it is read", "[pathological]") {
  filmscope::testing::TempDir dir("huge");
  fs::path path = dir.path() / "huge.txt";
  { std::ofstream create(path); }
  fs::resize_file(path, kMaxInputBytes + 1);  // sparse: no disk space, no reading
  AnalyzeResult result = analyze_file(path, {});
  CHECK_FALSE(result.analysis);
  CHECK(is_one_line(result.error));
  CHECK(result.error.find("limit") != std::string::npos);
}

TEST_CASE("binary input is one line naming the file", "[pathological]") {
  filmscope::testing::TempDir dir("binary");
  std::string noise;
  std::uint32_t state = 12345;
  for (int i = 0; i < 1 << 16; ++i) {
    state = state * 1664525u + 1013904223u;  // a fixed LCG: the same bytes every run
    noise += static_cast<char>(state >> 24);
  }
  for (const auto& [name, bytes] : {std::pair<std::string, std::string>{"noise.bin", noise},
                                    {"image.png", "\x89PNG\r\n\x1A\n" + noise},
                                    {"nul.txt", std::string(4096, '\0')}}) {
    fs::path path = dir.write(name, bytes);
    AnalyzeResult result = analyze_file(path, {});
    INFO(name << ": " << result.error);
    CHECK_FALSE(result.analysis);
    CHECK(is_one_line(result.error));
    CHECK(result.error.starts_with(path.string() + ": "));
  }
}

TEST_CASE("invalid UTF-8 and mixed encodings are decoded and say so", "[pathological]") {
  // Every lead byte without its continuation, overlong forms and surrogates: legacy text.
  std::string invalid;
  for (int i = 0; i < 2000; ++i) invalid += "Anna \xC3 sees \xE2\x80 the \xC0\xAF sea \xED\xA0\x80.\n";
  DecodeResult decoded = decode_bytes(invalid);
  REQUIRE(decoded.decoded);
  Analysis from_invalid = analyse_as(InputFormat::synopsis, decoded.decoded->text);
  CHECK_FALSE(from_invalid.scenes.empty());

  // UTF-8 text with Windows-1252 quotes pasted in: repaired, not refused.
  std::string mixed;
  for (int i = 0; i < 2000; ++i)
    mixed += "Ren\xC3\xA9" "e, na\xC3\xAF" "ve, orders caf\xC3\xA9 at the h\xC3\xB4tel. Bob says \x93no\x94.\n";
  DecodeResult repaired = decode_bytes(mixed);
  REQUIRE(repaired.decoded);
  CHECK(repaired.decoded->encoding == "UTF-8 (repaired)");
  CHECK(repaired.decoded->text.find("\xE2\x80\x9Cno\xE2\x80\x9D") != std::string::npos);
  analyse_as(InputFormat::synopsis, repaired.decoded->text);
}

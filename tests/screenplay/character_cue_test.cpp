#include <catch2/catch.hpp>

#include "screenplay/character_cue.h"

using namespace filmscope;

TEST_CASE("character cue normalisation", "[character_cue]") {
  auto cue = parse_character_cue("  EDWARD (V.O.) (cont'd) ^ ");
  REQUIRE(cue);
  CHECK(cue->speaker == "EDWARD");
  CHECK(cue->extensions == std::vector<std::string>{"V.O.", "CONT'D"});
  CHECK(cue->dual);
  CHECK_FALSE(cue->forced);

  auto forced = parse_character_cue("@McCLANE");
  REQUIRE(forced);
  CHECK(forced->speaker == "MCCLANE");
  CHECK(forced->forced);

  for (const char* variant : {"BOB (CONT’D)", "BOB (CONTD)", "BOB (CONT.)", "BOB (Cont'd)", "BOB (CONTINUING)"}) {
    auto v = parse_character_cue(variant);
    REQUIRE(v);
    CHECK(v->speaker == "BOB");
    CHECK(v->extensions == std::vector<std::string>{"CONT'D"});
  }

  auto lower = parse_character_cue("HANS (on the radio)");
  REQUIRE(lower);
  CHECK(lower->extensions == std::vector<std::string>{"on the radio"});

  auto punct = parse_character_cue("DR. BENNETT:");
  REQUIRE(punct);
  CHECK(punct->speaker == "DR. BENNETT");

  auto nbsp = parse_character_cue("WILL\xC2\xA0");
  REQUIRE(nbsp);
  CHECK(nbsp->speaker == "WILL");

  auto accented = parse_character_cue("@Zoë");
  REQUIRE(accented);
  CHECK(accented->speaker == "ZOË");

  auto voice = parse_character_cue("GIDEON'S VOICE (O.S.)");
  REQUIRE(voice);
  CHECK(voice->speaker == "GIDEON");
  CHECK(voice->extensions == std::vector<std::string>{"VOICE", "O.S."});

  CHECK_FALSE(parse_character_cue("Edward"));
  CHECK_FALSE(parse_character_cue("ÉDOUARD et moi"));
  CHECK_FALSE(parse_character_cue("1985"));
  CHECK_FALSE(parse_character_cue("(V.O.)"));
  CHECK(normalise_speaker(" Sandra: ") == "SANDRA");
}

TEST_CASE("is_character_cue answers as parse_character_cue does", "[character_cue]") {
  const std::vector<std::string> lines{
      "EDWARD", "  EDWARD (V.O.) (cont'd) ^ ", "@McCLANE", "McCLANE", "Edward walks in.", "(beat)",
      "1234", "\"BARTHOLOMEW\"", "ADAM'S VOICE", "@", "^", "", "   ", "EDWARD\xC2\xA0(V.O.)",
      "\xC2\xA0@McCLANE", "\xC3\x87" "ELIK", "\xC3\xA7" "elik", "HANS (on the radio)", "...",
      "CUT TO:", std::string(kMaxCueBytes + 1, 'A')};
  for (const std::string& line : lines) {
    INFO(line);
    CHECK(is_character_cue(line) == parse_character_cue(line).has_value());
  }
}

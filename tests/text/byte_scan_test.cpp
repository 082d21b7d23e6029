// Eight-byte scans against their one-byte-at-a-time definitions.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <string>

#include "text/byte_scan.h"

using filmscope::has_control_byte;
using filmscope::leading_run;

TEST_CASE("has_control_byte and leading_run agree with a byte-by-byte reading, property", "[text][property]") {
  std::mt19937 random(5122026);
  const std::string alphabet = std::string("     \t\f\v*aZ~\x7F\x1F\x20\x21\xC2\xA0", 17) + std::string(1, '\0');
  for (int round = 0; round < 50000; ++round) {
    std::string text;
    const std::size_t length = random() % 40;
    // Long runs of one byte, then anything: runs end at every position of the eight-byte steps.
    const char repeated = alphabet[random() % alphabet.size()];
    const std::size_t run = random() % (length + 1);
    text.assign(run, repeated);
    while (text.size() < length) text += alphabet[random() % alphabet.size()];
    CAPTURE(text);
    const bool control =
        std::any_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; });
    REQUIRE(has_control_byte(text) == control);
    for (char c : {' ', '*', repeated}) {
      std::size_t expected = 0;
      while (expected < text.size() && text[expected] == c) ++expected;
      REQUIRE(leading_run(text, c) == expected);
    }
  }
  CHECK(leading_run("", ' ') == 0);
  CHECK(leading_run(std::string(20, ' ') + "x", ' ') == 20);
  CHECK_FALSE(has_control_byte("INT. HOUSE - DAY, a long line of ordinary text"));
  CHECK(has_control_byte("a long line of ordinary text with a\ttab"));
}

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

TEST_CASE("all_ascii, next_ascii_space and assign_ascii_lower agree with a byte-by-byte reading, property",
          "[text][property]") {
  using filmscope::all_ascii;
  using filmscope::assign_ascii_lower;
  using filmscope::is_ascii_space;
  using filmscope::next_ascii_space;
  std::mt19937 random(5122027);
  // The letters' neighbours ('@', '[', '`', '{') and bytes above ASCII whose low seven bits are
  // letters (0xC1, 0xDA) or white space (0x89, 0xA0) are where a word-wise test could slip.
  const std::string alphabet = std::string("  \t\n\v\f\r\x1F\x0E\x08" "AZaz@[`{mM.'-", 23) +
                               std::string("\xC1\xDA\x89\xA0\x7F", 5) + std::string(1, '\0');
  std::string lowered;
  for (int round = 0; round < 50000; ++round) {
    std::string text;
    const std::size_t length = random() % 40;
    while (text.size() < length) text += alphabet[random() % alphabet.size()];
    CAPTURE(text);
    REQUIRE(all_ascii(text) ==
            std::none_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; }));
    const std::size_t from = random() % (length + 1);
    std::size_t space = from;
    while (space < text.size() && !is_ascii_space(text[space])) ++space;
    REQUIRE(next_ascii_space(text, from) == space);
    assign_ascii_lower(text, lowered);
    std::string expected = text;
    for (char& c : expected)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
    REQUIRE(lowered == expected);
  }
  CHECK(next_ascii_space("word", 0) == 4);
  CHECK(next_ascii_space("a long\tline", 2) == 6);
  CHECK_FALSE(is_ascii_space('\x1F'));
  assign_ascii_lower("INT. CAFÉ - NIGHT", lowered);
  CHECK(lowered == "int. cafÉ - night");  // bytes above ASCII are left as they are
}

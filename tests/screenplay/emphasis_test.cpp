#include "screenplay/emphasis.h"

#include <catch2/catch.hpp>
#include <random>
#include <string>

#include "text/unicode_text.h"

using namespace filmscope;

namespace {
std::string clean_line(std::string_view line) {
  std::string out;
  append_clean_line(out, line);
  return out;
}
}  // namespace

TEST_CASE("a clean line folds white space and strips emphasis", "[emphasis]") {
  CHECK(clean_line("") == "");
  CHECK(clean_line("   ") == "");
  CHECK(clean_line("He runs.  She follows.") == "He runs. She follows.");
  CHECK(clean_line("  Sixteen bytes and then some  more   ") == "Sixteen bytes and then some more");
  CHECK(clean_line("a       b") == "a b");
  CHECK(clean_line("Tab\there,\r\nbreaks") == "Tab here, breaks");
  CHECK(clean_line("*Italic*  and  _under_") == "Italic and under");
  CHECK(clean_line("An [aside] ^ here") == "An [aside] ^ here");
  CHECK(clean_line("Caf\xC3\xA9  au  lait, na\xC3\xAFve") == "Caf\xC3\xA9 au lait, na\xC3\xAFve");
}

TEST_CASE("a clean line is appended after what the string holds", "[emphasis]") {
  std::string out = "first\n";
  append_clean_line(out, "  second  line ");
  CHECK(out == "first\nsecond line");
  append_clean_line(out, "  ");
  CHECK(out == "first\nsecond line");
  append_clean_line(out, " **third**");
  CHECK(out == "first\nsecond linethird");
}

// The fast path must agree with the definition on every line; random lines over an alphabet
// rich in spaces, markers and the bytes the fast path sends the long way find the chunk edges.
TEST_CASE("a clean line is collapse_whitespace of strip_emphasis", "[emphasis]") {
  const std::string alphabet = "ab   ..*_\\]^\t\r\x01\x7F\xC3\xA9";
  std::mt19937 random(20240611);
  for (int round = 0; round < 20000; ++round) {
    std::string line(random() % 40, ' ');
    for (char& c : line) c = alphabet[random() % alphabet.size()];
    if (round % 2 == 0)  // half of them without careful bytes, as most script lines are
      for (char& c : line)
        if (std::string_view("*_\\]^\t\r\x01").find(c) != std::string_view::npos) c = 'x';
    INFO(line);
    REQUIRE(clean_line(line) == collapse_whitespace(strip_emphasis(line)));
  }
}

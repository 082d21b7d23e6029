#include <catch2/catch.hpp>

#include <iterator>
#include <random>
#include <string>
#include <string_view>

#include "text/unicode_text.h"

using namespace filmscope;

TEST_CASE("fold_case folds beyond ASCII", "[text]") {
  CHECK(fold_case("Theodore") == "theodore");
  CHECK(fold_case("STRASSE") == fold_case("straße"));
  CHECK(fold_case("ÉLODIE") == "élodie");
}

TEST_CASE("letter case tests used by name detection", "[text]") {
  CHECK(starts_upper("Amy"));
  CHECK(starts_upper("Élodie"));
  CHECK_FALSE(starts_upper("amy"));
  CHECK_FALSE(starts_upper("1999"));
  CHECK(is_all_caps("NYPD"));
  CHECK(is_all_caps("WALL-E"));
  CHECK_FALSE(is_all_caps("Wall-E"));
  CHECK_FALSE(is_all_caps("1999"));
  CHECK(has_letter("R2-D2"));
  CHECK_FALSE(has_letter("--"));
}

TEST_CASE("to_slug gives stable ASCII ids", "[text]") {
  CHECK(to_slug("Theodore Twombly") == "theodore-twombly");
  CHECK(to_slug("Dr. Howard Mierzwiak") == "dr-howard-mierzwiak");
  CHECK(to_slug("Amélie Poulain") == "amelie-poulain");
  CHECK(to_slug("Conor O'Brien") == "conor-obrien");
  CHECK(to_slug("  --  ").empty());
}

TEST_CASE("display_width counts code points and wide characters", "[text]") {
  CHECK(display_width("Amy") == 3);
  CHECK(display_width("Zoë") == 3);
  CHECK(display_width("千尋") == 4);
}

TEST_CASE("collapse_whitespace", "[text]") {
  CHECK(collapse_whitespace("  a \n\t b  ") == "a b");
  CHECK(collapse_whitespace("").empty());
  CHECK(collapse_whitespace(" \r\n\f\v ").empty());
  CHECK(collapse_whitespace("x") == "x");
  CHECK(collapse_whitespace("\tJOHN\r\n  (quietly)\n Hello.\n") == "JOHN (quietly) Hello.");
  CHECK(collapse_whitespace("caf\xC3\xA9\xC2\xA0" "bar") == "caf\xC3\xA9\xC2\xA0" "bar");  // U+00A0 is kept
}

TEST_CASE("append_collapsed_whitespace", "[text]") {
  std::string out = "kept ";
  append_collapsed_whitespace(out, "  a \n\t b  ");
  CHECK(out == "kept a b");
  append_collapsed_whitespace(out, " \r\n ");
  CHECK(out == "kept a b");
  // Long enough for the eight-byte chunks, with runs to fold past the clean prefix.
  append_collapsed_whitespace(out, "|twelve bytes  then\tmore  ");
  CHECK(out == "kept a b|twelve bytes then more");
}

TEST_CASE("collapse_whitespace: words joined by single spaces, property", "[text][property]") {
  // The plain definition: split at the six ASCII white-space characters, drop empty pieces,
  // join with one space.
  auto reference = [](std::string_view text) {
    std::string out;
    std::string word;
    auto flush = [&] {
      if (word.empty()) return;
      if (!out.empty()) out += ' ';
      out += word;
      word.clear();
    };
    for (char c : text) {
      if (c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r')
        flush();
      else
        word += c;
    }
    flush();
    return out;
  };
  std::mt19937 random(20261205);
  const std::string alphabet = std::string("ab. \t\n\v\f\r\x08\x0E\x1F\xC3\xA9\xFF");
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    const std::size_t length = random() % 40;
    for (std::size_t i = 0; i < length; ++i) text += alphabet[random() % alphabet.size()];
    INFO("text: " << text);
    REQUIRE(collapse_whitespace(text) == reference(text));
  }
  // Mostly clean text (words and single spaces, which is copied eight bytes at a time), with a
  // flaw here and there: at every offset from the eight-byte steps, at either end, or none.
  const std::string flaws[] = {" ", "\t", "\n", "  ", "\r\n", "\x01", " \n "};
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    const std::size_t words = random() % 12;
    for (std::size_t w = 0; w < words; ++w) {
      if (w > 0) text += ' ';
      const std::size_t letters = 1 + random() % 9;
      for (std::size_t i = 0; i < letters; ++i) text += "abcXY.,'"[random() % 8];
    }
    const int flawed = static_cast<int>(random() % 3);
    for (int f = 0; f < flawed; ++f)
      text.insert(text.empty() ? 0 : random() % (text.size() + 1), flaws[random() % std::size(flaws)]);
    INFO("text: " << text);
    REQUIRE(collapse_whitespace(text) == reference(text));
  }
}

#include <catch2/catch.hpp>

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
}

// Fixed-precision figures: rounding, the fixed-notation text, and its agreement with a plain
// std::to_chars reading and with the double it stands for.
#include <catch2/catch.hpp>

#include <charconv>
#include <cmath>
#include <limits>
#include <random>
#include <string>

#include "export/number_format.h"

using filmscope::format_decimal;
using filmscope::put_decimal;
using filmscope::round_for_export;

namespace {

std::string decimal_text(double value) {
  char buffer[filmscope::kMaxDecimalBytes];
  return std::string(buffer, put_decimal(value, buffer));
}

// The definition: the rounded value through std::to_chars with six fixed decimals, trailing
// zeros trimmed to one.
std::string reference_text(double value) {
  char buffer[400];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, round_for_export(value), std::chars_format::fixed, 6);
  REQUIRE(ec == std::errc());
  std::string text(buffer, end);
  while (text.size() > text.find('.') + 2 && text.back() == '0') text.pop_back();
  return text;
}

}  // namespace

TEST_CASE("round_for_export rounds half away from zero and cleans non-finite values", "[export][numbers]") {
  CHECK(round_for_export(0.1234565) == 0.123457);
  CHECK(round_for_export(-0.1234565) == -0.123457);
  CHECK(round_for_export(2.5, 0) == 3.0);
  CHECK(round_for_export(std::numeric_limits<double>::quiet_NaN()) == 0.0);
  CHECK(round_for_export(std::numeric_limits<double>::infinity()) == 0.0);
  CHECK_FALSE(std::signbit(round_for_export(-0.0000001)));  // −0 folds into 0
}

TEST_CASE("figures print in fixed notation with at most six decimals", "[export][numbers]") {
  CHECK(decimal_text(17.0) == "17.0");
  CHECK(decimal_text(0.0) == "0.0");
  CHECK(decimal_text(-0.0) == "0.0");
  CHECK(decimal_text(0.5699894) == "0.569989");
  CHECK(decimal_text(-0.25) == "-0.25");
  CHECK(decimal_text(0.00005) == "0.00005");  // never "5e-05"
  CHECK(decimal_text(0.256522) == "0.256522");  // a Grisu2 printer gives 0.25652199999999997
  CHECK(decimal_text(0.000649) == "0.000649");  // and 0.0006489999999999999
  CHECK(decimal_text(123456789.123456) == "123456789.123456");
  CHECK(decimal_text(1e20) == "100000000000000000000.0");
  CHECK(decimal_text(std::numeric_limits<double>::quiet_NaN()) == "0.0");
  CHECK(format_decimal(3.14159, 2) == "3.14");
  CHECK(format_decimal(0.5) == "0.5");
}

TEST_CASE("put_decimal agrees with std::to_chars and reads back as the rounded value, property",
          "[export][numbers][property]") {
  std::mt19937_64 random(20261205);
  std::uniform_real_distribution<double> unit(-1.0, 1.0);
  std::uniform_real_distribution<double> exponent(-9.0, 16.0);
  for (int round = 0; round < 200000; ++round) {
    double value = 0.0;
    switch (round % 4) {
      case 0: value = unit(random); break;                                       // valences, positions
      case 1: value = static_cast<double>(random() % 100000000) / 1e6; break;    // exact millionths
      case 2: value = unit(random) * std::pow(10.0, exponent(random)); break;     // every magnitude
      default: value = std::round(unit(random) * 1e4) + 0.5e-6 * (random() % 3); break;  // ties
    }
    INFO(value);
    const std::string text = decimal_text(value);
    REQUIRE(text == reference_text(value));
    REQUIRE(text == format_decimal(value));
    if (std::fabs(value) < 1e9) REQUIRE(std::stod(text) == round_for_export(value));
  }
}

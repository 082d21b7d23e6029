// Fixed-precision number formatting shared by the exporters.
//
// Takes: a double. Produces: the value rounded half away from zero to a fixed number of
// decimals, as a double (for values that are not printed here) or as text (for JSON, DOT,
// GraphML and CSV). Limits: values beyond ±1e15 lose their last decimals to
// double precision; filmscope's figures are counts and centralities far below that.
#include "export/number_format.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <system_error>

namespace filmscope {

double round_for_export(double value, int places) {
  if (!std::isfinite(value)) return 0.0;
  // Powers of ten up to 10^22 are exact doubles, and std::pow returns them exactly; the table
  // spares a call per exported number.
  static constexpr double kPowersOfTen[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11};
  const double scale = places >= 0 && places < static_cast<int>(std::size(kPowersOfTen))
                           ? kPowersOfTen[places]
                           : std::pow(10.0, places);
  double rounded = std::round(value * scale) / scale;
  return rounded == 0.0 ? 0.0 : rounded;  // folds −0 into 0
}

namespace {

// std::to_chars in fixed notation, then trailing zeros trimmed down to one decimal.
char* put_fixed(double rounded, int places, char* out, char* end) {
  // std::to_chars ignores the global locale, unlike printf, so a decimal comma never appears.
  auto [last, ec] = std::to_chars(out, end, rounded, std::chars_format::fixed, places);
  if (ec != std::errc()) {
    std::memcpy(out, "0.0", 3);
    return out + 3;
  }
  char* dot = std::find(out, last, '.');
  if (dot == last) {
    std::memcpy(last, ".0", 2);
    return last + 2;
  }
  while (last > dot + 2 && last[-1] == '0') --last;
  return last;
}

// Below this magnitude a value rounded to six decimals is an integer count of millionths that
// a double holds exactly, and one millionth is many units in its last place.
constexpr double kMaxIntegerDecimal = 1e9;
// put_decimal writes kExportDecimals decimals as millionths.
constexpr std::uint64_t kMillionths = 1'000'000;
static_assert(kExportDecimals == 6, "put_decimal counts in millionths");

}  // namespace

std::string format_decimal(double value, int places) {
  char buffer[kMaxDecimalBytes];
  if (places == kExportDecimals) return std::string(buffer, put_decimal(value, buffer));
  return std::string(buffer, put_fixed(round_for_export(value, places), places, buffer, buffer + sizeof buffer));
}

char* put_decimal(double value, char* out) {
  const double rounded = round_for_export(value, kExportDecimals);
  const double magnitude = std::fabs(rounded);
  if (!(magnitude < kMaxIntegerDecimal)) return put_fixed(rounded, kExportDecimals, out, out + kMaxDecimalBytes);
  // The millionths as an integer, its digits written directly: what std::to_chars would print,
  // without its general conversion.
  auto millionths = static_cast<std::uint64_t>(std::llround(magnitude * static_cast<double>(kMillionths)));
  if (rounded < 0) *out++ = '-';
  std::uint64_t whole = millionths / kMillionths;
  std::uint64_t fraction = millionths % kMillionths;
  char digits[24];
  int count = 0;
  do {
    digits[count++] = static_cast<char>('0' + whole % 10);
    whole /= 10;
  } while (whole != 0);
  while (count > 0) *out++ = digits[--count];
  *out++ = '.';
  if (fraction == 0) {
    *out++ = '0';
    return out;
  }
  int places = kExportDecimals;
  while (fraction % 10 == 0) {
    fraction /= 10;
    --places;
  }
  for (int k = places - 1; k >= 0; --k) {
    out[k] = static_cast<char>('0' + fraction % 10);
    fraction /= 10;
  }
  return out + places;
}

}  // namespace filmscope

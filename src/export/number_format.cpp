// Fixed-precision number formatting shared by the exporters.
//
// Takes: a double. Produces: the value rounded half away from zero to a fixed number of
// decimals, as a double (for nlohmann::json, which then prints the shortest round-trip form)
// or as text (for DOT and GraphML). Limits: values beyond ±1e15 lose their last decimals to
// double precision; filmscope's figures are counts and centralities far below that.
#include "export/number_format.h"

#include <charconv>
#include <cmath>
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

std::string format_decimal(double value, int places) {
  double rounded = round_for_export(value, places);
  char buffer[64];
  // std::to_chars ignores the global locale, unlike printf, so a decimal comma never appears.
  auto [end, ec] =
      std::to_chars(buffer, buffer + sizeof buffer, rounded, std::chars_format::fixed, places);
  if (ec != std::errc()) return "0.0";
  std::string text(buffer, end);
  auto dot = text.find('.');
  if (dot == std::string::npos) return text + ".0";
  while (text.size() > dot + 2 && text.back() == '0') text.pop_back();
  return text;
}

}  // namespace filmscope

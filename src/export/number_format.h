// Fixed-precision numbers for the exporters: every figure filmscope writes is rounded to a
// fixed number of decimals so that output is byte-identical across runs and platforms, however
// the last bits of a floating-point sum came out.
#pragma once

#include <string>

namespace filmscope {

// Decimals kept for every non-integral figure in exported files.
inline constexpr int kExportDecimals = 6;

// `value` rounded to `places` decimals; NaN and infinities become 0, and −0 becomes 0.
double round_for_export(double value, int places = kExportDecimals);

// `value` rounded to `places` decimals, written without exponent and without trailing zeros
// but with at least one decimal ("17.0", "0.569989"), in the C locale whatever the process's.
std::string format_decimal(double value, int places = kExportDecimals);

}  // namespace filmscope

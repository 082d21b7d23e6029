// Fixed-precision numbers for the exporters: every figure filmscope writes is rounded to a
// fixed number of decimals so that output is byte-identical across runs and platforms, however
// the last bits of a floating-point sum came out.
#pragma once

#include <cstddef>
#include <string>

namespace filmscope {

// Decimals kept for every non-integral figure in exported files.
inline constexpr int kExportDecimals = 6;

// `value` rounded to `places` decimals; NaN and infinities become 0, and −0 becomes 0.
double round_for_export(double value, int places = kExportDecimals);

// `value` rounded to `places` decimals, written without exponent and without trailing zeros
// but with at least one decimal ("17.0", "0.569989"), in the C locale whatever the process's.
std::string format_decimal(double value, int places = kExportDecimals);

// The most bytes put_decimal writes: a sign, 309 integer digits, a point and the decimals.
inline constexpr std::size_t kMaxDecimalBytes = 340;

// format_decimal(value, kExportDecimals) written at `out`, which has room for
// kMaxDecimalBytes; returns the end. This is also the shortest text that reads back as
// round_for_export(value) for any |value| below 1e9, where the general shortest-form
// algorithms (the Grisu2 of JSON libraries) now and then print "0.25652199999999997".
char* put_decimal(double value, char* out);

}  // namespace filmscope

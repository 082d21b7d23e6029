// Smoothing, resampling, shape naming and turning points; see arc_series.h.
#include "arcs/arc_series.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>

namespace filmscope {

namespace {

// Below this standard deviation a curve has no form to correlate (all values equal).
constexpr double kMinDeviation = 1e-9;

std::vector<double> z_normalised(const std::vector<double>& values) {
  if (values.empty()) return {};
  double mean = 0.0;
  for (double v : values) mean += v;
  mean /= static_cast<double>(values.size());
  double variance = 0.0;
  for (double v : values) variance += (v - mean) * (v - mean);
  const double deviation = std::sqrt(variance / static_cast<double>(values.size()));
  std::vector<double> out(values.size(), 0.0);
  if (deviation < kMinDeviation) return out;
  for (std::size_t i = 0; i < values.size(); ++i) out[i] = (values[i] - mean) / deviation;
  return out;
}

// Pearson correlation of two z-normalised series of the same length.
double correlation(const std::vector<double>& a, const std::vector<double>& b) {
  double sum = 0.0;
  for (std::size_t i = 0; i < a.size(); ++i) sum += a[i] * b[i];
  return a.empty() ? 0.0 : sum / static_cast<double>(a.size());
}

struct Template {
  std::string_view name;
  double (*at)(double t);
};

constexpr double kPi = std::numbers::pi;

// In the tie order documented in arc_series.h.
const std::array<Template, ReaganTemplates::kCount> kTemplates = {{
    {"rags-to-riches", [](double t) { return t; }},
    {"riches-to-rags", [](double t) { return -t; }},
    {"man-in-a-hole", [](double t) { return std::cos(2.0 * kPi * t); }},
    {"icarus", [](double t) { return -std::cos(2.0 * kPi * t); }},
    {"cinderella", [](double t) { return -std::cos(3.0 * kPi * t); }},
    {"oedipus", [](double t) { return std::cos(3.0 * kPi * t); }},
}};

}  // namespace

namespace {

// The triangular kernel of half-width h is a box of width h+1 convolved with itself: a running
// box sum over the edge-padded series, then a running sum of h+1 box sums.
std::vector<double> smooth_series_running(const std::vector<double>& values, std::size_t h) {
  const std::size_t n = values.size();
  std::vector<double> padded;
  padded.reserve(n + 2 * h);
  padded.insert(padded.end(), h, values.front());
  padded.insert(padded.end(), values.begin(), values.end());
  padded.insert(padded.end(), h, values.back());
  const std::size_t boxes = padded.size() - h;  // box i covers padded[i .. i+h]
  std::vector<double> box(boxes, 0.0);
  double sum = 0.0;
  for (std::size_t j = 0; j <= h; ++j) sum += padded[j];
  box[0] = sum;
  for (std::size_t i = 1; i < boxes; ++i) {
    sum += padded[i + h] - padded[i - 1];
    box[i] = sum;
  }
  const double weights = static_cast<double>(h + 1) * static_cast<double>(h + 1);
  std::vector<double> out(n, 0.0);
  sum = 0.0;
  for (std::size_t m = 0; m <= h; ++m) sum += box[m];
  out[0] = sum / weights;
  for (std::size_t i = 1; i < n; ++i) {
    sum += box[i + h] - box[i - 1];
    out[i] = sum / weights;
  }
  return out;
}

// Σ weight(m) · at(m) over m = 0 .. 2h in that order, with the triangular weights 1, 2, …, h+1,
// …, 2, 1 (each a small integer, so counting them up and down is exact).
template <typename At>
double triangular_sum(std::size_t h, At at) {
  double sum = 0.0;
  double weight = 1.0;
  std::size_t m = 0;
  for (; m < h; ++m, weight += 1.0) sum += weight * at(m);
  for (; m <= 2 * h; ++m, weight -= 1.0) sum += weight * at(m);
  return sum;
}

}  // namespace

std::vector<double> smooth_series(const std::vector<double>& values, std::size_t half_width) {
  std::vector<double> out;
  smooth_series(values, half_width, out);
  return out;
}

void smooth_series(const std::vector<double>& values, std::size_t half_width, std::vector<double>& out) {
  const std::size_t n = values.size();
  if (half_width == 0 || n < 2) {
    out.assign(values.begin(), values.end());
    return;
  }
  if (n > kMaxDirectSmoothingWork / (2 * half_width + 1)) {
    out = smooth_series_running(values, half_width);
    return;
  }
  // Term by term, each sum in the order of the definition (offsets -h..h), so that results do not
  // depend on where a point lies; only a point whose window reaches past an end needs clamping.
  const std::size_t h = half_width;
  // The sum of the weights, (h+1)²: every partial sum is a small integer, so it is exact.
  const double weights = static_cast<double>(h + 1) * static_cast<double>(h + 1);
  const auto last = static_cast<std::ptrdiff_t>(n) - 1;
  out.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    double sum = 0.0;
    if (i >= h && i + h < n) {
      const double* window = values.data() + (i - h);
      sum = triangular_sum(h, [window](std::size_t m) { return window[m]; });
    } else {
      sum = triangular_sum(h, [&](std::size_t m) {
        const std::ptrdiff_t j = static_cast<std::ptrdiff_t>(i + m) - static_cast<std::ptrdiff_t>(h);
        return values[static_cast<std::size_t>(std::clamp<std::ptrdiff_t>(j, 0, last))];
      });
    }
    out[i] = sum / weights;
  }
}

std::vector<double> resample_series(const std::vector<double>& values, std::size_t count) {
  if (values.empty() || count == 0) return {};
  if (values.size() == 1 || count == 1) return std::vector<double>(count, values.front());
  std::vector<double> out(count, 0.0);
  const double span = static_cast<double>(values.size() - 1);
  for (std::size_t i = 0; i < count; ++i) {
    const double x = span * static_cast<double>(i) / static_cast<double>(count - 1);
    const auto left = std::min(static_cast<std::size_t>(x), values.size() - 2);
    const double fraction = x - static_cast<double>(left);
    out[i] = values[left] + (values[left + 1] - values[left]) * fraction;
  }
  return out;
}

std::string_view relationship_shape(const std::vector<double>& s) {
  const std::size_t n = s.size();
  if (n < 2) return "flat";
  const auto [min_it, max_it] = std::minmax_element(s.begin(), s.end());
  const double range = *max_it - *min_it;
  if (range < kFlatRange) return "flat";
  const double leg = std::max(kMinLeg, kLegShare * range);
  const auto i_max = static_cast<std::size_t>(max_it - s.begin());
  const auto i_min = static_cast<std::size_t>(min_it - s.begin());

  // The smaller of the two legs around an interior extremum; 0 when it is not interior.
  double peak = 0.0;
  if (i_max > 0 && i_max + 1 < n) {
    const double up = s[i_max] - *std::min_element(s.begin(), s.begin() + static_cast<std::ptrdiff_t>(i_max));
    const double down = s[i_max] - *std::min_element(s.begin() + static_cast<std::ptrdiff_t>(i_max) + 1, s.end());
    peak = std::min(up, down);
  }
  double valley = 0.0;
  if (i_min > 0 && i_min + 1 < n) {
    const double down = *std::max_element(s.begin(), s.begin() + static_cast<std::ptrdiff_t>(i_min)) - s[i_min];
    const double up = *std::max_element(s.begin() + static_cast<std::ptrdiff_t>(i_min) + 1, s.end()) - s[i_min];
    valley = std::min(down, up);
  }
  if (peak >= leg || valley >= leg) return peak >= valley ? "rise-then-fall" : "fall-then-rise";
  const double net = s.back() - s.front();
  if (net >= leg) return "rising";
  if (net <= -leg) return "falling";
  return "flat";
}

ReaganTemplates::ReaganTemplates(std::size_t points) : points_(points) {
  curves_.reserve(kTemplates.size());
  std::vector<double> shape(points, 0.0);
  for (const Template& t : kTemplates) {
    for (std::size_t i = 0; i < points; ++i) shape[i] = t.at(static_cast<double>(i) / static_cast<double>(points - 1));
    curves_.push_back(z_normalised(shape));
  }
}

ReaganFit reagan_shape(const std::vector<double>& curve, double flat_amplitude) {
  if (curve.size() < 2) return {"flat", 0.0};
  return reagan_shape(curve, flat_amplitude, ReaganTemplates(curve.size()));
}

ReaganFit reagan_shape(const std::vector<double>& curve, double flat_amplitude, const ReaganTemplates& templates) {
  if (curve.size() < 2) return {"flat", 0.0};
  if (templates.points() != curve.size()) return reagan_shape(curve, flat_amplitude);
  const auto [min_it, max_it] = std::minmax_element(curve.begin(), curve.end());
  if (*max_it - *min_it < flat_amplitude) return {"flat", 0.0};
  const auto z = z_normalised(curve);
  ReaganFit best{"flat", -2.0};
  for (std::size_t t = 0; t < kTemplates.size(); ++t) {
    const double r = correlation(z, templates.curve(t));
    if (r > best.correlation) best = {kTemplates[t].name, r};
  }
  return best;
}

std::vector<SeriesTurn> turning_points(const std::vector<double>& raw, const std::vector<double>& smoothed,
                                       double min_change) {
  std::vector<SeriesTurn> turns;
  std::vector<std::size_t> pivots;
  turning_points(raw, smoothed, min_change, turns, pivots);
  return turns;
}

void turning_points(const std::vector<double>& raw, const std::vector<double>& smoothed, double min_change,
                    std::vector<SeriesTurn>& turns, std::vector<std::size_t>& pivots) {
  turns.clear();
  const std::size_t n = std::min(raw.size(), smoothed.size());
  if (n < 2) return;
  // Pivots: the ends and every interior point where the (non-zero) slope changes sign.
  pivots.assign(1, 0);
  int last_sign = 0;
  std::size_t last_move_end = 0;  // the point the latest non-zero step arrived at
  for (std::size_t i = 1; i < n; ++i) {
    const double step = smoothed[i] - smoothed[i - 1];
    const int sign = step > 0.0 ? 1 : (step < 0.0 ? -1 : 0);
    if (sign == 0) continue;
    if (last_sign != 0 && sign != last_sign) pivots.push_back(last_move_end);
    last_sign = sign;
    last_move_end = i;
  }
  pivots.push_back(n - 1);
  for (std::size_t p = 1; p + 1 < pivots.size(); ++p) {
    const double in = smoothed[pivots[p]] - smoothed[pivots[p - 1]];
    const double out = smoothed[pivots[p + 1]] - smoothed[pivots[p]];
    if (std::abs(in) >= min_change && std::abs(out) >= min_change) turns.push_back({pivots[p], out});
  }
  std::size_t steepest = 0;
  double steepest_step = 0.0;
  for (std::size_t i = 1; i < n; ++i) {
    const double step = raw[i] - raw[i - 1];
    if (std::abs(step) > std::abs(steepest_step)) {
      steepest = i;
      steepest_step = step;
    }
  }
  if (steepest > 0 && std::abs(steepest_step) >= min_change) {
    const bool known = std::any_of(turns.begin(), turns.end(), [&](const SeriesTurn& t) { return t.index == steepest; });
    if (!known) turns.push_back({steepest, steepest_step});
  }
  std::sort(turns.begin(), turns.end(), [](const SeriesTurn& a, const SeriesTurn& b) { return a.index < b.index; });
}

}  // namespace filmscope

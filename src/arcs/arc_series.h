// Arc series: the numeric steps shared by every arc — smoothing, resampling, naming a shape and
// finding turning points.
//
// Takes: a series of valences in story order. Produces: its smoothed form, a fixed-length
// resampling, a shape name and the indices where it turns.
// Method:
// - smoothing is a centred moving average with triangular weights (half-width h: weights
//   1, 2, …, h+1, …, 2, 1), the series' end values repeated past its ends so that a story that
//   opens or closes on a strong note keeps it; h = 0 leaves the series as it is;
// - resampling interpolates linearly between equally spaced samples;
// - relationship shapes (five) are read from the smoothed series: flat when its range (max −
//   min) is below kFlatRange; otherwise a "leg" is a move of at least
//   max(kMinLeg, kLegShare × range). "rise-then-fall" when an interior maximum has a leg up to
//   it (from the lowest value before it) and a leg down after it (to the lowest value after
//   it); "fall-then-rise" likewise around an interior minimum; when both hold, the one whose
//   smaller leg is larger wins. Otherwise "rising" or "falling" when last − first is a leg,
//   else "flat";
// - story and character shapes are Reagan et al.'s six ("The emotional arcs of stories are
//   dominated by six basic shapes", EPJ Data Science, 2016), read by correlation with six
//   template curves on t in [0, 1]: rags-to-riches t, riches-to-rags −t, man-in-a-hole
//   cos 2πt, icarus −cos 2πt, cinderella −cos 3πt, oedipus cos 3πt. Both series are
//   z-normalised, so only the form counts; the template with the highest Pearson correlation
//   wins (ties: the order above). A curve whose amplitude is below the caller's threshold is
//   "flat";
// - a turning point is an interior local extremum of the smoothed series (the slope changes
//   sign, plateaus skipped) with a move of at least `min_change` both into it and out of it
//   (measured to the neighbouring extrema or ends), plus the point with the largest single
//   step of the raw series when that step is at least `min_change`.
// Limits: shapes say where the extremes lie, not how many small waves there are; with fewer than
// three points a relationship can only be rising, falling or flat.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace filmscope {

// A relationship arc's smoothed range below this reads as flat (valences are -1..1).
inline constexpr double kFlatRange = 0.2;
// A leg of a shape must move at least this much, and at least kLegShare of the range.
inline constexpr double kMinLeg = 0.15;
inline constexpr double kLegShare = 0.25;

// Triangular moving average (weights h+1-|k|, edges clamped). Computed term by term while
// values × window stays under kMaxDirectSmoothingWork (every real script: the longest of
// ../shared/eval, 1,404 scenes, needs 300,000 steps for its story arc), and with running sums
// above it, which is linear in the series' length however wide the window (a window that is a
// share of 100,000 scenes would otherwise cost billions of steps, and each of a long script's
// character arcs millions); the two agree up to floating-point rounding.
inline constexpr std::size_t kMaxDirectSmoothingWork = 500'000;
std::vector<double> smooth_series(const std::vector<double>& values, std::size_t half_width);
// The same into `out` (what it held is dropped), for a caller that smooths many series with one buffer.
void smooth_series(const std::vector<double>& values, std::size_t half_width, std::vector<double>& out);

// `count` samples at equal spacing over the series; a one-value series gives `count` copies.
std::vector<double> resample_series(const std::vector<double>& values, std::size_t count);

// "rising", "falling", "rise-then-fall", "fall-then-rise" or "flat".
std::string_view relationship_shape(const std::vector<double>& smoothed);

struct ReaganFit {
  std::string_view shape;  // one of the six, or "flat"
  double correlation = 0.0;  // with the winning template; 0 when flat
};

// The six template curves sampled at `points` values and z-normalised: they depend only on the
// length, so the arcs of one story, whose curves all have kArcCurvePoints values, share them.
class ReaganTemplates {
 public:
  explicit ReaganTemplates(std::size_t points);
  std::size_t points() const { return points_; }
  // Template `t` (in the tie order above), points() values.
  const std::vector<double>& curve(std::size_t t) const { return curves_[t]; }
  static constexpr std::size_t kCount = 6;

 private:
  std::size_t points_;
  std::vector<std::vector<double>> curves_;
};

ReaganFit reagan_shape(const std::vector<double>& curve, double flat_amplitude);
// The same with the templates worked out beforehand; templates.points() must be curve.size()
// (otherwise they are worked out again for the curve's length).
ReaganFit reagan_shape(const std::vector<double>& curve, double flat_amplitude, const ReaganTemplates& templates);

struct SeriesTurn {
  std::size_t index = 0;  // into the series
  double change = 0.0;  // signed: the move out of an extremum, or the raw step into the point
};

// Turning points of `raw` (smoothed as `smoothed`, the same length), in index order, each index once.
std::vector<SeriesTurn> turning_points(const std::vector<double>& raw, const std::vector<double>& smoothed,
                                       double min_change);
// The same into `turns`, with `pivots` as working space (what both held is dropped), for a caller
// that searches many series with the same buffers.
void turning_points(const std::vector<double>& raw, const std::vector<double>& smoothed, double min_change,
                    std::vector<SeriesTurn>& turns, std::vector<std::size_t>& pivots);

}  // namespace filmscope

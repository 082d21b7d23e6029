// Smoothing, resampling, shape naming, Reagan classification and turning points on synthetic
// series whose answers are known by construction.
#include <cmath>
#include <numbers>
#include <string>
#include <vector>

#include <algorithm>
#include <catch2/catch.hpp>

#include "arcs/arc_series.h"

using filmscope::reagan_shape;
using filmscope::relationship_shape;
using filmscope::resample_series;
using filmscope::smooth_series;
using filmscope::turning_points;

namespace {

std::vector<double> curve(double (*f)(double), std::size_t n) {
  std::vector<double> out;
  for (std::size_t i = 0; i < n; ++i) out.push_back(f(static_cast<double>(i) / static_cast<double>(n - 1)));
  return out;
}

constexpr double kPi = std::numbers::pi;

}  // namespace

TEST_CASE("smoothing with half-width 0 leaves a series as it is", "[arcs][series]") {
  const std::vector<double> v{0.1, -0.4, 0.9};
  CHECK(smooth_series(v, 0) == v);
  CHECK(smooth_series({}, 2).empty());
  CHECK(smooth_series({0.5}, 3) == std::vector<double>{0.5});
}

TEST_CASE("smoothing uses triangular weights and repeats the end values", "[arcs][series]") {
  const auto s = smooth_series({0.0, 1.0, 0.0}, 1);
  REQUIRE(s.size() == 3);
  CHECK(s[0] == Approx(0.25));  // (0·1 + 0·2 + 1·1) / 4, the first value repeated before it
  CHECK(s[1] == Approx(0.5));   // (0 + 2 + 0) / 4
  CHECK(s[2] == Approx(0.25));
  const auto constant = smooth_series({0.3, 0.3, 0.3, 0.3, 0.3}, 2);
  for (double v : constant) CHECK(v == Approx(0.3));
  // Half-width 2: weights 1 2 3 2 1 over [0, 0, 1, 0, 0] give 3/9 at the centre.
  CHECK(smooth_series({0, 0, 1, 0, 0}, 2)[2] == Approx(3.0 / 9.0));
}

TEST_CASE("resampling interpolates linearly and keeps the ends", "[arcs][series]") {
  const auto r = resample_series({0.0, 1.0}, 5);
  REQUIRE(r.size() == 5);
  CHECK(r[0] == Approx(0.0));
  CHECK(r[1] == Approx(0.25));
  CHECK(r[4] == Approx(1.0));
  CHECK(resample_series({0.7}, 3) == std::vector<double>{0.7, 0.7, 0.7});
  const auto down = resample_series({1.0, 0.0, 1.0}, 3);
  CHECK(down[1] == Approx(0.0));
  CHECK(resample_series({}, 4).empty());
}

TEST_CASE("relationship shapes: each of the five", "[arcs][shape]") {
  CHECK(relationship_shape({-0.5, -0.1, 0.3, 0.6}) == "rising");
  CHECK(relationship_shape({0.6, 0.2, -0.1, -0.5}) == "falling");
  CHECK(relationship_shape({0.0, 0.5, 0.7, 0.1, -0.4}) == "rise-then-fall");
  CHECK(relationship_shape({0.4, -0.2, -0.5, 0.0, 0.6}) == "fall-then-rise");
  CHECK(relationship_shape({0.3, 0.35, 0.28, 0.32}) == "flat");
}

TEST_CASE("relationship shapes: thresholds and small series", "[arcs][shape]") {
  CHECK(relationship_shape({}) == "flat");
  CHECK(relationship_shape({0.9}) == "flat");
  CHECK(relationship_shape({-1.0, 1.0}) == "rising");
  CHECK(relationship_shape({0.5, -0.5}) == "falling");
  // A range just under kFlatRange is flat whatever its form.
  CHECK(relationship_shape({0.0, filmscope::kFlatRange * 0.9, 0.0}) == "flat");
  // A small dip before a long rise is not a valley: its first leg is below the leg threshold.
  CHECK(relationship_shape({0.1, 0.0, 0.5, 1.0}) == "rising");
  // A long rise with a small drop at the end: the drop is below kLegShare of the range.
  CHECK(relationship_shape({-1.0, 0.0, 0.9, 0.8}) == "rising");
  // Both a peak and a valley: the one whose smaller leg is larger wins.
  CHECK(relationship_shape({0.0, 1.0, -1.0, 0.2}) == "fall-then-rise");
  CHECK(relationship_shape({0.0, -0.3, 1.0, -0.9}) == "rise-then-fall");
}

TEST_CASE("turning points: a peak and the steepest step", "[arcs][turns]") {
  const std::vector<double> raw{0.0, 0.4, 0.8, 0.7, -0.6, -0.7};
  const auto smoothed = smooth_series(raw, 1);
  const auto turns = turning_points(raw, smoothed, 0.15);
  REQUIRE(turns.size() == 2);
  CHECK(turns[0].index == 2);  // the smoothed peak
  CHECK(turns[0].change < 0.0);
  CHECK(turns[1].index == 4);  // the drop 0.7 → -0.6
  CHECK(turns[1].change == Approx(-1.3));
}

TEST_CASE("turning points: small waves and small steps are not turns", "[arcs][turns]") {
  const std::vector<double> raw{0.0, 0.05, 0.0, 0.05, 0.0};
  CHECK(turning_points(raw, raw, 0.15).empty());
  // A valley whose sides move enough is a turn; the steepest step coincides and is kept once.
  const std::vector<double> valley{0.5, -0.5, 0.5};
  const auto turns = turning_points(valley, valley, 0.15);
  REQUIRE(turns.size() == 1);  // the steepest step (the first to reach |1.0|) lands on the valley
  CHECK(turns[0].index == 1);
  CHECK(turns[0].change == Approx(1.0));
  CHECK(turning_points({0.1}, {0.1}, 0.1).empty());
}

TEST_CASE("turning points: a plateau turns where it starts", "[arcs][turns]") {
  const std::vector<double> s{0.0, 0.5, 0.5, 0.5, 0.0};
  const auto turns = turning_points(s, s, 0.15);
  REQUIRE(!turns.empty());
  CHECK(turns[0].index == 1);
}

TEST_CASE("Reagan shapes: each template is recognised, also with noise and an offset", "[arcs][reagan]") {
  struct Case {
    const char* shape;
    double (*f)(double);
  };
  const std::vector<Case> cases = {
      {"rags-to-riches", [](double t) { return 0.1 + 0.4 * t; }},
      {"riches-to-rags", [](double t) { return 0.3 - 0.5 * t; }},
      {"man-in-a-hole", [](double t) { return 0.2 * std::cos(2 * kPi * t); }},
      {"icarus", [](double t) { return -0.3 * std::cos(2 * kPi * t) - 0.1; }},
      {"cinderella", [](double t) { return -0.25 * std::cos(3 * kPi * t); }},
      {"oedipus", [](double t) { return 0.25 * std::cos(3 * kPi * t); }},
  };
  for (const Case& c : cases) {
    INFO(c.shape);
    auto values = curve(c.f, 20);
    // A deterministic wobble of a tenth of the amplitude does not change the answer.
    for (std::size_t i = 0; i < values.size(); ++i) values[i] += (i % 2 == 0 ? 0.02 : -0.02);
    const auto fit = reagan_shape(values, 0.05);
    CHECK(fit.shape == c.shape);
    CHECK(fit.correlation > 0.9);
  }
}

TEST_CASE("Reagan shapes: a small amplitude is flat", "[arcs][reagan]") {
  const auto values = curve([](double t) { return 0.01 * t; }, 20);
  const auto fit = reagan_shape(values, 0.05);
  CHECK(fit.shape == "flat");
  CHECK(fit.correlation == 0.0);
  CHECK(reagan_shape({0.4}, 0.05).shape == "flat");
  // A half-rise that then levels off is still closest to rags-to-riches.
  CHECK(reagan_shape(curve([](double t) { return std::min(t, 0.5); }, 20), 0.05).shape == "rags-to-riches");
}

TEST_CASE("Reagan templates are worked out once per length with the same answers", "[arcs][reagan]") {
  const filmscope::ReaganTemplates templates(20);
  REQUIRE(templates.points() == 20);
  for (std::size_t t = 0; t < filmscope::ReaganTemplates::kCount; ++t) {
    const auto& c = templates.curve(t);
    REQUIRE(c.size() == 20);
    double mean = 0.0, square = 0.0;
    for (double v : c) mean += v;
    for (double v : c) square += v * v;
    CHECK(mean / 20.0 == Approx(0.0).margin(1e-12));  // z-normalised
    CHECK(square / 20.0 == Approx(1.0));
  }
  const std::vector<std::vector<double>> curves = {
      curve([](double t) { return 0.3 * std::cos(2 * kPi * t) + 0.05 * t; }, 20),
      curve([](double t) { return t * t - 0.2; }, 20),
      curve([](double t) { return -0.4 * std::cos(3 * kPi * t); }, 20),
      curve([](double t) { return 0.01 * t; }, 20),
  };
  for (const auto& c : curves) {
    const auto alone = reagan_shape(c, 0.05);
    const auto shared = reagan_shape(c, 0.05, templates);
    CHECK(shared.shape == alone.shape);
    CHECK(shared.correlation == alone.correlation);  // bit for bit
  }
  // Templates of another length are not used for a curve they do not fit.
  const auto short_curve = curve([](double t) { return -t; }, 7);
  CHECK(reagan_shape(short_curve, 0.05, templates).shape == "riches-to-rags");
  CHECK(reagan_shape(short_curve, 0.05, templates).correlation == reagan_shape(short_curve, 0.05).correlation);
}

TEST_CASE("direct smoothing sums each window in the order of the definition", "[arcs][series]") {
  std::vector<double> values;
  for (int i = 0; i < 41; ++i) values.push_back(std::sin(i * 0.7) * 0.6 + (i % 5) * 0.03);
  for (std::size_t h : {std::size_t{1}, std::size_t{3}, std::size_t{7}, std::size_t{20}, std::size_t{60}}) {
    const std::vector<double> smoothed = smooth_series(values, h);
    REQUIRE(smoothed.size() == values.size());
    const auto last = static_cast<std::ptrdiff_t>(values.size()) - 1;
    const auto hh = static_cast<std::ptrdiff_t>(h);
    for (std::size_t i = 0; i < values.size(); ++i) {
      double sum = 0.0, weights = 0.0;
      for (std::ptrdiff_t k = -hh; k <= hh; ++k) {
        const double weight = static_cast<double>(hh + 1 - (k < 0 ? -k : k));
        sum += weight * values[static_cast<std::size_t>(std::clamp<std::ptrdiff_t>(static_cast<std::ptrdiff_t>(i) + k, 0, last))];
        weights += weight;
      }
      INFO("h " << h << ", i " << i);
      CHECK(smoothed[i] == sum / weights);  // bit for bit, ends and middle alike
    }
  }
}

TEST_CASE("smoothing and turning points into reused buffers give the same answers", "[arcs][series]") {
  std::vector<double> smoothed{9.0, 9.0, 9.0, 9.0, 9.0, 9.0, 9.0, 9.0, 9.0, 9.0, 9.0, 9.0};  // stale
  std::vector<filmscope::SeriesTurn> turns{{7, 1.0}};
  std::vector<std::size_t> pivots{3, 4};
  const std::vector<std::vector<double>> series = {
      {0.0, 0.1, 0.6, 0.7, 0.2, -0.3, -0.2, 0.4}, {0.2}, {}, {0.5, -0.5, 0.5}, {0.1, 0.1, 0.1, 0.9}};
  for (const auto& raw : series) {
    for (std::size_t h : {std::size_t{0}, std::size_t{1}, std::size_t{2}}) {
      smooth_series(raw, h, smoothed);
      CHECK(smoothed == smooth_series(raw, h));
      turning_points(raw, smoothed, 0.1, turns, pivots);
      const auto fresh = turning_points(raw, smoothed, 0.1);
      REQUIRE(turns.size() == fresh.size());
      for (std::size_t k = 0; k < turns.size(); ++k) {
        CHECK(turns[k].index == fresh[k].index);
        CHECK(turns[k].change == fresh[k].change);
      }
    }
  }
}

TEST_CASE("long series are smoothed in linear time with the same result", "[arcs][pathological]") {
  // Wide enough that the running-sum path is taken; compared with the definition, term by term.
  std::vector<double> values;
  for (int i = 0; i < 30000; ++i) values.push_back(std::sin(i * 0.37) + (i % 7) * 0.1);
  const std::size_t h = 2000;
  REQUIRE(values.size() * (2 * h + 1) > filmscope::kMaxDirectSmoothingWork);
  const std::vector<double> smoothed = filmscope::smooth_series(values, h);
  REQUIRE(smoothed.size() == values.size());
  const auto last = static_cast<std::ptrdiff_t>(values.size()) - 1;
  for (std::size_t i : {std::size_t{0}, std::size_t{1}, std::size_t{1999}, std::size_t{15000}, values.size() - 1}) {
    double sum = 0.0, weights = 0.0;
    for (std::ptrdiff_t k = -static_cast<std::ptrdiff_t>(h); k <= static_cast<std::ptrdiff_t>(h); ++k) {
      const double weight = static_cast<double>(h + 1) - static_cast<double>(k < 0 ? -k : k);
      sum += weight * values[static_cast<std::size_t>(std::clamp<std::ptrdiff_t>(static_cast<std::ptrdiff_t>(i) + k, 0, last))];
      weights += weight;
    }
    INFO(i);
    CHECK(smoothed[i] == Approx(sum / weights).margin(1e-9));
  }
}

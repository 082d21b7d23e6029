// The report's themes: one row per theme with its score as a bar, its trajectory over the
// story as a sparkline, and its evidence sentences in a <details> element that opens on click
// (and for printing).
//
// Takes: Analysis::themes (highest score first, evidence strongest first, trajectory per tenth
// of the story). Produces: an HTML fragment with inline SVG.
// Limits: at most kThemeEvidenceShown sentences per theme are listed.
#pragma once

#include <cstddef>
#include <string>

#include "model/analysis.h"

namespace filmscope::report {

inline constexpr std::size_t kThemeEvidenceShown = 5;

std::string theme_figure(const Analysis& analysis);

// An inline sparkline of `values` (0..1) in a `width` × `height` box.
std::string sparkline(const std::vector<double>& values, double width, double height);

}  // namespace filmscope::report

// The report's arc figures: the story's emotional arc with its shape's name, and small line
// charts of the strongest relationships' arcs, turning points annotated in both.
//
// Takes: an Analysis whose arcs were filled by apply_arcs (arcs/). Produces: HTML fragments
// with inline SVG. Method: x is the scene's place in narrative time (ArcPoint::position, 0..1),
// y the smoothed valence; the story chart also shows each scene's raw valence as a dot.
// Turning points are numbered on the chart and listed with the sentence that moves the arc.
// Limits: the y scale is symmetric around zero and fitted to the largest value, so charts of
// different relationships are not on one scale (each says its range).
#pragma once

#include <cstddef>
#include <string>

#include "model/analysis.h"

namespace filmscope::report {

// Small multiples beyond this many stop being read; the strongest relationships come first.
inline constexpr std::size_t kRelationshipArcLimit = 8;

std::string story_arc_figure(const Analysis& analysis);
std::string relationship_arcs_figure(const Analysis& analysis);

// What a shape name means, in a few words ("fall then rise" for "man-in-a-hole").
std::string describe_shape(const std::string& shape);

}  // namespace filmscope::report

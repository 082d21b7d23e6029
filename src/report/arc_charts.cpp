// The story arc and relationship arc figures (see arc_charts.h).
#include "report/arc_charts.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "export/number_format.h"
#include "report/markup.h"

namespace filmscope::report {

namespace {

struct Frame {
  double left, top, width, height;
  double range;  // |y| at the top and bottom edges
  double x(double position) const { return left + width * std::clamp(position, 0.0, 1.0); }
  double y(double value) const { return top + height / 2 - (height / 2) * std::clamp(value / range, -1.0, 1.0); }
};

double range_of(const Arc& arc) {
  double range = 0.0;
  for (const ArcPoint& p : arc.points) range = std::max({range, std::fabs(p.smoothed)});
  return range < 0.05 ? 0.05 : range * 1.1;
}

std::string line_path(const Arc& arc, const Frame& frame) {
  std::string d;
  for (const ArcPoint& p : arc.points)
    d += (d.empty() ? "M" : " L") + svg_number(frame.x(p.position)) + " " + svg_number(frame.y(p.smoothed));
  return d;
}

const ArcPoint* point_at(const Arc& arc, std::size_t scene) {
  for (const ArcPoint& p : arc.points)
    if (p.scene == scene) return &p;
  return nullptr;
}

std::string signed_figure(double value) { return (value > 0 ? "+" : "") + format_decimal(value, 2); }

// Zero line, the frame and the y range labels.
std::string axes(const Frame& f, bool labels) {
  std::string out = "<line class=\"zero\" x1=\"" + svg_number(f.left) + "\" y1=\"" + svg_number(f.y(0)) + "\" x2=\"" +
                    svg_number(f.left + f.width) + "\" y2=\"" + svg_number(f.y(0)) + "\"/>\n";
  if (labels) {
    out += "<text class=\"tick\" x=\"" + svg_number(f.left - 4) + "\" y=\"" + svg_number(f.top + 4) + "\">" +
           signed_figure(f.range) + "</text>";
    out += "<text class=\"tick\" x=\"" + svg_number(f.left - 4) + "\" y=\"" + svg_number(f.y(0) + 4) + "\">0</text>";
    out += "<text class=\"tick\" x=\"" + svg_number(f.left - 4) + "\" y=\"" + svg_number(f.top + f.height + 4) +
           "\">" + signed_figure(-f.range) + "</text>\n";
  }
  return out;
}

// Small charts have room for a few labels only: the turns that move the arc most.
constexpr std::size_t kLabelledTurns = 3;

std::string turn_markers(const Arc& arc, const Frame& f, bool numbered) {
  std::vector<std::size_t> by_size(arc.turning_points.size());
  for (std::size_t i = 0; i < by_size.size(); ++i) by_size[i] = i;
  std::stable_sort(by_size.begin(), by_size.end(), [&](std::size_t a, std::size_t b) {
    return std::fabs(arc.turning_points[a].change) > std::fabs(arc.turning_points[b].change);
  });
  std::vector<bool> labelled(by_size.size(), numbered);
  for (std::size_t k = 0; k < by_size.size() && k < kLabelledTurns; ++k) labelled[by_size[k]] = true;
  std::string out;
  for (std::size_t i = 0; i < arc.turning_points.size(); ++i) {
    const ArcTurn& turn = arc.turning_points[i];
    const ArcPoint* p = point_at(arc, turn.scene);
    if (!p) continue;
    double x = f.x(p->position), y = f.y(p->smoothed);
    out += "<g class=\"turn\"><title>" +
           escape_markup("Scene " + std::to_string(turn.scene) + " (" + signed_figure(turn.change) + "): " +
                         shorten(turn.text, 240)) +
           "</title><circle cx=\"" + svg_number(x) + "\" cy=\"" + svg_number(y) + "\" r=\"" + (numbered ? "8" : "3.5") +
           "\"/>";
    if (numbered)
      out += "<text x=\"" + svg_number(x) + "\" y=\"" + svg_number(y + 3.5) + "\">" + std::to_string(i + 1) + "</text>";
    else if (labelled[i])
      out += "<text class=\"turn-label\" x=\"" + svg_number(x + 5) + "\" y=\"" +
             svg_number(turn.change >= 0 ? y - 6 : y + 13) + "\">" + (turn.change >= 0 ? "▲" : "▼") +
             std::to_string(turn.scene) + "</text>";
    out += "</g>\n";
  }
  return out;
}

const std::unordered_map<std::string, std::string>& shape_descriptions() {
  static const std::unordered_map<std::string, std::string> kDescriptions{
      {"rags-to-riches", "a steady rise"},
      {"riches-to-rags", "a steady fall"},
      {"man-in-a-hole", "fall, then rise"},
      {"icarus", "rise, then fall"},
      {"cinderella", "rise, fall, rise"},
      {"oedipus", "fall, rise, fall"},
      {"rising", "rising"},
      {"falling", "falling"},
      {"rise-then-fall", "rise, then fall"},
      {"fall-then-rise", "fall, then rise"},
      {"flat", "no clear movement"},
  };
  return kDescriptions;
}

}  // namespace

std::string describe_shape(const std::string& shape) {
  auto it = shape_descriptions().find(shape);
  return it == shape_descriptions().end() ? std::string() : it->second;
}

std::string story_arc_figure(const Analysis& analysis) {
  std::string out = "<figure class=\"story-arc-figure\" id=\"story-arc\">\n";
  if (!analysis.arc || analysis.arc->points.size() < 2) {
    out += "<p class=\"empty\">The story is too short for an emotional arc.</p>\n</figure>\n";
    return out;
  }
  const Arc& arc = *analysis.arc;
  out += "<p class=\"shape\"><span class=\"shape-name\">" + escape_markup(arc.shape) + "</span>";
  std::string description = describe_shape(arc.shape);
  if (!description.empty()) out += " — " + escape_markup(description);
  if (arc.fit != 0.0) out += " <span class=\"muted\">(fit " + format_decimal(arc.fit, 2) + ")</span>";
  out += "</p>\n";
  // The scale follows the smoothed line, which carries the shape; single scenes swing much
  // further and would flatten it, so their dots stop at the frame's edge.
  Frame f{60, 16, 1060, 220, range_of(arc) * 1.2};
  const double width = 1140, height = 276;
  out += "<svg class=\"chart arc story\" viewBox=\"0 0 " + svg_number(width) + " " + svg_number(height) +
         "\" width=\"" + svg_number(width) + "\" role=\"img\" aria-label=\"Story arc\">\n";
  out += axes(f, true);
  out += "<g class=\"valence\">";
  for (const ArcPoint& p : arc.points)
    out += "<circle cx=\"" + svg_number(f.x(p.position)) + "\" cy=\"" + svg_number(f.y(p.valence)) + "\" r=\"2\"/>";
  out += "</g>\n<path class=\"arc-line\" d=\"" + line_path(arc, f) + "\"/>\n";
  out += turn_markers(arc, f, true);
  out += "<text class=\"axis-title\" x=\"" + svg_number(f.left + f.width / 2) + "\" y=\"" + svg_number(height - 8) +
         "\">story time →</text>\n</svg>\n";
  if (!arc.turning_points.empty()) {
    out += "<ol class=\"turns\">\n";
    for (const ArcTurn& turn : arc.turning_points)
      out += "<li><span class=\"muted\">scene " + std::to_string(turn.scene) + ", " + signed_figure(turn.change) +
             ":</span> " + escape_markup(shorten(turn.text, 220)) + "</li>\n";
    out += "</ol>\n";
  }
  out += "<figcaption>Line: smoothed valence (−1 negative … +1 positive) over the story; dots: each " +
         std::string(analysis.source.format == InputFormat::synopsis ? "sentence" : "scene") +
         "'s own valence (beyond the scale: on its edge). Numbered circles are turning points.</figcaption>\n</figure>\n";
  return out;
}

std::string relationship_arcs_figure(const Analysis& analysis) {
  std::unordered_map<std::string, const Character*> by_id;
  for (const Character& c : analysis.characters) by_id[c.id] = &c;
  std::vector<const Relationship*> with_arcs;
  for (const Relationship& r : analysis.relationships)
    if (r.arc && r.arc->points.size() >= 2 && by_id.count(r.source) && by_id.count(r.target)) with_arcs.push_back(&r);
  std::stable_sort(with_arcs.begin(), with_arcs.end(),
                   [](const Relationship* a, const Relationship* b) { return a->weight > b->weight; });
  std::string out = "<figure class=\"relationship-arcs-figure\" id=\"relationship-arcs\">\n";
  if (with_arcs.empty()) {
    out += "<p class=\"empty\">No relationship spans enough scenes for an arc.</p>\n</figure>\n";
    return out;
  }
  std::size_t shown = std::min(with_arcs.size(), kRelationshipArcLimit);
  out += "<div class=\"small-multiples\">\n";
  for (std::size_t i = 0; i < shown; ++i) {
    const Relationship& r = *with_arcs[i];
    const Arc& arc = *r.arc;
    Frame f{34, 18, 222, 84, range_of(arc)};
    out += "<div class=\"relationship-arc\"><div class=\"pair\">" + escape_markup(by_id[r.source]->name) + " — " +
           escape_markup(by_id[r.target]->name) + "</div><div class=\"muted\">" + escape_markup(arc.shape);
    if (!r.kinds.empty()) out += " · " + escape_markup(r.kinds.front());
    out += " · " + std::to_string(arc.points.size()) + " scenes</div>\n";
    out += "<svg class=\"chart arc relationship\" viewBox=\"0 0 266 120\" width=\"266\" role=\"img\" aria-label=\"" +
           escape_markup("Arc of " + by_id[r.source]->name + " and " + by_id[r.target]->name) + "\">\n";
    out += axes(f, true);
    out += "<path class=\"arc-line\" d=\"" + line_path(arc, f) + "\"/>\n";
    out += turn_markers(arc, f, false);
    out += "</svg></div>\n";
  }
  out += "</div>\n<figcaption>Smoothed valence of the sentences each pair shares, over story time; circles mark "
         "turning points, the three largest labelled ▲/▼ with their scene (hover any for its sentence).";
  if (with_arcs.size() > shown)
    out += " The " + std::to_string(shown) + " strongest of " + std::to_string(with_arcs.size()) +
           " relationships with an arc are shown.";
  out += "</figcaption>\n</figure>\n";
  return out;
}

}  // namespace filmscope::report

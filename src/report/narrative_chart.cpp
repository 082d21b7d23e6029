// The narrative chart (see narrative_chart.h).
#include "report/narrative_chart.h"

#include <algorithm>
#include <numeric>
#include <string_view>
#include <unordered_map>

#include "report/markup.h"

namespace filmscope::report {

namespace {

constexpr double kLaneGap = 34.0;   // between lines that are not together
constexpr double kBundleGap = 12.0;  // between lines sharing a scene
constexpr double kLeft = 150.0;      // room for the names at the lines' starts
constexpr double kRight = 20.0;
constexpr double kTop = 34.0;        // section names
constexpr double kBottom = 40.0;     // the scene axis
constexpr double kPlotWidth = 960.0;
constexpr double kLabelRight = 110.0;  // names again at the lines' ends
// How strongly a line not in the current scene returns to its lane: small, so that characters
// who met stay near each other for a while, as in the hand-drawn charts.
constexpr double kHomePull = 0.15;

struct Column {
  const Scene* scene = nullptr;
  std::vector<bool> present;  // per charted character
};

}  // namespace

std::string narrative_chart_figure(const Analysis& analysis) {
  bool screenplay = analysis.source.format != InputFormat::synopsis;
  std::vector<Column> columns;
  for (const Scene& scene : analysis.scenes)
    if (!scene.cast_description) columns.push_back({&scene, {}});

  // The most important characters that appear in at least one narrative scene.
  std::vector<std::size_t> charted;
  std::unordered_map<std::string_view, std::size_t> line_of;
  std::unordered_map<std::string_view, bool> appears;
  for (const Column& column : columns)
    for (const std::string& id : column.scene->characters) appears[id] = true;
  std::size_t appearing = 0;
  for (std::size_t i = 0; i < analysis.characters.size(); ++i) {
    if (!appears.count(analysis.characters[i].id)) continue;
    ++appearing;
    if (charted.size() < kNarrativeCharacterLimit) {
      line_of[analysis.characters[i].id] = charted.size();
      charted.push_back(i);
    }
  }
  std::string out = "<figure class=\"narrative-figure\" id=\"narrative-chart\">\n";
  if (charted.empty()) {
    out += "<p class=\"empty\">No character appears in the story's " +
           std::string(screenplay ? "scenes" : "narrative units") + ".</p>\n</figure>\n";
    return out;
  }
  const std::size_t lines = charted.size();
  // Scenes without any charted character are left out: they would only stretch the lines.
  std::size_t narrative_scenes = columns.size();
  std::vector<Column> kept;
  for (Column& column : columns) {
    column.present.assign(lines, false);
    bool any_present = false;
    for (const std::string& id : column.scene->characters) {
      auto it = line_of.find(id);
      if (it == line_of.end()) continue;
      column.present[it->second] = true;
      any_present = true;
    }
    if (any_present) kept.push_back(std::move(column));
  }
  columns = std::move(kept);
  std::vector<std::size_t> first(lines, columns.size()), last(lines, 0);
  for (std::size_t c = 0; c < columns.size(); ++c)
    for (std::size_t l = 0; l < lines; ++l)
      if (columns[c].present[l]) {
        first[l] = std::min(first[l], c);
        last[l] = std::max(last[l], c);
      }
  // Home lanes: communities together, then importance.
  std::vector<std::size_t> lane_order(lines);
  std::iota(lane_order.begin(), lane_order.end(), 0);
  std::stable_sort(lane_order.begin(), lane_order.end(), [&](std::size_t a, std::size_t b) {
    return analysis.characters[charted[a]].community < analysis.characters[charted[b]].community;
  });
  std::vector<double> home(lines), rank(lines);
  for (std::size_t k = 0; k < lines; ++k) {
    home[lane_order[k]] = kLaneGap * static_cast<double>(k);
    rank[lane_order[k]] = static_cast<double>(k);
  }

  // y per column per line; lines outside [first, last] are not drawn there.
  std::vector<std::vector<double>> y(columns.size(), std::vector<double>(lines, 0.0));
  std::vector<double> previous = home;
  for (std::size_t c = 0; c < columns.size(); ++c) {
    std::vector<std::size_t> active;
    for (std::size_t l = 0; l < lines; ++l)
      if (first[l] <= c && c <= last[l]) active.push_back(l);
    std::vector<std::size_t> members;
    for (std::size_t l : active)
      if (columns[c].present[l]) members.push_back(l);
    std::sort(members.begin(), members.end(), [&](std::size_t a, std::size_t b) { return rank[a] < rank[b]; });
    std::vector<double> desired(lines, 0.0);
    // Lines keep their place between meetings, drifting slowly back towards their lanes.
    for (std::size_t l : active) desired[l] = (1.0 - kHomePull) * previous[l] + kHomePull * home[l];
    if (!members.empty()) {
      double centre = 0.0;
      for (std::size_t l : members) centre += previous[l];
      centre /= static_cast<double>(members.size());
      for (std::size_t k = 0; k < members.size(); ++k)
        desired[members[k]] = centre + kBundleGap * (static_cast<double>(k) - (members.size() - 1) / 2.0);
    }
    std::sort(active.begin(), active.end(), [&](std::size_t a, std::size_t b) {
      if (desired[a] != desired[b]) return desired[a] < desired[b];
      return rank[a] < rank[b];
    });
    auto gap = [&](std::size_t a, std::size_t b) {
      return columns[c].present[a] && columns[c].present[b] ? kBundleGap : kLaneGap;
    };
    std::vector<double> down(active.size()), up(active.size());
    for (std::size_t i = 0; i < active.size(); ++i)
      down[i] = i == 0 ? desired[active[i]] : std::max(desired[active[i]], down[i - 1] + gap(active[i - 1], active[i]));
    for (std::size_t i = active.size(); i-- > 0;)
      up[i] = i + 1 == active.size() ? desired[active[i]]
                                     : std::min(desired[active[i]], up[i + 1] - gap(active[i], active[i + 1]));
    for (std::size_t i = 0; i < active.size(); ++i) {
      y[c][active[i]] = (down[i] + up[i]) / 2.0;
      previous[active[i]] = y[c][active[i]];
    }
  }
  double min_y = 0.0, max_y = 0.0;
  bool any = false;
  for (std::size_t c = 0; c < columns.size(); ++c)
    for (std::size_t l = 0; l < lines; ++l)
      if (first[l] <= c && c <= last[l]) {
        min_y = any ? std::min(min_y, y[c][l]) : y[c][l];
        max_y = any ? std::max(max_y, y[c][l]) : y[c][l];
        any = true;
      }
  const double step = columns.size() > 1 ? kPlotWidth / static_cast<double>(columns.size() - 1) : 0.0;
  auto x_of = [&](std::size_t c) { return kLeft + step * static_cast<double>(c) + (columns.size() > 1 ? 0.0 : kPlotWidth / 2); };
  auto y_of = [&](std::size_t c, std::size_t l) { return kTop + 10.0 + (y[c][l] - min_y); };
  const double plot_bottom = kTop + 20.0 + (max_y - min_y);
  const double width = kLeft + kPlotWidth + kLabelRight + kRight;
  const double height = plot_bottom + kBottom;

  out += "<svg class=\"chart narrative\" viewBox=\"0 0 " + svg_number(width) + " " + svg_number(height) +
         "\" width=\"" + svg_number(width) + "\" role=\"img\" aria-label=\"Narrative chart\">\n";
  // Section boundaries, so that a long story can be read part by part.
  out += "<g class=\"sections\">\n";
  for (std::size_t c = 0; c < columns.size(); ++c) {
    const std::string& section = columns[c].scene->section;
    if (section.empty() || (c > 0 && columns[c - 1].scene->section == section)) continue;
    double x = x_of(c) - (c > 0 ? step / 2 : 0.0);
    out += "<line x1=\"" + svg_number(x) + "\" y1=\"" + svg_number(kTop - 14) + "\" x2=\"" + svg_number(x) +
           "\" y2=\"" + svg_number(plot_bottom) + "\"/><text x=\"" + svg_number(x + 3) + "\" y=\"" +
           svg_number(kTop - 4) + "\">" + escape_markup(shorten(section, 28)) + "</text>\n";
  }
  out += "</g>\n<g class=\"bundles\">\n";
  for (std::size_t c = 0; c < columns.size(); ++c) {
    double top = 0.0, bottom = 0.0;
    std::size_t count = 0;
    for (std::size_t l = 0; l < lines; ++l) {
      if (!columns[c].present[l]) continue;
      top = count == 0 ? y_of(c, l) : std::min(top, y_of(c, l));
      bottom = count == 0 ? y_of(c, l) : std::max(bottom, y_of(c, l));
      ++count;
    }
    if (count < 2) continue;
    double half = std::min(6.0, std::max(2.0, step * 0.3));
    out += "<rect x=\"" + svg_number(x_of(c) - half) + "\" y=\"" + svg_number(top - 6) + "\" width=\"" +
           svg_number(2 * half) + "\" height=\"" + svg_number(bottom - top + 12) + "\" rx=\"" +
           svg_number(half) + "\"><title>" +
           escape_markup((screenplay ? "Scene " : "Unit ") + std::to_string(columns[c].scene->index) +
                         (columns[c].scene->heading ? ": " + *columns[c].scene->heading : std::string())) +
           "</title></rect>\n";
  }
  out += "</g>\n<g class=\"lines\">\n";
  for (std::size_t l = 0; l < lines; ++l) {
    const Character& character = analysis.characters[charted[l]];
    std::string colour(series_colour(l));
    std::string d = "M" + svg_number(x_of(first[l])) + " " + svg_number(y_of(first[l], l));
    if (first[l] == last[l]) d += " h4";
    for (std::size_t c = first[l] + 1; c <= last[l] && c < columns.size(); ++c) {
      double x0 = x_of(c - 1), x1 = x_of(c), mid = (x0 + x1) / 2;
      d += " C" + svg_number(mid) + " " + svg_number(y_of(c - 1, l)) + " " + svg_number(mid) + " " +
           svg_number(y_of(c, l)) + " " + svg_number(x1) + " " + svg_number(y_of(c, l));
    }
    std::size_t scenes_present = 0;
    for (const Column& column : columns) scenes_present += column.present[l] ? 1 : 0;
    out += "<g class=\"narrative-character\" data-id=\"" + escape_markup(character.id) + "\"><title>" +
           escape_markup(character.name + ": in " + std::to_string(scenes_present) + " of " +
                         std::to_string(narrative_scenes) + (screenplay ? " scenes" : " narrative units")) +
           "</title><path class=\"narrative-line\" d=\"" + d + "\" stroke=\"" + colour + "\"/>";
    for (std::size_t c = first[l]; c <= last[l] && c < columns.size(); ++c)
      if (columns[c].present[l])
        out += "<circle cx=\"" + svg_number(x_of(c)) + "\" cy=\"" + svg_number(y_of(c, l)) + "\" r=\"2.4\" fill=\"" +
               colour + "\"/>";
    out += "<text class=\"line-label\" x=\"" + svg_number(x_of(first[l]) - 6) + "\" y=\"" +
           svg_number(y_of(first[l], l) + 3.5) + "\" fill=\"" + colour + "\">" +
           escape_markup(shorten(character.name, 22)) + "</text>";
    if (last[l] > first[l])
      out += "<text class=\"line-end-label\" x=\"" + svg_number(x_of(last[l]) + 6) + "\" y=\"" +
             svg_number(y_of(last[l], l) + 3.5) + "\" fill=\"" + colour + "\">" +
             escape_markup(shorten(character.name, 16)) + "</text>";
    out += "</g>\n";
  }
  out += "</g>\n<g class=\"axis\">\n";
  std::size_t tick_every = 1;
  while (static_cast<double>(tick_every) * step < 40.0) tick_every = tick_every < 5 ? tick_every + 1 : tick_every + 5;
  for (std::size_t c = 0; c < columns.size(); c += tick_every)
    out += "<text x=\"" + svg_number(x_of(c)) + "\" y=\"" + svg_number(plot_bottom + 16) + "\">" +
           std::to_string(columns[c].scene->index) + "</text>\n";
  out += "<text class=\"axis-title\" x=\"" + svg_number(kLeft + kPlotWidth / 2) + "\" y=\"" +
         svg_number(plot_bottom + 34) + "\">" +
         (screenplay ? "scene" : "narrative unit (sentence of the synopsis)") + "</text>\n</g>\n</svg>\n";
  out += "<figcaption>Each line is a character, from the first to the last " +
         std::string(screenplay ? "scene" : "narrative unit") +
         " they appear in; a dot marks an appearance and lines bunched on a grey band share that " +
         std::string(screenplay ? "scene" : "unit") + ".";
  if (columns.size() < narrative_scenes)
    out += " " + std::to_string(narrative_scenes - columns.size()) + " of " + std::to_string(narrative_scenes) +
           (screenplay ? " scenes" : " units") + " hold none of the charted characters and are left out.";
  if (appearing > lines)
    out += " The " + std::to_string(lines) + " most important of " + std::to_string(appearing) +
           " characters are drawn.";
  out += "</figcaption>\n</figure>\n";
  return out;
}

}  // namespace filmscope::report

// The screenplay figures (see screenplay_figures.h).
#include "report/screenplay_figures.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

#include "export/number_format.h"
#include "report/markup.h"

namespace filmscope::report {

namespace {

constexpr double kLabelWidth = 150.0;
constexpr double kPlotWidth = 1000.0;

std::string percent(double share) { return format_decimal(share * 100.0, 1) + "%"; }

std::string scene_name(const Scene& scene) {
  return "Scene " + std::to_string(scene.index) + (scene.heading ? ": " + *scene.heading : std::string());
}

std::string_view setting_colour(std::string_view label) {
  if (label == "INT") return "#4477AA";
  if (label == "EXT") return "#228833";
  if (label == "INT/EXT") return "#CCBB44";
  if (label == "DAY") return "#EECC66";
  if (label == "NIGHT") return "#332288";
  if (label.empty()) return "#DDDDDD";
  return "";
}

// A stacked 100% bar of `counts`, with a legend.
std::string stacked_bar(const std::string& title, const std::vector<SceneCount>& counts) {
  std::size_t total = 0;
  for (const SceneCount& c : counts) total += c.scenes;
  std::string out = "<div class=\"breakdown\"><div class=\"breakdown-title\">" + escape_markup(title) + "</div>";
  if (total == 0) return out + "<p class=\"empty\">No scene headings.</p></div>\n";
  const double width = 700, height = 26;
  out += "<svg class=\"chart stacked\" viewBox=\"0 0 " + svg_number(width) + " " + svg_number(height) + "\" width=\"" +
         svg_number(width) + "\" role=\"img\" aria-label=\"" + escape_markup(title) + "\">";
  double x = 0;
  std::size_t other_index = 0;
  std::string legend = "<div class=\"legend\">";
  for (const SceneCount& c : counts) {
    double w = width * static_cast<double>(c.scenes) / static_cast<double>(total);
    std::string colour(setting_colour(c.label));
    if (colour.empty()) colour = std::string(series_colour(4 + other_index++));
    std::string label = c.label.empty() ? "unstated" : c.label;
    std::string share = percent(static_cast<double>(c.scenes) / static_cast<double>(total));
    out += "<rect class=\"segment\" x=\"" + svg_number(x) + "\" width=\"" + svg_number(w) + "\" height=\"" +
           svg_number(height) + "\" fill=\"" + colour + "\"><title>" +
           escape_markup(label + ": " + std::to_string(c.scenes) + " scenes (" + share + ")") + "</title></rect>";
    if (w > 70)
      out += "<text x=\"" + svg_number(x + 6) + "\" y=\"17\">" + escape_markup(shorten(label, 12)) + " " + share + "</text>";
    legend += "<span><span class=\"swatch\" style=\"background:" + colour + "\"></span>" + escape_markup(label) + " " +
              std::to_string(c.scenes) + "</span> ";
    x += w;
  }
  out += "</svg>" + legend + "</div></div>\n";
  return out;
}

}  // namespace

std::string presence_grid_figure(const Analysis& analysis) {
  std::string out = "<figure class=\"presence-figure\" id=\"presence-grid\">\n";
  std::unordered_set<std::string_view> present_anywhere;
  for (const Scene& s : analysis.scenes)
    for (const std::string& id : s.characters) present_anywhere.insert(id);
  std::vector<const Character*> rows;
  std::size_t appearing = 0;
  for (const Character& c : analysis.characters) {
    if (!present_anywhere.count(c.id)) continue;
    ++appearing;
    if (rows.size() < kPresenceGridCharacters) rows.push_back(&c);
  }
  if (rows.empty() || analysis.scenes.empty()) {
    out += "<p class=\"empty\">No character appears in any scene.</p>\n</figure>\n";
    return out;
  }
  const double cell_w = kPlotWidth / static_cast<double>(analysis.scenes.size());
  const double cell_h = 16.0, top = 6.0;
  const double height = top + cell_h * static_cast<double>(rows.size()) + 30;
  const double width = kLabelWidth + kPlotWidth + 10;
  std::unordered_map<std::string_view, std::size_t> row_of;
  for (std::size_t r = 0; r < rows.size(); ++r) row_of[rows[r]->id] = r;
  out += "<svg class=\"chart presence\" viewBox=\"0 0 " + svg_number(width) + " " + svg_number(height) + "\" width=\"" +
         svg_number(width) + "\" role=\"img\" aria-label=\"Character by scene presence\">\n";
  for (std::size_t r = 0; r < rows.size(); ++r) {
    double y = top + cell_h * static_cast<double>(r);
    out += "<rect class=\"row-band" + std::string(r % 2 ? " odd" : "") + "\" x=\"" + svg_number(kLabelWidth) +
           "\" y=\"" + svg_number(y) + "\" width=\"" + svg_number(kPlotWidth) + "\" height=\"" + svg_number(cell_h) +
           "\"/><text class=\"row-label\" x=\"" + svg_number(kLabelWidth - 6) + "\" y=\"" + svg_number(y + 12) + "\">" +
           escape_markup(shorten(rows[r]->name, 22)) + "</text>\n";
  }
  for (const Scene& scene : analysis.scenes) {
    double x = kLabelWidth + cell_w * static_cast<double>(scene.index - 1);
    std::unordered_set<std::string_view> speaking(scene.speakers.begin(), scene.speakers.end());
    for (const std::string& id : scene.characters) {
      auto it = row_of.find(id);
      if (it == row_of.end()) continue;
      bool speaks = speaking.count(id) > 0;
      out += "<rect class=\"cell " + std::string(speaks ? "speaks" : "named") + "\" x=\"" + svg_number(x) + "\" y=\"" +
             svg_number(top + cell_h * static_cast<double>(it->second) + 2) + "\" width=\"" +
             svg_number(std::max(cell_w, 1.5)) + "\" height=\"" + svg_number(cell_h - 4) + "\"><title>" +
             escape_markup(rows[it->second]->name + (speaks ? " speaks in " : " is named in ") + scene_name(scene)) +
             "</title></rect>";
    }
    out += "\n";
  }
  std::size_t tick_every = 1;
  while (static_cast<double>(tick_every) * cell_w < 36.0) tick_every = tick_every < 5 ? tick_every + 1 : tick_every + 5;
  double axis_y = top + cell_h * static_cast<double>(rows.size()) + 16;
  for (std::size_t i = 0; i < analysis.scenes.size(); i += tick_every)
    out += "<text class=\"tick\" x=\"" + svg_number(kLabelWidth + cell_w * (static_cast<double>(i) + 0.5)) + "\" y=\"" +
           svg_number(axis_y) + "\">" + std::to_string(i + 1) + "</text>";
  out += "\n</svg>\n<figcaption>Rows: characters by importance; columns: scenes in order. Dark: the character "
         "speaks; light: named in the action only.";
  if (appearing > rows.size())
    out += " The " + std::to_string(rows.size()) + " most important of " + std::to_string(appearing) + " characters are shown.";
  out += "</figcaption>\n</figure>\n";
  return out;
}

std::string dialogue_share_figure(const Analysis& analysis) {
  std::string out = "<figure class=\"dialogue-figure\" id=\"dialogue-share\">\n";
  if (!analysis.stats || analysis.stats->dialogue_shares.empty()) {
    out += "<p class=\"empty\">The screenplay has no dialogue.</p>\n</figure>\n";
    return out;
  }
  std::unordered_map<std::string_view, const Character*> by_id;
  for (const Character& c : analysis.characters) by_id[c.id] = &c;
  const auto& shares = analysis.stats->dialogue_shares;
  std::size_t shown = std::min(shares.size(), kDialogueShareSpeakers);
  double max_share = 0.0;
  for (std::size_t i = 0; i < shown; ++i) max_share = std::max(max_share, shares[i].share);
  const double row_h = 22.0, bar_w = 640.0, width = kLabelWidth + bar_w + 200;
  const double height = row_h * static_cast<double>(shown) + 8;
  out += "<svg class=\"chart dialogue\" viewBox=\"0 0 " + svg_number(width) + " " + svg_number(height) + "\" width=\"" +
         svg_number(width) + "\" role=\"img\" aria-label=\"Dialogue share per character\">\n";
  for (std::size_t i = 0; i < shown; ++i) {
    const DialogueShare& s = shares[i];
    auto it = by_id.find(s.character);
    std::string name = it == by_id.end() ? s.character : it->second->name;
    double y = 4 + row_h * static_cast<double>(i);
    double w = max_share > 0 ? bar_w * s.share / max_share : 0.0;
    out += "<text class=\"row-label\" x=\"" + svg_number(kLabelWidth - 6) + "\" y=\"" + svg_number(y + 14) + "\">" +
           escape_markup(shorten(name, 22)) + "</text><rect class=\"dialogue-bar\" x=\"" + svg_number(kLabelWidth) +
           "\" y=\"" + svg_number(y + 2) + "\" width=\"" + svg_number(std::max(w, 1.0)) + "\" height=\"" +
           svg_number(row_h - 6) + "\"><title>" +
           escape_markup(name + ": " + std::to_string(s.words) + " words in " + std::to_string(s.blocks) + " speeches") +
           "</title></rect><text class=\"value\" x=\"" + svg_number(kLabelWidth + w + 6) + "\" y=\"" +
           svg_number(y + 14) + "\">" + percent(s.share) + " · " + std::to_string(s.words) + " words</text>\n";
  }
  out += "</svg>\n<figcaption>Share of all " + std::to_string(analysis.stats->dialogue_words) +
         " spoken words; dialogue is " + percent(analysis.stats->dialogue_ratio) + " of the script's words.";
  if (shares.size() > shown)
    out += " The " + std::to_string(shown) + " most talkative of " + std::to_string(shares.size()) + " speakers are shown.";
  out += "</figcaption>\n</figure>\n";
  return out;
}

std::string setting_breakdown_figure(const Analysis& analysis) {
  std::string out = "<figure class=\"settings-figure\" id=\"settings\">\n";
  if (!analysis.stats) return out + "<p class=\"empty\">No scene headings.</p>\n</figure>\n";
  out += stacked_bar("Interior / exterior", analysis.stats->settings);
  out += stacked_bar("Time of day", analysis.stats->times_of_day);
  out += "<figcaption>Scenes by the setting and time of day their headings state.</figcaption>\n</figure>\n";
  return out;
}

std::string scene_length_figure(const Analysis& analysis) {
  std::string out = "<figure class=\"scene-length-figure\" id=\"scene-lengths\">\n";
  if (analysis.scenes.empty()) return out + "<p class=\"empty\">No scenes.</p>\n</figure>\n";
  bool eighths = std::all_of(analysis.scenes.begin(), analysis.scenes.end(),
                             [](const Scene& s) { return s.setting && s.setting->eighths > 0.0; });
  std::vector<double> lengths;
  double longest = 0.0;
  for (const Scene& s : analysis.scenes) {
    std::size_t lines = s.lines.last >= s.lines.first ? s.lines.last - s.lines.first + 1 : 1;
    double length = eighths ? s.setting->eighths : static_cast<double>(lines);
    lengths.push_back(length);
    longest = std::max(longest, length);
  }
  const double plot_h = 160.0, top = 10.0, left = 50.0;
  const double width = left + kPlotWidth + 10, height = top + plot_h + 40;
  const double bar_w = kPlotWidth / static_cast<double>(lengths.size());
  out += "<svg class=\"chart lengths\" viewBox=\"0 0 " + svg_number(width) + " " + svg_number(height) + "\" width=\"" +
         svg_number(width) + "\" role=\"img\" aria-label=\"Scene lengths\">\n";
  out += "<line class=\"baseline\" x1=\"" + svg_number(left) + "\" y1=\"" + svg_number(top + plot_h) + "\" x2=\"" +
         svg_number(left + kPlotWidth) + "\" y2=\"" + svg_number(top + plot_h) + "\"/>";
  out += "<text class=\"tick\" x=\"" + svg_number(left - 6) + "\" y=\"" + svg_number(top + 8) + "\">" +
         std::to_string(std::lround(longest)) + "</text><text class=\"tick\" x=\"" +
         svg_number(left - 6) + "\" y=\"" + svg_number(top + plot_h) + "\">0</text>\n";
  for (std::size_t i = 0; i < lengths.size(); ++i) {
    const Scene& s = analysis.scenes[i];
    double h = longest > 0 ? plot_h * lengths[i] / longest : 0.0;
    std::string setting = s.setting ? s.setting->setting : "";
    bool known = setting == "INT" || setting == "EXT" || setting == "INT/EXT";
    std::string colour(known ? setting_colour(setting) : "#999999");
    out += "<rect class=\"length-bar\" x=\"" + svg_number(left + bar_w * static_cast<double>(i)) + "\" y=\"" +
           svg_number(top + plot_h - h) + "\" width=\"" + svg_number(std::max(bar_w - (bar_w > 3 ? 1 : 0), 0.8)) +
           "\" height=\"" + svg_number(h) + "\" fill=\"" + colour + "\"><title>" +
           escape_markup(scene_name(s) + " — " + format_decimal(lengths[i], 2) + (eighths ? " eighths" : " lines")) +
           "</title></rect>";
  }
  std::size_t tick_every = 1;
  while (static_cast<double>(tick_every) * bar_w < 36.0) tick_every = tick_every < 5 ? tick_every + 1 : tick_every + 5;
  out += "\n";
  for (std::size_t i = 0; i < lengths.size(); i += tick_every)
    out += "<text class=\"tick\" x=\"" + svg_number(left + bar_w * (static_cast<double>(i) + 0.5)) + "\" y=\"" +
           svg_number(top + plot_h + 16) + "\">" + std::to_string(i + 1) + "</text>";
  out += "<text class=\"axis-title\" x=\"" + svg_number(left + kPlotWidth / 2) + "\" y=\"" + svg_number(height - 4) +
         "\">scene</text>\n</svg>\n<figcaption>Length of each scene in " +
         std::string(eighths ? "eighths of a page" : "source lines") +
         "; colour: <span class=\"swatch\" style=\"background:#4477AA\"></span>INT "
         "<span class=\"swatch\" style=\"background:#228833\"></span>EXT "
         "<span class=\"swatch\" style=\"background:#CCBB44\"></span>INT/EXT "
         "<span class=\"swatch\" style=\"background:#999999\"></span>other.</figcaption>\n</figure>\n";
  return out;
}

}  // namespace filmscope::report

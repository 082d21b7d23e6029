// The single-film HTML report (see html_report.h).
#include "report/html_report.h"

#include <filesystem>

#include "export/number_format.h"
#include "report/arc_charts.h"
#include "report/character_graph_figure.h"
#include "report/markup.h"
#include "report/narrative_chart.h"
#include "report/page_style.h"
#include "report/screenplay_figures.h"
#include "report/theme_figure.h"

namespace filmscope::report {

namespace {

std::string count_item(const std::string& label, const std::string& value) {
  return "<div><dt>" + escape_markup(label) + "</dt><dd>" + escape_markup(value) + "</dd></div>";
}

std::string format_label(InputFormat format) {
  switch (format) {
    case InputFormat::synopsis: return "synopsis";
    case InputFormat::fountain: return "Fountain screenplay";
    case InputFormat::plaintext: return "plain-text screenplay";
    case InputFormat::fdx: return "Final Draft screenplay";
  }
  return "unknown";
}

std::string header(const Analysis& analysis) {
  std::string out = "<header class=\"film\">\n<h1>" + escape_markup(display_title(analysis)) + "</h1>\n";
  std::string byline;
  if (analysis.film.year) byline += std::to_string(*analysis.film.year);
  if (!analysis.film.directors.empty()) {
    byline += byline.empty() ? "Directed by " : " · directed by ";
    for (std::size_t i = 0; i < analysis.film.directors.size(); ++i)
      byline += (i == 0 ? "" : i + 1 == analysis.film.directors.size() ? " and " : ", ") + analysis.film.directors[i];
  }
  byline += (byline.empty() ? "" : " · ") + format_label(analysis.source.format);
  if (!analysis.source.encoding.empty()) byline += " (" + analysis.source.encoding + ")";
  out += "<p class=\"byline\">" + escape_markup(byline) + "</p>\n<dl class=\"counts\">";
  std::size_t narrative = 0;
  for (const Scene& s : analysis.scenes) narrative += s.cast_description ? 0 : 1;
  bool screenplay = analysis.stats.has_value();
  out += count_item(screenplay ? "scenes" : "narrative units", std::to_string(narrative));
  out += count_item("characters", std::to_string(analysis.characters.size()));
  out += count_item("relationships", std::to_string(analysis.relationships.size()));
  out += count_item("communities", std::to_string(analysis.graph.communities));
  out += count_item("themes", std::to_string(analysis.themes.size()));
  if (screenplay) {
    const ScreenplayStats& stats = *analysis.stats;
    out += count_item("speakers", std::to_string(stats.speakers));
    out += count_item("dialogue words", std::to_string(stats.dialogue_words));
    if (stats.eighths > 0) out += count_item("pages", format_decimal(stats.eighths / 8.0, 1));
  }
  if (analysis.arc) out += count_item("story arc", analysis.arc->shape);
  out += "</dl>\n<nav class=\"contents\"><a href=\"#graph\">Character graph</a><a href=\"#narrative\">Narrative chart</a>"
         "<a href=\"#arcs\">Arcs</a><a href=\"#theme-section\">Themes</a>";
  if (screenplay) out += "<a href=\"#screenplay\">Screenplay</a>";
  out += "</nav>\n</header>\n";
  return out;
}

std::string section(const char* id, const char* title, const std::string& body) {
  return std::string("<section id=\"") + id + "\">\n<h2>" + title + "</h2>\n" + body + "</section>\n";
}

}  // namespace

std::string display_title(const Analysis& analysis) {
  if (!analysis.film.title.empty()) return analysis.film.title;
  std::string name = std::filesystem::path(analysis.source.path).filename().string();
  return name.empty() ? "Untitled" : name;
}

std::string render_report(const Analysis& analysis) {
  std::string out = page_head(display_title(analysis) + " — filmscope report");
  out += header(analysis);
  out += section("graph", "Character graph", character_graph_figure(analysis));
  out += section("narrative", "Narrative chart", narrative_chart_figure(analysis));
  out += section("arcs", "Story arc", story_arc_figure(analysis));
  out += section("relationship-arc-section", "Relationship arcs", relationship_arcs_figure(analysis));
  out += section("theme-section", "Themes", theme_figure(analysis));
  if (analysis.stats) {
    std::string body = "<div class=\"screenplay-figures\">\n";
    body += "<h3>Who is in which scene</h3>\n" + presence_grid_figure(analysis);
    body += "<h3>Dialogue share</h3>\n" + dialogue_share_figure(analysis);
    body += "<h3>Settings</h3>\n" + setting_breakdown_figure(analysis);
    body += "<h3>Scene lengths</h3>\n" + scene_length_figure(analysis);
    body += "</div>\n";
    out += section("screenplay", "Screenplay", body);
  }
  out += "<footer>filmscope report of " + escape_markup(analysis.source.path) +
         ". Hover over nodes, edges, lines and bars for details.</footer>\n";
  out += page_tail();
  return out;
}

}  // namespace filmscope::report

// The themes figure (see theme_figure.h).
#include "report/theme_figure.h"

#include <algorithm>

#include "export/number_format.h"
#include "report/markup.h"

namespace filmscope::report {

namespace {

constexpr double kBarWidth = 260.0;
constexpr double kBarHeight = 14.0;

}  // namespace

std::string sparkline(const std::vector<double>& values, double width, double height) {
  std::string out = "<svg class=\"sparkline\" viewBox=\"0 0 " + svg_number(width) + " " + svg_number(height) +
                    "\" width=\"" + svg_number(width) + "\" height=\"" + svg_number(height) + "\" role=\"img\">";
  if (values.size() >= 2) {
    std::string line, area;
    for (std::size_t i = 0; i < values.size(); ++i) {
      double x = 1 + (width - 2) * static_cast<double>(i) / static_cast<double>(values.size() - 1);
      double y = height - 1 - (height - 2) * std::clamp(values[i], 0.0, 1.0);
      line += (i == 0 ? "M" : " L") + svg_number(x) + " " + svg_number(y);
    }
    area = line + " L" + svg_number(width - 1) + " " + svg_number(height - 1) + " L1 " + svg_number(height - 1) + " Z";
    out += "<path class=\"spark-area\" d=\"" + area + "\"/><path class=\"spark-line\" d=\"" + line + "\"/>";
  }
  out += "</svg>";
  return out;
}

std::string theme_figure(const Analysis& analysis) {
  std::string out = "<figure class=\"themes-figure\" id=\"themes\">\n";
  if (analysis.themes.empty()) {
    out += "<p class=\"empty\">No theme scored above the threshold.</p>\n</figure>\n";
    return out;
  }
  out += "<div class=\"theme-head\"><span>theme</span><span>score</span><span>over the story</span></div>\n";
  for (const Theme& theme : analysis.themes) {
    double bar = kBarWidth * std::clamp(theme.score, 0.0, 1.0);
    out += "<details class=\"theme\"><summary><span class=\"theme-row\"><span class=\"theme-tag\">" + escape_markup(theme.tag) +
           "</span><svg class=\"bar\" viewBox=\"0 0 " + svg_number(kBarWidth + 44) + " " + svg_number(kBarHeight) +
           "\" width=\"" + svg_number(kBarWidth + 44) + "\" height=\"" + svg_number(kBarHeight) +
           "\" role=\"img\"><rect class=\"bar-track\" width=\"" + svg_number(kBarWidth) + "\" height=\"" +
           svg_number(kBarHeight) + "\"/><rect class=\"theme-bar\" width=\"" + svg_number(std::max(bar, 1.0)) +
           "\" height=\"" + svg_number(kBarHeight) + "\"><title>" + escape_markup(theme.tag) + ": " +
           format_decimal(theme.score, 3) + "</title></rect><text x=\"" + svg_number(kBarWidth + 6) + "\" y=\"11\">" +
           format_decimal(theme.score, 2) + "</text></svg>" + sparkline(theme.trajectory, 160, 22) +
           "<span class=\"evidence-count muted\">" + std::to_string(theme.evidence.size()) +
           (theme.evidence.size() == 1 ? " sentence" : " sentences") + "</span></span></summary>\n<ol class=\"evidence\">\n";
    std::size_t shown = std::min(theme.evidence.size(), kThemeEvidenceShown);
    for (std::size_t i = 0; i < shown; ++i) {
      const ThemeEvidence& e = theme.evidence[i];
      out += "<li><span class=\"muted\">scene " + std::to_string(e.scene) + ":</span> " +
             escape_markup(shorten(e.text, 300)) + "</li>\n";
    }
    out += "</ol></details>\n";
  }
  out += "<figcaption>Score 0–1; the sparkline is the theme's intensity over ten equal parts of the story "
         "(peak = full height). Click a theme for the sentences that carry it.</figcaption>\n</figure>\n";
  return out;
}

}  // namespace filmscope::report

// The report pages' inline stylesheet and script (see page_style.h).
#include "report/page_style.h"

#include "report/markup.h"

namespace filmscope::report {

std::string_view page_stylesheet() {
  return R"css(
:root { --ink: #222; --muted: #666; --rule: #ddd; --accent: #4477AA; }
* { box-sizing: border-box; }
body { margin: 0 auto; padding: 24px 28px 48px; max-width: 1240px; color: var(--ink); background: #fff;
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
header.film { border-bottom: 2px solid var(--ink); padding-bottom: 12px; margin-bottom: 8px; }
header.film h1 { margin: 0 0 4px; font-size: 30px; line-height: 1.15; }
header.film .byline { color: var(--muted); margin: 0 0 10px; }
dl.counts { display: flex; flex-wrap: wrap; gap: 6px 26px; margin: 0; }
dl.counts div { display: flex; flex-direction: column-reverse; }
dl.counts dt { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }
dl.counts dd { margin: 0; font-size: 22px; font-weight: 600; font-variant-numeric: tabular-nums; }
nav.contents { margin: 10px 0 0; font-size: 13px; }
nav.contents a { color: var(--accent); margin-right: 14px; text-decoration: none; }
section { margin-top: 30px; }
section > h2 { font-size: 20px; margin: 0 0 8px; padding-bottom: 4px; border-bottom: 1px solid var(--rule); }
figure { margin: 0; }
figcaption { color: var(--muted); font-size: 13px; margin-top: 6px; max-width: 960px; }
.muted { color: var(--muted); }
.empty { color: var(--muted); font-style: italic; }
.swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin: 0 3px 0 4px;
  vertical-align: baseline; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
svg { font-family: inherit; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
svg.chart { display: block; max-width: 100%; height: auto; }
svg text { font-size: 11px; fill: var(--ink); }
svg .tick { fill: var(--muted); font-size: 10px; text-anchor: middle; }
svg .axis-title { fill: var(--muted); font-size: 11px; text-anchor: middle; }
svg.graph .edge { stroke-opacity: .75; stroke-linecap: round; }
svg.graph .node circle { stroke: #fff; stroke-width: 1.5; }
svg.graph .node text { font-size: 12px; paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }
svg.graph .node:hover circle { stroke: var(--ink); }
svg.narrative .narrative-line { fill: none; stroke-width: 2.6; stroke-linecap: round; stroke-opacity: .9; }
svg.narrative .narrative-character:hover .narrative-line { stroke-width: 4.5; }
svg.narrative .line-label { font-size: 11px; font-weight: 600; text-anchor: end; paint-order: stroke;
  stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }
svg.narrative .line-end-label { font-size: 11px; font-weight: 600; paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }
svg.narrative .bundles rect { fill: #e4e4e4; }
svg.narrative .sections line { stroke: #ccc; stroke-dasharray: 3 3; }
svg.narrative .sections text { fill: var(--muted); font-size: 11px; }
svg.arc .zero { stroke: #bbb; stroke-dasharray: 4 3; }
svg.arc .tick { text-anchor: end; }
svg.arc .arc-line { fill: none; stroke: var(--accent); stroke-width: 2.5; stroke-linejoin: round; }
svg.arc .valence circle { fill: #bbb; }
svg.arc .turn circle { fill: #fff; stroke: #D55E00; stroke-width: 2; }
svg.arc .turn text { font-size: 10px; font-weight: 700; text-anchor: middle; fill: #D55E00; }
p.shape { margin: 0 0 6px; font-size: 16px; }
.shape-name { font-weight: 700; font-size: 18px; }
ol.turns { margin: 8px 0 0; padding-left: 22px; font-size: 13px; max-width: 1000px; }
ol.turns li { margin: 2px 0; }
.small-multiples { display: grid; grid-template-columns: repeat(auto-fill, minmax(280px, 1fr)); gap: 14px 18px; }
.relationship-arc { border: 1px solid var(--rule); border-radius: 6px; padding: 8px 10px 4px; break-inside: avoid; }
.relationship-arc .pair { font-weight: 600; font-size: 14px; }
.relationship-arc .muted { font-size: 12px; }
svg.arc .turn .turn-label { font-size: 9px; text-anchor: start; }
.theme-head, .theme-row { display: inline-grid; grid-template-columns: 210px 310px 170px 120px; align-items: center; gap: 10px; vertical-align: middle; }
.theme-head { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .04em; padding-left: 18px; }
details.theme { border-bottom: 1px solid #eee; padding: 3px 0; break-inside: avoid; }
details.theme > summary { cursor: pointer; }
details.theme > summary::marker { color: var(--muted); }
.theme-tag { font-weight: 600; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
svg.bar .bar-track { fill: #eee; }
svg.bar .theme-bar { fill: var(--accent); }
svg.sparkline .spark-line { fill: none; stroke: #AA3377; stroke-width: 1.5; }
svg.sparkline .spark-area { fill: #AA3377; fill-opacity: .15; }
ol.evidence { margin: 4px 0 8px; padding-left: 40px; font-size: 13px; max-width: 1000px; }
svg.presence .row-band { fill: #f7f7f7; }
svg.presence .row-band.odd { fill: #efefef; }
svg.presence .row-label, svg.dialogue .row-label { text-anchor: end; font-size: 11px; }
svg.presence .cell.speaks { fill: #332288; }
svg.presence .cell.named { fill: #99A8D6; }
svg.dialogue .dialogue-bar { fill: #44AA99; }
svg.dialogue .value { fill: var(--muted); font-size: 11px; }
svg.lengths .baseline { stroke: #999; }
svg.lengths .tick { text-anchor: middle; }
.breakdown { margin-bottom: 10px; }
.breakdown-title { font-weight: 600; font-size: 14px; margin-bottom: 3px; }
svg.stacked text { fill: #fff; font-size: 12px; font-weight: 600; paint-order: stroke; stroke: rgba(0,0,0,.35); stroke-width: 2px; }
.legend { font-size: 12px; color: var(--muted); margin-top: 3px; }
.screenplay-figures h3 { font-size: 16px; margin: 22px 0 6px; }
table.films { border-collapse: collapse; width: 100%; font-size: 14px; }
table.films th, table.films td { text-align: left; padding: 6px 10px 6px 0; border-bottom: 1px solid #eee; vertical-align: top; }
table.films th { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .04em; border-bottom: 2px solid var(--ink); }
table.films td.number { text-align: right; font-variant-numeric: tabular-nums; }
table.films a { color: var(--accent); font-weight: 600; text-decoration: none; }
footer { margin-top: 40px; color: var(--muted); font-size: 12px; border-top: 1px solid var(--rule); padding-top: 8px; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  nav.contents { display: none; }
  section { break-inside: auto; }
  section > h2 { break-after: avoid; }
  figure, .relationship-arc, details.theme, .breakdown, tr { break-inside: avoid; }
  a { color: inherit; }
}
)css";
}

std::string_view page_script() {
  return R"js(
(function () {
  var opened = [];
  window.addEventListener("beforeprint", function () {
    opened = [];
    document.querySelectorAll("details:not([open])").forEach(function (d) { d.open = true; opened.push(d); });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (d) { d.open = false; });
    opened = [];
  });
})();
)js";
}

std::string page_head(std::string_view title) {
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  // Forbid every fetch, so that nothing in the page, now or after an edit, can reach a network.
  out += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
         "script-src 'unsafe-inline'; img-src data:\">\n";
  out += "<title>" + escape_markup(title) + "</title>\n<style>" + std::string(page_stylesheet()) + "</style>\n";
  out += "</head>\n<body>\n";
  return out;
}

std::string page_tail() {
  return "<script>" + std::string(page_script()) + "</script>\n</body>\n</html>\n";
}

}  // namespace filmscope::report

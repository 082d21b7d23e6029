// report/html_report.h: the page holds every figure, escapes input, fetches nothing and is
// byte-identical across runs; in headless Chromium the reports of her.txt and Big Fish render
// every figure visibly at 1280 px and load no resource.
#include <catch2/catch.hpp>

#include <regex>
#include <set>
#include <sstream>

#include "io/atomic_write.h"
#include "pipeline/analyze.h"
#include "report/arc_charts.h"
#include "report/character_graph_figure.h"
#include "report/html_report.h"
#include "report/narrative_chart.h"
#include "report/report_test_util.h"
#include "support/headless_chromium.h"
#include "support/png_image.h"
#include "support/temp_dir.h"
#include "support/test_paths.h"

using namespace filmscope;
using filmscope::testing::occurrences;

namespace {

const char* const kCommonFigures[] = {"id=\"character-graph\"", "id=\"narrative-chart\"", "id=\"story-arc\"",
                                      "id=\"relationship-arcs\"", "id=\"themes\""};
const char* const kScreenplayFigures[] = {"id=\"presence-grid\"", "id=\"dialogue-share\"", "id=\"settings\"",
                                          "id=\"scene-lengths\""};

// Anything that could make a browser fetch: absolute or protocol-relative URLs, CSS imports
// and url(), and src attributes.
void check_fetches_nothing(const std::string& page) {
  CHECK(page.find("http:") == std::string::npos);
  CHECK(page.find("https:") == std::string::npos);
  CHECK(page.find("@import") == std::string::npos);
  CHECK(page.find("url(") == std::string::npos);
  CHECK(page.find(" src=") == std::string::npos);
  CHECK_FALSE(std::regex_search(page, std::regex(R"((href|src|xlink:href)\s*=\s*["']?\s*//)")));
  std::smatch m;
  std::string rest = page;
  std::regex href(R"re(href="([^"]*)")re");
  while (std::regex_search(rest, m, href)) {
    INFO(m[1].str());
    CHECK((m[1].str().starts_with("#") || m[1].str().find(':') == std::string::npos));
    rest = m.suffix();
  }
}

std::optional<std::filesystem::path> shared_input(const std::string& relative) {
  auto shared = filmscope::testing::shared_dir();
  if (!shared || !std::filesystem::exists(*shared / relative)) return std::nullopt;
  return *shared / relative;
}

const std::string kHer = "her.txt";

// One line per character present in a narrative scene, up to the limit.
std::size_t expected_narrative_lines(const Analysis& analysis) {
  std::set<std::string> present;
  for (const Scene& s : analysis.scenes)
    if (!s.cast_description) present.insert(s.characters.begin(), s.characters.end());
  return std::min(present.size(), report::kNarrativeCharacterLimit);
}
const std::string kBigFish = "eval/fountain/fountain-io/Big-Fish.fountain";

}  // namespace

TEST_CASE("report page holds every figure and the header", "[report]") {
  Analysis a = filmscope::testing::sample_report_analysis();
  a.themes[0].evidence[0].text = "The film's site, http://example.org/her, and //cdn.example/x.js.";
  std::string page = report::render_report(a);
  CHECK(page.starts_with("<!DOCTYPE html>"));
  for (const char* figure : kCommonFigures) CHECK(page.find(figure) != std::string::npos);
  for (const char* figure : kScreenplayFigures) CHECK(page.find(figure) == std::string::npos);
  CHECK(page.find("<h1>The &quot;Quoted&quot; Film &amp; Co &lt;Ltd&gt;</h1>") != std::string::npos);
  CHECK(page.find("1999 · directed by Agnès Varda · synopsis (UTF-8)") != std::string::npos);
  CHECK(page.find("<dt>characters</dt><dd>5</dd>") != std::string::npos);
  CHECK(page.find("<Ltd>") == std::string::npos);
  check_fetches_nothing(page);
  CHECK(page == report::render_report(a));

  Analysis screenplay = filmscope::testing::sample_screenplay_analysis(20, 6);
  std::string script_page = report::render_report(screenplay);
  for (const char* figure : kScreenplayFigures) CHECK(script_page.find(figure) != std::string::npos);
  CHECK(script_page.find("Fountain screenplay") != std::string::npos);
  check_fetches_nothing(script_page);
}

TEST_CASE("report title falls back to the file name", "[report]") {
  Analysis a = filmscope::testing::sample_analysis();
  a.film.title.clear();
  CHECK(report::display_title(a) == "awkward.txt");
}

TEST_CASE("reports of her.txt and Big Fish hold every figure", "[report][shared]") {
  auto her = shared_input(kHer);
  auto big_fish = shared_input(kBigFish);
  if (!her || !big_fish) {
    WARN("SKIPPED: ../shared/" + kHer + " or ../shared/" + kBigFish + " is absent");
    return;
  }
  AnalyzeResult her_result = analyze_file(*her, {});
  AnalyzeResult fish_result = analyze_file(*big_fish, {});
  REQUIRE(her_result.analysis);
  REQUIRE(fish_result.analysis);
  std::string her_page = report::render_report(*her_result.analysis);
  std::string fish_page = report::render_report(*fish_result.analysis);
  for (const char* figure : kCommonFigures) {
    CHECK(her_page.find(figure) != std::string::npos);
    CHECK(fish_page.find(figure) != std::string::npos);
  }
  for (const char* figure : kScreenplayFigures) CHECK(fish_page.find(figure) != std::string::npos);
  for (const Analysis* analysis : {&*her_result.analysis, &*fish_result.analysis}) {
    const std::string* page = analysis == &*her_result.analysis ? &her_page : &fish_page;
    CHECK(occurrences(*page, "class=\"narrative-line\"") == expected_narrative_lines(*analysis));
    std::size_t connected = 0;
    for (const Character& c : analysis->characters) connected += c.centrality.degree > 0 ? 1 : 0;
    CHECK(occurrences(*page, "<g class=\"node\"") == std::min(connected, report::kGraphCharacterLimit));
    CHECK(occurrences(*page, "class=\"relationship-arc\"") >= 1);
    CHECK(occurrences(*page, "class=\"theme-bar\"") == analysis->themes.size());
    CHECK(page->find("<p class=\"empty\">") == std::string::npos);  // no figure left empty
    check_fetches_nothing(*page);
  }
  CHECK(her_page.find("<h1>Her</h1>") != std::string::npos);
  CHECK(occurrences(fish_page, "class=\"narrative-line\"") == report::kNarrativeCharacterLimit);
  CHECK(fish_page == report::render_report(*analyze_file(*big_fish, {}).analysis));
}

namespace {

// Appended to a copy of the page: after load, writes into the DOM the resources the page
// fetched and the place of every figure, for the test to read from --dump-dom.
constexpr const char* kProbeScript = R"(<script>
window.addEventListener("load", function () {
  var out = document.createElement("pre");
  out.id = "probe";
  var lines = ["resources " + JSON.stringify(performance.getEntriesByType("resource").map(function (e) { return e.name; }))];
  lines.push("height " + Math.ceil(document.documentElement.scrollHeight));
  document.querySelectorAll("figure").forEach(function (f) {
    var r = f.getBoundingClientRect();
    lines.push("figure " + f.id + " " + Math.round(r.top + window.scrollY) + " " + Math.round(r.bottom + window.scrollY) +
               " " + f.querySelectorAll("svg *").length);
  });
  out.textContent = lines.join("\n");
  document.body.appendChild(out);
});
</script>)";

struct FigureBox {
  std::string id;
  long top = 0, bottom = 0;
  long svg_elements = 0;
};

struct Probe {
  std::string resources;
  long height = 0;
  std::vector<FigureBox> figures;
};

Probe read_probe(const std::string& dom) {
  Probe probe;
  auto start = dom.find("<pre id=\"probe\">");
  if (start == std::string::npos) return probe;
  auto end = dom.find("</pre>", start);
  std::istringstream lines(dom.substr(start + 16, end - start - 16));
  std::string line;
  while (std::getline(lines, line)) {
    std::istringstream fields(line);
    std::string kind;
    fields >> kind;
    if (kind == "resources") std::getline(fields >> std::ws, probe.resources);
    if (kind == "height") fields >> probe.height;
    if (kind == "figure") {
      FigureBox box;
      fields >> box.id >> box.top >> box.bottom >> box.svg_elements;
      probe.figures.push_back(box);
    }
  }
  return probe;
}

void check_in_browser(const std::filesystem::path& chromium, const Analysis& analysis, bool screenplay) {
  filmscope::testing::TempDir dir("report-browser");
  std::string page = report::render_report(analysis);
  // The probe copy drops the Content-Security-Policy, so that anything the page tried to fetch
  // would be attempted (and fail: every host name is unresolvable) and show as a resource.
  std::string probed = std::regex_replace(page, std::regex("<meta http-equiv=\"Content-Security-Policy\"[^>]*>"), "");
  probed.replace(probed.rfind("</body>"), 7, std::string(kProbeScript) + "</body>");
  auto probed_path = dir.write("probed.html", probed);
  auto page_path = dir.write("report.html", page);

  auto dom = filmscope::testing::dump_dom(chromium, probed_path);
  INFO(dom.err.substr(0, 2000));
  REQUIRE(dom.exit_code == 0);
  Probe probe = read_probe(dom.out);
  CHECK(probe.resources == "[]");
  REQUIRE(probe.height > 1000);
  std::vector<std::string> expected{"character-graph", "narrative-chart", "story-arc", "relationship-arcs", "themes"};
  if (screenplay) expected.insert(expected.end(), {"presence-grid", "dialogue-share", "settings", "scene-lengths"});
  REQUIRE(probe.figures.size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    CHECK(probe.figures[i].id == expected[i]);
    CHECK(probe.figures[i].bottom - probe.figures[i].top > 40);
    CHECK(probe.figures[i].svg_elements > 5);
  }
  // The DOM after scripts ran still holds what was written: lines, nodes, bars.
  CHECK(occurrences(dom.out, "class=\"narrative-line\"") == expected_narrative_lines(analysis));
  CHECK(occurrences(dom.out, "class=\"theme-bar\"") == analysis.themes.size());

  // The real page (with its policy) at 1280 px, tall enough for every figure.
  auto png = dir.path() / "report.png";
  long height = std::min<long>(probe.height + 20, 16000);
  auto shot = filmscope::testing::screenshot(chromium, page_path, png, 1280, static_cast<int>(height));
  INFO(shot.err.substr(0, 2000));
  REQUIRE(shot.exit_code == 0);
  auto image = filmscope::testing::read_png(png);
  REQUIRE(image);
  CHECK(image->width == 1280);
  auto whole = filmscope::testing::image_stats(*image);
  CHECK(whole.distinct_colours > 200);
  for (const FigureBox& box : probe.figures) {
    INFO(box.id);
    auto stats = filmscope::testing::image_stats(*image, static_cast<std::size_t>(box.top), static_cast<std::size_t>(box.bottom));
    CHECK(stats.distinct_colours > 20);
    CHECK(stats.non_white_fraction > 0.01);
  }
}

}  // namespace

TEST_CASE("reports of her.txt and Big Fish render in headless Chromium", "[report][browser]") {
  auto her = shared_input(kHer);
  auto big_fish = shared_input(kBigFish);
  if (!her || !big_fish) {
    WARN("SKIPPED: ../shared/" + kHer + " or ../shared/" + kBigFish + " is absent");
    return;
  }
  FILMSCOPE_REQUIRE_CHROMIUM(chromium);
  SECTION("her.txt") { check_in_browser(*chromium, *analyze_file(*her, {}).analysis, false); }
  SECTION("Big Fish") { check_in_browser(*chromium, *analyze_file(*big_fish, {}).analysis, true); }
}

TEST_CASE("a report renders in headless Chromium without the shared material", "[report][browser]") {
  FILMSCOPE_REQUIRE_CHROMIUM(chromium);
  auto input = filmscope::testing::corpora_dir() / "her.txt";
  AnalyzeResult result = analyze_file(input, {});
  REQUIRE(result.analysis);
  filmscope::testing::TempDir dir("report-browser");
  auto page = dir.write("report.html", report::render_report(*result.analysis));
  auto dom = filmscope::testing::dump_dom(*chromium, page);
  REQUIRE(dom.exit_code == 0);
  CHECK(occurrences(dom.out, "<figure") == 5);
  CHECK(occurrences(dom.out, "class=\"narrative-line\"") > 0);
}

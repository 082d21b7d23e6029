// report/arc_charts.h: the story arc with its shape and turning points; one small chart per
// relationship arc, strongest first.
#include <catch2/catch.hpp>

#include "report/arc_charts.h"
#include "report/report_test_util.h"

using namespace filmscope;
using filmscope::testing::occurrences;

TEST_CASE("story arc names its shape and annotates turning points", "[report]") {
  Analysis a = filmscope::testing::sample_report_analysis();
  std::string html = report::story_arc_figure(a);
  CHECK(html.find("<span class=\"shape-name\">man-in-a-hole</span> — fall, then rise") != std::string::npos);
  CHECK(occurrences(html, "class=\"arc-line\"") == 1);
  CHECK(occurrences(html, "<g class=\"turn\">") == 2);
  CHECK(occurrences(html, "<li>") == 2);
  CHECK(html.find("Turn &lt;0&gt; &amp; &quot;quote&quot;") != std::string::npos);
  CHECK(occurrences(html, "<circle cx=") == 3 + 2);  // one dot per scene, one marker per turn
}

TEST_CASE("story arc missing is said in words", "[report]") {
  Analysis a = filmscope::testing::sample_report_analysis();
  a.arc.reset();
  CHECK(report::story_arc_figure(a).find("too short") != std::string::npos);
}

TEST_CASE("relationship arcs: one chart per arc, strongest first, capped", "[report]") {
  Analysis a = filmscope::testing::sample_report_analysis();
  std::string html = report::relationship_arcs_figure(a);
  CHECK(occurrences(html, "class=\"relationship-arc\"") == 2);
  CHECK(occurrences(html, "class=\"arc-line\"") == 2);
  CHECK(html.find("Amélie Poulain — Dr. &quot;Doc&quot; Brown") < html.find("Amélie Poulain — 荻野千尋"));
  CHECK(occurrences(html, "class=\"turn-label\"") == 1);

  Analysis many = filmscope::testing::sample_screenplay_analysis(12, 12);
  for (Relationship& r : many.relationships) r.arc = filmscope::testing::sample_arc("flat", 4, 1);
  std::string capped = report::relationship_arcs_figure(many);
  CHECK(occurrences(capped, "class=\"relationship-arc\"") == report::kRelationshipArcLimit);
  CHECK(capped.find("The 8 strongest of 11") != std::string::npos);
}

TEST_CASE("describe_shape knows every shape arcs/ produces", "[report]") {
  for (const char* shape : {"rags-to-riches", "riches-to-rags", "man-in-a-hole", "icarus", "cinderella", "oedipus",
                            "rising", "falling", "rise-then-fall", "fall-then-rise", "flat"})
    CHECK_FALSE(report::describe_shape(shape).empty());
  CHECK(report::describe_shape("spiral").empty());
}

// report/index_page.h: the batch index lists every input, links reports relatively, escapes.
#include <catch2/catch.hpp>

#include "report/index_page.h"
#include "report/report_test_util.h"

using namespace filmscope::report;
using filmscope::testing::occurrences;

TEST_CASE("index page links each report and shows failures", "[report]") {
  IndexEntry ok;
  ok.relative = "films/Big Fish <1>.fountain";
  ok.ok = true;
  ok.format = "fountain";
  ok.title = "Big \"Fish\"";
  ok.year = 2003;
  ok.scenes = 190;
  ok.characters = 40;
  ok.top_themes = {"family", "death"};
  ok.arc_shape = "cinderella";
  IndexEntry failed;
  failed.relative = "bad.txt";
  failed.error = "not UTF-8 <at all>";
  std::string page = render_index({ok, failed});
  CHECK(page.find("href=\"films/Big%20Fish%20%3C1%3E.fountain.html\"") != std::string::npos);
  CHECK(page.find(">Big &quot;Fish&quot;</a>") != std::string::npos);
  CHECK(page.find("family, death") != std::string::npos);
  CHECK(page.find("not UTF-8 &lt;at all&gt;") != std::string::npos);
  CHECK(page.find("1 of 2 inputs analysed") != std::string::npos);
  CHECK(occurrences(page, "<tr") == 3);
  CHECK(page.find("http:") == std::string::npos);
  CHECK(page == render_index({ok, failed}));
}

TEST_CASE("relative links stay relative", "[report]") {
  CHECK(relative_link("a/b c.txt.html") == "a/b%20c.txt.html");
  CHECK(relative_link("//evil/x") == "evil/x");
  CHECK(relative_link("é") == "%C3%A9");
}

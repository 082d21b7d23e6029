// report/page_style.h: the inline style and script reference nothing outside the page.
#include <catch2/catch.hpp>

#include "report/page_style.h"

using namespace filmscope::report;

TEST_CASE("page style and script fetch nothing", "[report]") {
  std::string page = page_head("T <&> \"x\"") + page_tail();
  for (const char* forbidden : {"http:", "https:", "@import", "url(", "@font-face", "src="})
    CHECK(page.find(forbidden) == std::string::npos);
  CHECK(page.find("<title>T &lt;&amp;&gt; &quot;x&quot;</title>") != std::string::npos);
  CHECK(page.find("Content-Security-Policy\" content=\"default-src 'none'") != std::string::npos);
  CHECK(std::string(page_stylesheet()).find("@media print") != std::string::npos);
  CHECK(std::string(page_script()).find("beforeprint") != std::string::npos);
}

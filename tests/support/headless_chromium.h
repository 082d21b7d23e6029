// Headless Chromium for the report's browser tests: load a page, dump its DOM after scripts
// ran, take a screenshot.
//
// Chromium is found at /usr/bin/chromium or as `chromium` on PATH. When it is absent, a test
// calls FILMSCOPE_REQUIRE_CHROMIUM(): with FILMSCOPE_REQUIRE_CHROMIUM=1 in the environment (CI
// sets it, .ci/run installs Chromium) the test fails; otherwise it ends early with a warning
// that says it was skipped and why.
// Each run gets a fresh profile directory, no sandbox (tests run as root in CI), no GPU, and
// name resolution that fails for every host, so a page cannot reach any network.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace filmscope::testing {

std::optional<std::filesystem::path> find_chromium();
bool chromium_required();

struct BrowserRun {
  int exit_code = -1;
  std::string out;  // standard output (the DOM, for --dump-dom)
  std::string err;
};

// Runs Chromium headless on `page` with the fixed flags above plus `extra_flags` (each one
// argument, unquoted).
BrowserRun run_chromium(const std::filesystem::path& chromium, const std::filesystem::path& page,
                        const std::vector<std::string>& extra_flags);

// The serialised DOM of `page` after its scripts ran, laid out 1280 px wide.
BrowserRun dump_dom(const std::filesystem::path& chromium, const std::filesystem::path& page);

// A PNG screenshot of `page` at width × height CSS pixels into `png`.
BrowserRun screenshot(const std::filesystem::path& chromium, const std::filesystem::path& page,
                      const std::filesystem::path& png, int width, int height);

}  // namespace filmscope::testing

#define FILMSCOPE_REQUIRE_CHROMIUM(chromium_var)                                                  \
  auto chromium_var = ::filmscope::testing::find_chromium();                                     \
  if (!chromium_var) {                                                                           \
    if (::filmscope::testing::chromium_required())                                               \
      FAIL("Chromium is required (FILMSCOPE_REQUIRE_CHROMIUM=1) but neither /usr/bin/chromium "  \
           "nor chromium on PATH exists; install the Debian package chromium");                  \
    WARN("SKIPPED: browser test needs Chromium (apt-get install chromium); not found");          \
    return;                                                                                      \
  }

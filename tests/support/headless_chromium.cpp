#include "support/headless_chromium.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <sstream>

#include "support/temp_dir.h"
#include "support/test_paths.h"

namespace filmscope::testing {

namespace {

std::string shell_quote(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

}  // namespace

std::optional<std::filesystem::path> find_chromium() {
  std::error_code ec;
  if (std::filesystem::exists("/usr/bin/chromium", ec)) return std::filesystem::path("/usr/bin/chromium");
  const char* path = std::getenv("PATH");
  if (!path) return std::nullopt;
  std::stringstream dirs(path);
  std::string dir;
  while (std::getline(dirs, dir, ':')) {
    if (dir.empty()) continue;
    std::filesystem::path candidate = std::filesystem::path(dir) / "chromium";
    if (::access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  return std::nullopt;
}

bool chromium_required() {
  const char* value = std::getenv("FILMSCOPE_REQUIRE_CHROMIUM");
  return value && std::string(value) == "1";
}

BrowserRun run_chromium(const std::filesystem::path& chromium, const std::filesystem::path& page,
                        const std::vector<std::string>& extra_flags) {
  TempDir profile("chromium-profile");
  std::vector<std::string> args{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                                "--disable-default-apps", "--disable-extensions", "--hide-scrollbars",
                                "--mute-audio", "--host-resolver-rules=MAP * ~NOTFOUND", "--force-device-scale-factor=1",
                                "--user-data-dir=" + (profile.path() / "profile").string()};
  args.insert(args.end(), extra_flags.begin(), extra_flags.end());
  args.push_back("file://" + std::filesystem::absolute(page).string());
  std::string command = shell_quote(chromium.string());
  for (const std::string& arg : args) command += " " + shell_quote(arg);
  auto out_path = profile.path() / "stdout";
  auto err_path = profile.path() / "stderr";
  command += " >" + shell_quote(out_path.string()) + " 2>" + shell_quote(err_path.string()) + " </dev/null";
  int status = std::system(command.c_str());
  BrowserRun run;
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  run.out = read_file(out_path);
  run.err = read_file(err_path);
  return run;
}

BrowserRun dump_dom(const std::filesystem::path& chromium, const std::filesystem::path& page) {
  // The same width as the screenshots, so that positions read from the DOM hold for them.
  return run_chromium(chromium, page, {"--virtual-time-budget=3000", "--window-size=1280,900", "--dump-dom"});
}

BrowserRun screenshot(const std::filesystem::path& chromium, const std::filesystem::path& page,
                      const std::filesystem::path& png, int width, int height) {
  return run_chromium(chromium, page,
                      {"--virtual-time-budget=3000", "--screenshot=" + std::filesystem::absolute(png).string(),
                       "--window-size=" + std::to_string(width) + "," + std::to_string(height)});
}

}  // namespace filmscope::testing

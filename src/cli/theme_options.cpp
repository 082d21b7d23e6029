// Loading the --themes file; see theme_options.h.
#include "cli/theme_options.h"

#include "cli/cli_output.h"
#include "io/decode.h"

namespace filmscope::cli {

bool load_theme_set(const std::string& path, std::optional<ThemeSet>& set) {
  if (path.empty()) {
    set = default_theme_set();
    return true;
  }
  DecodeResult decoded = load_text_file(path);
  if (!decoded.decoded) {
    report_error(path + ": " + decoded.error);
    return false;
  }
  ThemeParseResult parsed = parse_theme_definitions(decoded.decoded->text);
  for (const Diagnostic& d : parsed.diagnostics) report_error(path + ":" + std::to_string(d.line) + ": " + d.message);
  if (parsed.themes.empty()) {
    report_error(path + ": no theme definitions (expected lines \"tag<TAB>term<TAB>term…\")");
    return false;
  }
  set = with_theme_overrides(default_theme_set(), std::move(parsed.themes));
  return true;
}

}  // namespace filmscope::cli

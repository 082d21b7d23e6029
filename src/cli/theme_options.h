// The --themes option shared by `analyze` and `themes`: which theme set to use.
#pragma once

#include <optional>
#include <string>

#include "themes/theme_set.h"

namespace filmscope::cli {

// Loads the theme set for --themes: the built-in set when `path` is empty, else the built-in set
// with the file's definitions applied (themes/theme_set.h). Reports problems on stderr; false
// when the file cannot be read or defines no theme.
bool load_theme_set(const std::string& path, std::optional<ThemeSet>& set);

}  // namespace filmscope::cli

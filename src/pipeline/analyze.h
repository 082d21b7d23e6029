// The whole pipeline for one input: load and decode → detect the format → read into a Story →
// analyse (characters, relationships, graph metrics) → scene valence and themes → arcs →
// Analysis.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "model/analysis.h"

namespace filmscope {

struct ThemeSet;

struct AnalyzeOptions {
  std::optional<InputFormat> format;  // overrides detection when set
  const ThemeSet* themes = nullptr;   // the built-in theme set when null; owned by the caller
};

// Either an Analysis or a one-line error that names the file and the problem.
struct AnalyzeResult {
  std::optional<Analysis> analysis;
  std::string error;
};

AnalyzeResult analyze_file(const std::filesystem::path& path, const AnalyzeOptions& options);

// Analyses already-decoded text; `source.format` is used as given (options.format is ignored).
Analysis analyze_text(std::string_view text, const SourceInfo& source, const AnalyzeOptions& options = {});

}  // namespace filmscope

// The project's and ../shared's real texts, for tests that hold two implementations to the same
// answers on everything real that is at hand.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "support/test_paths.h"

namespace filmscope::testing {

// The corpus synopses and every script and text of ../shared/eval (when present), cut into
// pieces at `separator`; `check` is called with each piece and the file it came from.
template <typename Check>
std::size_t for_each_real_piece(std::string_view separator, Check check) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(corpora_dir()))
    if (entry.is_regular_file() && entry.path().extension() == ".txt") files.push_back(entry.path());
  if (const auto shared = shared_dir())
    for (const auto& entry : std::filesystem::recursive_directory_iterator(*shared / "eval"))
      if (entry.is_regular_file() && (entry.path().extension() == ".fountain" || entry.path().extension() == ".txt"))
        files.push_back(entry.path());
  std::size_t pieces = 0;
  for (const auto& path : files) {
    const std::string text = read_file(path);
    std::size_t start = 0;
    while (start < text.size()) {
      std::size_t end = text.find(separator, start);
      if (end == std::string::npos) end = text.size();
      check(std::string_view(text).substr(start, end - start), path);
      ++pieces;
      start = end + separator.size();
    }
  }
  return pieces;
}

}  // namespace filmscope::testing

// Input discovery (see input_discovery.h).
#include "batch/input_discovery.h"

#include <fnmatch.h>

#include <algorithm>
#include <map>
#include <system_error>
#include <utility>

namespace filmscope::batch {

namespace fs = std::filesystem;

namespace {

bool is_hidden(const fs::path& name) {
  std::string text = name.string();
  return !text.empty() && text[0] == '.' && text != "." && text != "..";
}

struct Collector {
  const DiscoveryOptions& options;
  fs::path output_canonical;
  std::vector<BatchInput> found;
  std::string error;

  bool wanted(const std::string& relative) const {
    if (!options.include.empty() &&
        std::none_of(options.include.begin(), options.include.end(),
                     [&](const std::string& p) { return glob_matches(p, relative); }))
      return false;
    return std::none_of(options.exclude.begin(), options.exclude.end(),
                        [&](const std::string& p) { return glob_matches(p, relative); });
  }

  void add(const fs::path& path, const fs::path& relative) {
    std::string rel = relative.generic_string();
    if (rel.empty() || !wanted(rel)) return;
    found.push_back({path, rel});
  }

  bool is_output_directory(const fs::path& directory) const {
    if (output_canonical.empty()) return false;
    std::error_code ec;
    fs::path canonical = fs::weakly_canonical(directory, ec);
    return !ec && canonical == output_canonical;
  }

  // Walks `directory`; relative paths are taken from `root`. Iterative (the iterator keeps its
  // own stack), so deep trees cannot exhaust ours.
  void walk(const fs::path& directory, const fs::path& root) {
    std::error_code ec;
    fs::recursive_directory_iterator it(directory, fs::directory_options::skip_permission_denied, ec);
    if (ec) {
      error = directory.string() + ": cannot list the directory: " + ec.message();
      return;
    }
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (ec) {
        error = directory.string() + ": cannot list the directory: " + ec.message();
        return;
      }
      const fs::directory_entry& entry = *it;
      std::error_code type_error;
      bool is_directory = entry.is_directory(type_error);
      if (is_hidden(entry.path().filename()) || (is_directory && is_output_directory(entry.path()))) {
        if (is_directory) it.disable_recursion_pending();
        continue;
      }
      if (is_directory || !entry.is_regular_file(type_error)) continue;
      add(entry.path(), entry.path().lexically_relative(root));
    }
  }

  void expand_pattern(const std::string& pattern) {
    fs::path whole(pattern);
    fs::path base;
    std::vector<std::string> rest;
    for (const fs::path& part : whole) {
      if (rest.empty() && !has_glob_characters(part.string()))
        base /= part;
      else
        rest.push_back(part.string());
    }
    fs::path listing_base = base.empty() ? fs::path(".") : base;
    // Candidates that matched the first k pattern components; a worklist, not recursion.
    std::vector<fs::path> level{listing_base};
    for (std::size_t k = 0; k < rest.size(); ++k) {
      std::vector<fs::path> next;
      for (const fs::path& directory : level) {
        std::error_code ec;
        if (!fs::is_directory(directory, ec)) continue;
        for (fs::directory_iterator it(directory, ec), end; !ec && it != end; it.increment(ec)) {
          std::string name = it->path().filename().string();
          if (::fnmatch(rest[k].c_str(), name.c_str(), FNM_PERIOD) == 0) next.push_back(it->path());
        }
      }
      std::sort(next.begin(), next.end());
      level = std::move(next);
    }
    if (level.empty()) {
      error = pattern + ": matches no file";
      return;
    }
    for (const fs::path& match : level) {
      std::error_code ec;
      fs::path relative_base = base.empty() ? fs::path(".") : base;
      if (fs::is_directory(match, ec)) {
        if (!is_output_directory(match)) walk(match, relative_base);
      } else if (fs::is_regular_file(match, ec)) {
        add(match, match.lexically_relative(relative_base));
      }
      if (!error.empty()) return;
    }
  }

  void add_root(const std::string& root) {
    std::error_code ec;
    fs::path path(root);
    if (fs::is_directory(path, ec)) {
      walk(path, path);
    } else if (fs::is_regular_file(path, ec)) {
      add(path, path.filename());
    } else if (fs::exists(path, ec)) {
      error = root + ": not a regular file or directory";
    } else if (has_glob_characters(root)) {
      expand_pattern(root);
    } else {
      error = root + ": no such file or directory";
    }
  }
};

}  // namespace

bool has_glob_characters(std::string_view text) {
  return text.find_first_of("*?[") != std::string_view::npos;
}

bool glob_matches(const std::string& pattern, const std::string& relative_path) {
  return ::fnmatch(pattern.c_str(), relative_path.c_str(), 0) == 0;
}

DiscoveryResult discover_inputs(const DiscoveryOptions& options) {
  Collector collector{options, {}, {}, {}};
  if (!options.output_directory.empty()) {
    std::error_code ec;
    collector.output_canonical = fs::weakly_canonical(options.output_directory, ec);
    if (ec) collector.output_canonical.clear();
  }
  DiscoveryResult result;
  for (const std::string& root : options.roots) {
    collector.add_root(root);
    if (!collector.error.empty()) {
      result.error = collector.error;
      return result;
    }
  }
  std::vector<BatchInput>& found = collector.found;
  std::sort(found.begin(), found.end(), [](const BatchInput& a, const BatchInput& b) {
    return a.relative < b.relative || (a.relative == b.relative && a.path < b.path);
  });
  for (const BatchInput& input : found) {
    if (!result.inputs.empty() && result.inputs.back().relative == input.relative) {
      std::error_code ec;
      if (fs::equivalent(result.inputs.back().path, input.path, ec)) continue;
      result.error = input.path.string() + " and " + result.inputs.back().path.string() +
                     " have the same relative path " + input.relative +
                     ", so their outputs would collide";
      result.inputs.clear();
      return result;
    }
    result.inputs.push_back(input);
  }
  return result;
}

}  // namespace filmscope::batch

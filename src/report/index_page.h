// The index page `filmscope batch --report` writes beside the per-film reports: one table row
// per input, linking to its report.
//
// Takes: one IndexEntry per input, in the order to list them. Produces: a self-contained HTML
// page (the same inline style as the reports). Links are relative and percent-encoded, so the
// directory can be moved or opened from disk.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace filmscope::report {

struct IndexEntry {
  std::string relative;  // the input's path relative to the batch roots; the report is relative + ".html"
  bool ok = false;
  std::string error;  // failed inputs: why
  std::string format;
  std::string title;
  std::optional<long long> year;
  std::size_t scenes = 0;
  std::size_t characters = 0;
  std::vector<std::string> top_themes;
  std::string arc_shape;
};

std::string render_index(const std::vector<IndexEntry>& entries);

// `relative` as a URL path: each segment percent-encoded, "/" kept.
std::string relative_link(const std::string& relative);

}  // namespace filmscope::report

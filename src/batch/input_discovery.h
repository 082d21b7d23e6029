// Input discovery for `filmscope batch`: command-line paths → the sorted list of files to analyse.
//
// Takes: paths as given (directories, files, glob patterns), --include/--exclude globs and the
// output directory. Produces: one BatchInput per file, each with the path to read and its path
// relative to the root it was found under (which names its outputs), sorted by that relative
// path in byte order, or the first problem as a message.
//
// Method: a directory is walked recursively (std::filesystem, symbolic links to directories not
// followed, so a link cycle cannot loop); a file is its own root (relative path = file name); a
// pattern with *, ? or [ is expanded component by component with fnmatch(3) from its longest
// wildcard-free prefix, which is the root (a matched directory is walked as above). Hidden
// files and directories (name starting with '.') met while walking or expanding are skipped, as
// is the output directory when it lies inside an input directory. --include/--exclude patterns
// are matched with fnmatch(3) against the whole relative path without FNM_PATHNAME, so
// `--exclude '*.tsv'` drops TSV files at any depth; with includes, a file must match one.
//
// Limits: two different files with the same relative path (e.g. a/x.txt and b/x.txt given as
// two roots) are refused, since their outputs would collide; the same file reached twice is
// kept once. The expansion holds the file list (paths only) in memory.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace filmscope::batch {

struct BatchInput {
  std::filesystem::path path;  // as it is opened: root joined with the relative path
  std::string relative;        // '/'-separated, never empty, no "." or ".." components
};

struct DiscoveryOptions {
  std::vector<std::string> roots;  // as given on the command line
  std::vector<std::string> include;
  std::vector<std::string> exclude;
  std::filesystem::path output_directory;  // skipped when met inside an input directory
};

struct DiscoveryResult {
  std::vector<BatchInput> inputs;  // sorted by `relative`
  std::string error;               // non-empty: the first root that could not be used, and why
};

DiscoveryResult discover_inputs(const DiscoveryOptions& options);

// Whether `text` holds a glob metacharacter (*, ? or [).
bool has_glob_characters(std::string_view text);

// fnmatch(3) without flags: '*' also matches '/'.
bool glob_matches(const std::string& pattern, const std::string& relative_path);

}  // namespace filmscope::batch

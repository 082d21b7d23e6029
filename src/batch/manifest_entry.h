// The resume manifest: one small JSON file per input, OUTDIR/.manifest/<relative path>.json,
// written atomically after every output of that input, so its presence means the input's
// result is complete.
//
// Takes/produces: ManifestEntry ⇄ its JSON text (schema "filmscope/batch-entry@1"). The entry
// records the input's size and FNV-1a hash and the settings that shape the outputs (so
// --resume redoes an input whose content or settings changed), the outcome (ok, or error with
// its message), the summary row and the output files. It holds nothing that varies between
// runs (no times), so the manifest is byte-identical for identical inputs.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "batch/film_record.h"

namespace filmscope::batch {

// The directory under OUTDIR holding the entries; hidden so that a batch over a directory
// that contains earlier outputs does not take it for input.
inline constexpr const char* kManifestDirectory = ".manifest";

struct ManifestEntry {
  std::string input;  // relative path
  std::uintmax_t bytes = 0;
  std::string hash;      // 16 hex digits, FNV-1a 64
  std::string settings;  // e.g. "graphs=1"
  bool ok = false;
  std::string error;
  FilmSummary summary;  // ok entries only
  std::vector<std::string> outputs;  // relative to OUTDIR
};

std::string to_manifest_json(const ManifestEntry& entry);

// Nullopt when `text` is not a well-formed entry.
std::optional<ManifestEntry> parse_manifest_entry(const std::string& text);

std::filesystem::path manifest_path(const std::filesystem::path& output_directory,
                                    const std::string& relative);

}  // namespace filmscope::batch

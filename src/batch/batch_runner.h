// `filmscope batch`: analyse many inputs into an output directory, in parallel, resumably.
//
// Takes: BatchOptions (roots, output directory, threads, resume, filters, graphs, shard).
// Produces, in the output directory:
//   <relative path>.json (and .dot, .graphml with graphs; .html with report) — per input, the
//                 analyze JSON (the HTML report: report/html_report.h);
//   .manifest/<relative path>.json — the resume entry, written after the outputs (manifest_entry.h);
//   summary.csv — one RFC 4180 row per input, sorted by path (summary-shard-I-of-N.csv in a shard);
//   timings.csv — elapsed milliseconds per input for this run (the only file that differs
//                 between runs over the same inputs);
//   filmscope.sqlite — the corpus database (not in a shard run; see corpus_database.h);
//   index.html — with report, not in a shard run: a page linking every input's report.
// Method: discover and sort the inputs, keep this shard's, then analyse them on a bounded
// ordered pipeline (ordered_pipeline.h); workers share only read-only state (the built-in
// lexicons and theme set) and write each result straight to disk, so memory stays bounded by
// the pipeline window, not the corpus. Every file is written atomically (io/atomic_write.h);
// outputs are flushed to disk at checkpoints (one syncfs per batch of inputs) and an input's
// manifest entry is written only after the checkpoint that flushed its outputs. The summary
// and the database are written in input order from each result as it comes back (the rows of
// an analysed input come from the document it just exported; those of a resumed input from
// its manifest entry and JSON file on disk), so they cover every input however earlier runs
// ended. Stale temporary files (".tmp-") left by a killed run are removed at the start of an
// unsharded run.
// Limits: outputs of inputs that are no longer given are left in place but leave the summary
// and database. Concurrent unsharded runs on one output directory are not supported; shards
// may share one (each writes only its own inputs and summary).
#pragma once

#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "batch/shard.h"

namespace filmscope::batch {

inline constexpr const char* kSummaryFileName = "summary.csv";
inline constexpr const char* kTimingsFileName = "timings.csv";
inline constexpr const char* kIndexFileName = "index.html";
// Results waiting to be consumed, per worker thread (ordered_pipeline.h): enough slack that one
// slow input rarely stalls the others.
inline constexpr std::size_t kWindowPerThread = 64;

struct BatchOptions {
  std::vector<std::string> roots;
  std::filesystem::path output_directory;
  std::size_t threads = 1;
  bool resume = false;
  std::vector<std::string> include;
  std::vector<std::string> exclude;
  bool graphs = false;
  bool report = false;  // also <input>.html per input and index.html
  std::optional<ShardSpec> shard;
  std::FILE* progress_stream = nullptr;  // null: no progress line
};

struct BatchReport {
  std::size_t inputs = 0;
  std::size_t analysed = 0;
  std::size_t resumed = 0;  // skipped: complete result for the same content already there
  std::size_t failed = 0;
  std::string usage_error;   // bad roots or options: nothing was run
  std::string output_error;  // the output directory, summary or database could not be written
  std::vector<std::string> failures;  // "relative path: message", in path order
};

BatchReport run_batch(const BatchOptions& options);

// Removes files named ".<name>.tmp-…" under `directory` (left by a killed writer); returns how
// many were removed.
std::size_t remove_stale_temporaries(const std::filesystem::path& directory);

// The header and the row of summary.csv for one manifest entry.
std::string summary_header();
std::string summary_row(const std::string& relative, const struct ManifestEntry* entry);

}  // namespace filmscope::batch

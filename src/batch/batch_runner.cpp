// The batch run (see batch_runner.h).
#include "batch/batch_runner.h"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <sstream>
#include <system_error>

#include <nlohmann/json.hpp>

#include "batch/content_hash.h"
#include "batch/corpus_database.h"
#include "batch/csv.h"
#include "batch/input_discovery.h"
#include "batch/manifest_entry.h"
#include "batch/ordered_pipeline.h"
#include "batch/progress_meter.h"
#include "export/dot_export.h"
#include "export/graphml_export.h"
#include "export/json_export.h"
#include "io/atomic_write.h"
#include "pipeline/analyze.h"
#include "report/html_report.h"
#include "report/index_page.h"

namespace filmscope::batch {

namespace fs = std::filesystem;

namespace {

constexpr const char* kTemporaryInfix = ".tmp-";
// A checkpoint (see run_batch) after this many inputs or this many bytes of input, whichever
// comes first: a flush costs about as much as analysing a few small inputs, and the results
// waiting for it (their database rows) stay a few megabytes.
constexpr std::size_t kCheckpointInputs = 64;
constexpr std::uintmax_t kCheckpointBytes = std::uintmax_t{8} << 20;

// What the summary and database need of one input: its manifest entry and, for a success, its
// rows.
struct Finished {
  std::optional<ManifestEntry> entry;
  std::optional<FilmRows> rows;
  std::string problem;  // the result could not be read back
};

struct InputOutcome {
  std::size_t index = 0;
  bool resumed = false;
  bool ok = false;
  std::string error;
  std::uintmax_t bytes = 0;
  double elapsed_ms = 0.0;
  std::string manifest;  // the entry still to be written (at the next checkpoint); empty when resumed
  Finished finished;
};

std::string read_whole_file(const fs::path& path, bool& ok) {
  std::ifstream in(path, std::ios::binary);
  ok = static_cast<bool>(in);
  if (!ok) return {};
  std::ostringstream buffer;
  buffer << in.rdbuf();
  ok = !in.bad();
  return buffer.str();
}

// Without --report the settings read as they did before reports existed, so that earlier
// output directories still resume.
std::string settings_of(const BatchOptions& options) {
  return std::string("graphs=") + (options.graphs ? "1" : "0") + (options.report ? " report=1" : "");
}

// The outputs an input gets besides its manifest entry, relative to OUTDIR.
std::vector<std::string> output_names(const std::string& relative, bool graphs, bool report) {
  std::vector<std::string> names{relative + ".json"};
  if (graphs) {
    names.push_back(relative + ".dot");
    names.push_back(relative + ".graphml");
  }
  if (report) names.push_back(relative + ".html");
  return names;
}

std::string write_output(const fs::path& path, std::string_view content,
                         Durability durability = Durability::flushed) {
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  if (ec && !fs::is_directory(path.parent_path())) return "cannot create " + path.parent_path().string() + ": " + ec.message();
  std::string problem = write_file_atomically(path, content, durability);
  return problem.empty() ? problem : path.string() + ": " + problem;
}

// Whether the manifest already records a complete result for this content and these settings.
bool already_done(const fs::path& output_directory, const std::string& relative,
                  const ContentFingerprint& print, const std::string& settings) {
  bool read_ok = false;
  std::string text = read_whole_file(manifest_path(output_directory, relative), read_ok);
  if (!read_ok) return false;
  std::optional<ManifestEntry> entry = parse_manifest_entry(text);
  if (!entry || entry->input != relative || entry->bytes != print.bytes ||
      entry->hash != to_hex(print.hash) || entry->settings != settings)
    return false;
  for (const std::string& output : entry->outputs) {
    std::error_code ec;
    if (!fs::is_regular_file(output_directory / output, ec)) return false;
  }
  return true;
}

// analyze_file names the file at the start of its message; the summary has its own path column.
std::string without_path_prefix(const std::string& error, const fs::path& path) {
  std::string prefix = path.string();
  if (error.starts_with(prefix) && error.size() > prefix.size() &&
      (error[prefix.size()] == ':'))
    return error.substr(prefix.size() + (error.compare(prefix.size(), 2, ": ") == 0 ? 2 : 1));
  return error;
}

// The summary and database rows of an input whose result is already on disk (a resumed one),
// read from its manifest entry and JSON file.
Finished load_finished(const BatchInput& input, const fs::path& out, bool want_rows) {
  Finished finished;
  bool read_ok = false;
  std::string text = read_whole_file(manifest_path(out, input.relative), read_ok);
  if (read_ok) finished.entry = parse_manifest_entry(text);
  if (!finished.entry) {
    finished.problem = "no complete result";
    return finished;
  }
  if (!finished.entry->ok || !want_rows) return finished;
  std::string document = read_whole_file(out / (input.relative + ".json"), read_ok);
  nlohmann::json parsed = read_ok ? nlohmann::json::parse(document, nullptr, false) : nlohmann::json();
  if (!read_ok || parsed.is_discarded()) {
    finished.problem = "the analysis file cannot be read back";
    return finished;
  }
  finished.rows = film_rows(parsed);
  return finished;
}

// The summary and rows of an analysis just exported as `text`. They are read from the analysis
// itself rather than from the text parsed back; the two agree unless the exporter had to
// replace invalid UTF-8 (it writes U+FFFD), so a text holding U+FFFD is parsed back instead.
template <class Read>
auto read_exported(const Analysis& analysis, const std::string& text, Read read) {
  if (text.find("\xEF\xBF\xBD") == std::string::npos) return read(analysis);
  return read(nlohmann::json::parse(text, nullptr, false));
}

// Analyses one input and writes its outputs; the manifest entry is returned, not written, so
// that the caller writes it only once the outputs are on disk (see the checkpoints in run_batch).
InputOutcome process_input(const BatchInput& input, std::size_t index, const BatchOptions& options,
                           bool want_rows) {
  auto start = std::chrono::steady_clock::now();
  InputOutcome outcome;
  outcome.index = index;
  const fs::path& out = options.output_directory;
  ManifestEntry entry;
  entry.input = input.relative;
  entry.settings = settings_of(options);

  std::optional<ContentFingerprint> print = fingerprint_file(input.path);
  if (!print) {
    entry.error = "cannot read the file";
  } else {
    entry.bytes = print->bytes;
    entry.hash = to_hex(print->hash);
    outcome.bytes = print->bytes;
    if (options.resume && already_done(out, input.relative, *print, entry.settings)) {
      outcome.resumed = true;
      outcome.finished = load_finished(input, out, want_rows);
      outcome.ok = outcome.finished.entry && outcome.finished.entry->ok;
      if (outcome.finished.entry) outcome.error = outcome.finished.entry->error;
      outcome.elapsed_ms =
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
      return outcome;
    }
    AnalyzeResult result = analyze_file(input.path, AnalyzeOptions{});
    if (!result.analysis) {
      entry.error = without_path_prefix(result.error.empty() ? "cannot analyse the input" : result.error,
                                        input.path);
    } else {
      Analysis& analysis = *result.analysis;
      const std::string document = to_analysis_json(analysis);
      entry.summary =
          read_exported(analysis, document, [](const auto& source) { return summarize_analysis(source); });
      // Outputs are flushed to disk at the next checkpoint, before their manifest entry is written.
      std::string problem = write_output(out / (input.relative + ".json"), document, Durability::renamed);
      if (problem.empty() && options.graphs)
        problem = write_output(out / (input.relative + ".dot"), to_dot(analysis), Durability::renamed);
      if (problem.empty() && options.graphs)
        problem = write_output(out / (input.relative + ".graphml"), to_graphml(analysis), Durability::renamed);
      if (problem.empty() && options.report)
        problem = write_output(out / (input.relative + ".html"), report::render_report(analysis), Durability::renamed);
      if (problem.empty()) {
        entry.ok = true;
        entry.outputs = output_names(input.relative, options.graphs, options.report);
        if (want_rows)
          outcome.finished.rows = read_exported(analysis, document, [](const auto& source) { return film_rows(source); });
      } else {
        entry.error = problem;
        entry.summary = FilmSummary{};
      }
    }
  }
  // Outputs that do not belong to this outcome (an earlier success, earlier graphs) go, so the
  // directory matches the manifest.
  for (const std::string& name : output_names(input.relative, true, true)) {
    bool listed = std::find(entry.outputs.begin(), entry.outputs.end(), name) != entry.outputs.end();
    std::error_code ignored;
    if (!listed) fs::remove(out / name, ignored);
  }
  outcome.manifest = to_manifest_json(entry);
  outcome.ok = entry.ok;
  outcome.error = entry.error;
  outcome.finished.entry = std::move(entry);
  outcome.elapsed_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  return outcome;
}

std::string join(const std::vector<std::string>& values, std::string_view separator) {
  std::string out;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i > 0) out += separator;
    out += values[i];
  }
  return out;
}

std::string format_milliseconds(double ms) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", ms);
  return buffer;
}

}  // namespace

std::string summary_header() {
  return csv_record({"path", "status", "error", "format", "title", "year", "scenes", "characters",
                     "top_characters", "top_themes", "arc_shape"});
}

std::string summary_row(const std::string& relative, const ManifestEntry* entry) {
  if (!entry) return csv_record({relative, "error", "no complete result", "", "", "", "", "", "", "", ""});
  if (!entry->ok) return csv_record({relative, "error", entry->error, "", "", "", "", "", "", "", ""});
  const FilmSummary& s = entry->summary;
  return csv_record({relative, "ok", "", s.format, s.title, s.year ? std::to_string(*s.year) : "",
                     std::to_string(s.scenes), std::to_string(s.characters),
                     join(s.top_characters, "; "), join(s.top_themes, "; "), s.arc_shape});
}

std::size_t remove_stale_temporaries(const fs::path& directory) {
  std::size_t removed = 0;
  std::error_code ec;
  std::vector<fs::path> stale;
  for (fs::recursive_directory_iterator it(directory, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    std::error_code type_error;
    if (name.starts_with(".") && name.find(kTemporaryInfix) != std::string::npos &&
        it->is_regular_file(type_error))
      stale.push_back(it->path());
  }
  for (const fs::path& path : stale) {
    std::error_code ignored;
    if (fs::remove(path, ignored)) ++removed;
  }
  return removed;
}

BatchReport run_batch(const BatchOptions& options) {
  BatchReport report;
  const fs::path& out = options.output_directory;
  DiscoveryOptions discovery{options.roots, options.include, options.exclude, out};
  DiscoveryResult found = discover_inputs(discovery);
  if (!found.error.empty()) {
    report.usage_error = found.error;
    return report;
  }
  std::vector<BatchInput> inputs;
  for (BatchInput& input : found.inputs)
    if (!options.shard || in_shard(input.relative, *options.shard)) inputs.push_back(std::move(input));
  report.inputs = inputs.size();

  std::error_code ec;
  fs::create_directories(out, ec);
  if (!fs::is_directory(out, ec)) {
    report.output_error = out.string() + ": cannot create the output directory";
    return report;
  }
  if (!options.shard) remove_stale_temporaries(out);

  std::size_t threads = options.threads == 0 ? 1 : options.threads;
  std::size_t window = threads * kWindowPerThread;
  ProgressMeter progress(options.progress_stream, options.progress_stream != nullptr, inputs.size());
  std::vector<double> elapsed(inputs.size(), 0.0);
  std::vector<bool> resumed(inputs.size(), false);
  std::vector<bool> succeeded(inputs.size(), false);

  bool with_database = !options.shard;
  std::string summary = summary_header();
  CorpusDatabaseWriter database;
  if (with_database) {
    if (std::string problem = database.open(out / kDatabaseFileName); !problem.empty()) {
      report.output_error = (out / kDatabaseFileName).string() + ": " + problem;
      with_database = false;
    }
  }
  std::string database_problem;
  bool with_index = options.report && !options.shard;
  std::vector<report::IndexEntry> index_entries;

  // The summary row, index entry and database rows of one input, in input order.
  auto finish = [&](std::size_t index, const Finished& finished) {
    const std::string& relative = inputs[index].relative;
    const ManifestEntry* entry = finished.entry ? &*finished.entry : nullptr;
    bool ok = entry && entry->ok && finished.problem.empty();
    std::string error = !finished.problem.empty() ? finished.problem : entry ? entry->error : "";
    if (ok) {
      summary += summary_row(relative, entry);
    } else {
      ++report.failed;
      report.failures.push_back(relative + ": " + error);
      ManifestEntry failed;
      failed.error = error;
      summary += summary_row(relative, &failed);
    }
    if (with_index) {
      report::IndexEntry item;
      item.relative = relative;
      item.ok = ok;
      item.error = error;
      if (ok) {
        const FilmSummary& film_summary = entry->summary;
        item.format = film_summary.format;
        item.title = film_summary.title;
        item.year = film_summary.year;
        item.scenes = film_summary.scenes;
        item.characters = film_summary.characters;
        item.top_themes = film_summary.top_themes;
        item.arc_shape = film_summary.arc_shape;
      }
      index_entries.push_back(std::move(item));
    }
    if (with_database && database_problem.empty()) {
      FilmEntry film{static_cast<long long>(index + 1), relative, ok, ok ? "" : error,
                     ok && finished.rows ? &*finished.rows : nullptr};
      database_problem = database.add_film(film);
    }
  };

  // Checkpoints: outputs are written without flushing each file; every kCheckpointInputs
  // inputs (or kCheckpointBytes of input) the file system is flushed once, and only then are
  // those inputs' manifest entries written. An entry on disk therefore still means "this
  // input's outputs are complete and durable", at the cost of one flush per checkpoint instead
  // of two per file. A run killed before a checkpoint redoes the inputs since the last one.
  std::vector<InputOutcome> pending;
  std::uintmax_t pending_bytes = 0;
  auto checkpoint = [&] {
    if (pending.empty()) return;
    bool any_manifest = std::any_of(pending.begin(), pending.end(),
                                    [](const InputOutcome& o) { return !o.manifest.empty(); });
    std::string flushed = any_manifest ? flush_file_system(out) : std::string();
    for (InputOutcome& outcome : pending) {
      if (!outcome.manifest.empty()) {
        std::string problem = flushed.empty()
                                  ? write_output(manifest_path(out, inputs[outcome.index].relative),
                                                 outcome.manifest, Durability::renamed)
                                  : out.string() + ": " + flushed;
        if (!problem.empty() && outcome.ok) {
          outcome.ok = false;
          succeeded[outcome.index] = false;
          outcome.finished.entry->ok = false;
          outcome.finished.entry->error = problem;
          outcome.finished.rows.reset();
        }
      }
      finish(outcome.index, outcome.finished);
    }
    pending.clear();
    pending_bytes = 0;
  };

  std::size_t next = 0;
  run_ordered_pipeline<std::size_t, InputOutcome>(
      threads, window,
      [&]() -> std::optional<std::size_t> {
        if (next >= inputs.size()) return std::nullopt;
        return next++;
      },
      [&](std::size_t index) {
        try {
          return process_input(inputs[index], index, options, with_database);
        } catch (const std::exception& e) {
          // Exhaustion or a bug in one input must not take the corpus down with it.
          InputOutcome outcome;
          outcome.index = index;
          outcome.error = std::string("internal error: ") + e.what();
          outcome.finished.problem = "no complete result";  // its manifest entry is gone
          std::error_code ignored;
          fs::remove(manifest_path(out, inputs[index].relative), ignored);
          return outcome;
        }
      },
      [&](InputOutcome&& outcome) {
        elapsed[outcome.index] = outcome.elapsed_ms;
        resumed[outcome.index] = outcome.resumed;
        succeeded[outcome.index] = outcome.ok;
        if (outcome.resumed)
          ++report.resumed;
        else
          ++report.analysed;
        progress.advance(outcome.bytes);
        pending_bytes += outcome.bytes;
        pending.push_back(std::move(outcome));
        if (pending.size() >= kCheckpointInputs || pending_bytes >= kCheckpointBytes) checkpoint();
      },
      [&] { progress.redraw(); });
  checkpoint();
  progress.finish();

  std::string timings = csv_record({"path", "status", "resumed", "elapsed_ms"});
  for (std::size_t i = 0; i < inputs.size(); ++i)
    timings += csv_record({inputs[i].relative, succeeded[i] ? "ok" : "error", resumed[i] ? "1" : "0", format_milliseconds(elapsed[i])});

  std::string summary_name = kSummaryFileName;
  std::string timings_name = kTimingsFileName;
  if (options.shard) {
    std::string suffix = "-shard-" + std::to_string(options.shard->index) + "-of-" +
                         std::to_string(options.shard->count) + ".csv";
    summary_name = "summary" + suffix;
    timings_name = "timings" + suffix;
  }
  auto keep_first = [&](const std::string& problem) {
    if (!problem.empty() && report.output_error.empty()) report.output_error = problem;
  };
  keep_first(write_output(out / summary_name, summary));
  keep_first(write_output(out / timings_name, timings));
  if (with_index) {
    keep_first(write_output(out / kIndexFileName, report::render_index(index_entries)));
  } else if (!options.shard) {
    // The per-input pages went with the setting (process_input), so the index would link to nothing.
    std::error_code ignored;
    fs::remove(out / kIndexFileName, ignored);
  }
  if (with_database) {
    if (database_problem.empty()) database_problem = database.finish();
    if (!database_problem.empty()) keep_first((out / kDatabaseFileName).string() + ": " + database_problem);
  }
  // The last checkpoint's manifest entries reach the disk before the run reports success.
  if (std::string problem = flush_file_system(out); !problem.empty()) keep_first(out.string() + ": " + problem);
  return report;
}

}  // namespace filmscope::batch

// `filmscope batch PATH... -o OUTDIR [--jobs N] [--resume] [--include GLOB] [--exclude GLOB]
// [--graphs] [--report] [--quiet] [--shard I/N]` and `filmscope batch --jsonl -`: the corpus-scale path
// (batch/batch_runner.h, batch/jsonl_stage.h; docs/batch.md).
#include <unistd.h>

#include <cstdio>
#include <exception>
#include <iostream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "batch/batch_runner.h"
#include "batch/jsonl_stage.h"
#include "batch/shard.h"
#include "cli/cli_output.h"
#include "cli/commands.h"

namespace filmscope::cli {

namespace {

struct BatchCommandOptions {
  std::vector<std::string> paths;
  std::string output;
  std::size_t jobs = 0;  // 0: one per hardware thread
  bool resume = false;
  std::vector<std::string> include;
  std::vector<std::string> exclude;
  bool graphs = false;
  bool report = false;
  bool quiet = false;
  std::string shard;
  std::string jsonl;
};

std::size_t thread_count(std::size_t jobs) {
  if (jobs > 0) return jobs;
  unsigned hardware = std::thread::hardware_concurrency();
  return hardware == 0 ? 1 : hardware;
}

int run_jsonl_mode(const BatchCommandOptions& options) {
  if (options.jsonl != "-") {
    report_error("--jsonl takes \"-\" (standard input to standard output)");
    return kExitUsage;
  }
  if (!options.paths.empty() || !options.output.empty() || !options.shard.empty() || options.resume) {
    report_error("--jsonl reads standard input: it takes no PATH, -o, --shard or --resume");
    return kExitUsage;
  }
  std::ios::sync_with_stdio(false);
  batch::JsonlReport report = batch::run_jsonl(std::cin, std::cout, thread_count(options.jobs));
  if (report.output_failed) {
    report_error("<stdout>: cannot write the output");
    return kExitOutputError;
  }
  if (!options.quiet && report.failed > 0)
    report_error("batch: " + std::to_string(report.failed) + " of " + std::to_string(report.records) +
                 " records failed");
  return report.failed > 0 ? kExitPartialBatch : kExitOk;
}

int run_batch_command(const BatchCommandOptions& options) {
  if (!options.jsonl.empty()) return run_jsonl_mode(options);
  if (options.paths.empty()) {
    report_error("batch: give at least one PATH (or --jsonl -)");
    return kExitUsage;
  }
  if (options.output.empty()) {
    report_error("batch: -o OUTDIR is required");
    return kExitUsage;
  }
  batch::BatchOptions batch_options;
  batch_options.roots = options.paths;
  batch_options.output_directory = options.output;
  batch_options.threads = thread_count(options.jobs);
  batch_options.resume = options.resume;
  batch_options.include = options.include;
  batch_options.exclude = options.exclude;
  batch_options.graphs = options.graphs;
  batch_options.report = options.report;
  if (!options.shard.empty()) {
    batch_options.shard = batch::parse_shard_spec(options.shard);
    if (!batch_options.shard) {
      report_error("--shard " + options.shard + ": expected I/N with 0 <= I < N");
      return kExitUsage;
    }
  }
  // Progress only for a person watching: never into logs or pipes.
  if (!options.quiet && ::isatty(STDERR_FILENO)) batch_options.progress_stream = stderr;

  batch::BatchReport report = batch::run_batch(batch_options);
  if (!report.usage_error.empty()) {
    report_error(report.usage_error);
    return kExitUsage;
  }
  for (const std::string& failure : report.failures) report_error(failure);
  if (!report.output_error.empty()) {
    report_error(report.output_error);
    return kExitOutputError;
  }
  if (!options.quiet) {
    std::cerr << "filmscope batch: " << report.inputs << " inputs, " << report.analysed
              << " analysed, " << report.resumed << " resumed, " << report.failed << " failed\n";
  }
  return report.failed > 0 ? kExitPartialBatch : kExitOk;
}

}  // namespace

void add_batch_command(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<BatchCommandOptions>();
  CLI::App* command = app.add_subcommand(
      "batch", "Analyse a corpus: per-input JSON, summary.csv and filmscope.sqlite in OUTDIR");
  command->add_option("PATH", options->paths, "Input files, directories (recursive) or glob patterns");
  command->add_option("-o,--output", options->output, "Output directory");
  command->add_option("-j,--jobs", options->jobs, "Worker threads (default: one per hardware thread)")
      ->check(CLI::Range(1, 1024));
  command->add_flag("--resume", options->resume,
                    "Skip inputs whose complete result for the same content is already in OUTDIR");
  command->add_option("--include", options->include,
                      "Only inputs whose relative path matches this glob (repeatable)")
      ->take_all();
  command->add_option("--exclude", options->exclude,
                      "Skip inputs whose relative path matches this glob (repeatable), e.g. '*.json'")
      ->take_all();
  command->add_flag("--graphs", options->graphs, "Also write <input>.dot and <input>.graphml");
  command->add_flag("--report", options->report,
                    "Also write <input>.html reports and an index.html linking them");
  command->add_flag("-q,--quiet", options->quiet, "No progress line or closing count");
  command->add_option("--shard", options->shard,
                      "Process only shard I of N (0-based), for job arrays; merge with a final --resume run");
  command->add_option("--jsonl", options->jsonl,
                      "\"-\": read JSON Lines ({\"id\",\"text\"} or {\"path\"}) on stdin, write analyses to stdout");
  command->callback([options, &exit_code] {
    exit_code = run_reporting_throws("batch", kExitOutputError, [&] { return run_batch_command(*options); });
  });
}

}  // namespace filmscope::cli

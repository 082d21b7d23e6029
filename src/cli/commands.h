// The subcommands of the filmscope CLI, one file each. Each add_*_command registers its
// subcommand on `app`; when the subcommand runs, its callback stores the process exit code in
// `exit_code`. Exit codes come only from here: see ExitCode.
#pragma once

#include <CLI/CLI.hpp>

namespace filmscope::cli {

enum ExitCode : int {
  kExitOk = 0,
  kExitInputError = 1,    // a file could not be read, decoded or parsed
  kExitUsage = 2,         // bad options or arguments
  kExitPartialBatch = 3,  // batch: some inputs failed, the rest finished
  kExitOutputError = 4,   // an output file could not be written
};

void add_analyze_command(CLI::App& app, int& exit_code);
void add_graph_command(CLI::App& app, int& exit_code);
void add_parse_command(CLI::App& app, int& exit_code);
void add_valence_command(CLI::App& app, int& exit_code);
void add_themes_command(CLI::App& app, int& exit_code);
void add_batch_command(CLI::App& app, int& exit_code);
void add_corpus_command(CLI::App& app, int& exit_code);
void add_report_command(CLI::App& app, int& exit_code);

}  // namespace filmscope::cli

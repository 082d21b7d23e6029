// filmscope: a thin CLI11 layer over the filmscope library.
#include <iostream>

#include "cli/commands.h"

int main(int argc, char** argv) {
  CLI::App app{"filmscope: film analysis and screenplay tooling"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "filmscope 0.1.0");
  int exit_code = filmscope::cli::kExitOk;
  filmscope::cli::add_analyze_command(app, exit_code);
  filmscope::cli::add_graph_command(app, exit_code);
  filmscope::cli::add_report_command(app, exit_code);
  filmscope::cli::add_parse_command(app, exit_code);
  filmscope::cli::add_valence_command(app, exit_code);
  filmscope::cli::add_themes_command(app, exit_code);
  filmscope::cli::add_batch_command(app, exit_code);
  filmscope::cli::add_corpus_command(app, exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // Help and version are "errors" with exit code 0 in CLI11; everything else is usage.
    int code = app.exit(e);
    return code == 0 ? filmscope::cli::kExitOk : filmscope::cli::kExitUsage;
  }
  return exit_code;
}

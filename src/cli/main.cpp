// filmscope: a thin CLI11 layer over the filmscope library.
#include <csignal>
#include <string>

#include "cli/cli_output.h"
#include "cli/commands.h"

int main(int argc, char** argv) {
  // A reader that stops early (`filmscope analyze x | head -c1`) ends filmscope the way it ends
  // cat: quietly, by SIGPIPE. Set explicitly because a parent may hand down an ignored SIGPIPE,
  // which would turn the same situation into a write error with a message and exit code 4.
  std::signal(SIGPIPE, SIG_DFL);
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
    // Help and version are "errors" with exit code 0 in CLI11 and print to stdout; every other
    // parse error is a usage error, reported as one line like any other failure.
    if (e.get_exit_code() == 0) return app.exit(e);
    filmscope::cli::report_error(std::string(e.what()) + " (see filmscope --help)");
    return filmscope::cli::kExitUsage;
  }
  return exit_code;
}

// `filmscope corpus OUTDIR`: theme prevalence, the most central characters across films and the
// distribution of arc shapes of a corpus analysed by `filmscope batch` (batch/corpus_report.h).
#include <exception>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>

#include "batch/corpus_database.h"
#include "batch/corpus_report.h"
#include "cli/cli_output.h"
#include "cli/commands.h"

namespace filmscope::cli {

namespace {

int run_corpus(const std::string& directory) {
  std::filesystem::path database = std::filesystem::path(directory) / batch::kDatabaseFileName;
  std::error_code ec;
  if (!std::filesystem::is_regular_file(database, ec)) {
    report_error(database.string() + ": no corpus database (run `filmscope batch PATH... -o " + directory +
                 "` first)");
    return kExitInputError;
  }
  batch::CorpusReport report = batch::corpus_report(database);
  if (!report.error.empty()) {
    report_error(database.string() + ": " + report.error);
    return kExitInputError;
  }
  return emit_output("-", report.text);
}

}  // namespace

void add_corpus_command(CLI::App& app, int& exit_code) {
  auto directory = std::make_shared<std::string>();
  CLI::App* command = app.add_subcommand(
      "corpus", "Summarise a batch output directory: themes, central characters, arc shapes");
  command->add_option("OUTDIR", *directory, "Output directory of `filmscope batch`")->required();
  command->callback([directory, &exit_code] {
    exit_code = run_reporting_throws(*directory, kExitInputError, [&] { return run_corpus(*directory); });
  });
}

}  // namespace filmscope::cli

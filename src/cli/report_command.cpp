// `filmscope report FILE [--input-format FORMAT] [-o OUT.html]`: runs the pipeline on one input
// and writes its self-contained HTML report (report/html_report.h).
#include <exception>
#include <memory>
#include <string>

#include "cli/cli_output.h"
#include "cli/commands.h"
#include "pipeline/analyze.h"
#include "report/html_report.h"

namespace filmscope::cli {

namespace {

struct ReportCommandOptions {
  std::string input;
  std::string input_format;  // empty: detect
  std::string output;        // empty or "-": stdout
};

int run_report(const ReportCommandOptions& options) {
  AnalyzeOptions pipeline_options;
  if (!options.input_format.empty()) pipeline_options.format = parse_input_format(options.input_format);
  AnalyzeResult result = analyze_file(options.input, pipeline_options);
  if (!result.analysis) {
    report_error(result.error.empty() ? options.input + ": cannot analyse the input" : result.error);
    return kExitInputError;
  }
  return emit_output(options.output, report::render_report(*result.analysis));
}

}  // namespace

void add_report_command(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<ReportCommandOptions>();
  CLI::App* command = app.add_subcommand(
      "report", "Write a self-contained HTML report: character graph, narrative chart, arcs, themes");
  command->add_option("FILE", options->input, "Input file")->required();
  add_input_format_option(*command, options->input_format);
  add_output_option(*command, options->output);
  command->callback([options, &exit_code] {
    exit_code = run_reporting_throws(options->input, kExitInputError, [&] { return run_report(*options); });
  });
}

}  // namespace filmscope::cli

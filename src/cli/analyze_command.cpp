// `filmscope analyze FILE [--format text|json] [--input-format FORMAT] [-o OUT]`: runs the whole
// pipeline on one input and prints the text summary or the filmscope/analysis@1 JSON document.
#include <exception>
#include <memory>
#include <optional>
#include <string>

#include "cli/cli_output.h"
#include "cli/commands.h"
#include "cli/theme_options.h"
#include "export/json_export.h"
#include "export/text_summary.h"
#include "pipeline/analyze.h"

namespace filmscope::cli {

namespace {

struct AnalyzeCommandOptions {
  std::string input;
  std::string format = "text";
  std::string input_format;  // empty: detect
  std::string output;        // empty or "-": stdout
  std::string themes;        // empty: the built-in theme set
};

int run_analyze(const AnalyzeCommandOptions& options) {
  std::optional<ThemeSet> theme_set;
  if (!load_theme_set(options.themes, theme_set)) return kExitInputError;
  AnalyzeOptions pipeline_options;
  if (!options.input_format.empty())
    pipeline_options.format = parse_input_format(options.input_format);
  pipeline_options.themes = &*theme_set;
  AnalyzeResult result = analyze_file(options.input, pipeline_options);
  if (!result.analysis) {
    report_error(result.error.empty() ? options.input + ": cannot analyse the input"
                                      : result.error);
    return kExitInputError;
  }
  const std::string document = options.format == "json" ? to_analysis_json(*result.analysis)
                                                        : to_text_summary(*result.analysis);
  return emit_output(options.output, document);
}

}  // namespace

void add_analyze_command(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<AnalyzeCommandOptions>();
  CLI::App* command = app.add_subcommand(
      "analyze", "Analyse a synopsis or screenplay: characters, relationships, graph metrics");
  command->add_option("FILE", options->input, "Input file")->required();
  command->add_option("--format", options->format, "Output format: text (default) or json")
      ->check(CLI::IsMember({"text", "json"}));
  add_input_format_option(*command, options->input_format);
  command->add_option("--themes", options->themes,
                      "Theme definitions that add to or override the built-in set (tag<TAB>term…)");
  add_output_option(*command, options->output);
  command->callback([options, &exit_code] {
    exit_code = run_reporting_throws(options->input, kExitInputError, [&] { return run_analyze(*options); });
  });
}

}  // namespace filmscope::cli

// `filmscope graph FILE [--format dot|graphml|json] [--input-format FORMAT] [-o OUT]`: runs the
// pipeline on one input and writes only its character graph, for Graphviz, graph tools
// (Gephi, yEd, networkx) or scripts.
#include <exception>
#include <memory>
#include <string>

#include "cli/cli_output.h"
#include "cli/commands.h"
#include "export/dot_export.h"
#include "export/graphml_export.h"
#include "export/json_export.h"
#include "pipeline/analyze.h"

namespace filmscope::cli {

namespace {

struct GraphCommandOptions {
  std::string input;
  std::string format = "dot";
  std::string input_format;  // empty: detect
  std::string output;        // empty or "-": stdout
};

std::string render(const Analysis& analysis, const std::string& format) {
  if (format == "graphml") return to_graphml(analysis);
  if (format == "json") return to_graph_json(analysis);
  return to_dot(analysis);
}

int run_graph(const GraphCommandOptions& options) {
  AnalyzeOptions pipeline_options;
  if (!options.input_format.empty())
    pipeline_options.format = parse_input_format(options.input_format);
  AnalyzeResult result = analyze_file(options.input, pipeline_options);
  if (!result.analysis) {
    report_error(result.error.empty() ? options.input + ": cannot analyse the input"
                                      : result.error);
    return kExitInputError;
  }
  return emit_output(options.output, render(*result.analysis, options.format));
}

}  // namespace

void add_graph_command(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<GraphCommandOptions>();
  CLI::App* command =
      app.add_subcommand("graph", "Write the character graph as DOT, GraphML or JSON");
  command->add_option("FILE", options->input, "Input file")->required();
  command->add_option("--format", options->format, "Output format: dot (default), graphml, json")
      ->check(CLI::IsMember({"dot", "graphml", "json"}));
  add_input_format_option(*command, options->input_format);
  add_output_option(*command, options->output);
  command->callback([options, &exit_code] {
    exit_code = run_reporting_throws(options->input, kExitInputError, [&] { return run_graph(*options); });
  });
}

}  // namespace filmscope::cli

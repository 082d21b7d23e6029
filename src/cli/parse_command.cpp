// `filmscope parse FILE [--format tsv|json] [--input-format FORMAT] [-o OUT]`: runs only a
// screenplay reader and prints what it saw: one "<line>\t<kind>" row per source line (tsv, the
// default) or the elements, scenes and diagnostics as JSON. The input format comes from
// --input-format or, without it, from format detection; a synopsis is refused.
#include <exception>
#include <memory>
#include <optional>
#include <string>

#include "cli/cli_output.h"
#include "cli/commands.h"
#include "detect/detect_format.h"
#include "io/decode.h"
#include "screenplay/read_screenplay.h"
#include "screenplay/screenplay_dump.h"
#include "screenplay/screenplay_story.h"

namespace filmscope::cli {

namespace {

struct ParseCommandOptions {
  std::string input;
  std::string format = "tsv";
  std::string input_format;  // empty: detect
  std::string output;        // empty or "-": stdout
};

int run_parse(const ParseCommandOptions& options) {
  DecodeResult decoded = load_text_file(options.input);
  if (!decoded.decoded) {
    report_error(options.input + ": " + decoded.error);
    return kExitInputError;
  }
  const std::string& text = decoded.decoded->text;
  std::optional<InputFormat> format = options.input_format.empty()
                                          ? std::optional(detect_format(options.input, text))
                                          : parse_input_format(options.input_format);
  if (!format) {
    report_error(options.input + ": unknown input format " + options.input_format);
    return kExitUsage;
  }
  std::optional<ScreenplayDocument> document = read_screenplay(text, *format);
  if (!document) {
    report_error(options.input + ": not a screenplay (read as " + std::string(to_string(*format)) +
                 "); use --input-format fountain, plaintext or fdx");
    return kExitInputError;
  }
  // A reader error (malformed XML, entity declarations) fails the input: nothing is printed
  // but the first error, so no caller mistakes a partial element stream for the screenplay.
  for (const Diagnostic& d : document->diagnostics) {
    if (d.severity != Severity::error) continue;
    report_error(options.input + (d.line > 0 ? ":" + std::to_string(d.line) : std::string()) + ": " + d.message);
    return kExitInputError;
  }
  std::string out;
  if (options.format == "json") {
    out = to_parse_json(*document, story_from_screenplay(*document), *format);
  } else {
    out = to_line_kinds_tsv(*document);
  }
  return emit_output(options.output, out);
}

}  // namespace

void add_parse_command(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<ParseCommandOptions>();
  CLI::App* command = app.add_subcommand(
      "parse", "Read a screenplay and print the kind of every line (tsv) or its elements (json)");
  command->add_option("FILE", options->input, "Input file")->required();
  command->add_option("--format", options->format, "Output format: tsv (default) or json")
      ->check(CLI::IsMember({"tsv", "json"}));
  command
      ->add_option("--input-format", options->input_format,
                   "Input format, instead of detecting it: fountain, plaintext, fdx")
      ->check(CLI::IsMember({"fountain", "plaintext", "fdx"}));
  add_output_option(*command, options->output);
  command->callback([options, &exit_code] {
    exit_code = run_reporting_throws(options->input, kExitInputError, [&] { return run_parse(*options); });
  });
}

}  // namespace filmscope::cli

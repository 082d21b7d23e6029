// `filmscope valence FILE [-o OUT]`: scores every line of FILE as one sentence with the
// sentence valence model and prints one compound score (-1..1, four decimals) per line, empty
// lines included (they score 0). Used by scripts/eval-valence to compare the model with the
// reference implementation, and handy for checking how a sentence reads.
#include <exception>
#include <memory>
#include <string>

#include "cli/cli_output.h"
#include "cli/commands.h"
#include "export/number_format.h"
#include "io/decode.h"
#include "sentiment/sentence_valence.h"

namespace filmscope::cli {

namespace {

constexpr int kValenceDecimals = 4;  // as the reference implementation rounds its compound

struct ValenceCommandOptions {
  std::string input;
  std::string output;  // empty or "-": stdout
};

int run_valence(const ValenceCommandOptions& options) {
  DecodeResult decoded = load_text_file(options.input);
  if (!decoded.decoded) {
    report_error(options.input + ": " + decoded.error);
    return kExitInputError;
  }
  const std::string& text = decoded.decoded->text;
  const ValenceLexicon& lexicon = default_valence_lexicon();
  std::string out;
  std::size_t start = 0;
  while (start < text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    double compound = score_valence(std::string_view(text).substr(start, end - start), lexicon).compound;
    out += format_decimal(round_for_export(compound, kValenceDecimals), kValenceDecimals) + "\n";
    start = end + 1;
  }
  return emit_output(options.output, out);
}

}  // namespace

void add_valence_command(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<ValenceCommandOptions>();
  CLI::App* command = app.add_subcommand(
      "valence", "Score each line of a file as a sentence: one compound valence (-1..1) per line");
  command->add_option("FILE", options->input, "Input file, one sentence per line")->required();
  add_output_option(*command, options->output);
  command->callback([options, &exit_code] {
    exit_code = run_reporting_throws(options->input, kExitInputError, [&] { return run_valence(*options); });
  });
}

}  // namespace filmscope::cli

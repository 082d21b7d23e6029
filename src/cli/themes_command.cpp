// `filmscope themes FILE… [--themes DEFS] [--input-format FORMAT] [-o OUT]`: runs the pipeline on
// each input and prints, for every theme of the set, one tab-separated row
// "file, tag, score, matches, expected, words" (a header first; per file, highest score first,
// ties in definition order). It exposes the raw figures behind Analysis::themes, which
// scripts/theme-background sums into background rates and scripts/eval-themes ranks.
#include <exception>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "analysis/tone_analysis.h"
#include "cli/cli_output.h"
#include "cli/commands.h"
#include "cli/theme_options.h"
#include "export/number_format.h"
#include "io/decode.h"
#include "pipeline/analyze.h"

namespace filmscope::cli {

namespace {

constexpr int kThemeDecimals = 6;

struct ThemesCommandOptions {
  std::vector<std::string> inputs;
  std::string themes;        // empty: the built-in set
  std::string input_format;  // empty: detect
  std::string output;        // empty or "-": stdout
};

int run_themes(const ThemesCommandOptions& options) {
  std::optional<ThemeSet> set;
  if (!load_theme_set(options.themes, set)) return kExitInputError;
  AnalyzeOptions pipeline_options;
  if (!options.input_format.empty()) pipeline_options.format = parse_input_format(options.input_format);
  std::string out = "file\ttag\tscore\tmatches\texpected\twords\n";
  for (const std::string& input : options.inputs) {
    AnalyzeResult result = analyze_file(input, pipeline_options);
    if (!result.analysis) {
      report_error(result.error.empty() ? input + ": cannot analyse the input" : result.error);
      return kExitInputError;
    }
    ThemeProfile profile = profile_themes(story_sentences(result.analysis->scenes), *set);
    std::vector<const ThemeMeasure*> order;
    for (const auto& measure : profile.themes) order.push_back(&measure);
    std::stable_sort(order.begin(), order.end(),
                     [](const ThemeMeasure* a, const ThemeMeasure* b) { return a->score > b->score; });
    for (const ThemeMeasure* m : order)
      out += input + "\t" + m->tag + "\t" + format_decimal(round_for_export(m->score, kThemeDecimals), kThemeDecimals) +
             "\t" + format_decimal(round_for_export(m->matches, kThemeDecimals), kThemeDecimals) + "\t" +
             format_decimal(round_for_export(m->expected, kThemeDecimals), kThemeDecimals) + "\t" +
             std::to_string(profile.words) + "\n";
  }
  return emit_output(options.output, out);
}

}  // namespace

void add_themes_command(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<ThemesCommandOptions>();
  CLI::App* command = app.add_subcommand(
      "themes", "Print every theme's score, matches and expected matches for each input (tsv)");
  command->add_option("FILE", options->inputs, "Input files")->required();
  command->add_option("--themes", options->themes,
                      "Theme definitions that add to or override the built-in set (tag<TAB>term…)");
  add_input_format_option(*command, options->input_format);
  add_output_option(*command, options->output);
  command->callback([options, &exit_code] {
    exit_code = run_reporting_throws("themes", kExitInputError, [&] { return run_themes(*options); });
  });
}

}  // namespace filmscope::cli

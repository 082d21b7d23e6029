// The pipeline for one input. Errors are returned as values carrying one line that names the
// file; only the CLI turns them into messages and exit codes.
//
// Synopses go through the synopsis reader and analyze_story; screenplays (Fountain, plain text,
// Final Draft) through read_screenplay → story_from_screenplay → analyze_screenplay. A reader
// diagnostic of severity error (malformed XML, not a Final Draft file) makes the whole input
// fail with that diagnostic as the one-line error. Screenplay mentions carry lines only; the
// pipeline, which holds the decoded text, turns them into byte offsets.
#include "pipeline/analyze.h"

#include <algorithm>

#include "analysis/screenplay_analysis.h"
#include "analysis/story_analysis.h"
#include "analysis/tone_analysis.h"
#include "arcs/apply_arcs.h"
#include "detect/detect_format.h"
#include "io/decode.h"
#include "screenplay/read_screenplay.h"
#include "screenplay/screenplay_story.h"
#include "synopsis/synopsis_reader.h"

namespace filmscope {

namespace {

// An input without a title takes it from the file name ("Moon.synopsis.txt", "Brick.fountain").
std::string title_from_path(const std::filesystem::path& path) {
  std::string stem = path.filename().string();
  for (std::string_view suffix : {".txt", ".md", ".synopsis", ".text", ".fountain", ".spmd", ".fdx"}) {
    if (stem.size() > suffix.size() && stem.ends_with(suffix)) stem.erase(stem.size() - suffix.size());
  }
  return stem;
}

bool is_screenplay(InputFormat format) { return format != InputFormat::synopsis; }

// Byte offset of each mention: the start of its line plus where its text occurs on that line
// (the line start when it does not, e.g. an FDX cue whose XML line holds escaped text).
void locate_mentions(Analysis& analysis, std::string_view text) {
  std::vector<std::size_t> line_starts{0};
  for (std::size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n') line_starts.push_back(i + 1);
  for (Character& character : analysis.characters) {
    for (Mention& mention : character.mentions) {
      if (mention.line == 0 || mention.line > line_starts.size()) continue;
      std::size_t begin = line_starts[mention.line - 1];
      std::size_t end = mention.line < line_starts.size() ? line_starts[mention.line] : text.size();
      std::size_t at = text.substr(begin, end - begin).find(mention.text);
      mention.offset = begin + (at == std::string_view::npos ? 0 : at);
    }
  }
}

const Diagnostic* first_error(const std::vector<Diagnostic>& diagnostics) {
  auto it = std::find_if(diagnostics.begin(), diagnostics.end(),
                         [](const Diagnostic& d) { return d.severity == Severity::error; });
  return it == diagnostics.end() ? nullptr : &*it;
}

}  // namespace

Analysis analyze_text(std::string_view text, const SourceInfo& source, const AnalyzeOptions& options) {
  Analysis analysis;
  if (is_screenplay(source.format)) {
    std::optional<ScreenplayDocument> document = read_screenplay(text, source.format);
    Story story = document ? story_from_screenplay(*document) : Story{};
    analysis = analyze_screenplay(story, source);
    locate_mentions(analysis, text);
  } else {
    analysis = analyze_story(read_synopsis(text), source);
  }
  apply_themes_and_valence(analysis, options.themes ? *options.themes : default_theme_set());
  apply_arcs(analysis);  // after valence: arcs read each scene's valence
  return analysis;
}

AnalyzeResult analyze_file(const std::filesystem::path& path, const AnalyzeOptions& options) {
  AnalyzeResult result;
  DecodeResult decoded = load_text_file(path);
  if (!decoded.decoded) {
    result.error = path.string() + ": " + decoded.error;
    return result;
  }
  SourceInfo source;
  source.path = path.string();
  source.encoding = decoded.decoded->encoding;
  source.format = options.format ? *options.format : detect_format(path.filename().string(), decoded.decoded->text);
  Analysis analysis = analyze_text(decoded.decoded->text, source, options);
  if (const Diagnostic* error = first_error(analysis.diagnostics); error && is_screenplay(source.format)) {
    result.error = path.string() + (error->line > 0 ? ":" + std::to_string(error->line) : std::string()) +
                   ": " + error->message;
    return result;
  }
  if (analysis.film.title.empty()) {
    analysis.film.title = title_from_path(path);
    analysis.diagnostics.push_back({Severity::info, "title-from-file-name", 0,
                                    is_screenplay(source.format)
                                        ? "no title on the title page: the title comes from the file name"
                                        : "no title line or film sentence: the title comes from the file name"});
  }
  result.analysis = std::move(analysis);
  return result;
}

}  // namespace filmscope

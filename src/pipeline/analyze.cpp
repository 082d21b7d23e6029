// The pipeline for one input. Errors are returned as values carrying one line that names the
// file; only the CLI turns them into messages and exit codes.
#include "pipeline/analyze.h"

#include "analysis/story_analysis.h"
#include "detect/detect_format.h"
#include "io/decode.h"
#include "synopsis/synopsis_reader.h"

namespace filmscope {

namespace {

// A synopsis without a title line takes its title from the file name ("Moon.synopsis.txt").
std::string title_from_path(const std::filesystem::path& path) {
  std::string stem = path.filename().string();
  for (std::string_view suffix : {".txt", ".md", ".synopsis", ".text"}) {
    if (stem.size() > suffix.size() && stem.ends_with(suffix)) stem.erase(stem.size() - suffix.size());
  }
  return stem;
}

}  // namespace

Analysis analyze_text(std::string_view text, const SourceInfo& source) {
  Story story = read_synopsis(text);
  return analyze_story(story, source);
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
  if (source.format != InputFormat::synopsis) {
    result.error = path.string() + ": " + std::string(to_string(source.format)) +
                   " screenplays cannot be analysed by this build; pass --input-format synopsis to read it as prose";
    return result;
  }
  Analysis analysis = analyze_text(decoded.decoded->text, source);
  if (analysis.film.title.empty()) {
    analysis.film.title = title_from_path(path);
    analysis.diagnostics.push_back({Severity::info, "title-from-file-name", 0,
                                    "no title line or film sentence: the title comes from the file name"});
  }
  result.analysis = std::move(analysis);
  return result;
}

}  // namespace filmscope

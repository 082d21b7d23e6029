// The path each fuzz target drives (see fuzz_harness.h). Every output is built and dropped: the
// exporters escape and lay out whatever text the readers let through, so they are part of what
// hostile input can reach.
#include "fuzz_harness.h"

#include <array>
#include <utility>

#include "detect/detect_format.h"
#include "export/dot_export.h"
#include "export/graphml_export.h"
#include "export/json_export.h"
#include "export/text_summary.h"
#include "io/decode.h"
#include "pipeline/analyze.h"
#include "screenplay/read_screenplay.h"
#include "screenplay/screenplay_dump.h"
#include "screenplay/screenplay_story.h"

namespace filmscope::fuzz {
namespace {

constexpr std::array<std::pair<FuzzTarget, std::string_view>, 5> kTargetNames = {{
    {FuzzTarget::decode_detect, "decode_detect"},
    {FuzzTarget::synopsis, "synopsis"},
    {FuzzTarget::fountain, "fountain"},
    {FuzzTarget::plaintext, "plaintext"},
    {FuzzTarget::fdx, "fdx"},
}};

InputFormat reader_format(FuzzTarget target) {
  switch (target) {
    case FuzzTarget::fountain: return InputFormat::fountain;
    case FuzzTarget::plaintext: return InputFormat::plaintext;
    case FuzzTarget::fdx: return InputFormat::fdx;
    case FuzzTarget::synopsis:
    case FuzzTarget::decode_detect: break;
  }
  return InputFormat::synopsis;
}

void export_everything(const Analysis& analysis) {
  (void)to_analysis_json(analysis);
  (void)to_graph_json(analysis);
  (void)to_dot(analysis);
  (void)to_graphml(analysis);
  (void)to_text_summary(analysis);
}

// What `filmscope parse` prints, for the screenplay formats.
void dump_screenplay(std::string_view text, InputFormat format) {
  std::optional<ScreenplayDocument> document = read_screenplay(text, format);
  if (!document) return;
  (void)to_line_kinds_tsv(*document);
  (void)to_parse_json(*document, story_from_screenplay(*document), format);
}

}  // namespace

std::string_view to_string(FuzzTarget target) {
  for (const auto& [known, name] : kTargetNames)
    if (known == target) return name;
  return {};
}

std::optional<FuzzTarget> parse_fuzz_target(std::string_view name) {
  for (const auto& [known, known_name] : kTargetNames)
    if (known_name == name) return known;
  return std::nullopt;
}

void exercise_input(FuzzTarget target, std::string_view bytes) {
  DecodeResult decoded = decode_bytes(bytes);
  if (!decoded.decoded) return;
  const std::string& text = decoded.decoded->text;
  if (target == FuzzTarget::decode_detect) {
    // Both file-name cases: detection trusts an .fdx extension before the content.
    (void)detect_format("input.txt", text);
    (void)detect_format("input.fdx", text);
    return;
  }
  SourceInfo source;
  source.path = "fuzz-input";
  source.encoding = decoded.decoded->encoding;
  source.format = reader_format(target);
  if (source.format != InputFormat::synopsis) dump_screenplay(text, source.format);
  export_everything(analyze_text(text, source));
}

}  // namespace filmscope::fuzz

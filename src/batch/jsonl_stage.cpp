// The JSON Lines stage (see jsonl_stage.h).
#include "batch/jsonl_stage.h"

#include <istream>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "batch/ordered_pipeline.h"
#include "detect/detect_format.h"
#include "export/json_export.h"
#include "export/json_writer.h"
#include "io/decode.h"
#include "pipeline/analyze.h"

namespace filmscope::batch {

namespace {

using Json = nlohmann::ordered_json;

// Results waiting per thread; small, since each holds a whole analysis document.
constexpr std::size_t kJsonlWindowPerThread = 4;

struct Record {
  std::string line;
  bool too_long = false;
};

struct Output {
  std::string line;
  bool failed = false;
};

std::string error_line(const Json& id, const std::string& message) {
  Json j;
  j["id"] = id;
  j["error"] = message;
  return json_text(j, -1);
}

Output analyse_record(const Record& record) {
  if (record.too_long) return {error_line(nullptr, "line longer than the limit"), true};
  Json request = Json::parse(record.line, nullptr, false);
  if (request.is_discarded() || !request.is_object())
    return {error_line(nullptr, "not a JSON object"), true};
  Json id = request.contains("id") ? request["id"] : Json(nullptr);
  std::optional<Analysis> analysis;
  if (request.contains("text") && request["text"].is_string()) {
    DecodeResult decoded = decode_bytes(request["text"].get_ref<const std::string&>());
    if (!decoded.decoded) return {error_line(id, decoded.error), true};
    std::string name = request.contains("name") && request["name"].is_string()
                           ? request["name"].get<std::string>()
                           : (id.is_string() ? id.get<std::string>() : std::string());
    SourceInfo source;
    source.path = name;
    source.encoding = decoded.decoded->encoding;
    source.format = detect_format(name, decoded.decoded->text);
    analysis = analyze_text(decoded.decoded->text, source);
  } else if (request.contains("path") && request["path"].is_string()) {
    std::string path = request["path"].get<std::string>();
    if (id.is_null()) id = path;
    AnalyzeResult result = analyze_file(path, AnalyzeOptions{});
    if (!result.analysis) return {error_line(id, result.error), true};
    analysis = std::move(result.analysis);
  } else {
    return {error_line(id, "expected a \"text\" or a \"path\" string"), true};
  }
  // The id, then the document's members as to_analysis_json writes them, figures included.
  const std::string document = to_analysis_json_line(*analysis);
  return {"{\"id\":" + json_text(id, -1) + "," + document.substr(1), false};
}

// std::getline, except that a line longer than kMaxJsonlLineBytes is read to its end without
// being kept (`too_long` is set and `line` cleared), so one enormous line costs no memory.
bool read_bounded_line(std::istream& in, std::string& line, bool& too_long) {
  line.clear();
  too_long = false;
  std::streambuf* buffer = in.rdbuf();
  bool read_any = false;
  while (true) {
    int c = buffer->sbumpc();
    if (c == std::char_traits<char>::eof()) {
      in.setstate(std::ios::eofbit);
      return read_any;
    }
    read_any = true;
    if (c == '\n') return true;
    if (too_long) continue;
    if (line.size() == kMaxJsonlLineBytes) {
      too_long = true;
      line.clear();
      line.shrink_to_fit();
      continue;
    }
    line += static_cast<char>(c);
  }
}

}  // namespace

JsonlReport run_jsonl(std::istream& in, std::ostream& out, std::size_t threads) {
  JsonlReport report;
  if (threads == 0) threads = 1;
  run_ordered_pipeline<Record, Output>(
      threads, threads * kJsonlWindowPerThread,
      [&]() -> std::optional<Record> {
        // Called under the pipeline's lock: one reader at a time.
        std::string line;
        bool too_long = false;
        while (read_bounded_line(in, line, too_long)) {
          if (too_long) return Record{{}, true};
          if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
          return Record{std::move(line), false};
        }
        return std::nullopt;
      },
      [](Record&& record) {
        try {
          return analyse_record(record);
        } catch (const std::exception& e) {
          return Output{error_line(nullptr, std::string("internal error: ") + e.what()), true};
        }
      },
      [&](Output&& output) {
        ++report.records;
        if (output.failed) ++report.failed;
        out << output.line << '\n';
        out.flush();
        if (!out) report.output_failed = true;
      },
      [] {});
  return report;
}

}  // namespace filmscope::batch

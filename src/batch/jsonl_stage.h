// `filmscope batch --jsonl -`: filmscope as a streaming stage (Hadoop Streaming, Spark
// RDD.pipe, GNU parallel --pipe). Reads JSON Lines, writes JSON Lines.
//
// Takes: one JSON object per input line, either {"id": …, "text": "…"} (the text itself,
// format detected from the text, or from "name" when given) or {"path": "…"} (a file, read as
// `filmscope analyze` would; "id" defaults to the path). Blank lines are skipped.
// Produces: for each input line, in input order, one line holding the compact analysis JSON
// (filmscope/analysis@1, keys in the documented order) with "id" first; a line that cannot be
// analysed gives {"id": …, "error": "…"} instead, and the stream goes on.
// Method: lines are read and analysed on the ordered pipeline (ordered_pipeline.h), so output
// order matches input order with N threads and memory is bounded by the window.
// Limits: a line longer than kMaxJsonlLineBytes is reported as an error without being parsed.
#pragma once

#include <cstddef>
#include <istream>
#include <ostream>

namespace filmscope::batch {

// Larger than any screenplay (a feature script is about 200 KB); a longer line is refused before
// parsing, whose tree would need several times the line's size.
inline constexpr std::size_t kMaxJsonlLineBytes = std::size_t{64} << 20;

struct JsonlReport {
  std::size_t records = 0;
  std::size_t failed = 0;
  bool output_failed = false;
};

JsonlReport run_jsonl(std::istream& in, std::ostream& out, std::size_t threads);

}  // namespace filmscope::batch

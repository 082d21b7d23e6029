// Fountain's hidden text: boneyard `/* … */` and notes `[[ … ]]`, found before any line is
// classified so that the line grammar only sees what would print.
//
// Takes the decoded text; produces, per line, the visible content (hidden spans cut out), which
// kind of hidden text the line held, and the notes and boneyard blocks with their line spans.
// Method: one pass collects every `/*` and `*/`; an explicit stack pairs them (nested pairs
// fold into the outermost, as afterwriting does) and unmatched markers stay literal text with a
// diagnostic. Notes are matched on the remaining text by a forward scan whose searches for `]]`
// and for an empty line are cached, so the whole pass is linear however many markers are
// unterminated. Limits: a note may not contain an empty line (the spec asks for two spaces on
// such lines) and may not span more than kMaxNoteLines lines; either way its `[[` is text.
#pragma once

#include <cstddef>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "model/analysis.h"
#include "screenplay/line_text.h"

namespace filmscope::fountain_detail {

// Notes longer than this are almost certainly an unclosed `[[` swallowing the script; the bound
// also caps how far one `[[` can make the scan look ahead.
inline constexpr std::size_t kMaxNoteLines = 100;

enum class Hidden : unsigned char { none, boneyard, note };

struct HiddenSpan {
  Hidden kind = Hidden::none;
  LineSpan lines;
  std::string text;  // inside the markers, trimmed
};

struct VisibleLine {
  std::string_view raw;  // the line as written, without '\n'
  // Hidden spans removed: `raw` itself for a line that held no hidden text (most lines hold
  // none, and a view of them costs no copy of the script), else a view of the line's copy in
  // HiddenScan::edited.
  std::string_view content;
  bool had_boneyard = false;
  bool had_note = false;
  // True when the line holds only hidden text (and whitespace): the grammar skips it.
  bool transparent() const {
    return (had_boneyard || had_note) && screenplay_detail::trim(content).empty();
  }
};

struct HiddenScan {
  std::vector<VisibleLine> lines;
  std::vector<HiddenSpan> spans;  // in order of their first line
  std::vector<Diagnostic> diagnostics;
  // The visible text of each line that held hidden text, which its `content` views: a deque,
  // so that the strings never move (moving the scan moves none of them either).
  std::deque<std::string> edited;
};

HiddenScan scan_hidden(std::string_view text);

}  // namespace filmscope::fountain_detail

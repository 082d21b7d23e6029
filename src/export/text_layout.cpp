// Display-width aware shortening and padding of UTF-8 text.
//
// Takes: UTF-8 strings. Produces: strings cut or padded to a number of terminal columns.
// Method: widths come from display_width (text/unicode_text.h: East Asian wide characters
// count two columns, combining marks none); cutting walks code points with ICU's U8_NEXT so a
// multi-byte character is never split. Limits: no grapheme-cluster segmentation, so an emoji
// sequence joined by ZWJ may be cut between its parts; bidirectional text is not reordered.
#include "export/text_layout.h"

#include <unicode/utf8.h>

#include "text/unicode_text.h"

namespace filmscope {

namespace {
constexpr std::string_view kEllipsis = "…";
constexpr std::size_t kEllipsisWidth = 1;
// A cut falls back to the last space only if that loses little text; otherwise the word is cut.
constexpr std::size_t kMaxWordBacktrackBytes = 24;
}  // namespace

std::string shorten(std::string_view text, std::size_t max_width) {
  std::string folded = collapse_whitespace(text);
  if (display_width(folded) <= max_width) return folded;
  if (max_width <= kEllipsisWidth) return max_width == 0 ? std::string() : std::string(kEllipsis);
  const std::size_t budget = max_width - kEllipsisWidth;
  std::size_t width = 0;
  std::size_t cut = 0;
  int32_t i = 0;
  const auto* bytes = reinterpret_cast<const uint8_t*>(folded.data());
  const auto length = static_cast<int32_t>(folded.size());
  while (i < length) {
    int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    std::size_t w = display_width(std::string_view(folded).substr(
        static_cast<std::size_t>(start), static_cast<std::size_t>(i - start)));
    if (width + w > budget) break;
    width += w;
    cut = static_cast<std::size_t>(i);
  }
  std::string head = folded.substr(0, cut);
  auto space = head.rfind(' ');
  if (space != std::string::npos && space > 0 && head.size() - space <= kMaxWordBacktrackBytes)
    head.resize(space);
  while (!head.empty() && (head.back() == ' ' || head.back() == ',' || head.back() == ';'))
    head.pop_back();
  return head + std::string(kEllipsis);
}

std::string pad_right(std::string_view text, std::size_t width) {
  std::string out(text);
  std::size_t w = display_width(text);
  if (w < width) out.append(width - w, ' ');
  return out;
}

}  // namespace filmscope

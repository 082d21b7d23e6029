// The one normalisation theme matching applies to a case-folded word besides stemming: a
// typographic apostrophe becomes an ASCII one, so "isn’t" and "isn't" are the same word.
#pragma once

#include <string>
#include <string_view>

namespace filmscope {

inline std::string theme_word(std::string_view folded) {
  constexpr std::string_view kRightQuote = "\xE2\x80\x99";  // U+2019
  std::string out;
  out.reserve(folded.size());
  for (std::size_t i = 0; i < folded.size();) {
    if (folded.substr(i, kRightQuote.size()) == kRightQuote) {
      out += '\'';
      i += kRightQuote.size();
    } else {
      out += folded[i++];
    }
  }
  return out;
}

}  // namespace filmscope

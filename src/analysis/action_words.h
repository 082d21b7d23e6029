// Words of a screenplay's action, as name matching needs them: where each word starts and ends,
// and which words start with a capital letter.
//
// Takes: UTF-8 text (invalid sequences are letters like any other non-ASCII byte). Produces:
// word spans, and the capitalised words with the line each is on.
// Method: a word is a run of ASCII letters and digits and non-ASCII characters. ASCII
// punctuation and space separate words, and so do the no-break space, guillemets and the
// General Punctuation block (curly quotes, dashes, ellipsis), so that "Edward’s" and "Edward—"
// hold the word "Edward". Words are cut left to right, a separator of several bytes taken
// whole. Capitalised words are looked for eight bytes at a time, as every byte of the action
// passes through here; a capital is an upper- or title-case first code point (ICU).
// Limits: other non-ASCII punctuation (CJK, the ideographic space) is part of a word.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace filmscope {

// A word's bytes [begin, end) in its text.
struct WordSpan {
  std::size_t begin = 0;
  std::size_t end = 0;
};

// A word that starts with a capital letter: where a name or a character's introduction can
// start.
struct CapitalisedWord {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::size_t line_index = 0;  // '\n's before the word in its text
  bool all_caps = false;       // has a letter and no lower-case letter
};

// The first word that starts at or after `from`, when `from` is not inside a word (the start
// of the text, or the end of a word); nothing when no word is left.
std::optional<WordSpan> next_word(std::string_view text, std::size_t from);

// Appends the words of `text` that start with a capital letter to `out`, in order, cut as
// next_word cuts them.
void append_capitalised_words(std::string_view text, std::vector<CapitalisedWord>& out);

}  // namespace filmscope

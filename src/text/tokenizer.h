// Sentences and words, with byte offsets into the decoded text.
//
// Sentences come from ICU's sentence BreakIterator with the English "standard" suppressions
// (no break after "Mr.", "Dr.", "St." …); a sentence never crosses a blank line or a heading,
// because callers split paragraphs first. Words come from ICU's word BreakIterator, then two
// adjustments that name resolution needs: hyphenated compounds stay one token ("ex-wife",
// "WALL-E", "T-800"), and a possessive "'s"/"’s" is split off into a flag ("Nathan's" → Nathan,
// possessive) so that a name matches whether or not it is possessed.
// Plain ASCII text skips ICU: a hand-written path applies the same rules and ICU's own
// abbreviation list and must give the same breaks (the *_with_icu functions below are the
// reference the tests compare it with); other text goes through ICU.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace filmscope {

struct TextSpan {
  std::size_t offset = 0;  // byte offset into the text given to the splitter, plus its base
  std::size_t length = 0;
};

// True for an abbreviation that ends with a full stop without ending a sentence: titles
// ("Dr", "Mrs", "Capt"), "St", "Jr", "vs", and single capital initials ("J" in "J. Edgar").
bool is_non_final_abbreviation(std::string_view word);

// The word that `text`'s final dot ends (the bytes after its last space, tab, line feed, '(' or
// '"'), or, for a word longer than any abbreviation, a part of it that is still too long to be
// one: is_non_final_abbreviation gives the same answer for either. `text` ends with a dot.
std::string_view abbreviation_candidate(std::string_view text);

// Splits one paragraph into sentences; `base` is added to every offset.
std::vector<TextSpan> split_sentences(std::string_view paragraph, std::size_t base = 0);

// As split_sentences, always through ICU's break iterator: split_sentences takes a faster path
// for plain ASCII text that must give the same sentences, and the tests hold it to that.
std::vector<TextSpan> split_sentences_with_icu(std::string_view paragraph, std::size_t base = 0);

enum class TokenKind { word, number, punctuation };

struct Token {
  std::string_view text;  // as written, without a possessive suffix
  std::string folded;     // case-folded text, for lexicon look-ups
  std::size_t offset = 0;  // byte offset into the decoded text
  TokenKind kind = TokenKind::word;
  bool possessive = false;  // was followed by 's / ’s / a lone apostrophe after s
  bool space_before = true;  // whitespace (or the start) precedes the token
};

// Tokenises `sentence`, whose first byte sits at `base` in the decoded text.
std::vector<Token> tokenize(std::string_view sentence, std::size_t base = 0);
// As tokenize, replacing the contents of `tokens`: a caller cutting thousands of sentences
// keeps one vector and its memory.
void tokenize_into(std::string_view sentence, std::vector<Token>& tokens, std::size_t base = 0);

// As tokenize, always through ICU's break iterator: tokenize takes a faster path for plain
// ASCII text that must give the same tokens, and the tests hold it to that.
std::vector<Token> tokenize_with_icu(std::string_view sentence, std::size_t base = 0);

// A token without its folded text: where it is in the sentence and what it is. For a caller
// that folds words its own way, or all at once (ASCII text folds byte for byte).
struct TokenSpan {
  std::size_t offset = 0;  // into the sentence
  std::size_t length = 0;  // of the token's text, without a possessive suffix
  TokenKind kind = TokenKind::word;
  bool possessive = false;
  bool space_before = true;
};

// The tokens of `sentence` as tokenize cuts them (same texts, kinds and flags), into `spans`.
void token_spans_into(std::string_view sentence, std::vector<TokenSpan>& spans);

// The tokens of sentence[from, to), a stretch without white space (' ', tab, line feed,
// return) between two such bytes or the sentence's ends, appended to `spans` with offsets into
// the sentence, for an ASCII sentence without '_' (where token_spans_into takes its ASCII path).
// That path's tokens never cross white space, so a sentence's tokens are its stretches' tokens
// one after another: a caller that walks the stretches for its own reasons can cut each.
void append_ascii_token_spans(std::string_view sentence, std::size_t from, std::size_t to,
                              std::vector<TokenSpan>& spans);

}  // namespace filmscope

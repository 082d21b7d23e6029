// One cut of a sentence for valence and themes; see tone_words.h.
#include "analysis/tone_words.h"

#include <algorithm>
#include <array>

#include "text/byte_scan.h"
#include "text/tokenizer.h"
#include "text/unicode_text.h"

namespace filmscope {

namespace {

// What a byte is to the one-pass cut: white space to both models, a letter (by case) or a digit,
// or anything else. A table, since the cut looks at every byte of a story's text.
enum ByteClass : std::uint8_t { kOther = 0, kUpper = 1, kLower = 2, kDigit = 4, kSpace = 8 };
constexpr std::uint8_t kLetterOrDigit = kUpper | kLower | kDigit;

constexpr std::array<std::uint8_t, 256> kByteClasses = [] {
  std::array<std::uint8_t, 256> classes{};
  for (int c = 'A'; c <= 'Z'; ++c) classes[c] = kUpper;
  for (int c = 'a'; c <= 'z'; ++c) classes[c] = kLower;
  for (int c = '0'; c <= '9'; ++c) classes[c] = kDigit;
  for (const char c : {' ', '\n', '\t', '\r'}) classes[static_cast<unsigned char>(c)] = kSpace;
  return classes;
}();

std::uint8_t byte_class(char c) { return kByteClasses[static_cast<unsigned char>(c)]; }

// A mark that ends a word without joining it to anything, and that VADER strips: the common
// stretch "word," or "said." is that word and that mark to the theme tokenizer. (A '.' or '\''
// before a letter would join, '-' before one would make a compound, '\'' after an s is a
// possessive, a quote is left out: none of them is here.)
bool is_closing_mark(char c) { return c == ',' || c == '.' || c == ';' || c == ':' || c == '!' || c == '?'; }

// VADER's "clause end" for a token whose last byte is `mark` and whose other bytes are letters
// and digits.
bool mark_ends_clause(char mark) { return mark != ','; }

}  // namespace

bool one_cut_applies(std::string_view sentence) {
  using namespace byte_scan_detail;
  std::size_t i = 0;
  if constexpr (kWordwise) {
    std::uint64_t flagged = 0;
    for (; i + 8 <= sentence.size(); i += 8) {
      const std::uint64_t word = load(sentence.data() + i);
      flagged |= (word & kHigh) | equal_to(word, '_') | equal_to(word, '\v') | equal_to(word, '\f');
    }
    if (flagged != 0) return false;
  }
  for (; i < sentence.size(); ++i) {
    const char c = sentence[i];
    if (static_cast<unsigned char>(c) >= 0x80 || c == '_' || c == '\v' || c == '\f') return false;
  }
  return true;
}

const ValenceLookup& ToneWordCutter::note_valence(std::uint32_t form, std::string_view folded) {
  if (form >= notes_.size()) notes_.resize(std::max<std::size_t>(forms_.size(), form + 1));
  ValenceNote& note = notes_[form];
  if (!note.known) note = {look_up_valence(folded, lexicon_), true};
  return note.lookup;
}

void ToneWordCutter::cut(std::string_view sentence, ToneWords& out) {
  if (one_cut_applies(sentence)) {
    cut_in_one_pass(sentence, out);
    return;
  }
  cut_valence_words(sentence, out.valence);
  for (ValenceToken& token : out.valence.tokens) {
    const ValenceLookup found = look_up_valence(token.lower, lexicon_);
    token.entry = found.entry;
    token.negation = found.negation;
  }
  cut_theme_words(sentence, forms_, out.themes);
}

void ToneWordCutter::cut_in_one_pass(std::string_view sentence, ToneWords& out) {
  // Theme tokens view the valence tokens' lower case: an ASCII sentence folds byte for byte.
  assign_ascii_lower(sentence, out.valence.lowered);
  const std::string_view lowered = out.valence.lowered;
  // Every piece cut below lies inside the sentence, which `lowered` matches byte for byte, so
  // the pieces are viewed without substr's bounds check, made once per word.
  auto lowered_piece = [&lowered](std::size_t from, std::size_t length) {
    return std::string_view(lowered.data() + from, length);
  };
  std::vector<ValenceToken>& valence = out.valence.tokens;
  std::vector<ThemeToken>& themes = out.themes.tokens;
  std::vector<TokenSpan>& spans = out.themes.spans;
  valence.clear();
  themes.clear();
  out.valence.texts.clear();
  valence.reserve(std::min(kMaxValenceWords, sentence.size() / 3 + 1));
  themes.reserve(sentence.size() / 3 + 1);
  bool after_clause_end = true;
  const std::size_t length = sentence.size();
  std::size_t i = 0;
  while (i < length) {
    if (byte_class(sentence[i]) == kSpace) {
      ++i;
      continue;
    }
    const std::size_t start = i;
    std::uint8_t seen = 0;
    for (std::uint8_t c; i < length && ((c = byte_class(sentence[i])) & kLetterOrDigit); ++i) seen |= c;
    const bool wants_valence = valence.size() < kMaxValenceWords;
    // Letters and digits, then white space, or one closing mark and then white space: the
    // theme word is the letters and digits, and so is VADER's unless stripping the mark would
    // leave two characters or fewer (an emoticon to VADER, such as "no," kept whole).
    const bool plain = i == length || byte_class(sentence[i]) == kSpace;
    const bool marked = !plain && i > start && is_closing_mark(sentence[i]) &&
                        (i + 1 == length || byte_class(sentence[i + 1]) == kSpace);
    if (plain || marked) {
      const std::string_view folded = lowered_piece(start, i - start);
      const std::uint32_t form = forms_.form_id(folded);
      themes.push_back({folded, form, false});
      if (marked) themes.push_back({lowered_piece(i, 1), 0, true});
      if (wants_valence) {
        ValenceToken& token = valence.emplace_back();
        if (marked && folded.size() <= kEmoticonMaxLength) {
          token.lower = lowered_piece(start, i + 1 - start);
          const ValenceLookup found = look_up_valence(token.lower, lexicon_);
          token.entry = found.entry;
          token.negation = found.negation;
        } else {
          token.lower = folded;
          const ValenceLookup& found = valence_of(form, folded);
          token.entry = found.entry;
          token.negation = found.negation;
        }
        token.all_caps = (seen & kUpper) && !(seen & kLower);
        token.capitalised = byte_class(sentence[start]) == kUpper;
        token.clause_initial = after_clause_end;
        after_clause_end = marked && mark_ends_clause(sentence[i]);
      }
      i += marked ? 1 : 0;
      continue;
    }
    std::size_t end = i;
    while (end < length && byte_class(sentence[end]) != kSpace) ++end;
    spans.clear();
    append_ascii_token_spans(sentence, start, end, spans);
    ValenceToken token;
    if (wants_valence) token = ascii_valence_token(sentence, lowered, start, end, after_clause_end);
    const std::size_t token_offset =
        wants_valence ? static_cast<std::size_t>(token.lower.data() - lowered.data()) : 0;
    bool looked_up = false;
    for (const TokenSpan& span : spans) {
      const std::string_view folded = lowered_piece(span.offset, span.length);
      if (span.kind == TokenKind::punctuation) {
        if (!is_theme_quote(folded)) themes.push_back({folded, 0, true});
        continue;
      }
      const std::uint32_t form = forms_.form_id(folded);
      themes.push_back({folded, form, false});
      if (wants_valence && !looked_up && span.offset == token_offset && span.length == token.lower.size()) {
        const ValenceLookup& found = valence_of(form, folded);
        token.entry = found.entry;
        token.negation = found.negation;
        looked_up = true;
      }
    }
    i = end;
    if (!wants_valence) continue;
    if (!looked_up) {
      const ValenceLookup found = look_up_valence(token.lower, lexicon_);
      token.entry = found.entry;
      token.negation = found.negation;
    }
    valence.push_back(token);
  }
}

}  // namespace filmscope

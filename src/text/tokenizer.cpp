// Tokenizer: ICU break iterators plus the two merges described in the header. Offsets are
// tracked in UTF-16 by ICU and mapped back to UTF-8 bytes through a per-call index, so the
// whole pass is linear in the sentence length. Plain ASCII text takes a hand-written path that
// applies the same Unicode word-break rules (UAX #29 as ICU's English rules state them): ICU's
// round trip through UTF-16 cost more than every stage that reads the words. A test compares
// the two paths on generated and real text.
#include "text/tokenizer.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/ures.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <memory>
#include <optional>
#include <unordered_map>

#include "text/byte_scan.h"
#include "text/unicode_text.h"

namespace filmscope {

namespace {

// Maps UTF-16 indices of `unicode` back to UTF-8 byte offsets of the source text.
std::vector<std::size_t> utf16_to_utf8_offsets(std::string_view text) {
  std::vector<std::size_t> map;
  map.reserve(text.size() + 1);
  int32_t i = 0;
  const auto length = static_cast<int32_t>(text.size());
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  while (i < length) {
    int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) c = 0xFFFD;
    map.push_back(static_cast<std::size_t>(start));
    if (c > 0xFFFF) map.push_back(static_cast<std::size_t>(start));
  }
  map.push_back(text.size());
  return map;
}

icu::UnicodeString to_unicode(std::string_view text) {
  return icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
}

bool is_space_byte(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

enum class BreakKind { sentence, word };

// ICU builds a break iterator from its rule data on every create call (the sentence one also
// builds its abbreviation suppressions), which cost more than all of the analysis that uses
// it. Each thread keeps one of each and resets it with setText: the iterators are never shared
// between threads, so batch workers stay independent.
icu::BreakIterator* thread_breaker(BreakKind kind, UErrorCode& status) {
  thread_local std::unique_ptr<icu::BreakIterator> sentence;
  thread_local std::unique_ptr<icu::BreakIterator> word;
  auto& slot = kind == BreakKind::sentence ? sentence : word;
  if (!slot) {
    slot.reset(kind == BreakKind::sentence
                   ? icu::BreakIterator::createSentenceInstance(icu::Locale("en@ss=standard"), status)
                   : icu::BreakIterator::createWordInstance(icu::Locale::getEnglish(), status));
    if (U_FAILURE(status)) slot.reset();
  }
  return slot.get();
}

bool is_apostrophe(std::string_view s) { return s == "'" || s == "\xE2\x80\x99"; }

}  // namespace

namespace {

constexpr std::size_t kLongestAbbreviation = 6;  // "Messrs"

}  // namespace

bool is_non_final_abbreviation(std::string_view word) {
  static constexpr std::array<std::string_view, 30> kAbbreviations{
      "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Jr", "Sr", "Capt", "Cpt", "Lt", "Sgt", "Gen", "Col", "Maj",
      "Det", "Insp", "Rev", "Fr", "Sen", "Gov", "Pres", "Adm", "Cmdr", "Cpl", "Pvt", "Mme", "Mlle", "vs", "Messrs"};
  // Every abbreviation is two to six letters and all but "vs" are capitalised: a sentence's
  // last word, looked at for each sentence of a story, is seldom one.
  if (word.size() <= 1) return word.size() == 1 && word[0] >= 'A' && word[0] <= 'Z';
  if (word.size() > kLongestAbbreviation || ((word[0] < 'A' || word[0] > 'Z') && word != "vs")) return false;
  for (auto abbreviation : kAbbreviations)
    if (word == abbreviation) return true;
  return false;
}

// Walks back one byte beyond kLongestAbbreviation at most: a sentence's last word is looked at
// for every sentence that ends with a dot, and only a short one can be an abbreviation.
std::string_view abbreviation_candidate(std::string_view text) {
  const std::size_t dot = text.size() - 1;
  std::size_t start = dot;
  while (start > 0 && dot - start <= kLongestAbbreviation) {
    const char c = text[start - 1];
    if (c == ' ' || c == '\t' || c == '\n' || c == '(' || c == '"') break;
    --start;
  }
  return text.substr(start, dot - start);
}

namespace {

// Sentence-break classes of ASCII characters (UAX #29), as far as the rules below need them.
// A line feed inside a paragraph is read as a space (sentence_spans), so it is one here too.
bool sentence_space(char c) { return c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == '\n'; }
bool sentence_close(char c) {
  return c == '"' || c == '\'' || c == '(' || c == ')' || c == '[' || c == ']' || c == '{' || c == '}';
}
bool sentence_terminator(char c) { return c == '.' || c == '!' || c == '?'; }
bool sentence_continue(char c) { return c == ',' || c == '-' || c == ':'; }
bool lower_letter(char c) { return c >= 'a' && c <= 'z'; }
bool upper_letter(char c) { return c >= 'A' && c <= 'Z'; }

// The abbreviations after which ICU's English sentence iterator ("en@ss=standard") does not
// break, read from ICU's own data so that the ASCII path below suppresses exactly what ICU
// does. ICU keeps two kinds: a one-dot entry ("Mr.") suppresses a break after it; a many-dot
// entry ("U.S.A.") is kept by its first part ("U."), which never suppresses a break that ICU's
// rules would make, and it also disables a one-dot entry spelled like that part ("S." beside
// "S.A."). Held reversed without the dot ("rM") for matching backwards from the dot.
struct SentenceSuppressions {
  bool loaded = false;
  // Keys pack up to eight reversed letters into an integer, first letter in the low byte.
  // What each key is, in one map so that a letter of the walk back costs one look-up.
  enum KeyKind : std::uint8_t {
    kSuppressing = 1,  // a one-dot entry
    kFirstPart = 2,    // the first part of a many-dot entry
    kPrefix = 4,       // a leading part of a key above (each is its own), to stop early
  };
  std::unordered_map<std::uint64_t, std::uint8_t> keys;
};

constexpr std::size_t kMaxSuppressionLetters = 8;

std::uint64_t with_letter(std::uint64_t key, std::size_t length, char letter) {
  return key | (static_cast<std::uint64_t>(static_cast<unsigned char>(letter)) << (8 * length));
}

// `letters` reversed into a key, or nullopt when it is too long to pack.
std::optional<std::uint64_t> reversed_key(std::string_view letters) {
  if (letters.empty() || letters.size() > kMaxSuppressionLetters) return std::nullopt;
  std::uint64_t key = 0;
  for (std::size_t k = 0; k < letters.size(); ++k) key = with_letter(key, k, letters[letters.size() - 1 - k]);
  return key;
}

SentenceSuppressions load_sentence_suppressions() {
  SentenceSuppressions result;
  UErrorCode status = U_ZERO_ERROR;
  const std::string package = std::string(U_ICUDATA_NAME) + "-brkitr";
  UResourceBundle* bundle = ures_open(package.c_str(), "en", &status);
  UResourceBundle* exceptions = ures_getByKey(bundle, "exceptions", nullptr, &status);
  UResourceBundle* sentence = ures_getByKey(exceptions, "SentenceBreak", nullptr, &status);
  std::vector<std::string> entries;
  if (U_SUCCESS(status)) {
    for (int32_t i = 0; i < ures_getSize(sentence); ++i) {
      int32_t length = 0;
      const UChar* text = ures_getStringByIndex(sentence, i, &length, &status);
      if (U_FAILURE(status)) break;
      std::string entry;
      icu::UnicodeString(text, length).toUTF8String(entry);
      entries.push_back(std::move(entry));
    }
  }
  ures_close(sentence);
  ures_close(exceptions);
  ures_close(bundle);
  if (U_FAILURE(status) || entries.empty()) return result;
  auto add_prefixes = [&](std::string_view letters) {
    for (std::size_t k = 1; k <= letters.size(); ++k) result.keys[*reversed_key(letters.substr(letters.size() - k))] |= SentenceSuppressions::kPrefix;
  };
  for (const std::string& entry : entries) {
    const auto dot = entry.find('.');
    // Anything but ASCII letters and dots, no dot, or too long a first part is outside what the
    // path models; the path is then not used at all.
    if (dot == std::string::npos || dot == 0 || dot > kMaxSuppressionLetters ||
        !std::all_of(entry.begin(), entry.end(), [](char c) { return c == '.' || upper_letter(c) || lower_letter(c); }))
      return result;
    if (dot + 1 != entry.size()) {
      result.keys[*reversed_key(std::string_view(entry).substr(0, dot))] |= SentenceSuppressions::kFirstPart;
      add_prefixes(std::string_view(entry).substr(0, dot));
    }
  }
  for (const std::string& entry : entries) {
    const auto dot = entry.find('.');
    if (dot + 1 != entry.size()) continue;
    const std::uint64_t key = *reversed_key(std::string_view(entry).substr(0, dot));
    const auto known = result.keys.find(key);
    if (known == result.keys.end() || !(known->second & SentenceSuppressions::kFirstPart)) {
      result.keys[key] |= SentenceSuppressions::kSuppressing;
      add_prefixes(std::string_view(entry).substr(0, dot));
    }
  }
  result.loaded = true;
  return result;
}

const SentenceSuppressions& sentence_suppressions() {
  static const SentenceSuppressions suppressions = load_sentence_suppressions();
  return suppressions;
}

// Whether ICU's suppressions remove the break at `n` of `text`: step back over one space, then
// the break must follow a dot, and the longest entry that the letters before the dot end with
// must be a suppressing one.
bool suppressed_break(std::string_view text, std::size_t n, const SentenceSuppressions& suppressions) {
  std::size_t p = n;
  if (p > 0 && (text[p - 1] == ' ' || text[p - 1] == '\n')) --p;
  if (p == 0 || text[p - 1] != '.') return false;
  std::uint64_t key = 0;
  bool suppressed = false;
  for (std::size_t length = 0, k = p - 1; k > 0 && length < kMaxSuppressionLetters; --k) {
    const char c = text[k - 1];
    if (!upper_letter(c) && !lower_letter(c)) break;
    key = with_letter(key, length++, c);
    const auto known = suppressions.keys.find(key);
    // Not a prefix: no longer entry can match either.
    if (known == suppressions.keys.end() || !(known->second & SentenceSuppressions::kPrefix)) break;
    if (known->second & SentenceSuppressions::kSuppressing) suppressed = true;
    else if (known->second & SentenceSuppressions::kFirstPart) suppressed = false;
  }
  return suppressed;
}

// The position of the first terminator (". ! ?") at or after `from`, or text.size(): eight
// bytes at a time, since most of a text is not one.
std::size_t next_terminator(std::string_view text, std::size_t from) {
  std::size_t i = from;
  if constexpr (byte_scan_detail::kWordwise) {
    for (; i + 8 <= text.size(); i += 8) {
      const std::uint64_t word = byte_scan_detail::load(text.data() + i);
      const std::uint64_t found = byte_scan_detail::equal_to(word, '.') | byte_scan_detail::equal_to(word, '!') |
                                  byte_scan_detail::equal_to(word, '?');
      if (found != 0) return i + static_cast<std::size_t>(std::countr_zero(found)) / 8;
    }
  }
  while (i < text.size() && !sentence_terminator(text[i])) ++i;
  return i;
}

// Where ICU's sentence iterator breaks `text` (ASCII without control characters other than
// tab, vertical tab, form feed and line feed, which counts as a space), as end offsets; the
// last is text.size(). After a run of terminators (". ! ?", with closing quotes and brackets,
// then spaces) it breaks unless: a digit follows a dot directly (SB6); an upper-case letter
// follows a dot that follows a letter directly (SB7); the next letter after a dot, past
// anything but letters and terminators, is lower case (SB8); a comma, hyphen, colon or another
// terminator follows (SB8a). Then the suppressions above remove breaks after listed
// abbreviations.
std::vector<std::size_t> ascii_sentence_breaks(std::string_view text, const SentenceSuppressions& suppressions) {
  std::vector<std::size_t> breaks;
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    i = next_terminator(text, i);
    if (i == n) break;
    std::size_t terminator = i;
    std::size_t k = i + 1;
    bool broke = false;
    while (true) {
      while (k < n && sentence_close(text[k])) ++k;
      const std::size_t closes_end = k;
      while (k < n && sentence_space(text[k])) ++k;
      if (k >= n) break;  // the end of the text is a break anyway
      const bool after_dot = text[terminator] == '.';
      const char next = text[k];
      if (sentence_terminator(next)) {  // SB8a: terminators run on
        terminator = k;
        k = k + 1;
        continue;
      }
      if (sentence_continue(next)) break;  // SB8a
      if (after_dot && closes_end == terminator + 1 && k == terminator + 1) {
        if (next >= '0' && next <= '9') break;  // SB6
        if (upper_letter(next) && terminator > 0 &&
            (upper_letter(text[terminator - 1]) || lower_letter(text[terminator - 1])))
          break;  // SB7
      }
      if (after_dot) {  // SB8
        std::size_t scan = k;
        while (scan < n && !upper_letter(text[scan]) && !lower_letter(text[scan]) && !sentence_terminator(text[scan]))
          ++scan;
        if (scan < n && lower_letter(text[scan])) break;
      }
      if (!suppressed_break(text, k, suppressions)) breaks.push_back(k);
      broke = true;
      break;
    }
    (void)broke;
    i = k > i ? k : i + 1;
  }
  breaks.push_back(n);
  return breaks;
}

// Whether the ASCII path reproduces ICU's sentence breaks on this text.
bool ascii_sentence_path_applies(std::string_view text, const SentenceSuppressions& suppressions) {
  if (!suppressions.loaded) return false;
  if (!is_ascii(text)) return false;
  if (!has_control_byte(text)) return true;
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 && c != '\t' && c != '\v' && c != '\f' && c != '\n') return false;
  }
  return true;
}

// ICU's breaks of `flat`, as end offsets in bytes.
std::vector<std::size_t> icu_sentence_breaks(std::string_view flat, icu::BreakIterator& breaker) {
  std::vector<std::size_t> breaks;
  auto unicode = to_unicode(flat);
  auto offsets = utf16_to_utf8_offsets(flat);
  breaker.setText(unicode);
  breaker.first();
  for (int32_t end = breaker.next(); end != icu::BreakIterator::DONE; end = breaker.next())
    breaks.push_back(offsets[static_cast<std::size_t>(end)]);
  return breaks;
}

std::vector<TextSpan> sentence_spans(std::string_view paragraph, std::size_t base, bool allow_ascii_path) {
  std::vector<TextSpan> spans;
  // A line break inside a paragraph is not a sentence end: hard-wrapped text and files that
  // broke a line after "Mr." would otherwise split mid-sentence. The ASCII path reads a line
  // feed as a space; ICU is given a copy with spaces for them (same length, same offsets).
  std::vector<std::size_t> breaks;
  const SentenceSuppressions& suppressions = sentence_suppressions();
  if (allow_ascii_path && ascii_sentence_path_applies(paragraph, suppressions)) {
    if (!paragraph.empty()) breaks = ascii_sentence_breaks(paragraph, suppressions);
  } else {
    std::string flattened;
    std::string_view flat = paragraph;
    if (paragraph.find('\n') != std::string_view::npos) {
      flattened.assign(paragraph);
      std::replace(flattened.begin(), flattened.end(), '\n', ' ');
      flat = flattened;
    }
    UErrorCode status = U_ZERO_ERROR;
    icu::BreakIterator* breaker = thread_breaker(BreakKind::sentence, status);
    if (U_FAILURE(status) || !breaker) {
      spans.push_back({base, paragraph.size()});
      return spans;
    }
    breaks = icu_sentence_breaks(flat, *breaker);
  }
  std::size_t start = 0;
  for (std::size_t end : breaks) {
    std::size_t from = start;
    std::size_t to = end;
    start = end;
    while (from < to && is_space_byte(paragraph[from])) ++from;
    while (to > from && is_space_byte(paragraph[to - 1])) --to;
    if (to <= from) continue;
    // ICU's own suppressions miss titles such as "Dr.": a sentence that ends in one continues.
    if (!spans.empty()) {
      auto& previous = spans.back();
      std::string_view before = paragraph.substr(previous.offset - base, previous.length);
      if (before.ends_with(".")) {
        if (is_non_final_abbreviation(abbreviation_candidate(before))) {
          previous.length = to - (previous.offset - base);
          continue;
        }
      }
    }
    spans.push_back({base + from, to - from});
  }
  return spans;
}

}  // namespace

std::vector<TextSpan> split_sentences(std::string_view paragraph, std::size_t base) {
  return sentence_spans(paragraph, base, true);
}

std::vector<TextSpan> split_sentences_with_icu(std::string_view paragraph, std::size_t base) {
  return sentence_spans(paragraph, base, false);
}

namespace {

// A piece of a sentence as a word break iterator cuts it, before the merges.
struct RawPiece {
  std::string_view text;
  std::size_t offset = 0;  // into the sentence
  TokenKind kind = TokenKind::word;
  bool space_before = true;
};

// The pieces ICU's word break iterator cuts `sentence` into, spaces dropped.
void icu_word_pieces(std::string_view sentence, std::vector<RawPiece>& raw) {
  raw.clear();
  UErrorCode status = U_ZERO_ERROR;
  icu::BreakIterator* breaker = thread_breaker(BreakKind::word, status);
  if (U_FAILURE(status) || !breaker) return;
  auto unicode = to_unicode(sentence);
  auto offsets = utf16_to_utf8_offsets(sentence);
  breaker->setText(unicode);
  int32_t start = breaker->first();
  for (int32_t end = breaker->next(); end != icu::BreakIterator::DONE; start = end, end = breaker->next()) {
    std::size_t from = offsets[static_cast<std::size_t>(start)];
    std::size_t to = offsets[static_cast<std::size_t>(end)];
    std::string_view piece = sentence.substr(from, to - from);
    if (piece.empty() || is_space_byte(piece.front())) continue;
    RawPiece token;
    token.text = piece;
    token.offset = from;
    int status_rule = breaker->getRuleStatus();
    if (status_rule >= UBRK_WORD_NUMBER && status_rule < UBRK_WORD_NUMBER_LIMIT) {
      token.kind = TokenKind::number;
    } else if (status_rule >= UBRK_WORD_LETTER) {
      token.kind = TokenKind::word;
    } else {
      token.kind = has_letter(piece) ? TokenKind::word : TokenKind::punctuation;
    }
    token.space_before = from == 0 || is_space_byte(sentence[from - 1]);
    raw.push_back(token);
  }
}

// ICU's English rules count '@' as a letter, so that an e-mail address stays one word.
bool ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '@'; }
bool ascii_digit(char c) { return c >= '0' && c <= '9'; }

// Whether the ASCII path reproduces ICU on this text: every byte ASCII, and no '_' (ICU's
// ExtendNumLet, whose rule statuses the path does not model).
bool ascii_path_applies(std::string_view text) {
  return is_ascii(text) && text.find('_') == std::string_view::npos;
}

// Where the ICU word piece starting with the letter or digit at `i` ends, in ASCII text without
// '_'. Word_Break classes in ASCII: letters and '@' (ALetter), digits (Numeric), '.' and '\''
// (MidNumLet, Single_Quote), ',' and ';' (MidNum); ':' is not MidLetter in ICU's rules. Letters
// and digits join (WB5, WB8-10); a letter, one '.' or '\'' and a letter join (WB6-7); a digit,
// one of ". ' , ;" and a digit join (WB11-12); runs of spaces join (WB3d); everything else is a
// piece of its own. The rule status ICU reports is that of the last rule applied: a piece ending
// in a letter is a word, one ending in a digit a number.
std::size_t ascii_run_end(std::string_view sentence, std::size_t i) {
  const std::size_t n = sentence.size();
  ++i;
  while (i < n) {
    const char d = sentence[i];
    if (ascii_letter(d) || ascii_digit(d)) {
      ++i;
      continue;
    }
    if (i + 1 >= n) break;
    const char last = sentence[i - 1];
    const char next = sentence[i + 1];
    const bool mid_num_let = d == '.' || d == '\'';
    if (ascii_letter(last) && mid_num_let && ascii_letter(next)) {
      i += 2;
    } else if (ascii_digit(last) && (mid_num_let || d == ',' || d == ';') && ascii_digit(next)) {
      i += 2;
    } else {
      break;
    }
  }
  return i;
}

// ICU's pieces merged as merge_pieces merges them, for ASCII text without '_' from `start` to
// its end, appended to `spans`: in one pass and without the pieces. A hyphen joins two pieces
// only when both touch it, and a plural possessive's apostrophe touches its word.
void append_ascii_spans(std::string_view sentence, std::size_t start, std::vector<TokenSpan>& spans) {
  const std::size_t n = sentence.size();
  std::size_t i = start;
  while (i < n) {
    const char c = sentence[i];
    if (is_space_byte(c)) {
      ++i;
      continue;
    }
    const std::size_t from = i;
    TokenSpan& span = spans.emplace_back();
    span.offset = from;
    span.space_before = from == 0 || is_space_byte(sentence[from - 1]);
    if (!ascii_letter(c) && !ascii_digit(c)) {
      span.length = 1;
      span.kind = TokenKind::punctuation;
      ++i;
      continue;
    }
    i = ascii_run_end(sentence, i);
    span.kind = ascii_letter(sentence[i - 1]) ? TokenKind::word : TokenKind::number;
    // Hyphenated compounds: word-word(-word…) with no spaces.
    while (i + 1 < n && sentence[i] == '-' && (ascii_letter(sentence[i + 1]) || ascii_digit(sentence[i + 1]))) {
      i = ascii_run_end(sentence, i + 1);
      span.kind = TokenKind::word;
    }
    span.length = i - from;
    if (span.kind != TokenKind::word) continue;
    const std::string_view text = sentence.substr(from, span.length);
    if (text.size() > 2 && (text.ends_with("'s") || text.ends_with("'S"))) {
      span.length -= 2;
      span.possessive = true;
    } else if (i < n && sentence[i] == '\'' && (text.back() == 's' || text.back() == 'S')) {
      span.possessive = true;  // plural possessive: "the Smiths'"
      ++i;
    }
  }
}

// The tokens of a whole ASCII sentence without '_': a story's sentences nearly all take this way.
void ascii_token_spans(std::string_view sentence, std::vector<TokenSpan>& spans) {
  spans.clear();
  spans.reserve(sentence.size() / 4 + 4);
  append_ascii_spans(sentence, 0, spans);
}

// fold_case(text) into `out`, in the memory `out` already has when the text is ASCII, as
// nearly every token is.
void fold_into(std::string_view text, std::string& out) {
  if (!is_ascii(text)) {
    out = fold_case(text);
    return;
  }
  out.assign(text.data(), text.size());
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
}

// The raw pieces and merged spans of the sentence being cut: buffers per thread, like the
// break iterators, so that cutting a story's thousands of sentences does not allocate each time.
std::vector<RawPiece>& thread_pieces() {
  thread_local std::vector<RawPiece> pieces;
  return pieces;
}

std::vector<TokenSpan>& thread_spans() {
  thread_local std::vector<TokenSpan> spans;
  return spans;
}

// The header's two merges over the raw pieces, into `spans`.
void merge_pieces(std::string_view sentence, const std::vector<RawPiece>& raw, std::vector<TokenSpan>& spans) {
  spans.clear();
  for (std::size_t i = 0; i < raw.size(); ++i) {
    RawPiece piece = raw[i];
    // Hyphenated compounds: word-word(-word…) with no spaces.
    while (piece.kind != TokenKind::punctuation && i + 2 < raw.size() && raw[i + 1].text == "-" &&
           !raw[i + 1].space_before && !raw[i + 2].space_before &&
           raw[i + 2].kind != TokenKind::punctuation) {
      std::size_t end = raw[i + 2].offset + raw[i + 2].text.size();
      piece.text = sentence.substr(piece.offset, end - piece.offset);
      piece.kind = TokenKind::word;
      i += 2;
    }
    TokenSpan& span = spans.emplace_back();
    span.offset = piece.offset;
    span.length = piece.text.size();
    span.kind = piece.kind;
    span.space_before = piece.space_before;
    if (span.kind == TokenKind::word) {
      std::string_view t = piece.text;
      if (t.size() > 2 && (t.ends_with("'s") || t.ends_with("'S"))) {
        span.length -= 2;
        span.possessive = true;
      } else if (t.size() > 4 && (t.ends_with("\xE2\x80\x99s") || t.ends_with("\xE2\x80\x99S"))) {
        span.length -= 4;
        span.possessive = true;
      } else if (i + 1 < raw.size() && is_apostrophe(raw[i + 1].text) && !raw[i + 1].space_before &&
                 (t.ends_with("s") || t.ends_with("S"))) {
        span.possessive = true;  // plural possessive: "the Smiths'"
        ++i;
      }
    }
  }
}

// The spans as tokens, folded, with offsets from `base`. The tokens already in `tokens` are
// written over, so their folded strings keep their memory.
void spans_to_tokens(std::string_view sentence, const std::vector<TokenSpan>& spans, std::size_t base,
                     std::vector<Token>& tokens) {
  tokens.resize(spans.size());
  for (std::size_t k = 0; k < spans.size(); ++k) {
    const TokenSpan& span = spans[k];
    Token& token = tokens[k];
    token.text = sentence.substr(span.offset, span.length);
    token.kind = span.kind;
    token.possessive = span.possessive;
    token.space_before = span.space_before;
    token.offset = span.offset + base;
    fold_into(token.text, token.folded);
  }
}

}  // namespace

std::vector<Token> tokenize(std::string_view sentence, std::size_t base) {
  std::vector<Token> tokens;
  tokenize_into(sentence, tokens, base);
  return tokens;
}

void tokenize_into(std::string_view sentence, std::vector<Token>& tokens, std::size_t base) {
  std::vector<TokenSpan>& spans = thread_spans();
  token_spans_into(sentence, spans);
  spans_to_tokens(sentence, spans, base, tokens);
}

void token_spans_into(std::string_view sentence, std::vector<TokenSpan>& spans) {
  if (ascii_path_applies(sentence)) {
    ascii_token_spans(sentence, spans);
    return;
  }
  std::vector<RawPiece>& pieces = thread_pieces();
  icu_word_pieces(sentence, pieces);
  merge_pieces(sentence, pieces, spans);
}

void append_ascii_token_spans(std::string_view sentence, std::size_t from, std::size_t to,
                              std::vector<TokenSpan>& spans) {
  append_ascii_spans(sentence.substr(0, to), from, spans);
}

std::vector<Token> tokenize_with_icu(std::string_view sentence, std::size_t base) {
  std::vector<RawPiece> pieces;
  icu_word_pieces(sentence, pieces);
  std::vector<TokenSpan> spans;
  merge_pieces(sentence, pieces, spans);
  std::vector<Token> tokens;
  spans_to_tokens(sentence, spans, base, tokens);
  return tokens;
}

}  // namespace filmscope

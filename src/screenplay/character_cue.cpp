// Character cues → CueParts. See character_cue.h for the method and its limits.
#include "screenplay/character_cue.h"

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>

#include "screenplay/line_text.h"
#include "text/unicode_text.h"

namespace filmscope {

namespace {

using screenplay_detail::ascii_upper;
using screenplay_detail::is_space;
using screenplay_detail::trim;

// The letters of the "continued" family once punctuation and spaces are dropped.
constexpr std::array<std::string_view, 5> kContinuedForms{"CONTD", "CONT", "CONTINUING",
                                                          "CONTINUED", "CONTINUOUS"};

std::string normalise_extension(std::string_view text) {
  std::string folded = collapse_whitespace(text);
  std::string letters;
  for (char c : folded)
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) letters.push_back(ascii_upper(c));
  for (auto form : kContinuedForms)
    if (letters == form) return "CONT'D";
  return folded;
}

struct LetterCensus {
  bool any_letter = false;
  bool any_lower = false;
};

// Every cue of a script passes through here, so ASCII text (nearly all of it) skips ICU.
LetterCensus census(std::string_view text) {
  LetterCensus result;
  if (is_ascii(text)) {
    for (char c : text) {
      result.any_letter = result.any_letter || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
      result.any_lower = result.any_lower || (c >= 'a' && c <= 'z');
    }
    return result;
  }
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  for (int32_t i = 0; i < u.length();) {
    UChar32 c = u.char32At(i);
    if (u_isalpha(c)) result.any_letter = true;
    if (u_islower(c)) result.any_lower = true;
    i += U16_LENGTH(c);
  }
  return result;
}

// Upper-cases `text` in place: every cue passes here, and an ASCII one needs no ICU.
void to_upper(std::string& text) {
  if (is_ascii(text)) {
    for (char& c : text) c = ascii_upper(c);
    return;
  }
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  text.clear();
  u.toUpper(icu::Locale::getRoot()).toUTF8String(text);
}

std::string_view strip_trailing_punctuation(std::string_view s) {
  while (!s.empty() && (is_space(s.back()) || s.back() == ':' || s.back() == '.' ||
                        s.back() == ',' || s.back() == ';' || s.back() == '-'))
    s.remove_suffix(1);
  return s;
}

// No-break spaces (U+00A0) turn up in cues pasted from word processors; they are spaces here.
// `text` itself when it has none (nearly always), else a copy in `storage` with spaces.
std::string_view replace_no_break_spaces(std::string_view text, std::string& storage) {
  constexpr std::string_view kNoBreakSpace = "\xC2\xA0";
  if (text.find(kNoBreakSpace) == std::string_view::npos) return text;
  storage.clear();
  storage.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text.substr(i, 2) == kNoBreakSpace) {
      storage.push_back(' ');
      ++i;
    } else {
      storage.push_back(text[i]);
    }
  }
  return storage;
}

// Quotes around a whole name ("BARTHOLOMEW") are typography, not part of it.
std::string_view strip_quotes(std::string_view s) {
  while (!s.empty() && s.front() == '"') s.remove_prefix(1);
  while (!s.empty() && s.back() == '"') s.remove_suffix(1);
  return trim(s);
}

// "ADAM'S VOICE" is Adam speaking unseen, as "ADAM (V.O.)" would be: the owner is the speaker
// and "VOICE" becomes an extension. Applied to upper-cased names only.
void split_possessive_voice(CueParts& parts) {
  constexpr std::array<std::string_view, 2> kSuffixes{"'S VOICE", "\xE2\x80\x99S VOICE"};
  for (auto suffix : kSuffixes) {
    const std::string& s = parts.speaker;
    if (s.size() <= suffix.size() || s.compare(s.size() - suffix.size(), suffix.size(), suffix) != 0)
      continue;
    std::string owner(trim(std::string_view(s).substr(0, s.size() - suffix.size())));
    if (owner.empty()) return;
    parts.speaker = std::move(owner);
    parts.extensions.insert(parts.extensions.begin(), "VOICE");
    return;
  }
}

// A cue's name and the text after it, with the leading '@' and trailing '^' taken off. Views
// into the line, or into `storage` when the line had no-break spaces.
struct CueSplit {
  std::string_view name;  // trimmed, trailing punctuation and enclosing quotes removed
  std::string_view rest;  // from the first '(' on, or empty
  bool forced = false;
  bool dual = false;
};

// The tests that make a line a cue, without building its parts: nullopt when it is none.
std::optional<CueSplit> split_cue(std::string_view line, std::string& storage) {
  const std::string_view trimmed = trim(line);
  if (trimmed.size() > kMaxCueBytes) return std::nullopt;
  std::optional<LetterCensus> letters;
  if (is_ascii(trimmed)) {
    // Nearly every line asked about is ASCII: it has no no-break space to replace, and the
    // letters before its first '(' are those of the name (what is cut off around the name is
    // never a letter), counted here in one look.
    bool upper = false;
    bool lower = false;
    for (char c : trimmed) {
      if (c == '(') break;
      upper |= static_cast<unsigned char>(c - 'A') < 26;
      lower |= static_cast<unsigned char>(c - 'a') < 26;
    }
    if (lower && trimmed.front() != '@') return std::nullopt;  // not empty: it has a letter
    letters = LetterCensus{upper || lower, lower};
  }
  CueSplit split;
  std::string_view s = letters ? trimmed : trim(replace_no_break_spaces(trimmed, storage));
  if (!s.empty() && s.front() == '@') {
    split.forced = true;
    s = trim(s.substr(1));
  }
  if (!s.empty() && s.back() == '^') {
    split.dual = true;
    s = trim(s.substr(0, s.size() - 1));
  }
  const std::size_t open = s.find('(');
  if (open != std::string_view::npos) split.rest = s.substr(open);
  split.name = strip_quotes(strip_trailing_punctuation(trim(s.substr(0, open))));
  if (!letters) letters = census(split.name);
  if (!letters->any_letter) return std::nullopt;
  if (letters->any_lower && !split.forced) return std::nullopt;
  return split;
}

}  // namespace

std::string normalise_speaker(std::string_view name) {
  std::string storage;
  std::string speaker =
      collapse_whitespace(strip_trailing_punctuation(trim(replace_no_break_spaces(name, storage))));
  to_upper(speaker);
  return speaker;
}

bool is_character_cue(std::string_view line) {
  std::string storage;
  return split_cue(line, storage).has_value();
}

std::optional<CueParts> parse_character_cue(std::string_view line) {
  std::string storage;
  const std::optional<CueSplit> split = split_cue(line, storage);
  if (!split) return std::nullopt;
  CueParts parts;
  parts.forced = split->forced;
  parts.dual = split->dual;
  // Each "( … )" group is an extension; stray text between groups is kept as one too, so
  // nothing the writer typed disappears silently.
  std::string_view rest = split->rest;
  while (!rest.empty()) {
    rest = trim(rest);
    if (rest.empty()) break;
    if (rest.front() == '(') {
      std::size_t close = rest.find(')');
      std::string_view inner =
          rest.substr(1, close == std::string_view::npos ? std::string_view::npos : close - 1);
      if (!trim(inner).empty()) parts.extensions.push_back(normalise_extension(inner));
      rest = close == std::string_view::npos ? std::string_view{} : rest.substr(close + 1);
    } else {
      std::size_t next = rest.find('(');
      std::string_view stray = trim(rest.substr(0, next));
      if (!stray.empty()) parts.extensions.push_back(normalise_extension(stray));
      rest = next == std::string_view::npos ? std::string_view{} : rest.substr(next);
    }
  }
  parts.speaker = collapse_whitespace(split->name);
  to_upper(parts.speaker);
  split_possessive_voice(parts);
  return parts;
}

}  // namespace filmscope

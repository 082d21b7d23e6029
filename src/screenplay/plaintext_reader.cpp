// Plain-text screenplays → ScreenplayDocument. See plaintext_reader.h for the phases and limits.
#include "screenplay/plaintext_reader.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <deque>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "screenplay/line_text.h"
#include "screenplay/scene_heading.h"
#include "text/byte_scan.h"
#include "text/unicode_text.h"

namespace filmscope {

namespace {

using screenplay_detail::ends_with;
using screenplay_detail::split_lines;
using screenplay_detail::starts_with_ci;
using screenplay_detail::trim;

// ---- Named limits ----------------------------------------------------------------------------

constexpr std::size_t kTabStop = 8;
// Lines longer than this are never cues, headings or furniture; measuring stops here so that a
// file with one enormous line stays linear and cheap.
constexpr std::size_t kMaxMeasuredLineLength = 4096;
// Longest cue, e.g. "CARLA (SEXY YOUNG WOMAN) (CONT'D)"; longer all-caps lines are action.
constexpr std::size_t kMaxCueLength = 42;
constexpr std::size_t kMaxCueNameLength = 32;
constexpr std::size_t kMaxCueWords = 5;
// A parenthetical that never closes stops being one after this many lines.
constexpr std::size_t kMaxParentheticalLines = 6;
// Headings without INT./EXT. are short slug lines; longer all-caps lines are action.
constexpr std::size_t kMaxSlugLength = 70;
constexpr std::size_t kMaxTransitionWords = 5;
// A header line (draft, date, title) counts as furniture once it repeats this often.
constexpr std::size_t kMinHeaderRepeats = 5;
// Title pages longer than this are not title pages but a script without one.
constexpr std::size_t kMaxTitlePageLines = 150;
// A mixed-case line at least this long is prose; it ends a title page.
constexpr std::size_t kMinProseLength = 40;
// An inline-cue script ("QUI-GON : Captain.") needs this many such lines to be read as one.
constexpr std::size_t kMinInlineCues = 20;
constexpr std::size_t kMaxInlineCueName = 30;
// Columns closer than this are the same column (PDF conversions jitter by a space).
constexpr std::size_t kColumnSlack = 2;
// Speeches indented right of action needed before a script counts as indented.
constexpr std::size_t kMinIndentedCues = 2;
// A cue this far right of its speech is a cue even when the speech sits at the action column.
constexpr std::size_t kMinCueOffset = 8;
// Distinct speaker names remembered for telling action from speech in flat scripts; bounds the
// sorted insertions so that a pathological file of distinct cues stays near-linear.
constexpr std::size_t kMaxRememberedSpeakers = 512;

// ---- Phase 1: measure -------------------------------------------------------------------------

struct MeasuredLine {
  std::string_view text;  // tabs expanded: the raw line, or a copy kept by the reader
  std::size_t indent = 0;
  std::size_t body_begin = 0;  // the trimmed content without trailing revision marks
  std::size_t body_end = 0;
  bool blank = true;
  bool has_lower = false;
  bool has_upper = false;
  bool too_long = false;

  std::string_view body() const {
    return std::string_view(text).substr(body_begin, body_end - body_begin);
  }
  std::size_t length() const { return body_end - body_begin; }
  bool upper() const { return has_upper && !has_lower; }
};

bool is_ascii_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ascii_alpha(char c) { return is_ascii_lower(c) || is_ascii_upper(c); }
bool is_ascii_alnum(char c) { return is_ascii_alpha(c) || is_ascii_digit(c); }

std::string expand_tabs(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  for (char c : raw) {
    if (c == '\t') {
      std::size_t spaces = kTabStop - out.size() % kTabStop;
      out.append(spaces, ' ');
    } else if (c == '\f' || c == '\v') {
      out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  return out;
}

// `expanded` keeps the lines whose tabs had to be expanded: a deque, so the text of lines
// already measured stays where it is.
MeasuredLine measure(std::string_view raw, std::deque<std::string>& expanded) {
  MeasuredLine line;
  // Lines seldom hold a control byte at all: the exact test runs only on those that do.
  const bool has_tabs = has_control_byte(raw) && std::any_of(raw.begin(), raw.end(), [](char c) {
                          return c == '\t' || c == '\f' || c == '\v';
                        });
  line.text = has_tabs ? std::string_view(expanded.emplace_back(expand_tabs(raw))) : raw;
  std::string_view t = line.text;
  std::size_t begin = leading_run(t, ' ');
  std::size_t end = t.size();
  // Trailing spaces and revision asterisks ("text      *") are not content. U+00A0 (C2 A0)
  // appears in web copies as padding.
  while (end > begin) {
    char c = t[end - 1];
    if (c == ' ' || c == '*') {
      --end;
    } else if (end - begin >= 2 && static_cast<unsigned char>(c) == 0xA0 &&
               static_cast<unsigned char>(t[end - 2]) == 0xC2) {
      end -= 2;
    } else {
      break;
    }
  }
  line.indent = begin;
  line.body_begin = begin;
  line.body_end = end;
  line.blank = trim(t.substr(begin, end - begin)).empty() && t.find('*') == std::string::npos;
  if (line.blank) return line;
  std::size_t measured_end = std::min(end, begin + kMaxMeasuredLineLength);
  line.too_long = end - begin > kMaxMeasuredLineLength;
  bool in_parens = false;
  std::size_t i = begin;
  // Once both cases are seen nothing below can change: most action and dialogue lines stop
  // within their first word.
  while (i < measured_end && !(line.has_upper && line.has_lower)) {
    char c = t[i];
    // "McCLANE" and "MacGREGOR" are upper-case names for cue purposes.
    if ((c == 'M') && i + 2 < measured_end && t[i + 1] == 'c' && is_ascii_upper(t[i + 2])) {
      line.has_upper = true;
      i += 2;
      continue;
    }
    if (c == '(') in_parens = true;
    if (c == ')') in_parens = false;
    // Lower case inside a trailing "(cont'd)" or "(V.O.)" does not make a cue mixed-case; the
    // cue test looks at the name part separately, so here only letters outside count.
    if (is_ascii_lower(c) && !in_parens) line.has_lower = true;
    if (is_ascii_upper(c)) line.has_upper = true;
    ++i;
  }
  return line;
}

// ---- Small text tests -------------------------------------------------------------------------

std::size_t count_words(std::string_view s) {
  std::size_t words = 0;
  bool in_word = false;
  for (char c : s) {
    bool space = c == ' ';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

bool has_lower_anywhere(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return is_ascii_lower(c); });
}

// "12", "12A", "A12", "16-A", "104.", "12AB" — the tokens used for scene and page numbers.
bool is_number_token(std::string_view s) {
  if (!s.empty() && s.back() == '.') s.remove_suffix(1);
  if (s.empty() || s.size() > 8) return false;
  std::size_t i = 0;
  if (is_ascii_upper(s[0]) && s.size() > 1 && is_ascii_digit(s[1])) i = 1;
  std::size_t digits = 0;
  while (i < s.size() && is_ascii_digit(s[i])) ++i, ++digits;
  if (digits == 0 || digits > 4) return false;
  if (i < s.size() && s[i] == '-') ++i;
  std::size_t letters = 0;
  while (i < s.size() && is_ascii_upper(s[i])) ++i, ++letters;
  return i == s.size() && letters <= 3;
}

std::string_view first_token(std::string_view s) { return s.substr(0, s.find(' ')); }

std::string_view last_token(std::string_view s) {
  std::size_t space = s.rfind(' ');
  return space == std::string_view::npos ? s : s.substr(space + 1);
}

struct NumberedText {
  std::string_view text;
  std::string number;
};

// Splits "14   INT. BEDROOM - DAY    14" into the heading and "14". A left number needs a space
// after it; a right number needs a gap of two spaces before it, so "ROOM 12" keeps its 12.
NumberedText strip_scene_numbers(std::string_view body) {
  NumberedText out{trim(body), {}};
  std::string_view lead = first_token(out.text);
  if (lead.size() < out.text.size() && is_number_token(lead)) {
    out.number = std::string(lead.back() == '.' ? lead.substr(0, lead.size() - 1) : lead);
    out.text = trim(out.text.substr(lead.size()));
  }
  std::string_view tail = last_token(out.text);
  if (tail.size() < out.text.size() && is_number_token(tail)) {
    std::string_view before = out.text.substr(0, out.text.size() - tail.size());
    if (before.size() >= 2 && before[before.size() - 1] == ' ' && before[before.size() - 2] == ' ') {
      if (out.number.empty()) out.number = std::string(tail.back() == '.' ? tail.substr(0, tail.size() - 1) : tail);
      out.text = trim(before);
    }
  }
  return out;
}

// The letters of a line, upper-cased: "CONTINUED: (2)" → "CONTINUED".
// The ASCII letters of `s` in upper case, stopping once there are more than `limit`: callers
// compare the result with short marks, which a longer run of letters can never equal, and this
// runs on every line of a script.
std::string letters_of(std::string_view s, std::size_t limit) {
  std::string out;
  for (char c : s) {
    if (!is_ascii_alpha(c)) continue;
    out.push_back(screenplay_detail::ascii_upper(c));
    if (out.size() > limit) break;
  }
  return out;
}

// Markers of a web page's scaffolding copied along with the script.
constexpr std::array<std::string_view, 6> kWebMarkers{"<!--", "-->", "<b>", "</b>", "top.location",
                                                      "window!="};

bool is_web_scaffolding(std::string_view body) {
  // Every marker has one of these characters, which most lines of a script lack: one pass
  // over the line instead of a search for each marker.
  if (std::none_of(body.begin(), body.end(), [](char c) { return c == '<' || c == '>' || c == '.' || c == '!'; }))
    return false;
  for (auto marker : kWebMarkers)
    if (body.find(marker) != std::string_view::npos) return true;
  return body.size() >= 2 && body.front() == '<' && body.back() == '>';
}

// Continuation and omission marks, compared by their letters once scene numbers are gone.
constexpr std::array<std::string_view, 5> kContinuedLetters{"CONTINUED", "CONTINUEDONNEXTPAGE",
                                                            "OMITTED", "SCENEOMITTED", "CONTD"};
constexpr std::size_t kLongestContinuedLetters = std::string_view("CONTINUEDONNEXTPAGE").size();

bool is_page_number(std::string_view body) {
  if (is_number_token(body)) return true;
  // "Page 3", "PAGE 3", "- 12 -", "Scene 11Page 7", "762.10" (continuity-script footage counts).
  std::string letters = letters_of(body, std::string_view("SCENEPAGE").size());
  if (letters == "PAGE" || letters == "SCENEPAGE") return true;
  bool only_number_punct = std::all_of(body.begin(), body.end(), [](char c) {
    return is_ascii_digit(c) || c == '.' || c == '-' || c == ' ' || c == '/' || c == ':';
  });
  return only_number_punct && std::any_of(body.begin(), body.end(), is_ascii_digit);
}

bool is_context_free_furniture(const MeasuredLine& line) {
  std::string_view body = line.body();
  if (body.empty()) return true;  // a line of revision asterisks only
  if (is_web_scaffolding(body)) return true;
  if (is_page_number(body)) return true;
  if (!std::any_of(body.begin(), body.end(), is_ascii_alnum) && body.size() >= 4 &&
      static_cast<unsigned char>(body[0]) < 0x80)
    return true;  // rules such as "--------"
  if (has_lower_anywhere(body)) return false;
  if (body == "(MORE)" || body == "(MORE)." || body == "( MORE )") return true;
  // "14   CONTINUED:    (A1)    14": numbers and parenthesised page marks are not wording.
  std::string_view unnumbered = strip_scene_numbers(body).text;
  std::string wording;
  int depth = 0;
  for (char c : unnumbered) {
    if (c == '(') ++depth;
    if (depth == 0) wording.push_back(c);
    if (c == ')' && depth > 0) --depth;
  }
  std::string letters =
      letters_of(wording.empty() ? unnumbered : std::string_view(wording), kLongestContinuedLetters);
  for (auto form : kContinuedLetters)
    if (letters == form) return true;
  return false;
}

// A header repeated on every page: normalised with digits as '#' and spaces folded.
std::string header_key(std::string_view body) {
  // The page number at the end changes from page to page ("7.", "B6A."); it is not the key.
  std::string_view tail = last_token(body);
  if (tail.size() < body.size() && is_number_token(tail)) body = trim(body.substr(0, body.size() - tail.size()));
  // Without a digit the key has no '#', and looks_like_header never accepts it; most lines.
  if (!std::any_of(body.begin(), body.end(), is_ascii_digit)) return {};
  std::string key;
  bool last_space = false;
  bool last_digit = false;
  for (char c : body) {
    if (c == ' ') {
      if (!last_space) key.push_back(' ');
      last_space = true;
      last_digit = false;
      continue;
    }
    last_space = false;
    if (is_ascii_digit(c)) {
      if (!last_digit) key.push_back('#');
      last_digit = true;
      continue;
    }
    last_digit = false;
    key.push_back(c);
  }
  return key;
}

bool looks_like_header(std::string_view key) {
  if (key.empty() || key.front() == '(') return false;
  bool has_number = key.find('#') != std::string::npos;
  bool has_date = key.find("#/#") != std::string::npos;
  return has_date || (has_number && has_lower_anywhere(key));
}

// ---- Transitions and headings -----------------------------------------------------------------

// "CUT TO" and "DISSOLVE TO" without a colon are common in scripts typed without one; they
// sit at the cue's indent and would otherwise read as a speaker.
constexpr std::array<std::string_view, 24> kTransitionEndings{
    " TO:",     " TO.",    "CUT TO",     "DISSOLVE TO", "CUT:",       "DISSOLVE:", "FADE IN:",  "FADE IN",    "FADE IN.",
    "FADE OUT", "FADE OUT.", "FADE OUT:", "TO BLACK",  "TO BLACK.", "TO BLACK:", "THE END",
    "THE END.", "FADE UP:", "FADE UP",    "WIPE:",     "IRIS OUT.", "IRIS IN:",  "INTERCUT:",
    "INTERCUT WITH:"};

bool is_transition_text(const MeasuredLine& line) {
  std::string_view body = line.body();
  if (!line.upper() || has_lower_anywhere(body)) return false;
  if (count_words(body) > kMaxTransitionWords) return false;
  for (auto ending : kTransitionEndings)
    if (ends_with(body, ending)) return true;
  return false;
}

// INT./EXT. and their long forms, after scene numbers.
bool is_strong_heading(const MeasuredLine& line) {
  if (line.has_lower) return false;
  NumberedText numbered = strip_scene_numbers(line.body());
  std::string_view text = numbered.text;
  if (text.size() < 3 || !is_ascii_upper(text[0]) || !is_ascii_upper(text[1])) return false;
  if (looks_like_scene_heading(text)) return true;
  // OCR'd "EXT . WES T SIDE" and the long forms "INTERIOR - SHIP".
  if (starts_with_ci(text, "INTERIOR") || starts_with_ci(text, "EXTERIOR")) return true;
  // Continuity scripts: "SCENE 99 - INT. BATHROOM - NIGHT".
  if (text.substr(0, 6) == "SCENE " && text.size() > 6 && is_ascii_digit(text[6])) return true;
  // A number in both margins marks a heading whatever its wording ("12  BACK TO SCENE  12").
  std::string_view body = trim(line.body());
  return !numbered.number.empty() && is_number_token(first_token(body)) &&
         is_number_token(last_token(body)) && first_token(body) != body && text.size() >= 2;
}

// Where the scene number of "SCENE 99 - …" lives when the margins have none.
std::string continuity_scene_number(std::string_view text) {
  if (text.substr(0, 6) != "SCENE ") return {};
  std::size_t i = 6;
  while (i < text.size() && (is_ascii_alnum(text[i]))) ++i;
  return std::string(text.substr(6, i - 6));
}

// ---- Phase 3: layout --------------------------------------------------------------------------

struct Layout {
  std::size_t action_indent = 0;      // the widest-used column of action
  std::size_t dialogue_min = 0;       // first column of the dialogue zone
  bool indented = false;              // dialogue sits right of action
  std::optional<std::size_t> flat_width_split;  // flat scripts: wider lines are action
  bool inline_cues = false;           // "NAME : speech" on one line
};

std::size_t percentile(std::vector<std::size_t> values, double fraction) {
  if (values.empty()) return 0;
  // Rounded up, so that a handful of samples yields their upper end rather than the lowest.
  std::size_t index = static_cast<std::size_t>(std::ceil(fraction * static_cast<double>(values.size() - 1)));
  std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(index), values.end());
  return values[index];
}

// "QUI-GON : Captain." → the length of "QUI-GON : ", or 0.
std::size_t inline_cue_length(const MeasuredLine& line) {
  std::string_view body = line.body();
  std::size_t colon = body.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > kMaxInlineCueName) return 0;
  std::string_view name = trim(body.substr(0, colon));
  if (name.empty() || !is_ascii_upper(name[0])) return 0;
  for (char c : name)
    if (!(is_ascii_upper(c) || is_ascii_digit(c) || c == ' ' || c == '-' || c == '.' || c == '\'' ||
          c == '#'))
      return 0;
  std::size_t rest = colon + 1;
  if (rest >= body.size() || body[rest] != ' ') return 0;
  while (rest < body.size() && body[rest] == ' ') ++rest;
  if (rest >= body.size() || !has_lower_anywhere(body.substr(rest))) return 0;
  return rest;
}

bool is_prose(const MeasuredLine& line, bool furniture) {
  return !line.blank && !furniture && line.has_lower && line.body().front() != '(';
}

Layout learn_layout(const std::vector<MeasuredLine>& lines, const std::vector<bool>& furniture) {
  Layout layout;
  std::vector<std::size_t> lengths;
  std::size_t inline_count = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (!is_prose(lines[i], furniture[i])) continue;
    lengths.push_back(lines[i].length());
    if (inline_cue_length(lines[i]) > 0) ++inline_count;
  }
  layout.inline_cues = inline_count >= kMinInlineCues;
  if (lengths.empty()) return layout;
  // Action is the widest prose: dialogue columns are narrower, so the widest lines start at
  // the action column(s). Several columns can hold action when a conversion shifted pages.
  std::size_t wide = std::max<std::size_t>(30, percentile(lengths, 0.9) * 17 / 20);
  std::unordered_map<std::size_t, std::size_t> action_columns;
  std::size_t wide_count = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (!is_prose(lines[i], furniture[i]) || lines[i].length() < wide) continue;
    ++action_columns[lines[i].indent];
    ++wide_count;
  }
  std::size_t action_max = 0;
  for (const auto& [indent, count] : action_columns)
    if (count * 20 >= wide_count) action_max = std::max(action_max, indent);
  layout.action_indent = action_max;

  // Dialogue starts where the line after an indented all-caps line starts.
  std::unordered_map<std::size_t, std::size_t> speech_columns;
  std::size_t speech_count = 0;
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
    const MeasuredLine& cue = lines[i];
    if (cue.blank || furniture[i] || !cue.upper() || cue.length() > kMaxCueLength ||
        cue.indent <= action_max)
      continue;
    std::size_t j = i + 1;
    if (lines[j].blank && j + 1 < lines.size()) ++j;
    while (j < lines.size() && !lines[j].blank && lines[j].body().front() == '(') ++j;
    if (j >= lines.size() || lines[j].blank || !lines[j].has_lower) continue;
    if (lines[j].indent + 3 > cue.indent) continue;
    ++speech_columns[lines[j].indent];
    ++speech_count;
  }
  std::optional<std::size_t> speech_min;
  for (const auto& [indent, count] : speech_columns)
    if (count * 20 >= speech_count && indent > action_max && (!speech_min || indent < *speech_min))
      speech_min = indent;
  layout.indented = speech_min.has_value() && speech_count >= kMinIndentedCues;
  layout.dialogue_min = layout.indented ? action_max + (*speech_min - action_max + 1) / 2
                                        : action_max + kColumnSlack;
  if (layout.indented) return layout;

  // Flat scripts: speech runs narrower than action. Measure both to find where they part.
  std::vector<std::size_t> speech_lengths;
  std::vector<std::size_t> action_lengths;
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
    const MeasuredLine& line = lines[i];
    bool after_blank = i == 0 || lines[i - 1].blank;
    if (line.blank || furniture[i]) continue;
    if (line.upper() && after_blank && line.length() <= kMaxCueLength && !lines[i + 1].blank &&
        lines[i + 1].has_lower) {
      // Only the first line of a speech: later lines may be action that lost its blank line.
      std::size_t j = i + 1;
      while (j < lines.size() && !lines[j].blank && lines[j].body().front() == '(') ++j;
      if (j < lines.size() && !lines[j].blank && lines[j].has_lower) {
        speech_lengths.push_back(lines[j].length());
        i = j;
      }
    } else if (is_prose(line, false) && after_blank) {
      action_lengths.push_back(line.length());
    }
  }
  std::size_t speech_width = percentile(speech_lengths, 0.95);
  std::size_t action_width = percentile(action_lengths, 0.9);
  if (!speech_lengths.empty() && action_width >= speech_width + 8)
    layout.flat_width_split = speech_width + 3;
  return layout;
}

// ---- Phase 4: classify ------------------------------------------------------------------------

class Classifier {
 public:
  Classifier(const std::vector<MeasuredLine>& lines, const std::vector<bool>& furniture,
             const Layout& layout)
      : lines_(lines), furniture_(furniture), layout_(layout), kinds_(lines.size(), ElementKind::blank),
        starts_(lines.size(), false), inline_split_(lines.size(), 0) {}

  void run() {
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      classify(i);
      if (kinds_[i] != ElementKind::blank && kinds_[i] != ElementKind::page_furniture)
        last_content_ = kinds_[i];
    }
  }

  const std::vector<ElementKind>& kinds() const { return kinds_; }
  std::vector<ElementKind>& kinds() { return kinds_; }
  const std::vector<bool>& starts() const { return starts_; }
  const std::vector<std::size_t>& inline_split() const { return inline_split_; }

 private:
  struct Speech {
    bool active = false;
    bool has_text = false;      // a dialogue or parenthetical line since the cue
    bool paren_open = false;
    std::size_t paren_lines = 0;
    bool more_pending = false;  // "(MORE)" seen: the speech resumes on the next page
    std::size_t cue_indent = 0;
  };

  void set(std::size_t i, ElementKind kind, bool start) {
    kinds_[i] = kind;
    starts_[i] = start;
  }

  std::optional<std::size_t> next_nonblank(std::size_t i) const {
    for (std::size_t j = i + 1; j < lines_.size(); ++j)
      if (!lines_[j].blank) return j;
    return std::nullopt;
  }

  bool previous_is_break(std::size_t i) const {
    return i == 0 || lines_[i - 1].blank || furniture_[i - 1] ||
           kinds_[i - 1] == ElementKind::scene_heading || kinds_[i - 1] == ElementKind::transition;
  }

  // The cue's own text: short, upper-case name, not a heading, transition or furniture.
  bool is_cue_text(const MeasuredLine& line) const {
    std::string_view body = line.body();
    if (line.length() > kMaxCueLength || line.too_long || !line.has_upper) return false;
    std::string_view name = trim(body.substr(0, body.find('(')));
    if (name.empty() || name.size() > kMaxCueNameLength || count_words(name) > kMaxCueWords)
      return false;
    if (line.has_lower) return false;
    if (!is_ascii_upper(name[0]) && !is_ascii_digit(name[0])) return false;
    char last = body.back();
    if (last == '!' || last == '?' || last == ',' || last == ';' || last == '"') return false;
    if (last == '.' && count_words(name) > 1 && name.size() > 0 && last_token(name).size() > 3)
      return false;
    return body.find('"') == std::string_view::npos;
  }

  // A cue is a cue because speech follows it.
  bool is_cue(std::size_t i) const {
    const MeasuredLine& line = lines_[i];
    if (!is_cue_text(line)) return false;
    if (is_strong_heading(line) || is_transition_text(line)) return false;
    auto next = next_nonblank(i);
    if (!next || furniture_[*next]) return false;
    const MeasuredLine& follower = lines_[*next];
    std::size_t blanks = *next - i - 1;
    if (is_strong_heading(follower) || is_transition_text(follower)) return false;
    bool paren = follower.body().front() == '(';
    if (layout_.indented) {
      if (line.indent < layout_.dialogue_min || follower.indent >= line.indent) return false;
      if (follower.indent + kColumnSlack < layout_.dialogue_min) return false;
      if (blanks > 1) return false;
      return paren || follower.has_lower || follower.length() <= kMaxCueLength;
    }
    // Some conversions keep the cue centred but move the speech to the action column.
    bool offset_cue = line.indent >= follower.indent + kMinCueOffset;
    if (blanks > 1 || (blanks > 0 && !offset_cue)) return false;
    if (!paren && !follower.has_lower) return false;
    if (offset_cue) return true;
    if (line.indent + kColumnSlack < follower.indent || follower.indent + kColumnSlack < line.indent)
      return false;
    if (layout_.flat_width_split && !paren && follower.length() > *layout_.flat_width_split)
      return false;
    return previous_is_break(i) || ends_with(line.body(), ":") || is_known_speaker(line.body());
  }

  // A slug line without INT./EXT.: "HIGHWAY", "CLOSE ON JACK", "OPEN COUNTRY - DAY".
  bool is_slug(std::size_t i) const {
    const MeasuredLine& line = lines_[i];
    std::string_view body = line.body();
    if (line.has_lower || has_lower_anywhere(body) || !line.has_upper) return false;
    if (body.size() > kMaxSlugLength || body.front() == '(' || body.find('"') != std::string_view::npos)
      return false;
    if (body.find(':') != std::string_view::npos) return false;
    char last = body.back();
    if (last == '.' || last == '!' || last == '?' || last == ',' || last == ';') return false;
    if (layout_.indented && line.indent >= layout_.dialogue_min) return false;
    if (!previous_is_break(i)) return false;
    return i + 1 == lines_.size() || lines_[i + 1].blank || furniture_[i + 1];
  }

  void end_speech() { speech_ = Speech{}; }

  // "David holds up a MEDAL." — in a flat script, a line that opens with a known speaker's
  // name (up to two capitalised words) and then a verb in -s is action that lost its blank line.
  bool starts_with_speaker_verb(std::string_view body) const {
    std::string_view first = first_token(body);
    std::string name;
    for (char c : first)
      if (is_ascii_alpha(c)) name.push_back(screenplay_detail::ascii_upper(c));
    if (name.empty() || !is_ascii_upper(first[0]) || !std::binary_search(speakers_.begin(), speakers_.end(), name))
      return false;
    std::string_view rest = trim(body.substr(first.size()));
    for (int word = 0; word < 3 && !rest.empty(); ++word) {
      std::string_view token = first_token(rest);
      if (is_ascii_lower(token[0])) return token.size() > 2 && token.back() == 's';
      if (!is_ascii_upper(token[0]) || word == 2) return false;
      rest = trim(rest.substr(token.size()));
    }
    return false;
  }

  static std::string speaker_key(std::string_view cue) {
    std::string name;
    for (char c : first_token(trim(cue))) {
      if (!is_ascii_alpha(c)) break;
      name.push_back(screenplay_detail::ascii_upper(c));
    }
    return name;
  }

  bool is_known_speaker(std::string_view cue) const {
    return std::binary_search(speakers_.begin(), speakers_.end(), speaker_key(cue));
  }

  void remember_speaker(std::string_view cue) {
    std::string name = speaker_key(cue);
    auto at = std::lower_bound(speakers_.begin(), speakers_.end(), name);
    if (!name.empty() && (at == speakers_.end() || *at != name) && speakers_.size() < kMaxRememberedSpeakers)
      speakers_.insert(at, name);
  }

  void classify(std::size_t i) {
    const MeasuredLine& line = lines_[i];
    if (line.blank) {
      set(i, ElementKind::blank, false);
      // A blank between cue and speech (some PDF conversions double-space everything) and the
      // blanks of a page break inside a speech keep the speech open.
      bool keep = speech_.more_pending || (speech_.active && !speech_.has_text &&
                                           i > 0 && !lines_[i - 1].blank);
      if (!keep) end_speech();
      return;
    }
    if (furniture_[i]) {
      set(i, ElementKind::page_furniture, true);
      // "(MORE)" promises that the speech goes on after the page break, even when a blank
      // line already closed it.
      bool speaking = last_content_ == ElementKind::dialogue ||
                      last_content_ == ElementKind::parenthetical || last_content_ == ElementKind::character;
      if (line.body() == "(MORE)" && speaking) speech_.more_pending = true;
      return;
    }
    if (line.too_long) {
      set(i, ElementKind::action, true);
      end_speech();
      return;
    }
    bool resuming = speech_.more_pending;
    speech_.more_pending = false;

    if (speech_.active && speech_.paren_open) {
      set(i, ElementKind::parenthetical, false);
      ++speech_.paren_lines;
      if (line.body().find(')') != std::string_view::npos || speech_.paren_lines >= kMaxParentheticalLines)
        speech_.paren_open = false;
      return;
    }
    if (is_strong_heading(line)) {
      set(i, ElementKind::scene_heading, true);
      end_speech();
      return;
    }
    if (is_transition_text(line) && !(speech_.active && is_cue(i))) {
      set(i, ElementKind::transition, true);
      end_speech();
      return;
    }
    if (layout_.inline_cues) {
      if (std::size_t split = inline_cue_length(line); split > 0) {
        set(i, ElementKind::character, true);
        inline_split_[i] = split;
        speech_ = Speech{};
        speech_.active = true;
        speech_.has_text = true;
        return;
      }
    }
    if (is_cue(i)) {
      set(i, ElementKind::character, true);
      remember_speaker(line.body());
      speech_ = Speech{};
      speech_.active = true;
      speech_.cue_indent = line.indent;
      return;
    }
    if (speech_.active || resuming) {
      speech_.active = true;
      if (continue_speech(i)) return;
      end_speech();
    }
    if (is_slug(i)) {
      set(i, ElementKind::scene_heading, true);
      return;
    }
    if (layout_.indented && line.indent >= layout_.dialogue_min && line.has_lower) {
      // Speech whose cue sits on the previous page, or a page shifted right by the conversion.
      start_orphan_speech(i);
      return;
    }
    bool start = i == 0 || kinds_[i - 1] != ElementKind::action || lines_[i - 1].blank;
    set(i, ElementKind::action, start);
  }

  void start_orphan_speech(std::size_t i) {
    speech_ = Speech{};
    speech_.active = true;
    if (!continue_speech(i)) {
      end_speech();
      set(i, ElementKind::action, true);
    }
  }

  bool open_parenthetical(std::size_t i) {
    const MeasuredLine& line = lines_[i];
    set(i, ElementKind::parenthetical, true);
    speech_.has_text = true;
    speech_.paren_open = line.body().find(')') == std::string_view::npos;
    speech_.paren_lines = 1;
    return true;
  }

  bool add_dialogue(std::size_t i) {
    // An inline cue's speech continues on the lines after it.
    bool start = i == 0 || (kinds_[i - 1] != ElementKind::dialogue && inline_split_[i - 1] == 0);
    set(i, ElementKind::dialogue, start);
    speech_.has_text = true;
    return true;
  }

  bool continue_speech(std::size_t i) {
    const MeasuredLine& line = lines_[i];
    bool paren = line.body().front() == '(';
    if (layout_.indented) {
      if (line.indent < layout_.dialogue_min) return false;
      if (paren) return open_parenthetical(i);
      return add_dialogue(i);
    }
    if (paren) return open_parenthetical(i);
    // Flat scripts: speech ends where a wide line or an all-caps sentence of action begins.
    if (layout_.flat_width_split && line.length() > *layout_.flat_width_split) return false;
    if (line.upper() && count_words(line.body()) >= 3 && !has_lower_anywhere(line.body())) return false;
    if (starts_with_speaker_verb(line.body())) return false;
    return add_dialogue(i);
  }

  const std::vector<MeasuredLine>& lines_;
  const std::vector<bool>& furniture_;
  const Layout& layout_;
  std::vector<ElementKind> kinds_;
  std::vector<bool> starts_;
  std::vector<std::size_t> inline_split_;
  Speech speech_;
  ElementKind last_content_ = ElementKind::blank;
  std::vector<std::string> speakers_;  // first words of cue names, sorted
};

// Title pages end at the first line that is plainly the script: a heading, transition or cue,
// or prose at the action column.
void mark_title_page(const std::vector<MeasuredLine>& lines, const Layout& layout,
                     std::vector<ElementKind>& kinds) {
  std::size_t limit = std::min(lines.size(), kMaxTitlePageLines);
  std::optional<std::size_t> anchor;
  for (std::size_t i = 0; i < limit && !anchor; ++i) {
    ElementKind kind = kinds[i];
    if (kind == ElementKind::blank || kind == ElementKind::page_furniture) continue;
    if (kind == ElementKind::transition || kind == ElementKind::character) anchor = i;
    if (kind == ElementKind::scene_heading && is_strong_heading(lines[i])) anchor = i;
    if (anchor) break;
    if (lines[i].indent > layout.action_indent + kColumnSlack) continue;
    // Prose at the action column within the next few lines.
    std::size_t seen = 0;
    for (std::size_t j = i; j < lines.size() && seen < 3; ++j) {
      if (lines[j].blank) continue;
      ++seen;
      if (lines[j].indent + kColumnSlack >= lines[i].indent && lines[j].indent <= lines[i].indent + kColumnSlack &&
          lines[j].has_lower && lines[j].length() >= kMinProseLength) {
        anchor = i;
        break;
      }
    }
  }
  if (!anchor) return;
  for (std::size_t i = 0; i < *anchor; ++i)
    if (kinds[i] != ElementKind::blank && kinds[i] != ElementKind::page_furniture)
      kinds[i] = ElementKind::title_page;
}

// ---- Phase 5: group ---------------------------------------------------------------------------

void append_text(std::string& text, std::string_view piece) {
  std::string folded = collapse_whitespace(piece);
  if (folded.empty()) return;
  if (!text.empty()) text.push_back(' ');
  text += folded;
}

}  // namespace

ScreenplayDocument read_plaintext_screenplay(std::string_view text) {
  ScreenplayDocument doc;
  // A UTF-8 byte order mark is not part of the first line.
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::vector<std::string_view> raw_lines = split_lines(text);
  std::vector<MeasuredLine> lines;
  std::deque<std::string> expanded_lines;
  lines.reserve(raw_lines.size());
  for (std::size_t i = 0; i < raw_lines.size(); ++i) {
    lines.push_back(measure(raw_lines[i], expanded_lines));
    if (lines.back().too_long)
      doc.diagnostics.push_back({Severity::warning, "plaintext-line-too-long", i + 1,
                                 "line longer than " + std::to_string(kMaxMeasuredLineLength) +
                                     " characters is read as action"});
  }

  // Phase 2: furniture.
  std::vector<bool> furniture(lines.size(), false);
  std::unordered_map<std::string, std::size_t> header_counts;
  std::vector<std::string> keys(lines.size());
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].blank || lines[i].too_long) continue;
    furniture[i] = is_context_free_furniture(lines[i]);
    keys[i] = header_key(lines[i].body());
    if (!furniture[i] && looks_like_header(keys[i])) ++header_counts[keys[i]];
  }
  for (std::size_t i = 0; i < lines.size(); ++i)
    if (!furniture[i] && !keys[i].empty() && looks_like_header(keys[i]) &&
        header_counts[keys[i]] >= kMinHeaderRepeats)
      furniture[i] = true;

  Layout layout = learn_layout(lines, furniture);
  Classifier classifier(lines, furniture, layout);
  classifier.run();
  std::vector<ElementKind> kinds = classifier.kinds();
  mark_title_page(lines, layout, kinds);
  const std::vector<bool>& starts = classifier.starts();
  const std::vector<std::size_t>& inline_split = classifier.inline_split();

  std::size_t cues = 0;
  std::size_t headings = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    ElementKind kind = kinds[i];
    std::string_view body = lines[i].body();
    std::size_t number = i + 1;
    if (kind == ElementKind::blank || kind == ElementKind::page_furniture) continue;
    if (kind == ElementKind::title_page) {
      doc.title_page.emplace_back(doc.title_page.empty() ? "title" : "text", collapse_whitespace(body));
      continue;
    }
    bool extend = !starts[i] && !doc.elements.empty() && doc.elements.back().kind == kind &&
                  doc.elements.back().lines.last + 1 == number;
    if (kind == ElementKind::dialogue && !extend && !doc.elements.empty() &&
        doc.elements.back().kind == ElementKind::dialogue && !starts[i])
      extend = true;
    if (extend) {
      doc.elements.back().lines.last = number;
      append_text(doc.elements.back().text, body);
      continue;
    }
    Element element;
    element.kind = kind;
    element.lines = {number, number};
    if (kind == ElementKind::scene_heading) {
      ++headings;
      NumberedText numbered = strip_scene_numbers(body);
      element.text = collapse_whitespace(numbered.text);
      element.scene_number = numbered.number.empty() ? continuity_scene_number(numbered.text) : numbered.number;
    } else if (kind == ElementKind::character && inline_split[i] > 0) {
      ++cues;
      std::string_view name = body.substr(0, inline_split[i]);
      while (!name.empty() && (name.back() == ' ' || name.back() == ':')) name.remove_suffix(1);
      element.text = collapse_whitespace(name);
      doc.elements.push_back(std::move(element));
      Element speech;
      speech.kind = ElementKind::dialogue;
      speech.lines = {number, number};
      speech.text = collapse_whitespace(body.substr(inline_split[i]));
      doc.elements.push_back(std::move(speech));
      continue;
    } else {
      if (kind == ElementKind::character) ++cues;
      element.text = collapse_whitespace(body);
    }
    doc.elements.push_back(std::move(element));
  }
  if (headings == 0)
    doc.diagnostics.push_back({Severity::warning, "plaintext-no-scene-headings", 0,
                               "no scene headings were recognised"});
  if (cues == 0)
    doc.diagnostics.push_back({Severity::warning, "plaintext-no-dialogue", 0,
                               "no character cues were recognised"});
  doc.line_kinds = std::move(kinds);
  return doc;
}

}  // namespace filmscope

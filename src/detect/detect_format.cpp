// Format detection (see detect_format.h for the contract).
//
// Takes a file name and its decoded text; produces the InputFormat whose reader should parse
// it. Method: a Final Draft root element (after an optional XML prolog) or an `.fdx` name
// decides at once. Otherwise the first kDetectionLines lines are classified and each format
// collects evidence:
//   Fountain  — title-page keys on the first lines, forced scene headings, INT./EXT. headings
//               at column 0, column-0 uppercase cues followed directly by column-0 dialogue,
//               Fountain markup ([[notes]], /* boneyard */, > centred <, # sections, = synopses).
//   plaintext — uppercase cues indented deep into the line with less-indented dialogue under
//               them, indented or numbered scene headings, page furniture ((CONTINUED), (MORE),
//               bare page numbers), "NAME : speech" lines, and a third or more of the lines
//               indented.
//   synopsis  — headings such as "Main Plot" or "Characters", "- Actor plays Character" cast
//               lines, and prose lines.
// A screenplay format needs kMinScreenplayScore to win; a synopsis wins whenever neither
// screenplay format has real evidence. The `.fountain`/`.spmd` extensions add a bonus to
// Fountain; other extensions (such as .txt) say nothing.
//
// Limits: only the first kDetectionLines lines (and kDetectionBytes bytes) are looked at, so a
// screenplay preceded by a very long prose preface is taken for a synopsis; a screenplay whose
// layout was flattened to column 0 reads as Fountain, which is also how it is best parsed.
#include "detect/detect_format.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <filesystem>
#include <string>
#include <vector>

namespace filmscope {
namespace {

// Evidence is gathered from this many lines at most: a few scenes of any screenplay, several
// paragraphs of any synopsis, and a bound on the work done for huge inputs.
constexpr std::size_t kDetectionLines = 2000;
// …and from at most this many bytes, so that a file of a few enormous lines stays cheap.
constexpr std::size_t kDetectionBytes = 512 * 1024;
// How far into the text the <FinalDraft> root is looked for, past an XML declaration,
// comments and a DOCTYPE; bounds the scan of an unterminated comment.
constexpr std::size_t kXmlPrologBytes = 4096;
// The fewest points a screenplay format needs before the text is not read as a synopsis:
// about three cues with dialogue, or a title page.
constexpr int kMinScreenplayScore = 6;
// Fountain-only syntax worth this many points (a title page, or four lines of markup such as
// [[notes]], forced headings and > transitions) makes a text Fountain whatever its layout.
constexpr int kDecisiveFountainSyntax = 8;
// Points a `.fountain` or `.spmd` name adds to Fountain.
constexpr int kFountainExtensionBonus = 12;
// A cue this many columns in is a plain-text layout cue (screenplay cues sit near column 25;
// action and dialogue start at 0–15).
constexpr std::size_t kMinPlainCueIndent = 8;
// A character cue is a short line; longer uppercase lines are shouted action or headings.
constexpr std::size_t kMaxCueCharacters = 40;
// Lines at least this long that read as sentences count as prose.
constexpr std::size_t kMinProseCharacters = 60;
// Speech under a plain-text cue starts left of the cue, or (a parenthetical in a narrow layout)
// at most this many columns right of it.
constexpr std::size_t kMaxParentheticalOffset = 4;
// Columns a tab advances to (a multiple of) when measuring indentation.
constexpr std::size_t kTabWidth = 8;
// Indentation at least this deep counts as a column layout rather than a stray space.
constexpr std::size_t kMinLayoutIndent = 3;

constexpr std::array<std::string_view, 14> kTitlePageKeys = {
    "title",   "credit",    "author", "authors",  "source",  "draft date", "date",
    "contact", "copyright", "notes",  "revision", "episode", "written by", "format",
};

constexpr std::array<std::string_view, 12> kSynopsisHeadings = {
    "main plot", "plot",   "plot summary",     "summary", "synopsis", "characters",
    "cast",      "ending", "ending explained", "themes",  "story",    "premise",
};

constexpr std::array<std::string_view, 4> kCastVerbs = {" plays ", " voices ", " as ",
                                                        " portrays "};

struct Line {
  std::size_t indent = 0;    // columns of leading whitespace
  std::string_view content;  // without leading or trailing whitespace
  bool blank() const { return content.empty(); }
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

std::vector<Line> split_lines(std::string_view text) {
  text = text.substr(0, kDetectionBytes);
  std::vector<Line> lines;
  std::size_t start = 0;
  while (start <= text.size() && lines.size() < kDetectionLines) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view raw = text.substr(start, end - start);
    Line line;
    std::size_t i = 0;
    while (i < raw.size() && is_space(raw[i])) {
      line.indent = raw[i] == '\t' ? (line.indent / kTabWidth + 1) * kTabWidth : line.indent + 1;
      ++i;
    }
    std::size_t stop = raw.size();
    while (stop > i && is_space(raw[stop - 1])) --stop;
    line.content = raw.substr(i, stop - i);
    lines.push_back(line);
    if (end == text.size()) break;
    start = end + 1;
  }
  return lines;
}

std::string lower_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

struct LetterCase {
  bool has_letter = false;
  bool has_lower = false;
};

// Letters outside parentheses, so that "JOHN (cont'd)" is still an uppercase cue. Scripts
// without case (Japanese, Chinese) count as uppercase, as in Fountain.
LetterCase letter_case(std::string_view text) {
  LetterCase result;
  int depth = 0;
  int32_t i = 0;
  auto length = static_cast<int32_t>(text.size());
  while (i < length) {
    const auto byte = static_cast<unsigned char>(text[static_cast<std::size_t>(i)]);
    if (byte < 0x80) {  // ICU's classes agree with ASCII's here, without a call per character
      ++i;
      if (byte == '(') ++depth;
      if (byte == ')' && depth > 0) --depth;
      if (depth > 0) continue;
      if (byte >= 'a' && byte <= 'z') result.has_letter = result.has_lower = true;
      if (byte >= 'A' && byte <= 'Z') result.has_letter = true;
      continue;
    }
    UChar32 c = 0;
    U8_NEXT(text.data(), i, length, c);
    if (depth > 0 || c < 0) continue;
    if (u_isalpha(c)) result.has_letter = true;
    if (u_islower(c)) result.has_lower = true;
  }
  return result;
}

// INT./EXT./EST./INT/EXT/I/E followed by a dot, space or the full-width 。 used in CJK scripts.
bool is_scene_heading_text(std::string_view text) {
  static constexpr std::array<std::string_view, 7> kPrefixes = {
      "INT./EXT", "INT/EXT", "EXT./INT", "EXT/INT", "I/E", "INT", "EXT"};
  // Every prefix (and EST) starts with I or E: most lines are turned away before the list.
  if (text.empty() || (text[0] != 'I' && text[0] != 'E')) return false;
  std::string_view rest;
  bool matched = false;
  for (std::string_view prefix : kPrefixes) {
    if (starts_with(text, prefix)) {
      rest = text.substr(prefix.size());
      matched = true;
      break;
    }
  }
  if (!matched && starts_with(text, "EST")) {
    rest = text.substr(3);
    matched = true;
  }
  if (!matched) return false;
  return rest.empty() || rest[0] == '.' || rest[0] == ' ' || starts_with(rest, "\xE3\x80\x82");
}

// A heading preceded by a scene number ("12  INT. HOUSE", "A12. EXT. ROAD") as in shooting
// scripts printed to text.
bool is_numbered_scene_heading(std::string_view text) {
  constexpr std::size_t kMaxSceneNumberLength = 5;
  std::size_t i = 0;
  bool has_digit = false;
  while (i < text.size() && i <= kMaxSceneNumberLength &&
         std::isalnum(static_cast<unsigned char>(text[i]))) {
    has_digit |= std::isdigit(static_cast<unsigned char>(text[i])) != 0;
    ++i;
  }
  if (!has_digit || i > kMaxSceneNumberLength) return false;
  if (i < text.size() && text[i] == '.') ++i;
  if (i >= text.size() || !is_space(text[i])) return false;
  while (i < text.size() && is_space(text[i])) ++i;
  return is_scene_heading_text(text.substr(i));
}

bool is_parenthetical(std::string_view text) {
  return starts_with(text, "(") || starts_with(text, "\xEF\xBC\x88");
}

// An uppercase line that could be a character cue: a letter, no lowercase (outside an
// extension in parentheses), short, not a heading or transition.
bool is_cue_text(std::string_view text) {
  if (text.empty() || text.size() > kMaxCueCharacters) return false;
  if (is_parenthetical(text) || is_scene_heading_text(text)) return false;
  char last = text.back();
  if (last == ':' || last == '.' || last == '!' || last == '?' || last == ',') return false;
  if (starts_with(text, "[[") || starts_with(text, ">") || starts_with(text, "#") ||
      starts_with(text, "=") || starts_with(text, "-") || starts_with(text, "*")) {
    return false;
  }
  LetterCase letters = letter_case(text);
  return letters.has_letter && !letters.has_lower;
}

// What may follow a cue: dialogue (with lowercase letters) or a parenthetical.
bool is_speech(std::string_view text) { return is_parenthetical(text) || !is_cue_text(text); }

// "QUI-GON : Captain." — a speaker and the speech on one line, as in transcripts and some
// stage-play style script dumps.
bool is_inline_dialogue(std::string_view text) {
  std::size_t colon = text.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon + 1 >= text.size()) return false;
  std::string_view name = text.substr(0, colon);
  while (!name.empty() && is_space(name.back())) name.remove_suffix(1);
  std::string_view speech = text.substr(colon + 1);
  while (!speech.empty() && is_space(speech.front())) speech.remove_prefix(1);
  return !speech.empty() && is_cue_text(name) && letter_case(speech).has_lower;
}

bool is_title_page_key(std::string_view content) {
  std::size_t colon = content.find(':');
  std::size_t wide_colon = content.find("\xEF\xBC\x9A");  // ：, used in CJK title pages
  std::size_t end = std::min(colon, wide_colon);
  if (end == std::string_view::npos || end == 0 || end > 20) return false;
  std::string key = lower_ascii(content.substr(0, end));
  while (!key.empty() && key.back() == ' ') key.pop_back();
  return std::find(kTitlePageKeys.begin(), kTitlePageKeys.end(), key) != kTitlePageKeys.end();
}

// Printed-page leftovers: "(CONTINUED)", "CONTINUED: (2)", "(MORE)", optionally after a
// scene number ("18     CONTINUED").
bool is_continuation_marker(std::string_view content) {
  std::size_t i = 0;
  if (!content.empty() && std::isdigit(static_cast<unsigned char>(content[0]))) {
    while (i < content.size() && std::isalnum(static_cast<unsigned char>(content[i]))) ++i;
  }
  while (i < content.size() && is_space(content[i])) ++i;
  std::string_view rest = content.substr(i);
  return rest == "(CONTINUED)" || rest == "CONTINUED" || rest == "(MORE)" ||
         starts_with(rest, "CONTINUED:");
}

// A bare page number: "12." or "12".
bool is_page_number(std::string_view content) {
  constexpr std::size_t kMaxPageNumberDigits = 3;
  std::size_t digits = 0;
  while (digits < content.size() && std::isdigit(static_cast<unsigned char>(content[digits]))) {
    ++digits;
  }
  return digits > 0 && digits <= kMaxPageNumberDigits &&
         (digits == content.size() || (digits + 1 == content.size() && content[digits] == '.'));
}

bool has_fountain_markup(const Line& line) {
  std::string_view c = line.content;
  if (c.find("[[") != std::string_view::npos && c.find("]]") != std::string_view::npos) return true;
  if (line.indent != 0) return false;
  if (c == "/*" || c == "*/" || c == "===" || starts_with(c, "> ")) return true;
  if (starts_with(c, ">") && c.back() == '<') return true;  // > centred <
  if (starts_with(c, "# ") || starts_with(c, "## ") || starts_with(c, "= ")) return true;
  if (c.size() > 1 && (c[0] == '@' || c[0] == '~' || c[0] == '!') &&
      std::isalpha(static_cast<unsigned char>(c[1]))) {
    return true;
  }
  return false;
}

bool is_forced_scene_heading(const Line& line) {
  std::string_view c = line.content;
  return line.indent == 0 && c.size() > 1 && c[0] == '.' &&
         std::isalnum(static_cast<unsigned char>(c[1]));
}

bool is_prose(std::string_view content) {
  if (content.size() < kMinProseCharacters) return false;
  char last = content.back();
  if (last != '.' && last != '!' && last != '?' && last != '"' && last != ')' && last != '\'') {
    return false;
  }
  return letter_case(content).has_lower;
}

bool is_synopsis_heading(std::string_view content) {
  if (content.size() > 30) return false;
  std::string text = lower_ascii(content);
  if (!text.empty() && text.back() == ':') text.pop_back();
  return std::find(kSynopsisHeadings.begin(), kSynopsisHeadings.end(), text) !=
         kSynopsisHeadings.end();
}

bool is_cast_line(std::string_view content) {
  if (!starts_with(content, "- ") && !starts_with(content, "* ")) return false;
  for (std::string_view verb : kCastVerbs) {
    if (content.find(verb) != std::string_view::npos) return true;
  }
  return false;
}

// True when the text's root element, after any XML declaration, comments, processing
// instructions and DOCTYPE, is <FinalDraft>.
bool has_final_draft_root(std::string_view text) {
  text = text.substr(0, kXmlPrologBytes);
  if (starts_with(text, "\xEF\xBB\xBF")) text.remove_prefix(3);
  while (true) {
    while (!text.empty() && (is_space(text[0]) || text[0] == '\n')) text.remove_prefix(1);
    if (starts_with(text, "<FinalDraft")) {
      std::string_view after = text.substr(11);
      return after.empty() || after[0] == '>' || after[0] == '/' || is_space(after[0]) ||
             after[0] == '\n';
    }
    std::string_view terminator;
    if (starts_with(text, "<?")) {
      terminator = "?>";
    } else if (starts_with(text, "<!--")) {
      terminator = "-->";
    } else if (starts_with(text, "<!")) {
      terminator = ">";
    } else {
      return false;
    }
    std::size_t end = text.find(terminator, 2);
    if (end == std::string_view::npos) return false;
    text.remove_prefix(end + terminator.size());
  }
}

struct FormatScores {
  int fountain_syntax = 0;    // title page and markup only Fountain has; part of `fountain`
  int fountain_headings = 0;  // INT./EXT. headings at column 0; part of `fountain`
  int fountain = 0;
  int plaintext = 0;
  int synopsis = 0;
};

// Title page: the first non-blank lines up to a blank line, starting with a known key.
int title_page_score(const std::vector<Line>& lines) {
  std::size_t i = 0;
  while (i < lines.size() && lines[i].blank()) ++i;
  if (i == lines.size() || lines[i].indent != 0 || !is_title_page_key(lines[i].content)) return 0;
  int keys = 0;
  for (; i < lines.size() && !lines[i].blank(); ++i) {
    if (lines[i].indent == 0 && is_title_page_key(lines[i].content)) ++keys;
  }
  return 8 + 2 * keys;
}

FormatScores gather_scores(const std::vector<Line>& lines) {
  FormatScores evidence;
  evidence.fountain_syntax += title_page_score(lines);

  std::size_t non_blank = 0;
  std::size_t layout_indented = 0;
  std::size_t prose = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const Line& line = lines[i];
    if (line.blank()) continue;
    ++non_blank;
    if (line.indent >= kMinLayoutIndent) ++layout_indented;
    std::string_view c = line.content;
    const Line* next = i + 1 < lines.size() ? &lines[i + 1] : nullptr;
    bool previous_blank = i == 0 || lines[i - 1].blank();

    if (is_forced_scene_heading(line)) evidence.fountain_syntax += 3;
    if (has_fountain_markup(line)) evidence.fountain_syntax += 2;
    if (is_scene_heading_text(c)) {
      (line.indent == 0 ? evidence.fountain_headings : evidence.plaintext) += 2;
    } else if (is_numbered_scene_heading(c)) {
      evidence.plaintext += 3;
    }
    if (is_continuation_marker(c)) evidence.plaintext += 2;
    if (is_page_number(c) && line.indent > 0) evidence.plaintext += 1;
    if (is_prose(c)) ++prose;
    if (is_synopsis_heading(c) && line.indent == 0) evidence.synopsis += 4;
    if (is_cast_line(c)) evidence.synopsis += 4;

    if (is_inline_dialogue(c)) evidence.plaintext += 2;
    if (!is_cue_text(c)) continue;
    if (line.indent == 0 && next != nullptr && !next->blank() && next->indent == 0 &&
        previous_blank && is_speech(next->content)) {
      evidence.fountain += 2;
    } else if (line.indent >= kMinPlainCueIndent) {
      // Some text dumps put a blank line between a cue and its speech.
      const Line* speech = next;
      if (speech != nullptr && speech->blank() && i + 2 < lines.size()) speech = &lines[i + 2];
      if (speech != nullptr && !speech->blank() && speech->indent >= kMinLayoutIndent &&
          speech->indent < line.indent + kMaxParentheticalOffset && is_speech(speech->content)) {
        evidence.plaintext += 2;
      }
    }
  }
  // A column layout: a third of the lines indented says plaintext, weighted by how many.
  if (non_blank > 0 && layout_indented * 3 >= non_blank) {
    evidence.plaintext += static_cast<int>(std::min<std::size_t>(layout_indented / 10, 40));
  }
  evidence.synopsis += static_cast<int>(prose / 4);
  evidence.fountain += evidence.fountain_syntax + evidence.fountain_headings;
  return evidence;
}

std::string extension_of(std::string_view file_name) {
  return lower_ascii(std::filesystem::path(std::string(file_name)).extension().string());
}

}  // namespace

InputFormat detect_format(std::string_view file_name, std::string_view text) {
  std::string extension = extension_of(file_name);
  if (extension == ".fdx" || has_final_draft_root(text)) return InputFormat::fdx;

  FormatScores evidence = gather_scores(split_lines(text));
  bool fountain_name = extension == ".fountain" || extension == ".spmd";
  if (fountain_name) evidence.fountain += kFountainExtensionBonus;

  // Title pages and markup exist only in Fountain; a Fountain file may still lay its cues
  // and dialogue out in columns, which Fountain allows.
  if (evidence.fountain_syntax >= kDecisiveFountainSyntax &&
      evidence.fountain_syntax * 2 >= evidence.synopsis) {
    return InputFormat::fountain;
  }
  int screenplay = std::max(evidence.fountain, evidence.plaintext);
  if (screenplay < kMinScreenplayScore) {
    // A snippet too short to score: a scene heading or Fountain markup in text with no sign
    // of prose still makes it Fountain. Cues alone do not, since a synopsis may open with its
    // title in capitals.
    bool fountain_snippet =
        evidence.synopsis == 0 && evidence.fountain_syntax + evidence.fountain_headings > 0 &&
        evidence.fountain_syntax + evidence.fountain_headings >= evidence.plaintext;
    return fountain_snippet ? InputFormat::fountain : InputFormat::synopsis;
  }
  if (evidence.synopsis > screenplay) return InputFormat::synopsis;
  if (evidence.fountain == evidence.plaintext) {
    return fountain_name ? InputFormat::fountain : InputFormat::plaintext;
  }
  return evidence.fountain > evidence.plaintext ? InputFormat::fountain : InputFormat::plaintext;
}

}  // namespace filmscope

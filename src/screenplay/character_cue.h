// Character cues: "EDWARD (V.O.) (CONT'D) ^" → speaker "EDWARD", extensions, dual flag.
// Shared by every screenplay reader so that the same name is normalised the same way whichever
// format it came from.
//
// Method: a leading '@' marks a forced cue (Fountain); a trailing '^' marks the second speaker
// of dual dialogue; parenthesised groups after the name are extensions (any case: "V.O.",
// "on the radio"); the "continued" family (CONT'D, CONT’D, CONTD, CONT., CONT, CONTINUING,
// CONTINUED) is normalised to "CONT'D". The speaker is the rest, whitespace folded, trailing
// punctuation (':', '.', ',', ';', '-') and enclosing double quotes removed and case folded to
// upper (ICU, so "Ç" works). A possessive voice cue names its owner: "ADAM'S VOICE" is speaker
// "ADAM" with the extension "VOICE", as "ADAM (V.O.)" would be.
// Limits: a cue is only recognised when the name has at least one letter and, unless forced,
// no lower-case letter; context (blank line before, dialogue after) is the reader's business.
// A line longer than kMaxCueBytes is never a cue.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace filmscope {

// The longest line (surrounding spaces excluded) read as a cue. The longest real cues, a name
// with several extensions ("MRS. HENDERSON-WHITLEY (V.O.) (ON THE PHONE) (CONT'D)"), stay under
// a third of it; a longer upper-case line is a shouted action line or garbage, and would
// otherwise become a character whose name is a paragraph, repeated in every export.
inline constexpr std::size_t kMaxCueBytes = 200;

struct CueParts {
  std::string speaker;                  // normalised: "MCCLANE"
  std::vector<std::string> extensions;  // "V.O.", "CONT'D", "on the radio"
  bool dual = false;                    // trailing '^'
  bool forced = false;                  // leading '@'
};

std::optional<CueParts> parse_character_cue(std::string_view line);

// Whether parse_character_cue(line) finds a cue, without building its parts: for readers that
// only need to know, and leave the parsing to the story builder.
bool is_character_cue(std::string_view line);

// The speaker normalisation alone (for names that arrive without a cue, e.g. FDX cast lists):
// whitespace folded, trailing punctuation removed, upper-cased.
std::string normalise_speaker(std::string_view name);

}  // namespace filmscope

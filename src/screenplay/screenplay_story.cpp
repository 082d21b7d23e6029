// Screenplay element stream → Story. See screenplay_story.h for the method and its limits.
#include "screenplay/screenplay_story.h"

#include <algorithm>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "screenplay/character_cue.h"
#include "screenplay/line_text.h"
#include "screenplay/scene_heading.h"
#include "text/unicode_text.h"

namespace filmscope {

namespace {

using screenplay_detail::ascii_upper;
using screenplay_detail::trim;

std::string upper_ascii(std::string_view s) {
  std::string out;
  for (char c : s) out.push_back(ascii_upper(c));
  return out;
}

bool is_writer_key(std::string_view key) {
  std::string k = upper_ascii(trim(key));
  return k == "AUTHOR" || k == "AUTHORS" || k == "WRITTEN BY" || k == "WRITER" || k == "WRITERS";
}

void append_line(std::string& to, std::string_view text, char separator) {
  if (text.empty()) return;
  if (!to.empty()) to.push_back(separator);
  to.append(text);
}

FilmInfo film_from_title_page(const ScreenplayDocument& document) {
  FilmInfo film;
  for (const auto& [key, value] : document.title_page) {
    if (upper_ascii(trim(key)) == "TITLE" && film.title.empty()) {
      film.title = collapse_whitespace(value);
    } else if (is_writer_key(key)) {
      // One writer per line; "A & B" on one line names two.
      std::string_view rest = value;
      while (!rest.empty()) {
        std::size_t cut = rest.find_first_of("\n&");
        std::string name = collapse_whitespace(rest.substr(0, cut));
        if (!name.empty()) film.writers.push_back(std::move(name));
        rest = cut == std::string_view::npos ? std::string_view{} : rest.substr(cut + 1);
      }
    }
  }
  return film;
}

// What a unit will hold, counted ahead so that its lists and texts are made once at their size.
struct UnitExtent {
  std::size_t cues = 0;
  std::size_t text_bytes = 0;    // at most, with a separator after every piece
  std::size_t action_bytes = 0;  // likewise
};

// The extent of the unit the first of `elements` opens: elements up to the next heading or
// section, the ones that end a unit.
UnitExtent extent_from(std::span<const Element> elements) {
  UnitExtent extent;
  for (std::size_t i = 0; i < elements.size(); ++i) {
    const Element& element = elements[i];
    if (i > 0 &&
        (element.kind == ElementKind::scene_heading || element.kind == ElementKind::section))
      break;
    switch (element.kind) {
      case ElementKind::character:
        ++extent.cues;
        break;
      case ElementKind::action:
      case ElementKind::centered:
        extent.action_bytes += element.text.size() + 1;
        [[fallthrough]];
      case ElementKind::scene_heading:
      case ElementKind::dialogue:
      case ElementKind::lyrics:
        extent.text_bytes += element.text.size() + 1;
        break;
      default:
        break;
    }
  }
  return extent;
}

// What a dialogue block takes from its cue.
struct SpeakerOfCue {
  std::string speaker;
  std::vector<std::string> extensions;
  bool dual = false;  // a '^' left in the text the reader kept
};

class StoryBuilder {
 public:
  // `elements` is the list every element handed to the builder comes from.
  StoryBuilder(Story& story, std::span<const Element> elements)
      : story_(story), elements_(elements) {}

  void heading(const Element& element) {
    finish_unit();
    open_unit(element);
    unit_->heading = element.text;
    std::optional<SceneSetting> setting = parse_scene_heading(element.text);
    if (!setting) {
      setting = SceneSetting{};
      setting->location = element.text;
    }
    if (!element.scene_number.empty()) setting->number = element.scene_number;
    if (element.eighths > 0.0) setting->eighths = element.eighths;
    unit_->setting = std::move(setting);
    append_line(unit_->text, element.text, '\n');
  }

  void section(const Element& element) {
    finish_unit();
    section_ = element.text;
    story_.sections.push_back(element.text);
  }

  // Centered text ("THE END", "ACT TWO") joins the action but does not by itself make the
  // material before the first heading a unit.
  void action(const Element& element) {
    open_if_needed(element);
    block_open_ = false;
    append_line(unit_->action, element.text, '\n');
    record_action_lines(element);
    append_line(unit_->text, element.text, '\n');
    if (element.kind != ElementKind::centered) has_content_ = true;
    unit_->lines.last = std::max(unit_->lines.last, element.lines.last);
  }

  void cue(const Element& element) {
    open_if_needed(element);
    // Room for every cue of the unit was reserved when it opened: the blocks never move.
    DialogueBlock& block = unit_->dialogue.emplace_back();
    block.cue = element.text;
    const SpeakerOfCue& speaker = speaker_of(element.text);
    block.speaker = speaker.speaker;
    block.extensions = speaker.extensions;
    block.dual = element.dual || speaker.dual;
    block.lines = element.lines;
    block_open_ = true;
    has_content_ = true;
    unit_->lines.last = std::max(unit_->lines.last, element.lines.last);
  }

  // Dialogue, parentheticals and lyrics: part of the open block, or action-like when no cue
  // precedes them (lyrics outside dialogue).
  void speech(const Element& element) {
    if (!block_open_ || !unit_ || unit_->dialogue.empty()) {
      if (element.kind != ElementKind::parenthetical) action(element);
      return;
    }
    DialogueBlock& block = unit_->dialogue.back();
    block.lines.last = std::max(block.lines.last, element.lines.last);
    unit_->lines.last = std::max(unit_->lines.last, element.lines.last);
    if (element.kind == ElementKind::parenthetical) return;
    // The piece is collapsed straight onto the speech, a space before it unless it is the first.
    std::string& speech = block.text;
    const std::size_t start = speech.empty() ? 0 : speech.size() + 1;
    if (start > 0) speech.push_back(' ');
    append_collapsed_whitespace(speech, element.text);
    if (speech.size() == start) {  // nothing to say: no separator either
      speech.resize(start == 0 ? 0 : start - 1);
      return;
    }
    const std::string_view words = std::string_view(speech).substr(start);
    // The pieces are collapsed and joined by a space, so the words of the whole speech are the
    // sum of its pieces' words: one more than its spaces.
    block.words += static_cast<std::size_t>(std::count(words.begin(), words.end(), ' ')) + 1;
    append_line(unit_->text, words, '\n');
  }

  void other(const Element& element) {
    block_open_ = false;
    if (unit_) unit_->lines.last = std::max(unit_->lines.last, element.lines.last);
  }

  void finish_unit() {
    block_open_ = false;
    if (!unit_) return;
    // Content before the first heading only counts when it says something.
    if (unit_->heading || has_content_) story_.units.push_back(std::move(*unit_));
    unit_.reset();
    has_content_ = false;
  }

 private:
  // One entry per '\n'-separated line the element adds to `action`: wrapped lines keep their
  // line breaks, so the n-th piece is on the n-th line of the element's span (clamped, since a
  // reader may fold lines).
  void record_action_lines(const Element& element) {
    if (element.text.empty()) return;
    std::size_t line = element.lines.first;
    unit_->action_lines.push_back(line);
    const std::string_view text = element.text;
    for (std::size_t at = text.find('\n'); at != std::string_view::npos;
         at = text.find('\n', at + 1)) {
      line = std::min(line + 1, std::max(element.lines.last, element.lines.first));
      unit_->action_lines.push_back(line);
    }
  }

  // The speaker a cue's text names, parsed once per distinct text: a script names its speakers
  // hundreds of times over ("EDWARD" 201 times in Big Fish).
  const SpeakerOfCue& speaker_of(std::string_view cue) {
    auto [it, inserted] = speakers_.try_emplace(cue);
    if (!inserted) return it->second;
    SpeakerOfCue& speaker = it->second;
    std::optional<CueParts> parts = parse_character_cue(cue);
    if (!parts) parts = parse_character_cue("@" + std::string(cue));
    if (parts) {
      speaker.speaker = std::move(parts->speaker);
      speaker.extensions = std::move(parts->extensions);
      speaker.dual = parts->dual;
    } else {
      speaker.speaker = normalise_speaker(cue);
    }
    return speaker;
  }

  void open_if_needed(const Element& element) {
    if (!unit_) open_unit(element);
  }

  void open_unit(const Element& first) {
    unit_ = NarrativeUnit{};
    unit_->section = section_;
    unit_->lines = first.lines;
    const auto at = static_cast<std::size_t>(&first - elements_.data());
    const UnitExtent extent = extent_from(elements_.subspan(at));
    unit_->dialogue.reserve(extent.cues);
    unit_->text.reserve(extent.text_bytes);
    unit_->action.reserve(extent.action_bytes);
  }

  Story& story_;
  std::span<const Element> elements_;
  std::unordered_map<std::string_view, SpeakerOfCue> speakers_;  // keyed by views into elements_
  std::optional<NarrativeUnit> unit_;
  std::string section_;
  bool block_open_ = false;
  bool has_content_ = false;
};

}  // namespace

Story story_from_screenplay(const ScreenplayDocument& document) {
  Story story;
  story.film = film_from_title_page(document);
  story.diagnostics = document.diagnostics;
  // A unit opens at a heading, after a section, or before either: room for that many, so that
  // the list never moves.
  story.units.reserve(
      1 + static_cast<std::size_t>(std::count_if(
              document.elements.begin(), document.elements.end(), [](const Element& e) {
                return e.kind == ElementKind::scene_heading || e.kind == ElementKind::section;
              })));
  StoryBuilder builder(story, document.elements);
  for (const Element& element : document.elements) {
    switch (element.kind) {
      case ElementKind::scene_heading: builder.heading(element); break;
      case ElementKind::section: builder.section(element); break;
      case ElementKind::action:
      case ElementKind::centered: builder.action(element); break;
      case ElementKind::character: builder.cue(element); break;
      case ElementKind::dialogue:
      case ElementKind::parenthetical:
      case ElementKind::lyrics: builder.speech(element); break;
      // Hidden or structural text does not interrupt a dialogue block (a note between a cue
      // and its words is still one speech).
      case ElementKind::note:
      case ElementKind::boneyard:
      case ElementKind::blank:
      case ElementKind::page_furniture: break;
      case ElementKind::transition:
      case ElementKind::synopsis:
      case ElementKind::page_break:
      case ElementKind::title_page: builder.other(element); break;
    }
  }
  builder.finish_unit();
  return story;
}

}  // namespace filmscope

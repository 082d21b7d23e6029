// Fountain reader. See fountain_reader.h for the phases and their limits.
#include "screenplay/fountain_reader.h"

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "screenplay/character_cue.h"
#include "screenplay/emphasis.h"
#include "screenplay/fountain_hidden.h"
#include "screenplay/line_text.h"
#include "text/unicode_text.h"

namespace filmscope {

namespace {

using fountain_detail::VisibleLine;
using screenplay_detail::ascii_upper;
using screenplay_detail::ends_with;
using screenplay_detail::is_space;
using screenplay_detail::trim;

// Keys that may open a title page. Later keys can be anything; the first must be one of these
// so that a script opening with "FADE IN:" is not mistaken for a title page.
constexpr std::array<std::string_view, 14> kTitlePageKeys{
    "TITLE",   "CREDIT",    "AUTHOR",    "AUTHORS", "SOURCE",   "NOTES",   "DRAFT DATE",
    "DATE",    "CONTACT",   "COPYRIGHT", "REVISION", "WRITTEN BY", "EPISODE", "CONTACT INFO"};

// Longest key accepted on a title page; longer "Key:" prefixes are prose.
constexpr std::size_t kMaxTitleKeyLength = 40;

std::string clean(std::string_view text) {
  std::string out;
  append_clean_line(out, text);
  return out;
}

// "Key: value" with the key at the left margin. Returns the key and the value.
std::optional<std::pair<std::string_view, std::string_view>> split_title_key(std::string_view line) {
  if (line.empty() || is_space(line.front())) return std::nullopt;
  std::size_t colon = line.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > kMaxTitleKeyLength) return std::nullopt;
  std::string_view key = line.substr(0, colon);
  for (char c : key) {
    bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
              c == ' ' || c == '_' || c == '-';
    if (!ok) return std::nullopt;
  }
  return std::pair{trim(key), trim(line.substr(colon + 1))};
}

bool is_standard_title_key(std::string_view key) {
  std::string upper;
  for (char c : key) upper.push_back(ascii_upper(c));
  return std::find(kTitlePageKeys.begin(), kTitlePageKeys.end(), upper) != kTitlePageKeys.end();
}

bool is_blank(const VisibleLine& line) { return trim(line.content).empty(); }

bool has_lower_ascii_or_unicode(std::string_view text) {
  // Cue and transition tests only need "no lower-case letter"; character_cue.cpp does the
  // Unicode-aware test for cues, transitions are ASCII in practice.
  for (char c : text)
    if (c >= 'a' && c <= 'z') return true;
  return false;
}

bool is_page_break(std::string_view t) {
  return t.size() >= 3 && std::all_of(t.begin(), t.end(), [](char c) { return c == '='; });
}

// Builds the element list, merging adjacent lines of the same flowing kind.
class ElementBuilder {
 public:
  explicit ElementBuilder(ScreenplayDocument& doc) : doc_(doc) {}

  // Adds the line's `source` text, cleaned (append_clean_line), as a new element or to the one it
  // continues, '\n' between the lines. The text is cleaned straight into the element.
  void add(ElementKind kind, std::size_t line, std::string_view source) {
    doc_.line_kinds[line - 1] = kind;
    bool flowing = kind == ElementKind::action || kind == ElementKind::dialogue ||
                   kind == ElementKind::lyrics || kind == ElementKind::parenthetical;
    if (flowing && merge_ && !doc_.elements.empty() && doc_.elements.back().kind == kind) {
      Element& last = doc_.elements.back();
      last.lines.last = line;
      std::string& text = last.text;
      const std::size_t before = text.size();
      if (before != 0) text.push_back('\n');
      append_clean_line(text, source);
      if (before != 0 && text.size() == before + 1) text.pop_back();  // the line cleaned to nothing
    } else {
      // read_fountain reserves room for every element: the list never moves.
      Element& element = doc_.elements.emplace_back();
      element.kind = kind;
      element.lines = {line, line};
      append_clean_line(element.text, source);
    }
    merge_ = flowing;
  }

  Element& last() { return doc_.elements.back(); }

  // A blank line, or any element that interrupts the flow.
  void break_flow() { merge_ = false; }

 private:
  ScreenplayDocument& doc_;
  bool merge_ = false;
};

// Reads the title page starting at `start`; returns the index of the first body line.
std::size_t read_title_page(const std::vector<VisibleLine>& lines, std::size_t start,
                            ScreenplayDocument& doc) {
  auto first = split_title_key(lines[start].content);
  if (!first || !is_standard_title_key(first->first)) return start;
  std::size_t i = start;
  for (; i < lines.size(); ++i) {
    const VisibleLine& line = lines[i];
    if (line.transparent()) {
      doc.line_kinds[i] = line.had_boneyard ? ElementKind::boneyard : ElementKind::note;
      continue;
    }
    if (is_blank(line)) break;
    doc.line_kinds[i] = ElementKind::title_page;
    auto key_value = split_title_key(line.content);
    if (key_value) {
      doc.title_page.emplace_back(std::string(key_value->first), clean(key_value->second));
      continue;
    }
    if (doc.title_page.empty()) continue;
    std::string& value = doc.title_page.back().second;
    std::string more = clean(line.content);
    if (more.empty()) continue;
    if (!value.empty()) value.push_back('\n');
    value += more;
  }
  return i;
}

class LineGrammar {
 public:
  LineGrammar(const std::vector<VisibleLine>& lines, const FountainOptions& options,
              ScreenplayDocument& doc)
      : lines_(lines), options_(options), doc_(doc), builder_(doc) {}

  void run(std::size_t body_start) {
    visible_.reserve(lines_.size() - std::min(body_start, lines_.size()));
    for (std::size_t i = body_start; i < lines_.size(); ++i) {
      if (lines_[i].transparent()) {
        doc_.line_kinds[i] = lines_[i].had_boneyard ? ElementKind::boneyard : ElementKind::note;
      } else {
        visible_.push_back(i);
      }
    }
    for (std::size_t p = 0; p < visible_.size(); ++p) classify(p);
  }

 private:
  bool blank_at(std::size_t p) const { return is_blank(lines_[visible_[p]]); }
  bool prev_blank(std::size_t p) const { return p == 0 || blank_at(p - 1); }
  bool next_blank(std::size_t p) const { return p + 1 >= visible_.size() || blank_at(p + 1); }

  void classify(std::size_t p) {
    std::size_t index = visible_[p];
    std::size_t line = index + 1;
    const std::string_view content = lines_[index].content;
    std::string_view t = trim(content);

    if (t.empty()) {
      // Two spaces on an otherwise empty line keep a dialogue block going (spec: "Dialogue").
      bool spaces_only = content.size() >= 2 &&
                         std::all_of(content.begin(), content.end(), [](char c) { return c == ' '; });
      if (in_dialogue_ && spaces_only && !next_blank(p)) {
        builder_.add(ElementKind::dialogue, line, "");
        return;
      }
      doc_.line_kinds[index] = ElementKind::blank;
      in_dialogue_ = false;
      paren_open_ = false;
      builder_.break_flow();
      return;
    }
    if (is_page_break(t)) return add_single(ElementKind::page_break, line, "");
    if (t.front() == '#') {
      std::size_t depth = t.find_first_not_of('#');
      if (depth == std::string_view::npos) depth = t.size();
      add_single(ElementKind::section, line, t.substr(depth));
      builder_.last().depth = static_cast<int>(depth);
      return;
    }
    if (t.front() == '=') return add_single(ElementKind::synopsis, line, t.substr(1));

    if (in_dialogue_) {
      if (paren_open_ || t.front() == '(') {
        if (!paren_open_) builder_.break_flow();
        paren_open_ = t.back() != ')';
        builder_.add(ElementKind::parenthetical, line, t);
        if (!paren_open_) builder_.break_flow();
        return;
      }
      if (t.front() == '~') return builder_.add(ElementKind::lyrics, line, t.substr(1));
      return builder_.add(ElementKind::dialogue, line, t);
    }

    switch (t.front()) {
      case '!':
        return builder_.add(ElementKind::action, line, t.substr(1));
      case '@':
        if (prev_blank(p) && !next_blank(p)) return add_cue(line, t);
        return builder_.add(ElementKind::action, line, t);
      case '~':
        return builder_.add(ElementKind::lyrics, line, t.substr(1));
      case '>':
        if (t.size() >= 2 && t.back() == '<')
          return add_single(ElementKind::centered, line, t.substr(1, t.size() - 2));
        return add_single(ElementKind::transition, line, t.substr(1));
      case '.':
        if (t.size() >= 2 && t[1] != '.' && prev_blank(p)) return add_heading(line, t);
        break;
      default:
        break;
    }
    if (prev_blank(p) && looks_like_scene_heading(t, options_.heading_prefixes))
      return add_heading(line, t);
    if (prev_blank(p) && next_blank(p) && ends_with(t, "TO:") && !has_lower_ascii_or_unicode(t))
      return add_single(ElementKind::transition, line, t);
    if (prev_blank(p) && !next_blank(p) && is_character_cue(t)) return add_cue(line, t);
    builder_.add(ElementKind::action, line, content);
  }

  void add_single(ElementKind kind, std::size_t line, std::string_view source) {
    builder_.break_flow();
    builder_.add(kind, line, source);
    builder_.break_flow();
    in_dialogue_ = false;
  }

  void add_heading(std::size_t line, std::string_view t) {
    // The setting itself is parsed from the element's text by the story builder.
    const std::string_view number = scene_number_of(t);
    std::string_view text = t;
    if (text.front() == '.') text.remove_prefix(1);
    if (!number.empty()) {
      std::string_view trimmed = trim(text);
      std::size_t hash = trimmed.rfind('#', trimmed.size() - 2);
      if (hash != std::string_view::npos) text = trimmed.substr(0, hash);
    }
    add_single(ElementKind::scene_heading, line, text);
    builder_.last().scene_number = number;
  }

  void add_cue(std::size_t line, std::string_view t) {
    std::string_view text = t;
    bool dual = false;
    if (!text.empty() && text.front() == '@') text.remove_prefix(1);
    text = trim(text);
    if (!text.empty() && text.back() == '^') {
      dual = true;
      text.remove_suffix(1);
    }
    add_single(ElementKind::character, line, text);
    builder_.last().dual = dual;
    in_dialogue_ = true;
    paren_open_ = false;
  }

  const std::vector<VisibleLine>& lines_;
  const FountainOptions& options_;
  ScreenplayDocument& doc_;
  ElementBuilder builder_;
  std::vector<std::size_t> visible_;  // indices of lines the grammar sees
  bool in_dialogue_ = false;
  bool paren_open_ = false;
};

}  // namespace

ScreenplayDocument read_fountain(std::string_view text, const FountainOptions& options) {
  ScreenplayDocument doc;
  fountain_detail::HiddenScan scan = fountain_detail::scan_hidden(text);
  doc.diagnostics = std::move(scan.diagnostics);
  doc.line_kinds.assign(scan.lines.size(), ElementKind::blank);
  // Every element holds at least one line, and every note or boneyard span one more element:
  // reserved once, the list never moves. Capacity that is never written costs no memory.
  doc.elements.reserve(scan.lines.size() + scan.spans.size());

  std::size_t start = 0;
  while (start < scan.lines.size() && is_blank(scan.lines[start]) && !scan.lines[start].transparent())
    ++start;
  std::size_t body_start = start < scan.lines.size() ? read_title_page(scan.lines, start, doc) : start;
  // Lines skipped before the title page are blank already; the body starts after it.
  if (body_start == start) body_start = 0;

  LineGrammar grammar(scan.lines, options, doc);
  grammar.run(body_start);

  std::size_t grammar_elements = doc.elements.size();
  for (const auto& span : scan.spans) {
    Element element;
    element.kind = span.kind == fountain_detail::Hidden::boneyard ? ElementKind::boneyard : ElementKind::note;
    element.lines = span.lines;
    element.text = span.text;
    doc.elements.push_back(std::move(element));
  }
  if (doc.elements.size() > grammar_elements)
    std::stable_sort(doc.elements.begin(), doc.elements.end(),
                     [](const Element& a, const Element& b) { return a.lines.first < b.lines.first; });
  return doc;
}

}  // namespace filmscope

// Final Draft reader. See fdx_reader.h for the method and its limits.
#include "screenplay/fdx_reader.h"

#include <pugixml.hpp>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "screenplay/line_text.h"
#include "text/unicode_text.h"

namespace filmscope {

namespace {

using screenplay_detail::ascii_upper;
using screenplay_detail::trim;

struct TypeMapping {
  std::string_view type;  // Paragraph Type, compared case-insensitively
  ElementKind kind;
};

constexpr std::array<TypeMapping, 14> kParagraphTypes{{
    {"SCENE HEADING", ElementKind::scene_heading},
    {"ACTION", ElementKind::action},
    {"CHARACTER", ElementKind::character},
    {"PARENTHETICAL", ElementKind::parenthetical},
    {"DIALOGUE", ElementKind::dialogue},
    {"TRANSITION", ElementKind::transition},
    {"LYRICS", ElementKind::lyrics},
    {"SHOT", ElementKind::action},
    {"GENERAL", ElementKind::action},
    {"CAST LIST", ElementKind::action},
    {"NEW ACT", ElementKind::section},
    {"END OF ACT", ElementKind::centered},
    {"OUTLINE", ElementKind::section},
    {"OUTLINE BODY", ElementKind::synopsis},
}};

std::string upper_ascii(std::string_view s) {
  std::string out;
  for (char c : s) out.push_back(ascii_upper(c));
  return out;
}

ElementKind kind_of(std::string_view type) {
  std::string upper = upper_ascii(trim(type));
  for (const auto& mapping : kParagraphTypes)
    if (mapping.type == upper) return mapping.kind;
  return ElementKind::action;
}

// The text of a paragraph: its <Text> children concatenated (styled runs are separate <Text>s).
std::string paragraph_text(const pugi::xml_node& paragraph) {
  std::string text;
  for (pugi::xml_node run : paragraph.children("Text")) text += run.text().get();
  return collapse_whitespace(text);
}

// "2/8" → 2, "1" → 8, "1 3/8" → 11; 0 when unreadable.
double parse_eighths(std::string_view length) {
  length = trim(length);
  double whole = 0.0;
  double eighths = 0.0;
  std::size_t space = length.find(' ');
  std::string_view fraction = length;
  if (space != std::string_view::npos) {
    whole = std::atof(std::string(length.substr(0, space)).c_str());
    fraction = trim(length.substr(space + 1));
  }
  std::size_t slash = fraction.find('/');
  if (slash == std::string_view::npos) {
    whole += std::atof(std::string(fraction).c_str());
  } else {
    double numerator = std::atof(std::string(fraction.substr(0, slash)).c_str());
    double denominator = std::atof(std::string(fraction.substr(slash + 1)).c_str());
    if (denominator > 0.0) eighths = numerator * 8.0 / denominator;
  }
  double total = whole * 8.0 + eighths;
  return total > 0.0 ? total : 0.0;
}

// True when the prolog declares entities: the only way XML can make a small file expand.
bool declares_entities(std::string_view text) {
  std::size_t doctype = text.find("<!DOCTYPE");
  if (doctype == std::string_view::npos) return false;
  std::size_t root = text.find("<FinalDraft");
  std::string_view prolog = text.substr(doctype, root == std::string_view::npos ? std::string_view::npos : root - doctype);
  return prolog.find("<!ENTITY") != std::string_view::npos;
}

class FdxWalker {
 public:
  FdxWalker(std::string_view text, ScreenplayDocument& doc) : text_(text), doc_(doc) {
    for (std::size_t i = 0; i < text.size();) {
      line_starts_.push_back(i);
      std::size_t end = text.find('\n', i);
      i = end == std::string_view::npos ? text.size() : end + 1;
    }
    doc_.line_kinds.assign(line_starts_.size(), ElementKind::blank);
  }

  void content(const pugi::xml_node& content) {
    for (pugi::xml_node paragraph : content.children("Paragraph")) {
      pugi::xml_node dual = paragraph.child("DualDialogue");
      if (dual) {
        bool seen_cue = false;
        for (pugi::xml_node inner : dual.children("Paragraph")) {
          bool is_cue = kind_of(inner.attribute("Type").value()) == ElementKind::character;
          add(inner, is_cue && seen_cue);
          seen_cue = seen_cue || is_cue;
        }
      }
      add(paragraph, false);
    }
  }

  void title_page(const pugi::xml_node& content) {
    std::vector<std::pair<std::string, std::size_t>> lines;  // text, source line
    for (pugi::xml_node paragraph : content.children("Paragraph")) {
      std::string text = paragraph_text(paragraph);
      if (text.empty()) continue;
      LineSpan span = span_of(paragraph);
      for (std::size_t l = span.first; l <= span.last; ++l) doc_.line_kinds[l - 1] = ElementKind::title_page;
      lines.emplace_back(std::move(text), span.first);
    }
    bool author_next = false;
    bool have_title = false;
    for (const auto& [text, line] : lines) {
      std::string lower;
      for (char c : text) lower.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
      bool credit = lower == "by" || (lower.size() >= 3 && lower.size() <= 40 &&
                                      lower.compare(lower.size() - 3, 3, " by") == 0 &&
                                      lower.rfind("based on", 0) != 0);
      if (!have_title) {
        doc_.title_page.emplace_back("Title", text);
        have_title = true;
      } else if (credit) {
        doc_.title_page.emplace_back("Credit", text);
        author_next = true;
      } else if (author_next) {
        doc_.title_page.emplace_back("Author", text);
        author_next = false;
      } else if (lower.rfind("based on", 0) == 0) {
        doc_.title_page.emplace_back("Source", text);
      } else {
        doc_.title_page.emplace_back("Notes", text);
      }
    }
  }

 private:
  std::size_t line_of(std::size_t offset) const {
    auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    return static_cast<std::size_t>(it - line_starts_.begin());
  }

  // From the <Paragraph> start tag to its first </Paragraph> (or its own "/>"). For a paragraph
  // that holds <DualDialogue>, only the start line: the inner paragraphs claim their own lines.
  LineSpan span_of(const pugi::xml_node& paragraph) const {
    std::ptrdiff_t offset = paragraph.offset_debug();
    if (offset < 0) return {1, 1};
    std::size_t start = static_cast<std::size_t>(offset);
    std::size_t first = line_of(start);
    if (paragraph.child("DualDialogue")) return {first, first};
    std::size_t tag_end = text_.find('>', start);
    if (tag_end == std::string_view::npos) return {first, first};
    if (tag_end > 0 && text_[tag_end - 1] == '/') return {first, line_of(tag_end)};
    std::size_t close = text_.find("</Paragraph>", tag_end);
    if (close == std::string_view::npos) return {first, first};
    return {first, line_of(close)};
  }

  void add(const pugi::xml_node& paragraph, bool dual) {
    std::string text = paragraph_text(paragraph);
    if (text.empty()) return;
    ElementKind kind = kind_of(paragraph.attribute("Type").value());
    Element element;
    element.kind = kind;
    element.lines = span_of(paragraph);
    element.text = std::move(text);
    element.dual = dual;
    if (kind == ElementKind::section) element.depth = 1;
    if (kind == ElementKind::scene_heading) {
      element.scene_number = trim(paragraph.attribute("Number").value());
      element.eighths = parse_eighths(paragraph.child("SceneProperties").attribute("Length").value());
    }
    for (std::size_t l = element.lines.first; l <= element.lines.last; ++l) doc_.line_kinds[l - 1] = kind;
    doc_.elements.push_back(std::move(element));
  }

  std::string_view text_;
  ScreenplayDocument& doc_;
  std::vector<std::size_t> line_starts_;
};

}  // namespace

ScreenplayDocument read_fdx(std::string_view text) {
  ScreenplayDocument doc;
  if (declares_entities(text)) {
    doc.diagnostics.push_back({Severity::error, "fdx-entity-declaration", 0,
                               "the document type declares entities; refused rather than expanded"});
    return doc;
  }
  pugi::xml_document xml;
  pugi::xml_parse_result result = xml.load_buffer(text.data(), text.size(), pugi::parse_default,
                                                  pugi::encoding_utf8);
  FdxWalker walker(text, doc);
  if (!result) {
    std::size_t line = 1;
    for (std::ptrdiff_t i = 0; i < result.offset && static_cast<std::size_t>(i) < text.size(); ++i)
      if (text[static_cast<std::size_t>(i)] == '\n') ++line;
    doc.diagnostics.push_back({Severity::error, "fdx-xml-malformed", line,
                               std::string("not well-formed XML: ") + result.description()});
    return doc;
  }
  pugi::xml_node root = xml.child("FinalDraft");
  if (!root) {
    doc.diagnostics.push_back({Severity::error, "fdx-not-final-draft", 0,
                               "the XML root element is not <FinalDraft>"});
    return doc;
  }
  if (pugi::xml_node title = root.child("TitlePage").child("Content")) walker.title_page(title);
  walker.content(root.child("Content"));
  std::stable_sort(doc.elements.begin(), doc.elements.end(),
                   [](const Element& a, const Element& b) { return a.lines.first < b.lines.first; });
  return doc;
}

}  // namespace filmscope

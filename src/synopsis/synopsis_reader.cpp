// Synopsis reader, in three passes over the lines:
//   1. classify each line: blank, heading, credits line, cast line, or prose;
//   2. take the film header from the title line, the credits line, and otherwise the
//      opening sentence of the prose;
//   3. cut prose into paragraphs (consecutive prose lines of one section) and paragraphs into
//      sentences, each a NarrativeUnit; cast descriptions become units flagged from_cast_list.
// A heading is a Markdown heading, a bold line, or a short title-case line without sentence
// punctuation; the first line is the title when a credits line, a year or a heading follows it.
#include "synopsis/synopsis_reader.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "synopsis/cast_list.h"
#include "synopsis/film_header.h"
#include "text/tokenizer.h"
#include "text/unicode_text.h"

namespace filmscope {

namespace {

constexpr std::size_t kMaxHeadingWords = 7;
constexpr std::size_t kMaxHeadingBytes = 60;
// Film sites put at most a few lines before the plot; a title further down is prose.
constexpr std::size_t kHeaderSearchLines = 4;

enum class LineClass { blank, heading, credits, cast, prose };

struct Line {
  std::string_view text;
  std::size_t offset = 0;
  std::size_t number = 0;
  LineClass kind = LineClass::prose;
  std::string heading;  // cleaned heading text
};

std::vector<Line> split_lines(std::string_view text) {
  std::vector<Line> lines;
  std::size_t start = 0;
  std::size_t number = 1;
  while (start <= text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    if (start == text.size() && end == text.size()) break;
    lines.push_back({text.substr(start, end - start), start, number++, LineClass::prose, {}});
    start = end + 1;
  }
  return lines;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::size_t count_words(std::string_view s) {
  std::size_t words = 0;
  bool in_word = false;
  for (char c : s) {
    bool space = c == ' ' || c == '\t';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

// Returns the cleaned heading text, or nothing when the line is not a heading.
std::optional<std::string> heading_text(std::string_view raw) {
  auto line = trim(raw);
  if (line.empty()) return std::nullopt;
  bool marked = false;
  if (line.front() == '#') {
    while (!line.empty() && line.front() == '#') line.remove_prefix(1);
    marked = true;
  } else if (line.size() > 4 && ((line.starts_with("**") && line.ends_with("**")) ||
                                 (line.starts_with("__") && line.ends_with("__")))) {
    line = line.substr(2, line.size() - 4);
    marked = true;
  }
  line = trim(line);
  if (!line.empty() && line.back() == ':') {
    line.remove_suffix(1);
    marked = marked || count_words(line) <= 4;
  }
  line = trim(line);
  if (line.empty() || line.size() > kMaxHeadingBytes || count_words(line) > kMaxHeadingWords) return std::nullopt;
  if (!marked) {
    if (!starts_upper(line)) return std::nullopt;
    char last = line.back();
    if (last == '.' || last == ',' || last == ';' || last == '!' || last == '?' || last == '"') return std::nullopt;
    // Every word of four letters or more is capitalised ("Ending Explained", "Plot summary"
    // passes on its first word only when it is one or two words long).
    std::size_t words = count_words(line);
    std::size_t start = 0;
    while (start < line.size()) {
      auto end = line.find(' ', start);
      if (end == std::string_view::npos) end = line.size();
      auto word = line.substr(start, end - start);
      if (word.size() >= 4 && !starts_upper(word) && words > 2) return std::nullopt;
      start = end + 1;
    }
  }
  return std::string(line);
}

bool is_cast_heading(std::string_view heading) {
  auto folded = fold_case(heading);
  static constexpr std::array<std::string_view, 9> kCastWords{
      "cast", "characters", "starring", "the cast", "main cast", "main characters",
      "dramatis personae", "voice cast", "cast and characters"};
  for (auto word : kCastWords)
    if (folded == word || folded.starts_with(std::string(word) + " ")) return true;
  return folded.find("cast") != std::string::npos && folded.size() < 24;
}

bool is_bullet(std::string_view line) {
  line = trim(line);
  return line.starts_with("- ") || line.starts_with("* ") || line.starts_with("+ ") ||
         line.starts_with("\xE2\x80\xA2 ");
}

std::size_t line_of_offset(const std::vector<Line>& lines, std::size_t offset) {
  auto it = std::upper_bound(lines.begin(), lines.end(), offset,
                             [](std::size_t value, const Line& line) { return value < line.offset; });
  if (it == lines.begin()) return 1;
  return std::prev(it)->number;
}

void merge_film(FilmInfo& into, const FilmInfo& from) {
  if (into.title.empty()) into.title = from.title;
  if (!into.year) into.year = from.year;
  if (into.directors.empty()) into.directors = from.directors;
  if (into.writers.empty()) into.writers = from.writers;
}

}  // namespace

Story read_synopsis(std::string_view text) {
  Story story;
  auto lines = split_lines(text);

  // Pass 1: classify.
  bool in_cast_section = false;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    auto& line = lines[i];
    if (trim(line.text).empty()) {
      line.kind = LineClass::blank;
      continue;
    }
    if (auto cast = is_bullet(line.text) || in_cast_section
                        ? parse_cast_line(line.text, line.offset, line.number)
                        : std::nullopt) {
      line.kind = LineClass::cast;
      continue;
    }
    auto trimmed = trim(line.text);
    if (trimmed.front() == '|' || (i < kHeaderSearchLines && parse_credits_line(trimmed) &&
                                   count_words(trimmed) <= 12 &&
                                   fold_case(trimmed).find("directed by") != std::string::npos)) {
      line.kind = LineClass::credits;
      continue;
    }
    if (auto heading = heading_text(line.text)) {
      // A heading must introduce something: the next non-blank line is not another heading
      // candidate of the same shape, unless this is the title line.
      line.kind = LineClass::heading;
      line.heading = *heading;
      in_cast_section = is_cast_heading(*heading);
      continue;
    }
    line.kind = LineClass::prose;
  }

  // Pass 2: header. The first non-blank line is the title when it is a heading-shaped line
  // followed by a credits line or when it is a Markdown title.
  std::size_t first = 0;
  while (first < lines.size() && lines[first].kind == LineClass::blank) ++first;
  if (first < lines.size() && lines[first].kind == LineClass::heading) {
    std::size_t next = first + 1;
    while (next < lines.size() && lines[next].kind == LineClass::blank) ++next;
    bool credits_follow = next < lines.size() && lines[next].kind == LineClass::credits;
    bool heading_follows = next < lines.size() && lines[next].kind == LineClass::heading;
    bool markdown_title = trim(lines[first].text).starts_with("# ");
    if (credits_follow || heading_follows || markdown_title) {
      std::string title = lines[first].heading;
      if (auto year = find_year(title)) {
        // "Her (2013)": the year belongs to the header, not the title.
        story.film.year = year;
        auto paren = title.find(" (");
        if (paren != std::string::npos) title = std::string(trim(std::string_view(title).substr(0, paren)));
      }
      story.film.title = title;
      lines[first].kind = LineClass::credits;  // consumed as header
      lines[first].heading.clear();
    }
  }
  for (auto& line : lines) {
    if (line.kind != LineClass::credits || line.heading.size()) continue;
    if (auto credits = parse_credits_line(trim(line.text))) {
      if (!story.film.year) story.film.year = credits->year;
      if (story.film.directors.empty()) story.film.directors = credits->directors;
      if (story.film.writers.empty()) story.film.writers = credits->writers;
    }
  }

  // Pass 3: sections, paragraphs, sentences, cast entries.
  std::string section;
  bool first_sentence = true;
  std::size_t i = 0;
  while (i < lines.size()) {
    auto& line = lines[i];
    if (line.kind == LineClass::heading) {
      section = line.heading;
      story.sections.push_back(section);
      ++i;
      continue;
    }
    if (line.kind == LineClass::cast) {
      auto entry = parse_cast_line(line.text, line.offset, line.number);
      if (entry) {
        auto start = cast_character_start(line.text, *entry);
        auto body = line.text.substr(start);
        for (const auto& span : split_sentences(body, line.offset + start)) {
          NarrativeUnit unit;
          unit.section = section;
          unit.offset = span.offset;
          unit.text = std::string(text.substr(span.offset, span.length));
          unit.lines = {line.number, line.number};
          unit.from_cast_list = true;
          story.units.push_back(std::move(unit));
        }
        story.cast.push_back(std::move(*entry));
      }
      ++i;
      continue;
    }
    if (line.kind != LineClass::prose) {
      ++i;
      continue;
    }
    // A paragraph: consecutive prose lines.
    std::size_t j = i;
    while (j < lines.size() && lines[j].kind == LineClass::prose) ++j;
    std::size_t begin = lines[i].offset;
    std::size_t end = lines[j - 1].offset + lines[j - 1].text.size();
    auto paragraph = text.substr(begin, end - begin);
    for (const auto& span : split_sentences(paragraph, begin)) {
      NarrativeUnit unit;
      unit.section = section;
      unit.offset = span.offset;
      unit.text = std::string(text.substr(span.offset, span.length));
      unit.lines = {line_of_offset(lines, span.offset), line_of_offset(lines, span.offset + span.length - 1)};
      if (first_sentence) {
        merge_film(story.film, parse_film_sentence(unit.text, story.film.title.empty()));
        first_sentence = false;
      } else if (story.film.directors.empty()) {
        // "\"Her,\" directed by Spike Jonze, is …" in a later sentence.
        FilmInfo stated = parse_film_sentence(unit.text, false);
        story.film.directors = stated.directors;
        if (story.film.writers.empty()) story.film.writers = stated.writers;
      }
      for (auto& credit : find_prose_credits(unit.text, unit.lines.first)) {
        bool known = std::any_of(story.cast.begin(), story.cast.end(), [&](const CastEntry& e) {
          return fold_case(e.character) == fold_case(credit.character) || fold_case(e.actor) == fold_case(credit.actor);
        });
        if (!known) story.cast.push_back(std::move(credit));
      }
      story.units.push_back(std::move(unit));
    }
    i = j;
  }

  if (story.units.empty()) {
    story.diagnostics.push_back({Severity::warning, "no-narrative", 0,
                                 "no plot sentences found: the analysis has no narrative units"});
  }
  return story;
}

}  // namespace filmscope

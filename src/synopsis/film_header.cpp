// Film header parsing. The credit phrases are matched case-insensitively on ASCII; names are
// taken up to the next credit phrase, a parenthesis, a sentence stop or the end of the line.
#include "synopsis/film_header.h"

#include <array>
#include <cctype>

#include "text/unicode_text.h"

namespace filmscope {

namespace {

std::string lower_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string trim(std::string_view text) {
  std::size_t b = 0;
  std::size_t e = text.size();
  auto junk = [](char c) { return c == ' ' || c == '\t' || c == ':' || c == '|' || c == ',' || c == '.' || c == ';' || c == '*' || c == '_'; };
  while (b < e && junk(text[b])) ++b;
  while (e > b && junk(text[e - 1])) --e;
  return std::string(text.substr(b, e - b));
}

// Where the list of names after a credit phrase ends.
std::size_t names_end(std::string_view lower, std::size_t from) {
  static constexpr std::array<std::string_view, 17> kStops{
      " and written", " and co-written", " and produced", " and starring", " written by", " directed by", " screenplay by", " starring", " from a script", " produced by",
      " based on", " with ", " is a", " (", "|", ". ", ";"};
  std::size_t end = lower.size();
  for (auto stop : kStops) {
    auto at = lower.find(stop, from);
    if (at != std::string::npos && at < end) end = at;
  }
  return end;
}

bool looks_like_person(std::string_view name) {
  if (name.empty() || name.size() > 60) return false;
  if (!starts_upper(name)) return false;
  std::size_t words = 1;
  for (char c : name) words += c == ' ';
  return words <= 5;
}

void append_people(std::vector<std::string>& into, std::string_view list) {
  for (auto& person : split_people(list))
    if (looks_like_person(person)) into.push_back(person);
}

}  // namespace

std::vector<std::string> split_people(std::string_view list) {
  std::vector<std::string> people;
  std::string current;
  std::string text = collapse_whitespace(list);
  std::size_t i = 0;
  auto flush = [&] {
    auto name = trim(current);
    if (!name.empty()) people.push_back(name);
    current.clear();
  };
  while (i < text.size()) {
    std::string_view rest(text.data() + i, text.size() - i);
    if (rest.starts_with(", and ")) { flush(); i += 6; continue; }
    if (rest.starts_with(" and ")) { flush(); i += 5; continue; }
    if (rest.starts_with(" & ")) { flush(); i += 3; continue; }
    if (rest.front() == ',' || rest.front() == '/') { flush(); ++i; continue; }
    current += rest.front();
    ++i;
  }
  flush();
  // "Joel and Ethan Coen": a lone first name before a full name shares its surname.
  if (people.size() == 2 && people[0].find(' ') == std::string::npos) {
    auto space = people[1].rfind(' ');
    if (space != std::string::npos) people[0] += people[1].substr(space);
  }
  return people;
}

std::optional<int> find_year(std::string_view text) {
  for (std::size_t i = 0; i + 4 <= text.size(); ++i) {
    if (i > 0 && std::isdigit(static_cast<unsigned char>(text[i - 1]))) continue;
    bool digits = true;
    for (std::size_t k = 0; k < 4; ++k) digits = digits && std::isdigit(static_cast<unsigned char>(text[i + k]));
    if (!digits) continue;
    if (i + 4 < text.size() && std::isdigit(static_cast<unsigned char>(text[i + 4]))) continue;
    int year = std::stoi(std::string(text.substr(i, 4)));
    if (year >= 1870 && year <= 2099) return year;
  }
  return std::nullopt;
}

std::optional<CreditsLine> parse_credits_line(std::string_view line) {
  std::string lower = lower_ascii(line);
  CreditsLine credits;
  bool found = false;

  auto take = [&](std::string_view phrase, std::vector<std::string>* first, std::vector<std::string>* second) {
    std::size_t at = 0;
    while ((at = lower.find(phrase, at)) != std::string::npos) {
      std::size_t from = at + phrase.size();
      while (from < lower.size() && (lower[from] == ':' || lower[from] == ' ')) ++from;
      std::size_t end = names_end(lower, from);
      auto names = std::string_view(line).substr(from, end - from);
      if (first) append_people(*first, names);
      if (second) append_people(*second, names);
      found = true;
      at = end;
    }
  };
  take("written and directed by", &credits.directors, &credits.writers);
  if (credits.directors.empty()) take("directed by", &credits.directors, nullptr);
  if (credits.directors.empty()) take("director:", &credits.directors, nullptr);
  if (credits.directors.empty()) take("directors:", &credits.directors, nullptr);
  if (credits.writers.empty()) take("screenplay by", &credits.writers, nullptr);
  if (credits.writers.empty() && lower.find("written and directed") == std::string::npos)
    take("written by", &credits.writers, nullptr);
  if (credits.writers.empty()) take("writers:", &credits.writers, nullptr);
  if (credits.writers.empty()) take("writer:", &credits.writers, nullptr);

  // The year is the first number of the line before any credit phrase ("| 2013Directed by").
  credits.year = find_year(line);
  if (credits.year) found = true;
  if (!found) return std::nullopt;
  return credits;
}

FilmInfo parse_film_sentence(std::string_view sentence, bool title_from_subject) {
  FilmInfo film;
  std::string lower = lower_ascii(sentence);
  bool is_film_sentence = lower.find(" film") != std::string::npos || lower.find(" movie") != std::string::npos ||
                          lower.find("directed by") != std::string::npos;
  if (!is_film_sentence) return film;

  if (title_from_subject) {
    static constexpr std::array<std::string_view, 4> kCopulas{" is a ", " is an ", " was a ", " was an "};
    for (auto copula : kCopulas) {
      auto at = lower.find(copula);
      if (at == std::string::npos || at == 0) continue;
      auto subject = trim(sentence.substr(0, at));
      // Strip wrapping quotes or italics markers: "Her" / *Her*.
      while (!subject.empty() && (subject.front() == '"' || subject.back() == '"')) {
        if (subject.front() == '"') subject.erase(0, 1);
        if (!subject.empty() && subject.back() == '"') subject.pop_back();
      }
      std::size_t words = 1;
      for (char c : subject) words += c == ' ';
      if (!subject.empty() && words <= 10 && starts_upper(subject)) film.title = subject;
      break;
    }
  }
  if (auto credits = parse_credits_line(sentence)) {
    film.directors = credits->directors;
    film.writers = credits->writers;
    // Only a year that describes the film: "a 2009 British film", "(2009)".
    if (lower.find(" film") != std::string::npos || lower.find(" movie") != std::string::npos)
      film.year = credits->year;
  }
  return film;
}

}  // namespace filmscope

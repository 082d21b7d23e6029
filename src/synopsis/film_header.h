// Film metadata from the top of a synopsis: the title line, the "| 2013Directed by: …" line
// (year glued on or not, "Written and directed by", "Writers:"), or the opening sentence of
// plain prose ("Moon is a 2009 British science fiction film directed by Duncan Jones").
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/analysis.h"

namespace filmscope {

// A credits line such as "| 2013Directed by: Spike Jonze" or "Written and directed by Greta
// Gerwig (2019)". Returns nothing when the line carries no year and no credit.
struct CreditsLine {
  std::optional<int> year;
  std::vector<std::string> directors;
  std::vector<std::string> writers;
};
std::optional<CreditsLine> parse_credits_line(std::string_view line);

// Title, year, directors and writers stated by a prose sentence; fields it does not state
// stay empty. `title_from_subject` takes "X is a 2009 … film" as the title X.
FilmInfo parse_film_sentence(std::string_view sentence, bool title_from_subject);

// "Spike Jonze, Joel and Ethan Coen" → people, split on commas, "and", "&", "/".
std::vector<std::string> split_people(std::string_view list);

// A year from 1870 to 2099 standing as its own number (glued letters allowed after it).
std::optional<int> find_year(std::string_view text);

}  // namespace filmscope

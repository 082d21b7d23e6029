// Cast credit parsing: string scanning over a few fixed phrase shapes, no regular expressions,
// so a pathological line costs time linear in its length.
#include "synopsis/cast_list.h"

#include <array>
#include <cctype>
#include <string>

#include "text/tokenizer.h"
#include "text/unicode_text.h"

namespace filmscope {

namespace {

constexpr std::size_t kMaxNameWords = 5;
constexpr std::size_t kMaxNameBytes = 80;

struct CreditVerb {
  std::string_view phrase;  // with surrounding spaces
  std::string_view credit;  // normalised credit
};

// Longest phrases first: "stars as" must win over "as".
constexpr std::array<CreditVerb, 12> kCreditVerbs{{
    {" provides the voice of ", "voices"},
    {" is the voice of ", "voices"},
    {" lends his voice to ", "voices"},
    {" lends her voice to ", "voices"},
    {" stars as ", "plays"},
    {" appears as ", "plays"},
    {" co-stars as ", "plays"},
    {" portrays ", "portrays"},
    {" voices ", "voices"},
    {" plays ", "plays"},
    {" played ", "plays"},
    {" as ", "plays"},
}};

std::string_view trim_view(std::string_view text) {
  auto junk = [](char c) { return c == ' ' || c == '\t' || c == '"' || c == '*' || c == '_'; };
  while (!text.empty() && junk(text.front())) text.remove_prefix(1);
  while (!text.empty() && junk(text.back())) text.remove_suffix(1);
  return text;
}

std::string lower_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool is_bullet_start(std::string_view line, std::size_t& skip) {
  std::size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  static constexpr std::array<std::string_view, 5> kBullets{"- ", "* ", "+ ", "\xE2\x80\xA2 ", "\xE2\x80\x93 "};
  for (auto bullet : kBullets) {
    if (line.substr(i).starts_with(bullet)) {
      skip = i + bullet.size();
      return true;
    }
  }
  skip = i;
  return false;
}

// Splits "Theodore Twombly, a lonely writer" into the name and where the description starts.
struct NameSplit {
  std::string_view name;
  std::size_t description_start = std::string_view::npos;  // within the given text
};

NameSplit split_character(std::string_view text) {
  static constexpr std::array<std::string_view, 9> kSeparators{
      ", ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", ": ", " (", " who ", " whose ", ". "};
  std::size_t end = text.size();
  std::size_t description = std::string_view::npos;
  for (auto separator : kSeparators) {
    auto at = text.find(separator);
    // "Dr. Howard Mierzwiak": a full stop after a title does not end the name.
    while (separator == ". " && at != std::string_view::npos) {
      auto word_start = text.rfind(' ', at);
      auto word = text.substr(word_start == std::string_view::npos ? 0 : word_start + 1,
                              at - (word_start == std::string_view::npos ? 0 : word_start + 1));
      if (!is_non_final_abbreviation(word)) break;
      at = text.find(separator, at + 2);
    }
    if (at != std::string_view::npos && at < end) {
      end = at;
      description = separator == " (" || separator == " who " || separator == " whose "
                        ? at + 1
                        : at + separator.size();
    }
  }
  NameSplit split;
  split.name = trim_view(text.substr(0, end));
  while (!split.name.empty() && (split.name.back() == '.' || split.name.back() == ',')) split.name.remove_suffix(1);
  split.description_start = description;
  return split;
}

// The run of capitalised words (and name particles) that ends right before `end`:
// "NYPD detective Eddie Flemming (…" → "Eddie Flemming".
std::string_view name_before(std::string_view sentence, std::size_t end) {
  while (end > 0 && sentence[end - 1] == ' ') --end;
  std::size_t begin = end;
  std::size_t words = 0;
  while (begin > 0 && words < kMaxNameWords) {
    std::size_t word_end = begin;
    while (word_end > 0 && sentence[word_end - 1] == ' ') --word_end;
    if (word_end == 0) break;
    std::size_t word_begin = sentence.rfind(' ', word_end - 1);
    word_begin = word_begin == std::string_view::npos ? 0 : word_begin + 1;
    auto word = sentence.substr(word_begin, word_end - word_begin);
    while (!word.empty() && (word.front() == '"' || word.front() == '(')) {
      word.remove_prefix(1);
      ++word_begin;
    }
    bool particle = word == "de" || word == "van" || word == "von" || word == "del" || word == "da";
    if (word.empty() || word.back() == ',' || !(starts_upper(word) || particle)) break;
    begin = word_begin;
    ++words;
  }
  auto name = trim_view(sentence.substr(begin, end - begin));
  // A sentence-initial function word is not part of the name ("When Harry …").
  static constexpr std::array<std::string_view, 12> kOpeners{"When ", "After ", "As ", "While ", "Then ", "But ",
                                                              "And ", "The ", "Meanwhile ", "Later ", "Before ", "Once "};
  for (auto opener : kOpeners)
    if (name.starts_with(opener)) name.remove_prefix(opener.size());
  return name;
}

}  // namespace

bool looks_like_name(std::string_view text) {
  text = trim_view(text);
  if (text.empty() || text.size() > kMaxNameBytes) return false;
  std::size_t words = 0;
  std::size_t capitalised = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    auto end = text.find(' ', start);
    if (end == std::string_view::npos) end = text.size();
    auto word = text.substr(start, end - start);
    if (!word.empty()) {
      ++words;
      if (starts_upper(word) || (word.size() > 0 && std::isdigit(static_cast<unsigned char>(word[0]))))
        ++capitalised;
      else {
        // Name particles: "Ludwig van Beethoven", "Benicio del Toro".
        static constexpr std::array<std::string_view, 12> kParticles{
            "van", "von", "de", "del", "della", "da", "di", "du", "la", "le", "bin", "al"};
        bool particle = false;
        for (auto p : kParticles) particle = particle || word == p;
        if (!particle) return false;
      }
    }
    start = end + 1;
  }
  return words >= 1 && words <= kMaxNameWords && capitalised >= 1 && starts_upper(text);
}

std::optional<CastEntry> parse_cast_line(std::string_view line, std::size_t line_offset,
                                         std::size_t line_number) {
  std::size_t skip = 0;
  is_bullet_start(line, skip);
  std::string_view body = line.substr(skip);
  std::string lower = lower_ascii(body);
  CastEntry entry;
  entry.line = line_number;

  auto finish = [&](std::string_view character, std::size_t description_at) -> std::optional<CastEntry> {
    // "plays the Oracle": the article is not part of the name.
    character = trim_view(character);
    if (character.starts_with("the ") || character.starts_with("The ")) character.remove_prefix(4);
    if (!looks_like_name(character) && !is_all_caps(character)) return std::nullopt;
    entry.character = std::string(trim_view(character));
    if (description_at != std::string_view::npos && description_at < body.size()) {
      auto description = body.substr(description_at);
      std::size_t lead = 0;
      while (lead < description.size() && (description[lead] == ' ' || description[lead] == ',')) ++lead;
      entry.description = collapse_whitespace(description.substr(lead));
      entry.description_offset = line_offset + skip + description_at + lead;
    } else {
      entry.description_offset = line_offset + line.size();
    }
    return entry;
  };

  // "ACTOR plays CHARACTER, description"
  for (const auto& verb : kCreditVerbs) {
    auto at = lower.find(verb.phrase);
    if (at == std::string::npos) continue;
    auto actor = trim_view(body.substr(0, at));
    if (!looks_like_name(actor)) continue;
    std::size_t rest_at = at + verb.phrase.size();
    auto split = split_character(body.substr(rest_at));
    entry.actor = std::string(actor);
    entry.credit = std::string(verb.credit);
    std::size_t description_at = split.description_start == std::string_view::npos
                                     ? std::string_view::npos
                                     : rest_at + split.description_start;
    if (auto done = finish(split.name, description_at)) return done;
    break;
  }

  // "CHARACTER (ACTOR): description" and "CHARACTER (voiced by ACTOR) – description"
  auto open = body.find(" (");
  auto close = open == std::string_view::npos ? std::string_view::npos : body.find(')', open);
  if (open != std::string_view::npos && close != std::string_view::npos) {
    auto inside = trim_view(body.substr(open + 2, close - open - 2));
    std::string inside_lower = lower_ascii(inside);
    std::string credit = "plays";
    for (std::string_view prefix : {"voiced by ", "voice of ", "voice: ", "played by ", "portrayed by "}) {
      if (inside_lower.starts_with(prefix)) {
        inside = trim_view(inside.substr(prefix.size()));
        credit = prefix.starts_with("voice") ? "voices" : (prefix.starts_with("portrayed") ? "portrays" : "plays");
        break;
      }
    }
    auto character = trim_view(body.substr(0, open));
    if (looks_like_name(inside) && (looks_like_name(character) || is_all_caps(character))) {
      entry.actor = std::string(inside);
      entry.credit = credit;
      std::size_t after = close + 1;
      while (after < body.size() && (body[after] == ':' || body[after] == ' ' || body[after] == ',' ||
                                     body[after] == '-')) ++after;
      if (body.substr(after).starts_with("\xE2\x80\x93") || body.substr(after).starts_with("\xE2\x80\x94")) after += 3;
      while (after < body.size() && body[after] == ' ') ++after;
      return finish(character, after < body.size() ? after : std::string_view::npos);
    }
  }

  // "CHARACTER, voiced by ACTOR[, description]" / "CHARACTER – played by ACTOR"
  for (std::string_view phrase : {", voiced by ", ", played by ", ", portrayed by ", " - played by ",
                                  " \xE2\x80\x93 played by ", " - voiced by ", " \xE2\x80\x93 voiced by "}) {
    auto at = lower.find(phrase);
    if (at == std::string::npos) continue;
    auto character = trim_view(body.substr(0, at));
    std::size_t actor_at = at + phrase.size();
    auto split = split_character(body.substr(actor_at));
    if (!looks_like_name(split.name)) continue;
    entry.actor = std::string(split.name);
    entry.credit = phrase.find("voiced") != std::string_view::npos ? "voices"
                   : phrase.find("portrayed") != std::string_view::npos ? "portrays" : "plays";
    std::size_t description_at = split.description_start == std::string_view::npos
                                     ? std::string_view::npos
                                     : actor_at + split.description_start;
    return finish(character, description_at);
  }
  return std::nullopt;
}

std::size_t cast_character_start(std::string_view line, const CastEntry& entry) {
  // The character name after the credit verb, or at the start when the line leads with it.
  std::size_t skip = 0;
  is_bullet_start(line, skip);
  auto body = line.substr(skip);
  if (!entry.actor.empty() && body.starts_with(entry.actor)) {
    auto at = body.find(entry.character, entry.actor.size());
    if (at != std::string_view::npos) return skip + at;
  }
  auto at = body.find(entry.character);
  return skip + (at == std::string_view::npos ? 0 : at);
}

std::vector<CastEntry> find_prose_credits(std::string_view sentence, std::size_t line_number) {
  std::vector<CastEntry> credits;
  // "Name Name (Actor Name)" and "Name (voiced by Actor)".
  std::size_t search = 0;
  while (true) {
    auto open = sentence.find(" (", search);
    if (open == std::string_view::npos) break;
    auto close = sentence.find(')', open);
    if (close == std::string_view::npos) break;
    search = close;
    auto inside = trim_view(sentence.substr(open + 2, close - open - 2));
    std::string inside_lower = lower_ascii(inside);
    std::string credit = "plays";
    for (std::string_view prefix : {"voiced by ", "voice of ", "played by ", "portrayed by "}) {
      if (inside_lower.starts_with(prefix)) {
        inside = trim_view(inside.substr(prefix.size()));
        credit = prefix.starts_with("voice") ? "voices" : "plays";
      }
    }
    // Several actors for one role, "(Anthony Daniels and ...)" is rare; take a single name.
    // A one-word actor ("Cecil Porter (Parton)") only after a full character name.
    bool one_word = inside.find(' ') == std::string_view::npos;
    if (!looks_like_name(inside)) continue;
    auto character = name_before(sentence, open);
    if (character.empty() || !looks_like_name(character)) continue;
    if (one_word && (character.find(' ') == std::string_view::npos || credit != "plays")) continue;
    CastEntry entry;
    entry.actor = std::string(inside);
    entry.credit = credit;
    entry.character = std::string(character);
    entry.line = line_number;
    credits.push_back(std::move(entry));
  }
  // "ACTOR stars as CHARACTER" / "CHARACTER, voiced by ACTOR".
  std::string lower = lower_ascii(sentence);
  for (std::string_view phrase : {" stars as ", " co-stars as ", " plays ", " portrays "}) {
   for (auto at = lower.find(phrase); at != std::string::npos; at = lower.find(phrase, at + phrase.size())) {
    // The actor: capitalised words immediately before the phrase ("… and Julie Delpy stars as").
    auto actor = name_before(sentence, at);
    auto split = split_character(sentence.substr(at + phrase.size()));
    std::string_view character = split.name;
    auto and_at = character.find(" and ");
    if (and_at != std::string_view::npos) character = character.substr(0, and_at);
    if (looks_like_name(actor) && actor.find(' ') != std::string_view::npos && looks_like_name(character)) {
      CastEntry entry;
      entry.actor = std::string(actor);
      entry.credit = "plays";
      entry.character = std::string(character);
      entry.line = line_number;
      credits.push_back(std::move(entry));
    }
   }
  }
  // Every "CHARACTER, voiced by ACTOR" of the sentence ("Fear, voiced by Bill Hader, Anger,
  // voiced by Lewis Black, and …"); " voiced by " without the comma only when there is none.
  for (std::string_view phrase : {", voiced by ", " voiced by "}) {
    bool found = false;
    for (auto at = lower.find(phrase); at != std::string::npos; at = lower.find(phrase, at + phrase.size())) {
      found = true;
      auto character = name_before(sentence, at);
      auto split = split_character(sentence.substr(at + phrase.size()));
      if (!character.empty() && (looks_like_name(character) || is_all_caps(character)) && looks_like_name(split.name)) {
        CastEntry entry;
        entry.actor = std::string(split.name);
        entry.credit = "voices";
        entry.character = std::string(character);
        entry.line = line_number;
        credits.push_back(std::move(entry));
      }
    }
    if (found) break;
  }
  return credits;
}

}  // namespace filmscope

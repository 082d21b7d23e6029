// Words of action text: word cutting and capitalised words, against a byte-by-byte reading.
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/action_words.h"
#include "text/unicode_text.h"

using namespace filmscope;

namespace {

struct ReferenceWord {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::size_t line_index = 0;
};

bool ascii_alnum(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

// The definition read one byte at a time: ASCII punctuation and space separate words, as do
// U+00A0, U+00AB, U+00BB and U+2000–U+203F, each taken whole.
std::size_t reference_separator(std::string_view text, std::size_t i) {
  const auto c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) return ascii_alnum(c) ? 0 : 1;
  if (c == 0xC2 && i + 1 < text.size()) {
    const auto d = static_cast<unsigned char>(text[i + 1]);
    if (d == 0xA0 || d == 0xAB || d == 0xBB) return 2;
  }
  if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80) return 3;
  return 0;
}

std::vector<ReferenceWord> reference_words(std::string_view text) {
  std::vector<ReferenceWord> words;
  std::size_t newlines = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    if (const std::size_t skip = reference_separator(text, i); skip > 0) {
      newlines += text[i] == '\n';
      i += skip;
      continue;
    }
    ReferenceWord word{i, i, newlines};
    while (i < text.size() && reference_separator(text, i) == 0) ++i;
    word.end = i;
    words.push_back(word);
  }
  return words;
}

std::vector<std::string> capitalised_texts(std::string_view text) {
  std::vector<CapitalisedWord> words;
  append_capitalised_words(text, words);
  std::vector<std::string> out;
  for (const auto& w : words) out.emplace_back(text.substr(w.begin, w.end - w.begin));
  return out;
}

}  // namespace

TEST_CASE("next_word cuts at ASCII punctuation and Unicode separators", "[action-words]") {
  const std::string text =
      "Edward\xE2\x80\x99s hat\xE2\x80\x94"
      "and  McCLANE\xC2\xA0"
      "42 caf\xC3\xA9.";
  std::vector<std::string> words;
  for (auto w = next_word(text, 0); w; w = next_word(text, w->end))
    words.push_back(text.substr(w->begin, w->end - w->begin));
  CHECK(words ==
        std::vector<std::string>{"Edward", "s", "hat", "and", "McCLANE", "42", "caf\xC3\xA9"});
  CHECK_FALSE(next_word(" ... ", 0));
  CHECK_FALSE(next_word("", 0));
}

TEST_CASE("capitalised words: capital first letters, in any script, with their lines",
          "[action-words]") {
  const std::string text =
      "the MAN, 40s, meets \xC3\x89lodie and \xC3\xA9lise.\nMcCLANE waits; mcCoy\n"
      "doesn\xE2\x80\x99t. 3D glasses. \xC3\x80 BIENT\xC3\x94T";
  std::vector<CapitalisedWord> words;
  append_capitalised_words(text, words);
  CHECK(capitalised_texts(text) ==
        std::vector<std::string>{"MAN", "\xC3\x89lodie", "McCLANE", "\xC3\x80", "BIENT\xC3\x94T"});
  REQUIRE(words.size() == 5);
  CHECK(words[0].all_caps);
  CHECK_FALSE(words[1].all_caps);
  CHECK_FALSE(words[2].all_caps);
  CHECK(words[2].line_index == 1);
  CHECK(words[3].line_index == 2);
  CHECK(words[4].all_caps);
}

TEST_CASE("capitalised words agree with a byte-by-byte reading, property",
          "[action-words][property]") {
  std::mt19937 random(20260511);
  // Pieces that put separators of one, two and three bytes, broken sequences and capitals at
  // every offset of the eight-byte steps.
  const std::vector<std::string> pieces = {"a",
                                           "Z",
                                           "q",
                                           "7",
                                           " ",
                                           "  ",
                                           "\n",
                                           ".",
                                           ",",
                                           "'",
                                           "-",
                                           "Mc",
                                           "CL",
                                           "\xC3\x89",
                                           "\xC3\xA9",
                                           "\xC2\xA0",
                                           "\xC2\xAB",
                                           "\xC2",
                                           "\xC2\xC2\xA0",
                                           "\xE2\x80\x99",
                                           "\xE2\x80\x94",
                                           "\xE2",
                                           "\xE2\x80",
                                           "\xE2\x81\x80",
                                           "\x80",
                                           "\xFF",
                                           "\xC7\x85",
                                           "\xCE\xA3",
                                           "\xD0\xB4"};
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    const std::size_t count = random() % 24;
    for (std::size_t k = 0; k < count; ++k) text += pieces[random() % pieces.size()];
    CAPTURE(text);
    std::vector<CapitalisedWord> words;
    append_capitalised_words(text, words);
    std::size_t next = 0;
    for (const ReferenceWord& word : reference_words(text)) {
      const std::string_view piece =
          std::string_view(text).substr(word.begin, word.end - word.begin);
      if (!starts_upper(piece)) continue;
      REQUIRE(next < words.size());
      CHECK(words[next].begin == word.begin);
      CHECK(words[next].end == word.end);
      CHECK(words[next].line_index == word.line_index);
      CHECK(words[next].all_caps == is_all_caps(piece));
      ++next;
    }
    CHECK(next == words.size());
    // next_word walks the same words.
    std::vector<ReferenceWord> walked;
    for (auto w = next_word(text, 0); w; w = next_word(text, w->end))
      walked.push_back({w->begin, w->end, 0});
    const std::vector<ReferenceWord> expected = reference_words(text);
    REQUIRE(walked.size() == expected.size());
    for (std::size_t k = 0; k < walked.size(); ++k) {
      CHECK(walked[k].begin == expected[k].begin);
      CHECK(walked[k].end == expected[k].end);
    }
  }
}

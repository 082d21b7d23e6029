#include <catch2/catch.hpp>

#include <filesystem>
#include <random>

#include "support/real_texts.h"
#include "support/test_paths.h"
#include "text/tokenizer.h"

using namespace filmscope;

namespace {
std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& t : tokenize(text)) out.emplace_back(t.text);
  return out;
}

// Every field of every token equal, or a message naming the first difference.
std::string token_difference(std::string_view text, const std::vector<Token>& fast, const std::vector<Token>& icu) {
  for (std::size_t i = 0; i < std::min(fast.size(), icu.size()); ++i) {
    const Token& a = fast[i];
    const Token& b = icu[i];
    if (a.text != b.text || a.folded != b.folded || a.offset != b.offset || a.kind != b.kind ||
        a.possessive != b.possessive || a.space_before != b.space_before)
      return "token " + std::to_string(i) + " of \"" + std::string(text) + "\": \"" + std::string(a.text) +
             "\" vs ICU \"" + std::string(b.text) + "\"";
  }
  if (fast.size() != icu.size())
    return "\"" + std::string(text) + "\": " + std::to_string(fast.size()) + " tokens vs ICU " +
           std::to_string(icu.size());
  return "";
}

}  // namespace

TEST_CASE("sentences split at full stops but not after titles", "[text]") {
  std::string text = "Dr. Howard Mierzwiak runs Lacuna. Joel visits him. Mr. Smith waits!";
  auto spans = split_sentences(text);
  REQUIRE(spans.size() == 3);
  CHECK(text.substr(spans[0].offset, spans[0].length) == "Dr. Howard Mierzwiak runs Lacuna.");
  CHECK(text.substr(spans[2].offset, spans[2].length) == "Mr. Smith waits!");
}

TEST_CASE("titles and initials are abbreviations that do not end a sentence", "[text]") {
  for (std::string_view title : {"Mr", "Mrs", "Dr", "Prof", "Capt", "Sgt", "Mme", "Mlle", "vs", "Messrs", "A", "Z"})
    CHECK(is_non_final_abbreviation(title));
  for (std::string_view word : {"", "a", "mr", "MR", "Mister", "Messrsx", "vS", "Vs", "Doctor", "end", "1"})
    CHECK_FALSE(is_non_final_abbreviation(word));
}

TEST_CASE("a line break inside a paragraph does not end a sentence", "[text]") {
  std::string text = "The house is inherited by Mr.\nCollins, a cousin. He arrives.";
  auto spans = split_sentences(text, 100);
  REQUIRE(spans.size() == 2);
  CHECK(spans[0].offset == 100);
}

TEST_CASE("hyphenated compounds stay one token", "[text]") {
  CHECK(words_of("his ex-wife, Catherine") == std::vector<std::string>{"his", "ex-wife", ",", "Catherine"});
  CHECK(words_of("WALL-E meets EVE") == std::vector<std::string>{"WALL-E", "meets", "EVE"});
}

TEST_CASE("possessives are split into a flag", "[text]") {
  auto tokens = tokenize("Nathan's servant and the Smiths' house, Kyoko\xE2\x80\x99s room");
  REQUIRE(tokens.size() >= 8);
  CHECK(tokens[0].text == "Nathan");
  CHECK(tokens[0].possessive);
  CHECK(tokens[0].folded == "nathan");
  CHECK_FALSE(tokens[1].possessive);
  auto smiths = std::find_if(tokens.begin(), tokens.end(), [](const Token& t) { return t.text == "Smiths"; });
  REQUIRE(smiths != tokens.end());
  CHECK(smiths->possessive);
  auto kyoko = std::find_if(tokens.begin(), tokens.end(), [](const Token& t) { return t.text == "Kyoko"; });
  REQUIRE(kyoko != tokens.end());
  CHECK(kyoko->possessive);
}

TEST_CASE("token offsets point into the text", "[text]") {
  std::string text = "Samantha, an advanced AI, leaves.";
  for (const auto& t : tokenize(text, 0)) CHECK(text.substr(t.offset, t.text.size()) == t.text);
  for (const auto& t : tokenize(text, 50)) CHECK(text.substr(t.offset - 50, t.text.size()) == t.text);
}

TEST_CASE("property: any valid text tokenizes with in-range, ordered offsets", "[text][property]") {
  std::mt19937 random(1234);
  const std::vector<std::string> pieces{"Amy", " ", ".", ",", "ex-", "wife", "'s", "\xE2\x80\x99", "Zoë",
                                        "千", "\n", "Dr.", "(", ")", "\"", "-", "42", "e\xCC\x81"};
  for (int round = 0; round < 300; ++round) {
    std::string text;
    int n = static_cast<int>(random() % 40);
    for (int k = 0; k < n; ++k) text += pieces[random() % pieces.size()];
    std::size_t previous = 0;
    for (const auto& t : tokenize(text)) {
      REQUIRE(t.offset >= previous);
      REQUIRE(t.offset + t.text.size() <= text.size());
      previous = t.offset;
    }
    for (const auto& s : split_sentences(text)) REQUIRE(s.offset + s.length <= text.size());
  }
}

TEST_CASE("the ASCII path cuts words exactly as ICU does", "[text][property]") {
  // Fragments chosen to exercise every word-break rule the ASCII path implements: letters and
  // digits joining, '.', '\'', ',', ';' and ':' between letters or digits, spaces, tabs, line
  // breaks, brackets, quotes, hyphens and possessives.
  const std::vector<std::string> pieces{"a", "Z", "x", "7", "42", ".", "'", ",", ";", ":", " ", "  ", "\t", "\n",
                                        "\r\n", "-", "(", ")", "\"", "!", "?", "'s", "s'", "Mr", "U.S", "3rd",
                                        "1,000", "e.g", "#", "@", "/", "\f", "$", "%", "&", "*", "+", "=", "~"};
  std::mt19937 random(20261204);
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    const int n = 1 + static_cast<int>(random() % 12);
    for (int k = 0; k < n; ++k) text += pieces[random() % pieces.size()];
    const auto difference = token_difference(text, tokenize(text, 7), tokenize_with_icu(text, 7));
    INFO(difference);
    REQUIRE(difference.empty());
  }
}

TEST_CASE("the ASCII path agrees with ICU on every line of the corpus and the shared texts", "[text]") {
  const std::size_t lines = testing::for_each_real_piece("\n", [](std::string_view line, const std::filesystem::path& path) {
    const auto difference = token_difference(line, tokenize(line), tokenize_with_icu(line));
    INFO(path.string());
    INFO(difference);
    REQUIRE(difference.empty());
  });
  CHECK(lines > 500);
}

namespace {

std::string span_difference(std::string_view text, const std::vector<TextSpan>& fast, const std::vector<TextSpan>& icu) {
  auto show = [&](const std::vector<TextSpan>& spans) {
    std::string out;
    for (const TextSpan& span : spans) out += "[" + std::string(text.substr(span.offset, span.length)) + "]";
    return out;
  };
  bool same = fast.size() == icu.size();
  for (std::size_t i = 0; same && i < fast.size(); ++i)
    same = fast[i].offset == icu[i].offset && fast[i].length == icu[i].length;
  return same ? "" : "\"" + std::string(text) + "\": " + show(fast) + " vs ICU " + show(icu);
}

}  // namespace

TEST_CASE("the ASCII path cuts sentences exactly as ICU does", "[text][property]") {
  // Terminators, closing quotes and brackets, spaces of every kind, the characters that let a
  // sentence run on (", - :"), digits, and words from ICU's abbreviation list, some of them
  // glued to other letters.
  const std::vector<std::string> pieces{"a", "word", "Word", "X", "7", ".", ".", "!", "?", ",", "-", ":", ";", " ",
                                        " ", "  ", "\t", "\n", "\v", "(", ")", "\"", "'", "[", "Mr", "Mrs", "Dr",
                                        "St", "U.S", "S", "Ph.D", "a.m", "vs", "No", "XMr", "e.g", "Lt.Cdr", "#", "$"};
  std::mt19937 random(4122026);
  for (int round = 0; round < 40000; ++round) {
    std::string text;
    const int n = 1 + static_cast<int>(random() % 16);
    for (int k = 0; k < n; ++k) text += pieces[random() % pieces.size()];
    const auto difference = span_difference(text, split_sentences(text, 3), split_sentences_with_icu(text, 3));
    INFO(difference);
    REQUIRE(difference.empty());
  }
}

TEST_CASE("an abbreviation candidate is judged as the whole word before the dot", "[text][property]") {
  // The whole word: everything after the last space, tab, line feed, '(' or '"'.
  auto whole_word = [](std::string_view text) {
    const auto start = text.find_last_of(" \t\n(\"", text.size() - 1);
    auto word = text.substr(start == std::string_view::npos ? 0 : start + 1);
    word.remove_suffix(1);
    return word;
  };
  const std::vector<std::string> pieces{"Mr", "Mrs", "Messrs", "Messrsx", "vs", "X", "x", "Dr", "word", "Capt",
                                        " ", "\t", "\n", "(", "\"", ".", "'", "-", "Q", "longerword"};
  std::mt19937 random(5122026);
  for (int round = 0; round < 40000; ++round) {
    std::string text;
    const int n = static_cast<int>(random() % 6);
    for (int k = 0; k < n; ++k) text += pieces[random() % pieces.size()];
    text += '.';
    INFO(text);
    REQUIRE(is_non_final_abbreviation(abbreviation_candidate(text)) == is_non_final_abbreviation(whole_word(text)));
  }
}

TEST_CASE("the ASCII path agrees with ICU on every paragraph of the corpus and the shared texts", "[text]") {
  const std::size_t paragraphs =
      testing::for_each_real_piece("\n\n", [](std::string_view paragraph, const std::filesystem::path& path) {
        const auto difference =
            span_difference(paragraph, split_sentences(paragraph), split_sentences_with_icu(paragraph));
        INFO(path.string());
        INFO(difference);
        REQUIRE(difference.empty());
      });
  CHECK(paragraphs > 500);
}

TEST_CASE("an ASCII sentence's tokens are its stretches' tokens one after another", "[text][property]") {
  // append_ascii_token_spans cuts between white space; a caller that walks the stretches itself
  // must get token_spans_into's tokens, flags and offsets included.
  const std::vector<std::string> pieces{"a", "Z", "7", "42", ".", "'", ",", ";", ":", " ", "  ", "\t", "\n", "\r",
                                        "-", "(", ")", "\"", "!", "'s", "s'", "Mr", "U.S", "1,000", "e.g", "@",
                                        "\f", "ex-wife", "Smiths'", "it's"};
  std::mt19937 random(20260416);
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    const int n = 1 + static_cast<int>(random() % 14);
    for (int k = 0; k < n; ++k) text += pieces[random() % pieces.size()];
    INFO(text);
    std::vector<TokenSpan> whole;
    token_spans_into(text, whole);
    std::vector<TokenSpan> stretches;
    auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    for (std::size_t i = 0; i < text.size();) {
      if (is_space(text[i])) {
        ++i;
        continue;
      }
      std::size_t end = i;
      while (end < text.size() && !is_space(text[end])) ++end;
      append_ascii_token_spans(text, i, end, stretches);
      i = end;
    }
    REQUIRE(stretches.size() == whole.size());
    for (std::size_t k = 0; k < whole.size(); ++k) {
      CAPTURE(k);
      REQUIRE(stretches[k].offset == whole[k].offset);
      REQUIRE(stretches[k].length == whole[k].length);
      REQUIRE(stretches[k].kind == whole[k].kind);
      REQUIRE(stretches[k].possessive == whole[k].possessive);
      REQUIRE(stretches[k].space_before == whole[k].space_before);
    }
  }
}

#include "screenplay/fountain_hidden.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <string>
#include <utility>
#include <vector>

using namespace filmscope;
using namespace filmscope::fountain_detail;

namespace {

// The plain reading of boneyard marks: left to right, byte by byte, "/*" opens and "*/"
// closes the latest open one; a mark's two bytes are not read again.
struct ReferencePairs {
  std::vector<std::pair<std::size_t, std::size_t>> outermost;  // [first, end) byte ranges
  std::vector<std::size_t> unmatched_open;
  std::vector<std::size_t> unmatched_close;
};

ReferencePairs reference_pairs(const std::string& text) {
  ReferencePairs result;
  std::vector<std::size_t> open;
  std::vector<std::pair<std::size_t, std::size_t>> matched;
  for (std::size_t i = 0; i + 1 < text.size(); ++i) {
    if (text[i] == '/' && text[i + 1] == '*') {
      open.push_back(i++);
    } else if (text[i] == '*' && text[i + 1] == '/') {
      if (open.empty()) {
        result.unmatched_close.push_back(i);
      } else {
        matched.emplace_back(open.back(), i + 2);
        open.pop_back();
      }
      ++i;
    }
  }
  result.unmatched_open = open;
  std::sort(matched.begin(), matched.end());
  std::size_t covered = 0;
  for (const auto& region : matched) {
    if (!result.outermost.empty() && region.first < covered) continue;
    result.outermost.push_back(region);
    covered = region.second;
  }
  return result;
}

std::size_t line_at(const std::string& text, std::size_t offset) {
  return 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

}  // namespace

TEST_CASE("boneyard marks pair as the plain left-to-right reading does, property", "[screenplay][property]") {
  // Stars and slashes crowded together, so that marks overlap ("/*/", "*/*", "/**/") at every
  // position.
  std::mt19937 random(20261205);
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    const std::size_t length = random() % 30;
    for (std::size_t i = 0; i < length; ++i) text += "/*/*a\n"[random() % 6];
    INFO("text: " << text);
    const ReferencePairs expected = reference_pairs(text);
    const HiddenScan scan = scan_hidden(text);

    REQUIRE(scan.spans.size() == expected.outermost.size());
    for (std::size_t k = 0; k < scan.spans.size(); ++k) {
      CHECK(scan.spans[k].kind == Hidden::boneyard);
      CHECK(scan.spans[k].lines.first == line_at(text, expected.outermost[k].first));
      CHECK(scan.spans[k].lines.last == line_at(text, expected.outermost[k].second - 1));
    }
    std::vector<std::size_t> unterminated, unopened;
    for (const Diagnostic& d : scan.diagnostics) {
      if (d.code == "boneyard-unterminated") unterminated.push_back(d.line);
      if (d.code == "boneyard-unopened") unopened.push_back(d.line);
    }
    std::vector<std::size_t> expected_unterminated, expected_unopened;
    for (std::size_t offset : expected.unmatched_open) expected_unterminated.push_back(line_at(text, offset));
    for (std::size_t offset : expected.unmatched_close) expected_unopened.push_back(line_at(text, offset));
    REQUIRE(unterminated == expected_unterminated);
    REQUIRE(unopened == expected_unopened);
  }
}

TEST_CASE("boneyard text is hidden from the visible lines", "[screenplay]") {
  const HiddenScan scan = scan_hidden("A /* cut\nthis */ B\nC */ D /*/");
  REQUIRE(scan.spans.size() == 1);
  CHECK(scan.spans[0].text == "cut this");
  CHECK(scan.spans[0].lines.first == 1);
  CHECK(scan.spans[0].lines.last == 2);
  REQUIRE(scan.lines.size() == 3);
  CHECK(scan.lines[0].content == "A ");
  CHECK(scan.lines[1].content == " B");
  CHECK(scan.lines[0].had_boneyard);
  REQUIRE(scan.diagnostics.size() == 2);
  CHECK(scan.diagnostics[0].code == "boneyard-unterminated");  // the "/*" of "/*/"
  CHECK(scan.diagnostics[0].line == 3);
  CHECK(scan.diagnostics[1].code == "boneyard-unopened");
  CHECK(scan.diagnostics[1].line == 3);
}

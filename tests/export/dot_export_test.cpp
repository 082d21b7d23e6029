// DOT export: escaping of awkward names, and a real render with Graphviz.
#include "export/dot_export.h"

#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <regex>

#include "export/sample_analysis.h"
#include "support/test_paths.h"

using filmscope::testing::sample_analysis;

namespace {

bool have_program(const std::string& name) {
  std::string command = "command -v " + name + " >/dev/null 2>&1";
  return std::system(command.c_str()) == 0;
}

std::filesystem::path temp_path(const std::string& suffix) {
  std::random_device rd;
  return std::filesystem::temp_directory_path() /
         ("filmscope-dot-" + std::to_string(rd()) + std::to_string(rd()) + suffix);
}

// The text of every <text> element in an SVG, with XML character references decoded.
std::vector<std::string> svg_texts(const std::string& svg) {
  std::vector<std::string> texts;
  std::regex element("<text[^>]*>([^<]*)</text>");
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), element);
       it != std::sregex_iterator(); ++it) {
    std::string raw = (*it)[1];
    std::string out;
    for (std::size_t i = 0; i < raw.size(); ++i) {
      if (raw[i] != '&') {
        out += raw[i];
        continue;
      }
      auto semi = raw.find(';', i);
      std::string entity = raw.substr(i + 1, semi - i - 1);
      i = semi;
      if (entity == "amp")
        out += '&';
      else if (entity == "lt")
        out += '<';
      else if (entity == "gt")
        out += '>';
      else if (entity == "quot")
        out += '"';
      else if (entity == "apos")
        out += '\'';
      else if (entity[0] == '#') {
        unsigned long cp = entity[1] == 'x' ? std::stoul(entity.substr(2), nullptr, 16)
                                            : std::stoul(entity.substr(1));
        // UTF-8 encode
        if (cp < 0x80)
          out += static_cast<char>(cp);
        else if (cp < 0x800) {
          out += static_cast<char>(0xC0 | (cp >> 6));
          out += static_cast<char>(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
          out += static_cast<char>(0xE0 | (cp >> 12));
          out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
          out += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
          out += static_cast<char>(0xF0 | (cp >> 18));
          out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
          out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
          out += static_cast<char>(0x80 | (cp & 0x3F));
        }
      }
    }
    texts.push_back(out);
  }
  return texts;
}

}  // namespace

TEST_CASE("DOT output escapes quotes, backslashes and line breaks", "[dot]") {
  std::string dot = filmscope::to_dot(sample_analysis());
  CHECK(dot.rfind("graph \"The \\\"Quoted\\\" Film & Co <Ltd>\" {\n", 0) == 0);
  CHECK(dot.back() == '\n');
  CHECK(dot.find("label=\"Dr. \\\"Doc\\\" Brown\\nChristopher Lloyd\"") != std::string::npos);
  CHECK(dot.find("label=\"Back\\\\Slash\"") != std::string::npos);
  CHECK(dot.find("label=\"荻野千尋\\n柊瑠美\"") != std::string::npos);
  CHECK(dot.find("\"amelie-poulain\" -- \"doc-brown\"") != std::string::npos);
  CHECK(dot.find("label=\"friend, ally\"") != std::string::npos);
  // No raw line break inside any statement: every line is a whole statement or a brace.
  std::size_t lines = static_cast<std::size_t>(std::count(dot.begin(), dot.end(), '\n'));
  CHECK(lines == 4 + 5 + 3 + 1);
}

TEST_CASE("DOT sizes nodes by eigenvector centrality and edges by weight", "[dot]") {
  auto analysis = sample_analysis();
  std::string dot = filmscope::to_dot(analysis);
  // The heaviest edge (weight 3) gets the widest pen, the lightest (1 of 3) a third of the range.
  CHECK(dot.find("\"amelie-poulain\" -- \"doc-brown\" [penwidth=6.0") != std::string::npos);
  CHECK(dot.find("\"back-slash\" -- \"doc-brown\" [penwidth=2.67") != std::string::npos);
  // The isolated character has no eigenvector centrality: smallest font.
  CHECK(dot.find("\"nobody\" [label=\"Nobody <&>\", fillcolor=") != std::string::npos);
  CHECK(dot.find("fontsize=10.0, width=0.75, tooltip=\"Nobody <&>") != std::string::npos);
  CHECK(filmscope::to_dot(analysis) == dot);
}

TEST_CASE("Graphviz renders the DOT output with every label", "[dot][graphviz]") {
  if (!have_program("dot")) {
    WARN("Graphviz dot is not installed: skipped");
    return;
  }
  auto analysis = sample_analysis();
  auto dot_path = temp_path(".dot");
  auto svg_path = temp_path(".svg");
  auto err_path = temp_path(".err");
  {
    std::ofstream out(dot_path, std::ios::binary);
    out << filmscope::to_dot(analysis);
  }
  std::string command = "dot -Tsvg '" + dot_path.string() + "' -o '" + svg_path.string() + "' 2>'" +
                        err_path.string() + "'";
  int status = std::system(command.c_str());
  std::string errors = filmscope::testing::read_file(err_path);
  std::string svg = filmscope::testing::read_file(svg_path);
  std::filesystem::remove(dot_path);
  std::filesystem::remove(svg_path);
  std::filesystem::remove(err_path);
  INFO(errors);
  REQUIRE(WIFEXITED(status));
  REQUIRE(WEXITSTATUS(status) == 0);
  CHECK(errors.empty());
  auto texts = svg_texts(svg);
  auto has = [&](const std::string& s) {
    return std::find(texts.begin(), texts.end(), s) != texts.end();
  };
  for (const auto& c : analysis.characters) {
    INFO(c.name);
    CHECK(has(c.name));
    if (c.actor) CHECK(has(*c.actor));
  }
  CHECK(has("friend, ally"));
  CHECK(has("The \"Quoted\" Film & Co <Ltd> (1999)"));
}

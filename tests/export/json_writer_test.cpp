#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <string>

#include <nlohmann/json.hpp>

#include "export/json_writer.h"

using namespace filmscope;
using Json = nlohmann::ordered_json;

namespace {

std::string library_text(const Json& value, int indent) {
  return value.dump(indent, ' ', false, Json::error_handler_t::replace);
}

// Strings mixing what JSON must escape, multi-byte UTF-8, and byte sequences that are not UTF-8,
// long enough that each lands at every position of the writer's eight-byte steps.
std::string random_string(std::mt19937& random) {
  static const std::vector<std::string> pieces{
      "a", "Theodore", " ", "\"", "\\", "/", "\n", "\t", "\r", "\b", "\f", std::string(1, '\0'), "\x01", "\x1F",
      "\x7F", "é", "’", "千", "😀", "\xC3", "\xE2\x80", "\xFF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xC0\xAF", "INT. HOUSE - DAY", "~ ]["};
  std::string text;
  const int n = static_cast<int>(random() % 24);
  for (int k = 0; k < n; ++k) text += pieces[random() % pieces.size()];
  return text;
}

double random_double(std::mt19937& random) {
  static const std::vector<double> specials{0.0, -0.0, 1.0, 0.1, 1e-7, 123456789.0, 1e21, 1e22, -2.5,
                                            0.30000000000000004, 5e-324, 1.7976931348623157e308,
                                            std::numeric_limits<double>::quiet_NaN(),
                                            std::numeric_limits<double>::infinity()};
  if (random() % 2) return specials[random() % specials.size()];
  std::uniform_real_distribution<double> exponent(-12, 12);
  return std::round(std::pow(10.0, exponent(random)) * 1e4) / 1e4 * (random() % 2 ? 1 : -1);
}

Json random_value(std::mt19937& random, int depth) {
  switch (random() % (depth > 3 ? 6 : 8)) {
    case 0: return nullptr;
    case 1: return random() % 2 == 0;
    case 2: return static_cast<std::int64_t>(random()) - static_cast<std::int64_t>(random());
    case 3: return static_cast<std::uint64_t>(random()) * 4294967296ULL + random();
    case 4: return random_double(random);
    case 5: return random_string(random);
    case 6: {
      Json array = Json::array();
      const int n = static_cast<int>(random() % 4);
      for (int k = 0; k < n; ++k) array.push_back(random_value(random, depth + 1));
      return array;
    }
    default: {
      Json object = Json::object();
      const int n = static_cast<int>(random() % 4);
      for (int k = 0; k < n; ++k) object[random_string(random)] = random_value(random, depth + 1);
      return object;
    }
  }
}

}  // namespace

TEST_CASE("json_text writes what the library's dump writes, indented and compact", "[export][property]") {
  std::mt19937 random(20261204);
  for (int round = 0; round < 5000; ++round) {
    const Json value = random_value(random, 0);
    INFO(library_text(value, -1));
    REQUIRE(json_text(value, 2) == library_text(value, 2));
    REQUIRE(json_text(value, -1) == library_text(value, -1));
  }
}

TEST_CASE("json_text escapes only what JSON requires", "[export]") {
  CHECK(json_text(Json("say \"hi\"\n\tto her/him — ’"), -1) == "\"say \\\"hi\\\"\\n\\tto her/him — ’\"");
  CHECK(json_text(Json(std::string("\x01\x7F", 2)), -1) == "\"\\u0001\x7F\"");
  CHECK(json_text(Json::parse(R"({"a": [], "b": {}, "c": [1, 2.5]})"), 2) ==
        "{\n  \"a\": [],\n  \"b\": {},\n  \"c\": [\n    1,\n    2.5\n  ]\n}");
}

TEST_CASE("json_text replaces bytes that are not UTF-8 as the library does", "[export]") {
  const Json value(std::string("ok \xFF end"));
  CHECK(json_text(value, -1) == "\"ok \xEF\xBF\xBD end\"");
}

namespace {

// States `value` to `out` call by call, through JsonText's own interface.
void state(const Json& value, JsonText& out) {
  if (value.is_object()) {
    out.begin_object();
    for (const auto& [key, member] : value.items()) {
      out.text_key(key);
      state(member, out);
    }
    out.end_object();
  } else if (value.is_array()) {
    out.begin_array();
    for (const Json& element : value) state(element, out);
    out.end_array();
  } else if (value.is_string()) {
    out.value(value.get<std::string>());
  } else if (value.is_boolean()) {
    out.value(value.get<bool>());
  } else if (value.is_number_unsigned()) {
    out.value(value.get<std::uint64_t>());
  } else if (value.is_number_integer()) {
    out.value(value.get<std::int64_t>());
  } else if (value.is_number_float()) {
    out.value(value.get<double>());
  } else {
    out.value(nullptr);
  }
}

}  // namespace

TEST_CASE("a JsonText reused for document after document writes each as a fresh one would", "[export][property]") {
  std::mt19937 random(5122026);
  JsonText reused(2);
  for (int round = 0; round < 2000; ++round) {
    const Json value = random_value(random, 0);
    if (round % 7 == 3) {
      // A document abandoned halfway (as an exception would leave it) is forgotten by clear().
      reused.begin_object();
      reused.text_key("unfinished");
      reused.begin_array();
      reused.value(3);
      reused.clear();
    }
    INFO(library_text(value, -1));
    state(value, reused);
    REQUIRE(reused.take() == library_text(value, 2));
  }
  // Keys written in the program, and figures.
  reused.begin_object();
  reused.key("scene");
  reused.decimal(0.2565219999);
  reused.text_key("name\n");
  reused.value("Theodore");
  reused.end_object();
  CHECK(reused.take() == "{\n  \"scene\": 0.256522,\n  \"name\\n\": \"Theodore\"\n}");
  reused.value(1);
  CHECK(reused.take() == "1");
}

TEST_CASE("flat containers go on one line, and only they", "[export]") {
  for (int indent : {2, -1}) {
    JsonText text(indent);
    text.begin_object();
    text.key("lines");
    text.begin_flat_array();
    text.value(8);
    text.value(52);
    text.end_array();
    text.key("points");
    text.begin_array();
    text.begin_flat_object();
    text.key("scene");
    text.value(3);
    text.key("kinds");
    text.begin_flat_array();  // nested in a flat container: flat as well
    text.value("romance");
    text.value("work");
    text.end_array();
    text.end_object();
    text.begin_flat_object();
    text.end_object();
    text.end_array();
    text.key("empty");
    text.begin_flat_array();
    text.end_array();
    text.key("after");
    text.begin_array();  // a block again once the flat ones are closed
    text.value(true);
    text.end_array();
    text.end_object();
    const std::string written = text.take();
    if (indent < 0) {
      CHECK(written ==
            R"({"lines":[8,52],"points":[{"scene":3,"kinds":["romance","work"]},{}],"empty":[],"after":[true]})");
    } else {
      CHECK(written ==
            "{\n  \"lines\": [8, 52],\n  \"points\": [\n    {\"scene\": 3, \"kinds\": [\"romance\", \"work\"]},\n"
            "    {}\n  ],\n  \"empty\": [],\n  \"after\": [\n    true\n  ]\n}");
    }
    CHECK(Json::parse(written) ==
          Json::parse(R"({"lines":[8,52],"points":[{"scene":3,"kinds":["romance","work"]},{}],"empty":[],"after":[true]})"));
  }
}

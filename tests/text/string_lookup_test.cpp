#include <catch2/catch.hpp>

#include <string>
#include <string_view>

#include "text/string_lookup.h"

using namespace filmscope;

TEST_CASE("string maps and sets are searched with a view, without a copy", "[text]") {
  StringMap<int> map{{"lonely", 1}, {"a much longer key than eight bytes", 2}};
  const std::string text = "the lonely man";
  CHECK(map.find(std::string_view(text).substr(4, 6))->second == 1);
  CHECK(map.find(std::string_view("a much longer key than eight bytes"))->second == 2);
  CHECK(map.find(std::string_view("lonel")) == map.end());
  StringSet set{"not", ""};
  CHECK(set.count(std::string_view("not")) == 1);
  CHECK(set.count(std::string_view()) == 1);
  CHECK(set.count(std::string_view("no")) == 0);
}

TEST_CASE("the hash tells apart keys that differ in any byte or in length", "[text]") {
  const StringViewHash hash;
  CHECK(hash("abcdefgh") != hash("abcdefgi"));
  CHECK(hash("abcdefghij") != hash("abcdefghik"));
  CHECK(hash(std::string_view("a\0", 2)) != hash("a"));
  CHECK(hash("") == hash(std::string_view()));
}

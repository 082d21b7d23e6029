#include <catch2/catch.hpp>

#include <map>
#include <random>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

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

TEST_CASE("property: a flat map finds exactly what a std::map holds", "[text][property]") {
  std::mt19937 random(7);
  const std::string letters = "abcdefgh'-";
  for (int round = 0; round < 200; ++round) {
    std::map<std::string, int> reference;
    std::vector<std::pair<std::string, int>> entries;
    const int n = static_cast<int>(random() % 300);
    for (int k = 0; k < n; ++k) {
      std::string key;
      const int length = static_cast<int>(random() % 12);
      for (int c = 0; c < length; ++c) key += letters[random() % letters.size()];
      entries.emplace_back(key, k);
      reference[key] = k;  // a repeated key keeps its last value
    }
    const FlatStringMap<int> map(entries);
    REQUIRE(map.size() == reference.size());
    for (const auto& [key, value] : reference) {
      const int* found = map.find(key);
      REQUIRE(found);
      REQUIRE(*found == value);
    }
    for (int probe = 0; probe < 100; ++probe) {
      std::string key;
      const int length = static_cast<int>(random() % 12);
      for (int c = 0; c < length; ++c) key += letters[random() % letters.size()];
      REQUIRE((map.find(key) != nullptr) == (reference.count(key) > 0));
    }
  }
  CHECK(FlatStringMap<int>().find("anything") == nullptr);
}

TEST_CASE("property: same_text agrees with ==", "[text][property]") {
  // Two-letter alphabets make equal strings and near misses common at every length, including
  // the 4- and 8-byte boundaries where the comparison changes method.
  std::mt19937 random(20261205);
  for (int round = 0; round < 50000; ++round) {
    const std::size_t length = random() % 24;
    std::string a, b;
    for (std::size_t i = 0; i < length; ++i) a += "ab"[random() % 2];
    const std::size_t other = random() % 4 == 0 ? random() % 24 : length;
    for (std::size_t i = 0; i < other; ++i) b += "ab"[random() % 2];
    INFO(a << " / " << b);
    REQUIRE(same_text(a, b) == (a == b));
    REQUIRE(same_text(a, a));
  }
}

TEST_CASE("insert_word_prefixes adds a phrase and its word-by-word beginnings", "[text]") {
  StringSet prefixes;
  insert_word_prefixes(prefixes, "fall in love");
  insert_word_prefixes(prefixes, "friend");
  CHECK(prefixes == StringSet{"fall", "fall in", "fall in love", "friend"});
  CHECK_FALSE(prefixes.count("fall in l"));
}

TEST_CASE("WordShapeFilter never rejects a listed word, in any ASCII case, property", "[text][lookup][property]") {
  std::mt19937 random(5122026);
  const std::string letters = "abcdefghijklmnopqrstuvwxyz'-0123456789";
  auto random_word = [&] {
    std::string word;
    const std::size_t length = 1 + random() % 12;
    for (std::size_t i = 0; i < length; ++i) word += letters[random() % letters.size()];
    return word;
  };
  filmscope::WordShapeFilter filter;
  std::vector<std::string> listed;
  for (int i = 0; i < 100; ++i) {
    listed.push_back(random_word());
    filter.add(listed.back());
  }
  std::size_t passed = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string word = listed[random() % listed.size()];
    for (char& c : word)
      if (c >= 'a' && c <= 'z' && random() % 2) c = static_cast<char>(c - 'a' + 'A');
    REQUIRE(filter.may_hold(word));
    passed += filter.may_hold(random_word());
  }
  // And it is a filter: most words that are not listed fail it.
  CHECK(passed < 20000 / 4);
}

// English word stems from the Snowball (Porter2) stemmer in libstemmer, so that theme terms match
// their inflections ("betrays", "betrayed", "betraying" → "betray").
//
// A Stemmer owns one libstemmer instance, which is not thread-safe: give each thread its own
// (they are cheap). Input is a case-folded UTF-8 word; the stem is returned as a new string.
#pragma once

#include <string>
#include <string_view>

struct sb_stemmer;

namespace filmscope {

class Stemmer {
 public:
  Stemmer();  // English; throws std::runtime_error if libstemmer cannot create it
  ~Stemmer();
  Stemmer(const Stemmer&) = delete;
  Stemmer& operator=(const Stemmer&) = delete;

  std::string stem(std::string_view folded_word);

 private:
  sb_stemmer* stemmer_;
};

}  // namespace filmscope

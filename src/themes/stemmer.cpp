// Snowball stemming through libstemmer; see stemmer.h.
#include "themes/stemmer.h"

#include <libstemmer.h>

#include <stdexcept>

namespace filmscope {

Stemmer::Stemmer() : stemmer_(sb_stemmer_new("english", "UTF_8")) {
  if (!stemmer_) throw std::runtime_error("cannot create the Snowball English stemmer");
}

Stemmer::~Stemmer() { sb_stemmer_delete(stemmer_); }

std::string Stemmer::stem(std::string_view folded_word) {
  const sb_symbol* stemmed = sb_stemmer_stem(
      stemmer_, reinterpret_cast<const sb_symbol*>(folded_word.data()), static_cast<int>(folded_word.size()));
  if (!stemmed) return std::string(folded_word);  // out of memory: the word itself still matches itself
  return std::string(reinterpret_cast<const char*>(stemmed), static_cast<std::size_t>(sb_stemmer_length(stemmer_)));
}

}  // namespace filmscope

// Build tool: writes the single-word common nouns whose most frequent WordNet sense is a person
// (lexicographer file noun.person) or an animal (noun.animal), one per line with its class
// ("person" or "being"), sorted. The library embeds the list as a fallback person-noun lexicon
// ("a brilliant, socially clumsy sophomore", "a golden retriever"), so that a synopsis can
// introduce a character with any occupation, trait or species noun, not only the curated ones.
//
// Usage: wordnet_person_nouns DICT_DIR OUTPUT   (DICT_DIR holds index.noun and data.noun)
//
// Reads WordNet 3.0's database files as documented in wndb(5): an index.noun line is
// "lemma pos synset_cnt p_cnt ptr_symbol... sense_cnt tagsense_cnt synset_offset...", the
// offsets in order of sense frequency; a data.noun line is "offset lex_filenum ss_type w_cnt
// word lex_id ... p_cnt ptr...", w_cnt in hexadecimal, words in their written case, each
// pointer "symbol offset pos source/target". Proper names ("Aalto")
// are written capitalised and left out; so are multi-word lemmas and lemmas with digits,
// hyphens or other punctuation.
#include <algorithm>
#include <cctype>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

namespace {

constexpr int kNounAnimalFile = 5;   // noun.animal in lexnames(5)
constexpr int kNounPersonFile = 18;  // noun.person

constexpr const char* kAnimalSynset = "00015388";  // animal, animate being, beast, brute, creature

struct Synset {
  int lex_file = 0;
  std::vector<std::string> words;
  std::vector<std::string> hypernyms;  // offsets of "@" and "@i" pointers
};

// Whether `offset` is an animal: noun.animal also files parts of animals ("wing", "feeler"),
// which are no characters, so the hypernym chain must reach "animal".
bool is_animal(const std::unordered_map<std::string, Synset>& synsets, const std::string& offset) {
  std::vector<std::string> pending{offset};
  std::unordered_map<std::string, bool> seen;
  while (!pending.empty()) {
    const std::string current = pending.back();
    pending.pop_back();
    if (current == kAnimalSynset) return true;
    if (seen[current]) continue;
    seen[current] = true;
    auto found = synsets.find(current);
    if (found == synsets.end()) continue;
    for (const auto& hypernym : found->second.hypernyms) pending.push_back(hypernym);
  }
  return false;
}

bool all_lower_letters(const std::string& word) {
  return !word.empty() && std::all_of(word.begin(), word.end(), [](unsigned char c) { return c >= 'a' && c <= 'z'; });
}

std::string lower(std::string word) {
  std::transform(word.begin(), word.end(), word.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return word;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: wordnet_person_nouns DICT_DIR OUTPUT\n";
    return 2;
  }
  const std::string dict = argv[1];
  std::ifstream data(dict + "/data.noun");
  std::ifstream index(dict + "/index.noun");
  if (!data || !index) {
    std::cerr << "wordnet_person_nouns: " << dict << ": no index.noun or data.noun (install wordnet-base)\n";
    return 1;
  }
  std::unordered_map<std::string, Synset> synsets;
  std::string line;
  while (std::getline(data, line)) {
    if (line.empty() || line[0] == ' ') continue;  // the licence header
    std::istringstream fields(line);
    std::string offset, ss_type, count_hex;
    Synset synset;
    fields >> offset >> synset.lex_file >> ss_type >> count_hex;
    const int count = std::stoi(count_hex, nullptr, 16);
    for (int i = 0; i < count; ++i) {
      std::string word, lex_id;
      fields >> word >> lex_id;
      synset.words.push_back(word);
    }
    int pointer_count = 0;
    fields >> pointer_count;
    for (int i = 0; i < pointer_count; ++i) {
      std::string symbol, target, pos, source_target;
      fields >> symbol >> target >> pos >> source_target;
      if (symbol == "@" || symbol == "@i") synset.hypernyms.push_back(target);
    }
    synsets.emplace(offset, std::move(synset));
  }
  std::vector<std::pair<std::string, const char*>> nouns;
  while (std::getline(index, line)) {
    if (line.empty() || line[0] == ' ') continue;
    std::istringstream fields(line);
    std::string lemma, pos;
    int synset_count = 0, pointer_count = 0;
    fields >> lemma >> pos >> synset_count >> pointer_count;
    if (!all_lower_letters(lemma) || synset_count < 1) continue;
    std::string skip;
    for (int i = 0; i < pointer_count + 2; ++i) fields >> skip;  // pointer symbols, sense_cnt, tagsense_cnt
    std::string first_offset;
    fields >> first_offset;
    auto found = synsets.find(first_offset);
    if (found == synsets.end()) continue;
    const int lex_file = found->second.lex_file;
    if (lex_file != kNounPersonFile && !(lex_file == kNounAnimalFile && is_animal(synsets, first_offset))) continue;
    const auto& words = found->second.words;
    auto written = std::find_if(words.begin(), words.end(), [&](const std::string& w) { return lower(w) == lemma; });
    if (written == words.end() || !all_lower_letters(*written)) continue;
    nouns.emplace_back(lemma, lex_file == kNounPersonFile ? "person" : "being");
  }
  std::sort(nouns.begin(), nouns.end());
  nouns.erase(std::unique(nouns.begin(), nouns.end()), nouns.end());
  const std::string output = argv[2];
  const std::string temporary = output + ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << "# Generated at build time from WordNet 3.0 (Princeton University; see NOTICE) by\n"
           "# cmake/wordnet_person_nouns.cpp: nouns whose most frequent sense is a person or an\n"
           "# animal, with the class the resolver gives them.\n";
    for (const auto& [noun, noun_class] : nouns) out << noun << '\t' << noun_class << '\n';
    if (!out) {
      std::cerr << "wordnet_person_nouns: " << temporary << ": cannot write\n";
      return 1;
    }
  }
  if (std::rename(temporary.c_str(), output.c_str()) != 0) {
    std::cerr << "wordnet_person_nouns: " << output << ": cannot rename into place\n";
    return 1;
  }
  return 0;
}

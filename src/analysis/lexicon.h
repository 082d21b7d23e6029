// The word lists name resolution relies on, read from the data files in src/data/ that the
// build compiles in (see cmake/embed_data.cmake). A Lexicon is immutable once built and is
// shared read-only by every analysis, including parallel batch workers.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/analysis.h"
#include "text/string_lookup.h"

namespace filmscope {

enum class NounClass { person, protagonist, being };

// What sort of non-human being a noun names. A description of one sort does not introduce a
// character of another ("a cockroach" is not the robot of the cast list); `other` (a ghost, a
// volleyball) agrees with every sort.
enum class BeingKind { machine, animal, other };

struct PersonNoun {
  Gender gender = Gender::unknown;
  NounClass noun_class = NounClass::person;
  BeingKind being_kind = BeingKind::other;  // for NounClass::being only
  // From WordNet's fallback list rather than the curated one: its most frequent sense is a
  // person or an animal, but others may not be ("a diner", "a camper").
  bool from_wordnet = false;
};

// Whether descriptions of beings of these two sorts may name the same character.
inline bool compatible_beings(BeingKind a, BeingKind b) {
  return a == b || a == BeingKind::other || b == BeingKind::other;
}

struct RelationNoun {
  std::string kind;
  Gender gender = Gender::unknown;
};

struct RelationVerb {
  std::vector<std::string> words;  // folded
  std::string kind;
  bool mutual = false;  // "X and Y fall in love"
};

struct Lexicon {
  // Keys are case-folded; multi-word keys join words with a single space.
  StringMap<Gender> honorifics;
  StringMap<PersonNoun> person_nouns;
  StringMap<RelationNoun> relation_nouns;
  std::vector<RelationVerb> relation_verbs;  // longest first
  // Look-up aids built from the two above when the lexicon is loaded: every relation noun and
  // each of its beginnings that ends before a space; per first word, the indices of the verbs
  // that start with it, ascending.
  StringSet relation_noun_prefixes;
  StringMap<std::vector<std::size_t>> relation_verbs_by_first_word;
  StringSet function_words;
  StringSet places;
  StringSet place_words;
  StringMap<Gender> given_names;
  // A longer list of given names, used only as the weakest gender prior for a first name: too
  // many of them are also words ("Hope", "Will") to count as evidence of a person.
  StringMap<Gender> name_genders;
  std::unordered_map<std::string, std::string> abbreviations;  // short form → long form
  std::size_t longest_honorific = 1;  // in words
  std::size_t longest_relation_noun = 1;
  std::size_t longest_person_noun = 1;
  std::size_t longest_place = 1;
};

// The lexicon built from the compiled-in data files; built once, thread-safe to share.
const Lexicon& default_lexicon();

// The gender a folded first name usually carries: the curated given-name list first, then the
// longer name list; unknown when neither has it.
Gender first_name_gender(const Lexicon& lexicon, const std::string& first_name);

// Parses "word<TAB>column…" lines, skipping blank lines and '#' comments.
std::vector<std::vector<std::string>> parse_data_rows(std::string_view data);

}  // namespace filmscope

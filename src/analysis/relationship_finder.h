// What characters are to each other, read from the resolved mentions of each sentence.
//
// Three pattern families, each anchored on the lexicons in src/data/:
//  - relation nouns with a possessor and a filler: "his ex-wife, Catherine", "Amy, a close
//    friend of the protagonist", "Catherine, his ex-wife", "This OS … becomes his romantic
//    partner" (the copula's subject fills the role), "Charlotte's husband" when that phrase
//    resolved to a character;
//  - relation verbs between a subject and an object: "Emil kills Flemming", "X marries Y",
//    passive "Y is killed by X";
//  - mutual phrases: "X and Y fall in love", "Samantha, with whom Theodore has developed a
//    deep romantic relationship";
//  - parties of two: a coordinated subject ("she and Kyoko stab Nathan") relates each member,
//    and a plural pronoun or "the two" stands for the two characters the sentence, or the
//    sentences just before it, name ("they kiss", "Hannah will be their daughter"), unless an
//    unresolved pronoun or a plural person noun could be what it means;
//  - cast descriptions: one headed by a relation noun with no possessor relates the character to
//    the one other character it names ("Paul, a colleague … who admires Theodore's writing"),
//    and two that place their characters at the same organisation ("a programmer at Blue Book",
//    "the founder of Blue Book") make them work together.
// Limits: no syntactic parse, so a pattern only fires when its parts are adjacent (with at
// most a few adjectives or an auxiliary between); negation ("never marries") is not detected.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "analysis/lexicon.h"
#include "analysis/resolution.h"

namespace filmscope {

struct TypedRelation {
  std::size_t first = 0;  // entity indices
  std::size_t second = 0;
  std::string kind;
  std::size_t unit = 0;
};

std::vector<TypedRelation> find_typed_relations(const Resolution& resolution, const Lexicon& lexicon);

}  // namespace filmscope

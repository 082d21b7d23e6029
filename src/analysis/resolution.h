// Who is who: the character inventory and every mention of each character in the story.
//
// Method, in order:
//  1. Characters from the cast list (name split into honorific and core name; aliases are the
//     full name, the core name, the first and the last name, honorific + last name, and the
//     same of another name the entry gives: "the hacker name of Thomas Anderson").
//  2. Characters from the text: runs of capitalised words that are not actors, directors,
//     writers, places, organisations or function words, accepted when the text gives
//     evidence of a person (an honorific or relation noun before them, a verb after them, a
//     possessive followed by a person noun, an apposition with a person noun, a common given
//     name) that outweighs evidence of a place or thing (a preceding article or preposition).
//  3. Role nouns: the head noun of each of a cast entry's descriptions ("a lonely writer" →
//     writer; "a wealthy banker and Greta's father" → banker, and father of Greta; "the
//     station's repair robot" → robot), "named"/"called" appositions ("an operating system
//     named Samantha", but not "whom Rosa named Lily"), appositions in the plot ("the
//     housekeeper, Fran", "Harlan's nurse and friend, Marta", "Sethe, a former slave"; not
//     general, collective or plural nouns, nor "hero"), partners by a cast entry's relation
//     verbs ("who married him" → his wife, "who breaks up with Mark" → Mark's girlfriend and
//     ex-girlfriend), and abbreviations defined in
//     parentheses ("operating system (OS)"), so that "This OS" and "the writer" resolve. A
//     description noun phrase that holds a machine or animal noun makes the character a
//     non-human being of that sort ("robot assistant"); its head and the word before it are
//     kept as the character's description nouns.
//  4. The protagonist: the character with the most name and role mentions, with the first
//     cast entry breaking ties; "the protagonist", "the hero" and the description the story
//     "follows" or opens on resolve to it, unless that description's gender rules it out.
//  4a. Introductions: while the plot names nobody, an indefinite description ("an impulsive
//     woman with dyed blue hair", "a helpful robot", "one small robot") introduces a cast
//     character not yet mentioned, agreeing in gender (known, or suggested by the given name)
//     and in kind (person or non-human being, and a machine is not an animal); shared words
//     with the cast description decide, then billing; an apposition ("a girl, Riley") names
//     the character instead. A description whose head is no such noun, or fits nobody,
//     introduces the one unmentioned character with that noun among its description nouns
//     ("a gleaming probe" for "a probe robot"). Person and animal nouns come from the curated
//     lexicon and, for breadth, from WordNet.
//  4b. Family words used as names ("Grandpa", "Mom") refer to the holder of that family role,
//     the protagonist's first.
//  5. Pronouns, by salience in the manner of Lappin and Leass (1994): every mention raises its
//     character's salience (more as a sentence subject), salience halves at each sentence,
//     and a pronoun goes to the most salient character whose gender agrees, never to the
//     subject of its own clause for an object pronoun, nor to a character named later in the
//     part of the sentence a subject or object pronoun governs (Principle C of binding theory:
//     "he storms in to confront Mark"; up to the next comma or clause, possessed names and
//     names after a copula or "as" aside). A reflexive goes to the nearest agreeing character
//     of its own clause that is neither a possessor nor a preposition's object, and from an
//     adverbial clause ("before turning the gun on himself") to the sentence's subject. Genders come from honorifics, relation
//     nouns ("his wife Tamina"), gendered nouns, then are learned from the text: a first pass
//     resolves pronouns where only one character is salient and votes, a second pass uses
//     what it learned. Given names are the weakest prior: they only lower the salience of a
//     character for a pronoun of the other gender, and decide when the text says nothing.
// Limits: plural pronouns (they/them) and "it" are not resolved; a bare surname shared by two
// characters goes to the more salient one.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "analysis/lexicon.h"
#include "model/analysis.h"
#include "text/tokenizer.h"

namespace filmscope {

struct RoleNoun {
  std::string head;  // folded head phrase: "writer", "operating system"
  std::string kind;  // relationship kind when the role is relational ("friend" → friendship)
  std::optional<std::size_t> related;  // the character the relation points to
};

struct Entity {
  std::string name;
  std::vector<std::string> name_keys;  // folded alias keys (token sequences joined by spaces)
  std::optional<std::string> actor;
  std::optional<std::string> credit;
  std::string description;
  std::optional<std::size_t> cast_index;
  Gender gender = Gender::unknown;
  std::vector<RoleNoun> roles;
  // Set when a noun phrase of the cast description names a non-human being ("the base's robot
  // assistant": a machine).
  std::optional<BeingKind> being;
  // The head nouns of the cast description's noun phrases and the word before each ("probe",
  // "robot" of "a probe robot"): an indefinite description whose head is one of them, and
  // nobody else's, introduces this character ("a gleaming white probe").
  std::vector<std::string> description_nouns;
};

struct EntityMention {
  std::size_t entity = 0;
  std::size_t first_token = 0;  // token range [first_token, last_token] in the unit
  std::size_t last_token = 0;
  MentionKind kind = MentionKind::name;
  bool possessive = false;  // "his", "Nathan's"
  bool subject = false;
};

struct Resolution {
  std::vector<Entity> entities;
  std::vector<std::vector<Token>> tokens;  // per unit
  std::vector<std::vector<EntityMention>> mentions;  // per unit, in token order
  // Per unit: the character whose cast description the unit is, if it is one.
  std::vector<std::optional<std::size_t>> cast_entry_owners;
  std::optional<std::size_t> protagonist;
  std::vector<Diagnostic> diagnostics;
};

Resolution resolve_characters(const Story& story, const Lexicon& lexicon);

}  // namespace filmscope

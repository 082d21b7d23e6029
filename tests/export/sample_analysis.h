// A hand-built Analysis for the exporter tests: awkward names (quotes, a backslash, accents,
// CJK, markup characters), a character without an actor, an isolated character, and
// relationships with kinds and evidence, with graph metrics filled by apply_graph_metrics.
#pragma once

#include "analysis/character_graph.h"
#include "model/analysis.h"

namespace filmscope::testing {

inline Character sample_character(const char* id, const char* name, const char* actor,
                                  std::size_t mentions) {
  Character c;
  c.id = id;
  c.name = name;
  if (actor) {
    c.actor = actor;
    c.credit = "plays";
  }
  for (std::size_t i = 0; i < mentions; ++i) {
    Mention m;
    m.scene = 1 + i % 3;
    m.line = 3 + i;
    m.offset = 100 + 10 * i;
    m.text = name;
    m.kind = i == 0 ? MentionKind::name : MentionKind::pronoun;
    c.mentions.push_back(m);
  }
  return c;
}

inline Relationship sample_relationship(const char* source, const char* target, double weight,
                                        std::vector<std::string> kinds, const char* evidence) {
  Relationship r;
  r.source = source;
  r.target = target;
  r.weight = weight;
  r.shared_scenes = static_cast<std::size_t>(weight);
  r.kinds = std::move(kinds);
  Evidence e;
  e.scene = 2;
  e.line = 7;
  e.text = evidence;
  e.kind = r.kinds.empty() ? "" : r.kinds.front();
  r.evidence.push_back(e);
  return r;
}

inline Analysis sample_analysis() {
  Analysis a;
  a.source.path = "films/awkward.txt";
  a.source.format = InputFormat::synopsis;
  a.source.encoding = "UTF-8";
  a.film.title = "The \"Quoted\" Film & Co <Ltd>";
  a.film.year = 1999;
  a.film.directors = {"Agnès Varda"};
  a.film.writers = {"Hayao Miyazaki", "Emeric Pressburger"};
  for (std::size_t i = 0; i < 3; ++i) {
    Scene s;
    s.index = i + 1;
    s.section = "Plot";
    s.lines = {i * 2 + 1, i * 2 + 2};
    s.text = "Scene text.";
    a.scenes.push_back(s);
  }
  a.scenes[0].heading = "INT. DINER - NIGHT";
  a.scenes[0].characters = {"doc-brown", "amelie-poulain"};
  a.characters.push_back(
      sample_character("doc-brown", "Dr. \"Doc\" Brown", "Christopher Lloyd", 5));
  a.characters.push_back(sample_character("back-slash", "Back\\Slash", nullptr, 2));
  a.characters.push_back(sample_character("amelie-poulain", "Amélie Poulain", "Audrey Tautou", 4));
  a.characters.push_back(sample_character("chihiro", "荻野千尋", "柊瑠美", 3));
  a.characters.push_back(sample_character("nobody", "Nobody <&>", nullptr, 1));
  a.characters[0].aliases = {"Doc", "Emmett"};
  a.characters[0].gender = Gender::male;
  a.characters[0].description = "an inventor who says \"Great Scott!\"";
  a.characters[2].gender = Gender::female;
  a.characters[2].credit = "voices";
  a.relationships.push_back(sample_relationship(
      "amelie-poulain", "doc-brown", 3.0, {"friend", "ally"},
      "Amélie meets \"Doc\" at the diner, where he explains the flux capacitor in great detail "
      "to anyone who will listen, which is nobody at all, for a very long time indeed."));
  a.relationships.push_back(
      sample_relationship("back-slash", "doc-brown", 1.0, {}, "Back\\Slash & Doc <argue>."));
  a.relationships.push_back(
      sample_relationship("amelie-poulain", "chihiro", 2.0, {"family"}, "千尋 writes to Amélie."));
  Diagnostic d;
  d.severity = Severity::warning;
  d.code = "cast-line-unparsed";
  d.line = 4;
  d.message = "could not read a cast line";
  a.diagnostics.push_back(d);
  apply_graph_metrics(a);
  return a;
}

}  // namespace filmscope::testing

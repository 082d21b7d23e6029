// Story → Analysis. Resolution (resolution.h) finds the characters and their mentions;
// relationship_finder.h types relationships; this file assembles the model:
//   - scenes are the story's narrative units, each listing the characters it mentions;
//   - two characters are related when they share a unit; `shared_scenes` and `weight` count
//     those units, and typed relations add kinds and evidence sentences;
//   - characters are ordered by mentions (the protagonist first), ids are slugs of names;
//   - graph metrics come from character_graph.h.
#include "analysis/story_analysis.h"

#include <algorithm>
#include <map>
#include <set>

#include "analysis/character_graph.h"
#include "analysis/lexicon.h"
#include "analysis/relationship_finder.h"
#include "analysis/resolution.h"
#include "text/unicode_text.h"

namespace filmscope {

namespace {

// Evidence sentences kept per relationship: enough to justify it, few enough to read.
constexpr std::size_t kMaxEvidence = 5;
// Characters of one unit (a synopsis sentence or paragraph) paired with each other. Pairs grow
// with the square of the characters present; a list of thousands of names in one paragraph
// would otherwise make millions of relationships. Beyond it, only the first
// kMaxPairedUnitPresence characters mentioned are paired, with a diagnostic.
constexpr std::size_t kMaxPairedUnitPresence = 50;

// Kinds that say more win ties in the order of a relationship's kinds.
int kind_rank(const std::string& kind) {
  static const std::vector<std::string> kOrder{"marriage", "former-spouse", "romance", "former-partner", "family",
                                               "creator", "friendship", "work", "conflict"};
  auto it = std::find(kOrder.begin(), kOrder.end(), kind);
  return static_cast<int>(it - kOrder.begin());
}

std::size_t line_of(const NarrativeUnit& unit, std::size_t offset) {
  std::size_t line = unit.lines.first;
  std::size_t end = std::min(offset - unit.offset, unit.text.size());
  for (std::size_t i = 0; i < end; ++i) line += unit.text[i] == '\n';
  return line;
}

}  // namespace

Analysis analyze_story(const Story& story, const SourceInfo& source) {
  const Lexicon& lexicon = default_lexicon();
  Resolution resolution = resolve_characters(story, lexicon);
  Analysis analysis;
  analysis.source = source;
  analysis.film = story.film;
  analysis.diagnostics = story.diagnostics;
  for (auto& d : resolution.diagnostics) analysis.diagnostics.push_back(d);

  const std::size_t entity_count = resolution.entities.size();
  std::vector<std::vector<Mention>> mentions(entity_count);
  std::vector<std::size_t> first_seen(entity_count, SIZE_MAX);
  for (std::size_t u = 0; u < story.units.size(); ++u) {
    const auto& unit = story.units[u];
    const auto& tokens = resolution.tokens[u];
    for (const auto& m : resolution.mentions[u]) {
      const auto& first = tokens[m.first_token];
      const auto& last = tokens[m.last_token];
      Mention mention;
      mention.scene = u + 1;
      mention.offset = first.offset;
      mention.line = line_of(unit, first.offset);
      std::size_t begin = first.offset - unit.offset;
      std::size_t end = last.offset + last.text.size() - unit.offset;
      mention.text = collapse_whitespace(std::string_view(unit.text).substr(begin, end - begin));
      mention.kind = m.kind;
      mentions[m.entity].push_back(std::move(mention));
      first_seen[m.entity] = std::min(first_seen[m.entity], u);
    }
  }

  // Keep characters that the text mentions or the cast credits; order by mentions.
  std::vector<std::size_t> order;
  for (std::size_t e = 0; e < entity_count; ++e)
    if (!mentions[e].empty() || resolution.entities[e].cast_index) order.push_back(e);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    bool a_lead = resolution.protagonist && *resolution.protagonist == a;
    bool b_lead = resolution.protagonist && *resolution.protagonist == b;
    if (a_lead != b_lead) return a_lead;
    if (mentions[a].size() != mentions[b].size()) return mentions[a].size() > mentions[b].size();
    return first_seen[a] < first_seen[b];
  });
  std::vector<std::optional<std::size_t>> position(entity_count);
  std::set<std::string> taken_ids;
  for (std::size_t e : order) {
    const auto& entity = resolution.entities[e];
    Character character;
    character.id = unique_slug(entity.name, taken_ids, "character");
    character.name = entity.name;
    character.actor = entity.actor;
    character.credit = entity.credit;
    character.description = entity.description;
    character.gender = entity.gender;
    std::set<std::string> seen{fold_case(entity.name)};
    for (const auto& m : mentions[e]) {
      if (m.kind == MentionKind::pronoun) continue;
      if (seen.insert(fold_case(m.text)).second) character.aliases.push_back(m.text);
    }
    character.mentions = std::move(mentions[e]);
    position[e] = analysis.characters.size();
    analysis.characters.push_back(std::move(character));
  }

  // Scenes and co-occurrence.
  std::map<std::pair<std::size_t, std::size_t>, Relationship> pairs;  // by character position
  std::map<std::pair<std::size_t, std::size_t>, std::vector<std::size_t>> pair_units;
  for (std::size_t u = 0; u < story.units.size(); ++u) {
    const auto& unit = story.units[u];
    Scene scene = scene_from_unit(unit, u + 1);
    std::vector<std::size_t> present;
    std::set<std::size_t> seen_here;
    for (const auto& m : resolution.mentions[u]) {
      auto p = position[m.entity];
      if (p && seen_here.insert(*p).second) present.push_back(*p);
    }
    for (auto p : present) scene.characters.push_back(analysis.characters[p].id);
    const std::size_t paired = std::min(present.size(), kMaxPairedUnitPresence);
    if (paired < present.size()) {
      analysis.diagnostics.push_back(
          {Severity::warning, "scene-cast-over-limit", unit.lines.first,
           "scene " + std::to_string(u + 1) + " names " + std::to_string(present.size()) +
               " characters: only the first " + std::to_string(kMaxPairedUnitPresence) +
               " are paired as relationships"});
    }
    for (std::size_t a = 0; a < paired; ++a)
      for (std::size_t b = a + 1; b < paired; ++b) {
        auto key = std::minmax(present[a], present[b]);
        auto& relationship = pairs[key];
        relationship.shared_scenes += 1;
        relationship.weight += 1.0;
        pair_units[key].push_back(u);
      }
    analysis.scenes.push_back(std::move(scene));
  }

  // Typed relations: kinds by evidence count, then by how much a kind says.
  std::map<std::pair<std::size_t, std::size_t>, std::map<std::string, std::vector<std::size_t>>> typed;
  for (const auto& relation : find_typed_relations(resolution, lexicon)) {
    auto a = position[relation.first];
    auto b = position[relation.second];
    if (!a || !b || *a == *b) continue;
    auto& units = typed[std::minmax(*a, *b)][relation.kind];
    if (std::find(units.begin(), units.end(), relation.unit) == units.end()) units.push_back(relation.unit);
  }
  for (auto& [key, relationship] : pairs) {
    const auto& source = analysis.characters[key.first];
    const auto& target = analysis.characters[key.second];
    relationship.source = std::min(source.id, target.id);
    relationship.target = std::max(source.id, target.id);
    std::set<std::size_t> used_units;
    auto typed_it = typed.find(key);
    if (typed_it != typed.end()) {
      std::vector<std::pair<std::string, std::vector<std::size_t>>> kinds(typed_it->second.begin(), typed_it->second.end());
      std::stable_sort(kinds.begin(), kinds.end(), [](const auto& x, const auto& y) {
        if (x.second.size() != y.second.size()) return x.second.size() > y.second.size();
        return kind_rank(x.first) < kind_rank(y.first);
      });
      for (const auto& [kind, units] : kinds) {
        relationship.kinds.push_back(kind);
        for (auto u : units) {
          if (relationship.evidence.size() >= kMaxEvidence) break;
          relationship.evidence.push_back({u + 1, story.units[u].lines.first, analysis.scenes[u].text, kind});
          used_units.insert(u);
        }
      }
    }
    for (auto u : pair_units[key]) {
      if (relationship.evidence.size() >= kMaxEvidence) break;
      if (used_units.count(u)) continue;
      relationship.evidence.push_back({u + 1, story.units[u].lines.first, analysis.scenes[u].text, ""});
    }
    analysis.relationships.push_back(std::move(relationship));
  }
  std::sort(analysis.relationships.begin(), analysis.relationships.end(), [](const Relationship& x, const Relationship& y) {
    if (x.weight != y.weight) return x.weight > y.weight;
    if (x.source != y.source) return x.source < y.source;
    return x.target < y.target;
  });

  apply_graph_metrics(analysis);
  return analysis;
}

}  // namespace filmscope

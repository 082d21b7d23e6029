// The plain-text summary of an Analysis printed by `filmscope analyze`.
//
// Takes: an Analysis. Produces: a report of at most ~92 columns (a long input path excepted):
// the film (title, year, directors, writers, source format and encoding), a cast table, the
// strongest relationships with their kinds and one or two evidence sentences, graph figures,
// a screenplay's statistics (scenes by setting and time of day, locations, dialogue shares,
// sections), the strongest themes with their best evidence sentence, the arcs (the story's
// shape, then the shapes of the strongest relationships with their turning-point sentences)
// when they have been computed, and the diagnostics.
// Method: columns are padded and cut by display width (text_layout.h), so accented and East
// Asian names stay aligned. Long lists are cut at named limits with a line saying how many
// were left out; the JSON export has everything. Sections with nothing to show are omitted.
#include "export/text_summary.h"

#include <algorithm>
#include <cmath>
#include <string_view>
#include <unordered_map>

#include "export/number_format.h"
#include "export/text_layout.h"
#include "text/unicode_text.h"

namespace filmscope {

namespace {

constexpr std::size_t kNameColumnMax = 24;
constexpr std::size_t kActorColumnMax = 30;
constexpr std::size_t kAliasColumnMax = 22;
constexpr std::size_t kMentionsColumn = 8;
constexpr std::size_t kColumnGap = 2;
constexpr std::size_t kLineWidth = 92;
constexpr std::size_t kMaxRelationshipsShown = 20;
constexpr std::size_t kEvidencePerRelationship = 2;
constexpr std::size_t kMaxDiagnosticsShown = 30;
constexpr std::size_t kMaxLabelsShown = 6;   // settings, times of day, locations per line
constexpr std::size_t kMaxSharesShown = 6;   // speakers in the dialogue share line
constexpr std::size_t kMaxSectionsShown = 12;
constexpr std::size_t kMaxArcRelationshipsShown = 5;
constexpr std::size_t kMaxTurnsPerArc = 3;
constexpr std::string_view kIndent = "  ";
constexpr std::string_view kEvidenceIndent = "      ";

// Whole numbers print without decimals ("12"), others with up to two ("2.5", "0.33").
std::string short_number(double value) {
  double rounded = round_for_export(value, 2);
  if (rounded == std::floor(rounded) && std::abs(rounded) < 1e15)
    return std::to_string(static_cast<long long>(rounded));
  return format_decimal(rounded, 2);
}

std::string plural(std::size_t count, std::string_view singular, std::string_view plural_form) {
  return std::to_string(count) + " " + std::string(count == 1 ? singular : plural_form);
}

void film_section(std::string& out, const Analysis& analysis) {
  const FilmInfo& film = analysis.film;
  std::string title = film.title.empty() ? "(untitled)" : film.title;
  if (film.year) title += " (" + std::to_string(*film.year) + ")";
  out += title + "\n";
  std::string credits;
  if (!film.directors.empty()) credits += "Directed by " + join(film.directors, ", ");
  if (!film.writers.empty()) {
    if (!credits.empty()) credits += "; ";
    credits += "written by " + join(film.writers, ", ");
  }
  if (!credits.empty()) {
    credits[0] = credits[0] == 'w' ? 'W' : credits[0];
    out += shorten(credits, kLineWidth) + "\n";
  }
  std::string source = "Source: ";
  if (!analysis.source.path.empty()) source += analysis.source.path + " ";
  source += "(" + std::string(to_string(analysis.source.format));
  if (!analysis.source.encoding.empty()) source += ", " + analysis.source.encoding;
  source += "), " + plural(analysis.scenes.size(), "scene", "scenes");
  out += source + "\n";  // never cut: a shortened path would name no file
}

void cast_section(std::string& out, const Analysis& analysis) {
  if (analysis.characters.empty()) return;
  struct Row {
    std::string name, actor, aliases, mentions;
  };
  std::vector<Row> rows;
  rows.push_back({"Character", "Actor", "Aliases", "Mentions"});
  for (const auto& c : analysis.characters) {
    Row row;
    row.name = c.name;
    if (c.actor) {
      row.actor = *c.actor;
      if (c.credit && !c.credit->empty() && *c.credit != "plays")
        row.actor += " (" + *c.credit + ")";
    }
    row.aliases = join(c.aliases, ", ");
    row.mentions = std::to_string(c.mentions.size());
    rows.push_back(std::move(row));
  }
  std::size_t name_width = 0, actor_width = 0, alias_width = 0;
  for (const auto& r : rows) {
    name_width = std::max(name_width, display_width(r.name));
    actor_width = std::max(actor_width, display_width(r.actor));
    alias_width = std::max(alias_width, display_width(r.aliases));
  }
  name_width = std::min(name_width, kNameColumnMax);
  actor_width = std::min(actor_width, kActorColumnMax);
  alias_width = std::min(alias_width, kAliasColumnMax);
  const std::string gap(kColumnGap, ' ');

  out += "\nCast (" + plural(analysis.characters.size(), "character", "characters") + ")\n";
  for (const auto& r : rows) {
    std::string line(kIndent);
    line += pad_right(shorten(r.name, name_width), name_width) + gap;
    line += pad_right(shorten(r.actor, actor_width), actor_width) + gap;
    line += pad_right(shorten(r.aliases, alias_width), alias_width) + gap;
    std::size_t w = display_width(r.mentions);
    if (w < kMentionsColumn) line.append(kMentionsColumn - w, ' ');
    line += r.mentions;
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
}

void relationship_section(std::string& out, const Analysis& analysis) {
  if (analysis.relationships.empty()) return;
  std::unordered_map<std::string, std::string> names;
  for (const auto& c : analysis.characters) names.emplace(c.id, c.name);
  auto name_of = [&](const std::string& id) {
    auto it = names.find(id);
    return it == names.end() ? id : it->second;
  };
  std::vector<const Relationship*> order;
  for (const auto& r : analysis.relationships) order.push_back(&r);
  std::stable_sort(order.begin(), order.end(), [](const Relationship* a, const Relationship* b) {
    if (a->weight != b->weight) return a->weight > b->weight;
    if (a->source != b->source) return a->source < b->source;
    return a->target < b->target;
  });

  out += "\nRelationships (" + std::to_string(order.size()) + ", strongest first)\n";
  const std::size_t shown = std::min(order.size(), kMaxRelationshipsShown);
  for (std::size_t i = 0; i < shown; ++i) {
    const Relationship& r = *order[i];
    std::string head = name_of(r.source) + " — " + name_of(r.target) + ": weight " +
                       short_number(r.weight) + ", " +
                       plural(r.shared_scenes, "shared scene", "shared scenes");
    if (!r.kinds.empty()) head += "; " + join(r.kinds, ", ");
    out += std::string(kIndent) + shorten(head, kLineWidth - kIndent.size()) + "\n";
    std::size_t evidence_shown = 0;
    for (const auto& e : r.evidence) {
      if (evidence_shown == kEvidencePerRelationship) break;
      std::string where = " (line " + std::to_string(e.line) + ")";
      std::size_t room = kLineWidth - kEvidenceIndent.size() - display_width(where) - 2;
      out += std::string(kEvidenceIndent) + "“" + shorten(e.text, room) + "”" + where + "\n";
      ++evidence_shown;
    }
  }
  if (order.size() > shown)
    out += std::string(kIndent) + "… and " + std::to_string(order.size() - shown) +
           " more (see --format json)\n";
}

void graph_section(std::string& out, const Analysis& analysis) {
  const GraphSummary& g = analysis.graph;
  if (g.nodes == 0) return;
  out += "\nGraph\n";
  out += std::string(kIndent) + plural(g.nodes, "character", "characters") + ", " +
         plural(g.edges, "relationship", "relationships") + ", density " +
         format_decimal(g.density, 3) + ", average clustering " +
         format_decimal(g.average_clustering, 3) + ", diameter " + std::to_string(g.diameter) +
         "\n";
  out += std::string(kIndent) + plural(g.communities, "community", "communities") +
         ", modularity " + format_decimal(g.modularity, 3) + "\n";
  // The most central characters, by eigenvector centrality (ties: model order).
  std::vector<const Character*> ranked;
  for (const auto& c : analysis.characters)
    if (c.centrality.degree > 0) ranked.push_back(&c);
  std::stable_sort(ranked.begin(), ranked.end(), [](const Character* a, const Character* b) {
    return a->centrality.eigenvector > b->centrality.eigenvector;
  });
  constexpr std::size_t kCentralShown = 5;
  if (!ranked.empty()) {
    std::vector<std::string> parts;
    for (std::size_t i = 0; i < ranked.size() && i < kCentralShown; ++i)
      parts.push_back(ranked[i]->name + " " + format_decimal(ranked[i]->centrality.eigenvector, 3));
    out += std::string(kIndent) +
           shorten("Most central: " + join(parts, ", "), kLineWidth - kIndent.size()) + "\n";
  }
}

std::string percent(double share) { return format_decimal(round_for_export(share * 100.0, 1), 1) + "%"; }

// "INT 120, EXT 64, none 8": labels with their scene counts, the most frequent first.
std::string label_counts(const std::vector<SceneCount>& counts) {
  std::vector<std::string> parts;
  for (std::size_t i = 0; i < counts.size() && i < kMaxLabelsShown; ++i)
    parts.push_back((counts[i].label.empty() ? std::string("none") : counts[i].label) + " " +
                    std::to_string(counts[i].scenes));
  if (counts.size() > kMaxLabelsShown) parts.push_back("…");
  return join(parts, ", ");
}

void statistics_section(std::string& out, const Analysis& analysis) {
  if (!analysis.stats) return;
  const ScreenplayStats& s = *analysis.stats;
  auto line = [&](const std::string& text) {
    out += std::string(kIndent) + shorten(text, kLineWidth - kIndent.size()) + "\n";
  };
  out += "\nScreenplay\n";
  std::string scenes = plural(s.scenes, "scene", "scenes");
  if (s.unheaded_units > 0) scenes += " (and " + plural(s.unheaded_units, "opening without a heading", "openings without a heading") + ")";
  scenes += ", " + plural(s.lines, "line", "lines");
  if (s.eighths > 0.0) scenes += ", " + short_number(s.eighths / 8.0) + " pages";
  line(scenes);
  line(plural(s.dialogue_blocks, "speech", "speeches") + " by " + plural(s.speakers, "speaker", "speakers") + "; " +
       plural(s.dialogue_words, "dialogue word", "dialogue words") + ", " +
       plural(s.action_words, "action word", "action words") + " (dialogue " + percent(s.dialogue_ratio) + ")");
  if (!s.settings.empty()) line("Settings: " + label_counts(s.settings));
  if (!s.times_of_day.empty()) line("Time of day: " + label_counts(s.times_of_day));
  if (!s.locations.empty()) line("Locations: " + label_counts(s.locations));
  if (!s.dialogue_shares.empty()) {
    std::unordered_map<std::string, std::string> names;
    for (const auto& c : analysis.characters) names.emplace(c.id, c.name);
    std::vector<std::string> parts;
    for (std::size_t i = 0; i < s.dialogue_shares.size() && i < kMaxSharesShown; ++i) {
      const DialogueShare& d = s.dialogue_shares[i];
      auto it = names.find(d.character);
      parts.push_back((it == names.end() ? d.character : it->second) + " " + percent(d.share));
    }
    if (s.dialogue_shares.size() > kMaxSharesShown) parts.push_back("…");
    line("Dialogue share: " + join(parts, ", "));
  }
  // Sections only say something when the script has them.
  if (s.sections.size() > 1 || (s.sections.size() == 1 && !s.sections[0].section.empty())) {
    line("Sections:");
    const std::size_t shown = std::min(s.sections.size(), kMaxSectionsShown);
    for (std::size_t i = 0; i < shown; ++i) {
      const SectionStats& section = s.sections[i];
      const std::size_t words = section.dialogue_words + section.action_words;
      std::string text = std::string(kIndent) + (section.section.empty() ? "(before the first section)" : section.section) +
                         ": " + plural(section.scenes, "scene", "scenes") + ", " +
                         plural(section.speakers, "speaker", "speakers") + ", " +
                         plural(section.dialogue_blocks, "speech", "speeches") + ", dialogue " +
                         percent(words == 0 ? 0.0 : static_cast<double>(section.dialogue_words) / static_cast<double>(words));
      line(text);
    }
    if (s.sections.size() > shown)
      line(std::string(kIndent) + "… and " + std::to_string(s.sections.size() - shown) + " more (see --format json)");
  }
}

// The strongest themes, each with its score and best evidence sentence.
void themes_section(std::string& out, const Analysis& analysis) {
  if (analysis.themes.empty()) return;
  constexpr std::size_t kMaxThemesShown = 8;
  out += "\nThemes (" + std::to_string(analysis.themes.size()) + ", strongest first)\n";
  const std::size_t shown = std::min(analysis.themes.size(), kMaxThemesShown);
  for (std::size_t i = 0; i < shown; ++i) {
    const Theme& t = analysis.themes[i];
    out += std::string(kIndent) + t.tag + " " + format_decimal(t.score, 2) + "\n";
    if (t.evidence.empty()) continue;
    const ThemeEvidence& e = t.evidence.front();
    std::string where = " (scene " + std::to_string(e.scene) + ")";
    std::size_t room = kLineWidth - kEvidenceIndent.size() - display_width(where) - 2;
    out += std::string(kEvidenceIndent) + "“" + shorten(e.text, room) + "”" + where + "\n";
  }
  if (analysis.themes.size() > shown)
    out += std::string(kIndent) + "… and " + std::to_string(analysis.themes.size() - shown) +
           " more (see --format json)\n";
}

// "+0.42" / "-0.31": how much an arc moves at a turning point.
std::string signed_change(double change) {
  return (change >= 0.0 ? "+" : "-") + format_decimal(std::abs(change), 2);
}

void arc_turns(std::string& out, const Arc& arc) {
  const std::size_t shown = std::min(arc.turning_points.size(), kMaxTurnsPerArc);
  for (std::size_t i = 0; i < shown; ++i) {
    const ArcTurn& t = arc.turning_points[i];
    std::string where = " (scene " + std::to_string(t.scene) + ", " + signed_change(t.change) + ")";
    std::size_t room = kLineWidth - kEvidenceIndent.size() - display_width(where) - 2;
    out += std::string(kEvidenceIndent) + "“" + shorten(t.text, room) + "”" + where + "\n";
  }
}

// The story's shape, then the strongest relationships' shapes with what turns them.
void arcs_section(std::string& out, const Analysis& analysis) {
  std::vector<const Relationship*> order;
  for (const auto& r : analysis.relationships)
    if (r.arc) order.push_back(&r);
  if (!analysis.arc && order.empty()) return;
  out += "\nArcs\n";
  if (analysis.arc) {
    const Arc& story = *analysis.arc;
    std::string line = "Story: " + story.shape;
    if (story.shape != "flat") line += " (fit " + format_decimal(story.fit, 2) + ")";
    line += ", " + plural(story.points.size(), "scene", "scenes");
    out += std::string(kIndent) + shorten(line, kLineWidth - kIndent.size()) + "\n";
    arc_turns(out, story);
  }
  std::unordered_map<std::string, std::string> names;
  for (const auto& c : analysis.characters) names.emplace(c.id, c.name);
  auto name_of = [&](const std::string& id) {
    auto it = names.find(id);
    return it == names.end() ? id : it->second;
  };
  std::stable_sort(order.begin(), order.end(), [](const Relationship* a, const Relationship* b) {
    if (a->weight != b->weight) return a->weight > b->weight;
    if (a->source != b->source) return a->source < b->source;
    return a->target < b->target;
  });
  const std::size_t shown = std::min(order.size(), kMaxArcRelationshipsShown);
  for (std::size_t i = 0; i < shown; ++i) {
    const Relationship& r = *order[i];
    std::string head = name_of(r.source) + " — " + name_of(r.target) + ": " + r.arc->shape + ", " +
                       plural(r.arc->points.size(), "point", "points");
    out += std::string(kIndent) + shorten(head, kLineWidth - kIndent.size()) + "\n";
    arc_turns(out, *r.arc);
  }
  if (order.size() > shown)
    out += std::string(kIndent) + "… and " + std::to_string(order.size() - shown) +
           " more (see --format json)\n";
}

void diagnostics_section(std::string& out, const Analysis& analysis) {
  if (analysis.diagnostics.empty()) return;
  out += "\nDiagnostics (" + std::to_string(analysis.diagnostics.size()) + ")\n";
  const std::size_t shown = std::min(analysis.diagnostics.size(), kMaxDiagnosticsShown);
  for (std::size_t i = 0; i < shown; ++i) {
    const Diagnostic& d = analysis.diagnostics[i];
    std::string line = pad_right(to_string(d.severity), 8);
    line += d.line > 0 ? "line " + std::to_string(d.line) + ": " : std::string();
    line += d.message;
    if (!d.code.empty()) line += " [" + d.code + "]";
    out += std::string(kIndent) + shorten(line, kLineWidth - kIndent.size()) + "\n";
  }
  if (analysis.diagnostics.size() > shown)
    out += std::string(kIndent) + "… and " + std::to_string(analysis.diagnostics.size() - shown) +
           " more (see --format json)\n";
}

}  // namespace

std::string to_text_summary(const Analysis& analysis) {
  std::string out;
  film_section(out, analysis);
  cast_section(out, analysis);
  relationship_section(out, analysis);
  graph_section(out, analysis);
  statistics_section(out, analysis);
  themes_section(out, analysis);
  arcs_section(out, analysis);
  diagnostics_section(out, analysis);
  return out;
}

}  // namespace filmscope

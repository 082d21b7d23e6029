// The film model: what every reader produces and every exporter consumes.
//
// A reader (synopsis, Fountain, plain text, Final Draft) turns decoded text into a `Story`:
// film metadata, the cast list if the source has one, and the narrative units in order (the
// sentences of a synopsis, the scenes of a screenplay) with their line spans. The analysis
// stage turns a Story into an `Analysis`: resolved characters with their mentions, typed
// relationships with evidence, graph metrics and communities. Nothing downstream of the
// readers knows which input format produced the model.
//
// Line numbers are 1-based and refer to the decoded text, whose lines correspond one to one
// with the lines of the original file (decoding only rewrites line ends, never merges lines).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace filmscope {

enum class InputFormat { synopsis, fountain, plaintext, fdx };

std::string_view to_string(InputFormat format);
std::optional<InputFormat> parse_input_format(std::string_view name);

enum class Severity { info, warning, error };

std::string_view to_string(Severity severity);

struct Diagnostic {
  Severity severity = Severity::warning;
  std::string code;  // stable, kebab-case, e.g. "cast-line-unparsed"
  std::size_t line = 0;  // 0 when the diagnostic concerns the whole input
  std::string message;
};

struct LineSpan {
  std::size_t first = 0;
  std::size_t last = 0;
};

struct SourceInfo {
  std::string path;
  InputFormat format = InputFormat::synopsis;
  std::string encoding;  // what the input was decoded from: "UTF-8", "UTF-16LE", "windows-1252", …
};

struct FilmInfo {
  std::string title;
  std::optional<int> year;
  std::vector<std::string> directors;
  std::vector<std::string> writers;
};

// One credited role: "- Joaquin Phoenix plays Theodore Twombly, a lonely writer …".
struct CastEntry {
  std::string actor;
  std::string credit;  // "plays", "voices", "portrays", …
  std::string character;
  std::string description;  // everything after the character name, as written
  std::size_t line = 0;
  std::size_t description_offset = 0;  // byte offset of `description` in the decoded text
};

// One speech in a screenplay: the cue as written and the speaker it names.
struct DialogueBlock {
  std::string cue;      // as written: "EDWARD (V.O.)", "@McCLANE", "BRICK ^"
  std::string speaker;  // normalised: "EDWARD", "MCCLANE", "BRICK"
  std::vector<std::string> extensions;  // "V.O.", "CONT'D", "on the radio"
  bool dual = false;
  LineSpan lines;
  std::string text;  // the spoken words, parentheticals removed, emphasis stripped
  std::size_t words = 0;
};

// Where and when a screenplay scene happens, from its heading.
struct SceneSetting {
  std::string setting;      // "INT", "EXT", "INT/EXT" or empty
  std::string location;     // "BIG FISH DINER"
  std::string time_of_day;  // "DAY", "NIGHT", "CONTINUOUS", … or empty
  std::string number;       // scene number such as "1A", or empty
  double eighths = 0.0;     // length in eighths of a page, 0 when unknown
};

// One sentence of a scene, as the tone stage cuts it (analysis/tone_analysis.h), with its
// compound valence.
struct SceneSentence {
  std::size_t offset = 0;  // byte offset into Scene::text
  std::size_t length = 0;
  double valence = 0.0;  // -1..1
};

// A narrative unit: a sentence of a synopsis or a scene of a screenplay.
struct NarrativeUnit {
  std::string section;  // heading of the section it belongs to ("Main Plot"), may be empty
  std::optional<std::string> heading;  // scene heading for screenplays
  LineSpan lines;
  std::size_t offset = 0;  // byte offset of `text` in the decoded text
  std::string text;
  bool from_cast_list = false;  // a cast description rather than plot narration
  std::optional<SceneSetting> setting;  // screenplays only
  std::vector<DialogueBlock> dialogue;  // screenplays only, in order
  std::string action;  // screenplays: the action lines joined, for name and theme matching
  // Screenplays: the source line of each '\n'-separated line of `action`, so that a name found
  // in the action can be traced to its line.
  std::vector<std::size_t> action_lines;
};

struct Story {
  FilmInfo film;
  std::vector<std::string> sections;  // headings in order
  std::vector<CastEntry> cast;
  std::vector<NarrativeUnit> units;
  std::vector<Diagnostic> diagnostics;
};

enum class MentionKind { name, alias, role, pronoun, protagonist };

std::string_view to_string(MentionKind kind);

struct Mention {
  std::size_t scene = 0;  // 1-based index into Analysis::scenes
  std::size_t line = 0;
  std::size_t offset = 0;  // byte offset into the decoded text
  std::string text;
  MentionKind kind = MentionKind::name;
};

struct Centrality {
  std::size_t degree = 0;  // number of neighbours
  double weighted_degree = 0.0;
  double betweenness = 0.0;  // normalised as networkx does for undirected graphs
  double eigenvector = 0.0;
};

enum class Gender { unknown, male, female, neuter };

std::string_view to_string(Gender gender);

// One moment of an arc (arcs/arc_series.h): a narrative scene where the arc's subject is present.
struct ArcPoint {
  std::size_t scene = 0;  // 1-based index into Analysis::scenes
  double position = 0.0;  // 0..1: the scene's place among the narrative (non-cast) scenes
  // How much happens between the subject's characters there: relationships, 1 + typed evidence
  // (synopses) or the fewer of the two characters' speeches and mentions (screenplays); story
  // arcs, the characters present; character arcs, the other characters present.
  double interaction = 0.0;
  double valence = 0.0;   // -1..1, before smoothing
  double smoothed = 0.0;  // the smoothed series the shape is read from
};

// A scene where an arc changes direction or moves most, with the text that moves it.
struct ArcTurn {
  std::size_t scene = 0;  // 1-based
  std::string text;
  double change = 0.0;  // signed change of the smoothed series across the turn
};

// The emotional course of a relationship, a character or the whole story (arcs/).
struct Arc {
  // Relationships: "rising", "falling", "rise-then-fall", "fall-then-rise" or "flat". Story and
  // characters: one of Reagan et al.'s six ("rags-to-riches", "riches-to-rags",
  // "man-in-a-hole", "icarus", "cinderella", "oedipus") or "flat".
  std::string shape;
  double fit = 0.0;  // story and characters: correlation with the shape's template, else 0
  std::vector<ArcPoint> points;  // in story order
  std::vector<double> curve;  // story and characters: the smoothed series resampled; else empty
  std::vector<ArcTurn> turning_points;  // in story order
};

struct Character {
  std::string id;  // stable slug of the name: "theodore-twombly"
  std::string name;
  std::vector<std::string> aliases;  // other surface forms that refer to this character
  std::optional<std::string> actor;
  std::optional<std::string> credit;
  std::string description;
  Gender gender = Gender::unknown;
  std::vector<Mention> mentions;
  std::size_t dialogue_blocks = 0;
  // Screenplays only (0 for synopses): words spoken, scenes where the character speaks, scenes
  // where the character speaks or is named in the action, and the first and last of those
  // scenes (1-based indices into Analysis::scenes).
  std::size_t dialogue_words = 0;
  std::size_t speaking_scenes = 0;
  std::size_t present_scenes = 0;
  std::size_t first_scene = 0;
  std::size_t last_scene = 0;
  Centrality centrality;
  int community = 0;
  std::optional<Arc> arc;  // filled by apply_arcs when the character is in enough scenes
};

struct Evidence {
  std::size_t scene = 0;  // 1-based
  std::size_t line = 0;
  std::string text;
  std::string kind;  // the relationship kind this sentence supports, empty for co-occurrence
};

// Where a screenplay scene's text holds what joins two characters: their exchanges (a speech of
// one next to a speech of the other) and the action that names either of them (all of it when
// they are the scene's only characters). Byte ranges of Scene::text, ascending.
struct JoiningText {
  std::size_t scene = 0;  // 1-based
  std::vector<std::pair<std::size_t, std::size_t>> ranges;  // [begin, end)
};

struct Relationship {
  std::string source;  // character ids, source < target
  std::string target;
  double weight = 0.0;
  std::size_t shared_scenes = 0;
  // Screenplays only (0 for synopses): scenes where both speak, and the number of times one
  // speaks right after the other within a scene (consecutive speeches, either order).
  std::size_t shared_speaking_scenes = 0;
  std::size_t exchanges = 0;
  std::vector<std::string> kinds;  // strongest evidence first
  std::vector<Evidence> evidence;
  // Screenplays only, ascending by scene: the text of each shared scene that joins the two,
  // which their arc reads its valence from. Working data for the arcs, not exported.
  std::vector<JoiningText> joining;
  std::optional<Arc> arc;  // filled by apply_arcs
};

struct Scene {
  std::size_t index = 0;  // 1-based
  std::optional<std::string> heading;
  std::string section;
  LineSpan lines;
  std::string text;
  std::vector<std::string> characters;  // ids, in order of first mention
  // A synopsis's cast-list description rather than a moment of the story: it joins characters
  // in the graph but has no place in narrative time (arcs skip it).
  bool cast_description = false;
  // Screenplays only: who speaks (ids, in order of first speech), where and when (from the
  // heading), and what the scene holds.
  std::vector<std::string> speakers;
  std::optional<SceneSetting> setting;
  std::size_t dialogue_blocks = 0;
  std::size_t dialogue_words = 0;
  std::size_t action_words = 0;
  // Mean compound valence (-1..1) of the scene's sentences, from the sentence valence model
  // (sentiment/sentence_valence.h); 0 for a scene without words. Filled by
  // apply_themes_and_valence.
  double valence = 0.0;
  // The sentences that valence is the mean of, kept so that later stages (arcs quoting a
  // turning point) need not cut and score the text again. Filled by apply_themes_and_valence.
  std::optional<std::vector<SceneSentence>> sentences;
};

// One sentence supporting a theme tag.
struct ThemeEvidence {
  std::size_t scene = 0;  // 1-based
  std::string text;
  double weight = 0.0;  // the theme's weighted term matches in this sentence
};

// A theme the story is about (themes/theme_profile.h explains the score).
struct Theme {
  std::string tag;  // lower-case, hyphenated: "artificial-intelligence"
  double score = 0.0;  // 0..1
  std::vector<ThemeEvidence> evidence;  // strongest first
  std::vector<double> trajectory;  // intensity per tenth of the story, 0..1, peak = 1
};

// A label with how many scenes carry it ("INT" 120, "NIGHT" 40, "BLOOM HOUSE" 12).
struct SceneCount {
  std::string label;
  std::size_t scenes = 0;
};

// One speaker's share of the spoken words of a screenplay.
struct DialogueShare {
  std::string character;  // id
  std::size_t words = 0;
  std::size_t blocks = 0;
  double share = 0.0;  // words / all dialogue words, in [0, 1]
};

// The figures of one section of a screenplay (Fountain `#` headings); "" for scenes before any.
struct SectionStats {
  std::string section;
  std::size_t scenes = 0;  // with a heading, as in ScreenplayStats
  std::size_t lines = 0;
  double eighths = 0.0;
  std::size_t dialogue_blocks = 0;
  std::size_t dialogue_words = 0;
  std::size_t action_words = 0;
  std::size_t speakers = 0;  // distinct characters speaking in the section
};

// A screenwriter's figures for a screenplay; computed by screenplay_stats.h.
struct ScreenplayStats {
  std::size_t scenes = 0;          // units that open with a scene heading
  std::size_t unheaded_units = 0;  // material before the first heading that holds action or dialogue
  std::size_t lines = 0;         // sum of scene lengths in source lines
  double eighths = 0.0;          // sum of the scene lengths the source states, 0 when none
  std::size_t speakers = 0;      // characters with at least one speech
  std::size_t dialogue_blocks = 0;
  std::size_t dialogue_words = 0;
  std::size_t action_words = 0;
  double dialogue_ratio = 0.0;    // dialogue words / (dialogue + action words)
  // Over the scenes with a heading, most frequent first:
  std::vector<SceneCount> settings;      // "INT", "EXT", "INT/EXT", "" (no setting)
  std::vector<SceneCount> times_of_day;  // "DAY", "NIGHT", …, "" (none given)
  std::vector<SceneCount> locations;
  std::vector<DialogueShare> dialogue_shares;  // most words first
  std::vector<SectionStats> sections;          // in script order
};

// Whole-graph figures of the character graph; filled by apply_graph_metrics.
struct GraphSummary {
  std::size_t nodes = 0;
  std::size_t edges = 0;
  double density = 0.0;
  double average_clustering = 0.0;  // unweighted, as networkx average_clustering
  std::size_t diameter = 0;         // of the largest connected component, in hops
  double modularity = 0.0;          // weighted, of the community partition
  std::size_t communities = 0;
};

// The scene a narrative unit becomes (1-based `index`), before characters are placed in it.
Scene scene_from_unit(const NarrativeUnit& unit, std::size_t index);

struct Analysis {
  SourceInfo source;
  FilmInfo film;
  std::vector<Scene> scenes;
  std::vector<Character> characters;
  std::vector<Relationship> relationships;
  GraphSummary graph;
  std::optional<ScreenplayStats> stats;  // screenplays only
  std::vector<Theme> themes;  // highest score first; filled by apply_themes_and_valence
  std::optional<Arc> arc;  // the story's emotional arc; filled by apply_arcs
  std::vector<Diagnostic> diagnostics;
};

}  // namespace filmscope

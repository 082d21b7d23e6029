// Helpers for the report tests: counting markup, and analyses with arcs, themes and screenplay
// figures filled in by hand, so each figure can be checked against known counts.
#pragma once

#include <string>
#include <string_view>

#include "export/sample_analysis.h"
#include "model/analysis.h"

namespace filmscope::testing {

inline std::size_t occurrences(std::string_view haystack, std::string_view needle) {
  std::size_t count = 0;
  for (std::size_t at = haystack.find(needle); at != std::string_view::npos; at = haystack.find(needle, at + 1)) ++count;
  return count;
}

inline Arc sample_arc(const std::string& shape, std::size_t points, std::size_t turns) {
  Arc arc;
  arc.shape = shape;
  arc.fit = 0.8;
  for (std::size_t i = 0; i < points; ++i) {
    ArcPoint p;
    p.scene = i + 1;
    p.position = points > 1 ? static_cast<double>(i) / static_cast<double>(points - 1) : 0.0;
    p.valence = (i % 2 ? 0.4 : -0.3);
    p.smoothed = 0.5 - static_cast<double>(i) / static_cast<double>(points);
    arc.points.push_back(p);
  }
  for (std::size_t t = 0; t < turns && t < points; ++t) {
    ArcTurn turn;
    turn.scene = 1 + t * 2 % points;
    turn.text = "Turn <" + std::to_string(t) + "> & \"quote\"";
    turn.change = t % 2 ? 0.3 : -0.2;
    arc.turning_points.push_back(turn);
  }
  return arc;
}

// sample_analysis() with three themes, a story arc and arcs on two relationships.
inline Analysis sample_report_analysis() {
  Analysis a = sample_analysis();
  for (std::size_t i = 0; i < 3; ++i) {
    Theme theme;
    theme.tag = i == 0 ? "love<&>" : i == 1 ? "loneliness" : "technology";
    theme.score = 0.9 - 0.3 * static_cast<double>(i);
    for (std::size_t e = 0; e < 7; ++e) theme.evidence.push_back({1 + e % 3, "Evidence <b>" + std::to_string(e) + "</b>", 1.0});
    theme.trajectory = {0.1, 0.5, 1.0, 0.2, 0.0, 0.3, 0.6, 0.9, 0.4, 0.2};
    a.themes.push_back(theme);
  }
  a.arc = sample_arc("man-in-a-hole", 3, 2);
  a.relationships[0].arc = sample_arc("rising", 3, 1);
  a.relationships[2].arc = sample_arc("falling", 2, 0);
  a.scenes[1].characters = {"doc-brown", "chihiro", "nobody"};
  a.scenes[2].characters = {"amelie-poulain"};
  return a;
}

// A screenplay of `scenes` scenes where character k (of `characters`) is in every scene
// divisible by k + 1 and speaks in the even ones.
inline Analysis sample_screenplay_analysis(std::size_t scenes, std::size_t characters) {
  Analysis a;
  a.source.path = "scripts/sample.fountain";
  a.source.format = InputFormat::fountain;
  a.film.title = "Sample";
  for (std::size_t k = 0; k < characters; ++k) {
    Character c;
    c.id = "c" + std::to_string(k);
    c.name = "CHARACTER " + std::to_string(k);
    a.characters.push_back(c);
  }
  for (std::size_t i = 1; i <= scenes; ++i) {
    Scene s;
    s.index = i;
    s.heading = std::string(i % 3 ? "INT." : "EXT.") + " PLACE " + std::to_string(i) + (i % 2 ? " - DAY" : " - NIGHT");
    s.lines = {i * 10, i * 10 + i % 7};
    SceneSetting setting;
    setting.setting = i % 3 ? "INT" : "EXT";
    setting.time_of_day = i % 2 ? "DAY" : "NIGHT";
    s.setting = setting;
    for (std::size_t k = 0; k < characters; ++k) {
      if (i % (k + 1) != 0) continue;
      s.characters.push_back(a.characters[k].id);
      if (i % 2 == 0) s.speakers.push_back(a.characters[k].id);
    }
    a.scenes.push_back(s);
  }
  ScreenplayStats stats;
  stats.scenes = scenes;
  stats.dialogue_words = 1000;
  stats.dialogue_ratio = 0.4;
  stats.settings = {{"INT", scenes - scenes / 3}, {"EXT", scenes / 3}};
  stats.times_of_day = {{"DAY", (scenes + 1) / 2}, {"NIGHT", scenes / 2}};
  for (std::size_t k = 0; k < characters; ++k)
    stats.dialogue_shares.push_back({a.characters[k].id, 100 / (k + 1), 10, 0.1 / static_cast<double>(k + 1)});
  a.stats = stats;
  for (std::size_t k = 1; k < characters; ++k) {
    Relationship r;
    r.source = a.characters[0].id;
    r.target = a.characters[k].id;
    r.weight = static_cast<double>(characters - k);
    r.shared_scenes = 1;
    a.relationships.push_back(r);
  }
  apply_graph_metrics(a);
  return a;
}

}  // namespace filmscope::testing

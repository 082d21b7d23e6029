// Analysis → ScreenplayStats. See screenplay_stats.h for the method and its limits.
#include "analysis/screenplay_stats.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "text/string_lookup.h"
#include "text/unicode_text.h"

namespace filmscope {

namespace {

// Counts labels in order of first use, then sorts most frequent first (stable).
class LabelCounter {
 public:
  void add(std::string_view label) {
    auto it = index_.find(label);
    if (it == index_.end()) {
      it = index_.emplace(std::string(label), counts_.size()).first;
      counts_.push_back({std::string(label), 0});
    }
    counts_[it->second].scenes += 1;
  }

  std::vector<SceneCount> most_first() const {
    std::vector<SceneCount> out = counts_;
    std::stable_sort(out.begin(), out.end(),
                     [](const SceneCount& a, const SceneCount& b) { return a.scenes > b.scenes; });
    return out;
  }

 private:
  StringMap<std::size_t> index_;
  std::vector<SceneCount> counts_;
};

std::string location_label(std::string_view location) {
  std::string label = collapse_whitespace(location);
  for (char& c : label)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return label;
}

// "NIGHT [CONTINUOUS]", "(PRESENT) DAY", "DAY / DRIVING" → "NIGHT", "DAY", "DAY": the
// breakdown counts the time of day, not the writer's annotations on it.
std::string time_label(std::string_view time) {
  std::string plain;
  int depth = 0;
  for (char c : time) {
    if (c == '(' || c == '[') ++depth;
    if (depth == 0) plain.push_back(c);
    if ((c == ')' || c == ']') && depth > 0) --depth;
  }
  plain = plain.substr(0, plain.find('/'));
  std::string label = location_label(plain);
  return label.empty() ? location_label(time) : label;
}

}  // namespace

ScreenplayStats compute_screenplay_stats(const Analysis& analysis) {
  ScreenplayStats stats;
  LabelCounter settings;
  LabelCounter times;
  LabelCounter locations;
  const SceneSetting no_setting;
  StringMap<std::size_t> section_index;
  // Ids point into the analysis, which outlives the sets.
  std::vector<std::unordered_set<std::string_view>> section_speakers;
  for (const Scene& scene : analysis.scenes) {
    const std::size_t length = scene.lines.last >= scene.lines.first ? scene.lines.last - scene.lines.first + 1 : 0;
    const double eighths = scene.setting ? scene.setting->eighths : 0.0;
    stats.lines += length;
    stats.eighths += eighths;
    stats.dialogue_blocks += scene.dialogue_blocks;
    stats.dialogue_words += scene.dialogue_words;
    stats.action_words += scene.action_words;
    const bool headed = scene.heading.has_value();
    if (headed) {
      stats.scenes += 1;
      const SceneSetting& setting = scene.setting ? *scene.setting : no_setting;
      settings.add(setting.setting);
      times.add(time_label(setting.time_of_day));
      std::string location = location_label(setting.location);
      if (!location.empty()) locations.add(location);
    } else {
      stats.unheaded_units += 1;
    }

    auto it = section_index.find(scene.section);
    const bool inserted = it == section_index.end();
    if (inserted) it = section_index.emplace(scene.section, stats.sections.size()).first;
    if (inserted) {
      stats.sections.push_back({});
      stats.sections.back().section = scene.section;
      section_speakers.emplace_back();
    }
    SectionStats& section = stats.sections[it->second];
    section.scenes += headed ? 1 : 0;
    section.lines += length;
    section.eighths += eighths;
    section.dialogue_blocks += scene.dialogue_blocks;
    section.dialogue_words += scene.dialogue_words;
    section.action_words += scene.action_words;
    for (const auto& id : scene.speakers) section_speakers[it->second].insert(id);
  }
  for (std::size_t s = 0; s < stats.sections.size(); ++s) stats.sections[s].speakers = section_speakers[s].size();
  stats.settings = settings.most_first();
  stats.times_of_day = times.most_first();
  stats.locations = locations.most_first();

  const std::size_t all_words = stats.dialogue_words + stats.action_words;
  stats.dialogue_ratio = all_words == 0 ? 0.0 : static_cast<double>(stats.dialogue_words) / static_cast<double>(all_words);
  for (const Character& c : analysis.characters) {
    if (c.dialogue_blocks == 0) continue;
    stats.speakers += 1;
    DialogueShare share;
    share.character = c.id;
    share.words = c.dialogue_words;
    share.blocks = c.dialogue_blocks;
    share.share = stats.dialogue_words == 0 ? 0.0 : static_cast<double>(c.dialogue_words) / static_cast<double>(stats.dialogue_words);
    stats.dialogue_shares.push_back(std::move(share));
  }
  std::stable_sort(stats.dialogue_shares.begin(), stats.dialogue_shares.end(),
                   [](const DialogueShare& a, const DialogueShare& b) { return a.words > b.words; });
  return stats;
}

}  // namespace filmscope

// Narrative positions of scenes; see narrative_time.h.
#include "arcs/narrative_time.h"

namespace filmscope {

NarrativeTime::NarrativeTime(const std::vector<Scene>& scenes) : ordinal_(scenes.size()) {
  for (std::size_t i = 0; i < scenes.size(); ++i)
    if (!scenes[i].cast_description) ordinal_[i] = count_++;
}

std::optional<double> NarrativeTime::position(std::size_t scene) const {
  if (scene >= ordinal_.size() || !ordinal_[scene]) return std::nullopt;
  if (count_ < 2) return 0.0;
  return static_cast<double>(*ordinal_[scene]) / static_cast<double>(count_ - 1);
}

}  // namespace filmscope

// Narrative positions of scenes; see narrative_time.h.
#include "arcs/narrative_time.h"

namespace filmscope {

NarrativeTime::NarrativeTime(const std::vector<Scene>& scenes) : position_(scenes.size()) {
  for (const Scene& scene : scenes)
    if (!scene.cast_description) ++count_;
  std::size_t ordinal = 0;
  for (std::size_t i = 0; i < scenes.size(); ++i) {
    if (scenes[i].cast_description) continue;
    position_[i] = count_ < 2 ? 0.0 : static_cast<double>(ordinal) / static_cast<double>(count_ - 1);
    ++ordinal;
  }
}

}  // namespace filmscope

// Narrative time: where each scene of an Analysis falls in the story, for arcs.
//
// Takes: the scenes of an Analysis. Produces: each narrative scene's ordinal and its position
// in 0..1 (first narrative scene 0, last 1). A synopsis's cast-list descriptions
// (Scene::cast_description) are not moments of the story and get no place.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "model/analysis.h"

namespace filmscope {

class NarrativeTime {
 public:
  explicit NarrativeTime(const std::vector<Scene>& scenes);

  std::size_t count() const { return count_; }
  // Position of the scene at 0-based index `scene`, or nullopt for a cast description. Arcs ask
  // for it once per scene of every pair, so it is worked out once, here.
  std::optional<double> position(std::size_t scene) const {
    return scene < position_.size() ? position_[scene] : std::nullopt;
  }

 private:
  std::vector<std::optional<double>> position_;  // per scene
  std::size_t count_ = 0;
};

}  // namespace filmscope

// Narrative time: each scene's place in the story, cast-list descriptions having none.
#include <vector>

#include <catch2/catch.hpp>

#include "arcs/narrative_time.h"

using namespace filmscope;

TEST_CASE("narrative scenes are spread over 0..1 and cast descriptions have no place", "[arcs][time]") {
  std::vector<Scene> scenes(5);
  scenes[0].cast_description = true;
  scenes[3].cast_description = true;
  const NarrativeTime time(scenes);
  CHECK(time.count() == 3);
  CHECK_FALSE(time.position(0));
  CHECK(time.position(1) == 0.0);
  CHECK(time.position(2) == 0.5);
  CHECK_FALSE(time.position(3));
  CHECK(time.position(4) == 1.0);
  CHECK_FALSE(time.position(5));  // past the scenes
}

TEST_CASE("a story of one narrative scene places it at 0", "[arcs][time]") {
  std::vector<Scene> scenes(2);
  scenes[1].cast_description = true;
  const NarrativeTime time(scenes);
  CHECK(time.count() == 1);
  CHECK(time.position(0) == 0.0);
  CHECK(NarrativeTime({}).count() == 0);
}

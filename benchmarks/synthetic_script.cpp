// Synthetic Fountain screenplay. See synthetic_script.h.
#include "synthetic_script.h"

#include <array>
#include <cstdint>
#include <string_view>

namespace filmscope::bench {

namespace {

constexpr std::size_t kScenes = 120;
constexpr std::size_t kSections = 4;

constexpr std::array<std::string_view, 12> kNames{
    "EDNA", "WALTER", "MARGARET ROSS", "DR. OKAFOR", "TOMMY", "LUCILLE",
    "HANK", "PRIYA", "OLD MAN FINCH", "JOSIE", "GRAHAM", "NURSE ABERNATHY"};
constexpr std::array<std::string_view, 12> kDisplay{
    "Edna", "Walter", "Margaret Ross", "Dr. Okafor", "Tommy", "Lucille",
    "Hank", "Priya", "Old Man Finch", "Josie", "Graham", "Nurse Abernathy"};
constexpr std::array<std::string_view, 4> kSettings{"INT.", "EXT.", "INT./EXT.", "INT."};
constexpr std::array<std::string_view, 10> kLocations{
    "KITCHEN", "RIVER BANK", "HOSPITAL CORRIDOR", "OLD BARN", "DINER",
    "TRAIN PLATFORM", "MOTEL ROOM", "CORNFIELD", "POLICE STATION", "CAR"};
constexpr std::array<std::string_view, 6> kTimes{"DAY", "NIGHT", "DUSK", "CONTINUOUS", "MORNING", "LATER"};
constexpr std::array<std::string_view, 8> kActions{
    "rain drums on the roof while the radio mutters the late news",
    "a door slams somewhere upstairs and nobody moves",
    "the coffee has gone cold in both cups",
    "headlights sweep across the wall and vanish",
    "a dog barks twice, far off, then silence",
    "the clock on the wall is ten minutes fast, as always",
    "wind pushes the screen door open and shut",
    "somebody has left the television on with the sound off"};
constexpr std::array<std::string_view, 10> kLines{
    "I told you we should have left before dark.",
    "You never listen to a single word I say, do you?",
    "Maybe. Maybe not. Does it matter now?",
    "Hand me the keys.",
    "There's a fish in that river nobody has ever caught.",
    "We don't have time for one of your stories.",
    "I'm not going back there. Not tonight, not ever.",
    "Then what are we doing here?",
    "Listen. Just for once, listen.",
    "Fine."};
constexpr std::array<std::string_view, 4> kExtensions{"", " (V.O.)", " (O.S.)", " (CONT'D)"};

// A small linear congruential generator: deterministic and local to one generation.
class Sequence {
 public:
  std::size_t next(std::size_t bound) {
    state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::size_t>((state_ >> 33) % bound);
  }

 private:
  std::uint64_t state_ = 0x5EEDF15EULL;
};

}  // namespace

std::string synthetic_scenes() {
  Sequence seq;
  std::string out;
  out.reserve(64 * 1024);
  for (std::size_t scene = 0; scene < kScenes; ++scene) {
    if (scene % (kScenes / kSections) == 0)
      out += "# Act " + std::to_string(scene / (kScenes / kSections) + 1) + "\n\n";
    out += std::string(kSettings[seq.next(kSettings.size())]) + " " +
           std::string(kLocations[seq.next(kLocations.size())]) + " - " +
           std::string(kTimes[seq.next(kTimes.size())]) + "\n\n";
    const std::size_t a = seq.next(kNames.size());
    const std::size_t b = (a + 1 + seq.next(kNames.size() - 1)) % kNames.size();
    // The first scene of a character introduces them in capitals; later ones name them.
    out += std::string(kNames[a]) + ", 40s, waits by the window; " + std::string(kActions[seq.next(kActions.size())]) +
           ". " + std::string(kDisplay[b]) + " comes in.\n\n";
    const std::size_t speeches = 3 + seq.next(6);
    for (std::size_t s = 0; s < speeches; ++s) {
      const std::size_t who = s % 2 == 0 ? a : b;
      out += std::string(kNames[who]) + std::string(kExtensions[seq.next(kExtensions.size())]) + "\n";
      if (seq.next(4) == 0) out += "(quietly)\n";
      out += std::string(kLines[seq.next(kLines.size())]) + " " + std::string(kLines[seq.next(kLines.size())]) + "\n\n";
      if (seq.next(5) == 0)
        out += std::string(kDisplay[who]) + " looks away. " + std::string(kActions[seq.next(kActions.size())]) + ".\n\n";
    }
    if (seq.next(6) == 0) {
      out += std::string(kNames[(a + 2) % kNames.size()]) + "\nNow!\n\n" +
             std::string(kNames[(a + 3) % kNames.size()]) + " ^\nNow!\n\n";
    }
    if (seq.next(3) == 0) out += "CUT TO:\n\n";
  }
  return out;
}

std::string synthetic_script(std::size_t target_bytes) {
  const std::string scenes = synthetic_scenes();
  std::string out = "Title: Synthetic\nAuthor: filmscope benchmarks\n\n";
  out.reserve(target_bytes + scenes.size());
  while (out.size() < target_bytes) out += scenes;
  return out;
}

}  // namespace filmscope::bench

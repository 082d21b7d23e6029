// libFuzzer entry point: raw bytes through the fdx path (see fuzz_harness.h).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_harness.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  filmscope::fuzz::exercise_input(filmscope::fuzz::FuzzTarget::fdx,
                                  std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}

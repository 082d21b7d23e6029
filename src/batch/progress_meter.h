// The batch progress line on stderr: a bar, files done of the total, files/s, MB/s and the
// estimated time left, redrawn in place with '\r' at most every kRedrawInterval.
//
// Takes: the total, then each finished input's size. Produces: text on the stream it was given,
// only when enabled (the CLI enables it when stderr is a terminal and --quiet is not given),
// so logs and pipes never receive carriage-return noise. Not thread-safe: the batch runner
// calls it from its consuming thread only.
#pragma once

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>

namespace filmscope::batch {

inline constexpr std::chrono::milliseconds kRedrawInterval{200};

class ProgressMeter {
 public:
  ProgressMeter(std::FILE* stream, bool enabled, std::size_t total);

  void advance(std::uintmax_t bytes);
  void redraw(bool force = false);
  // Draws the final state and ends the line.
  void finish();

  // The line for the given state, without '\r' (exposed for tests).
  static std::string format_line(std::size_t done, std::size_t total, std::uintmax_t bytes,
                                 double seconds);

 private:
  std::FILE* stream_;
  bool enabled_;
  std::size_t total_;
  std::size_t done_ = 0;
  std::uintmax_t bytes_ = 0;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
  bool drawn_ = false;
};

}  // namespace filmscope::batch

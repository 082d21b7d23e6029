// The progress line (see progress_meter.h).
#include "batch/progress_meter.h"

#include <cmath>

namespace filmscope::batch {

namespace {
constexpr int kBarWidth = 24;

std::string fixed(double value, int decimals) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  return buffer;
}

std::string clock_time(double seconds) {
  long total = static_cast<long>(std::llround(seconds));
  char buffer[32];
  if (total >= 3600)
    std::snprintf(buffer, sizeof buffer, "%ld:%02ld:%02ld", total / 3600, total / 60 % 60, total % 60);
  else
    std::snprintf(buffer, sizeof buffer, "%ld:%02ld", total / 60, total % 60);
  return buffer;
}
}  // namespace

ProgressMeter::ProgressMeter(std::FILE* stream, bool enabled, std::size_t total)
    : stream_(stream), enabled_(enabled), total_(total), start_(std::chrono::steady_clock::now()),
      last_draw_(start_) {}

void ProgressMeter::advance(std::uintmax_t bytes) {
  ++done_;
  bytes_ += bytes;
  redraw();
}

void ProgressMeter::redraw(bool force) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (!force && drawn_ && now - last_draw_ < kRedrawInterval) return;
  last_draw_ = now;
  drawn_ = true;
  double seconds = std::chrono::duration<double>(now - start_).count();
  std::string line = "\r" + format_line(done_, total_, bytes_, seconds) + "\x1b[K";
  std::fputs(line.c_str(), stream_);
  std::fflush(stream_);
}

void ProgressMeter::finish() {
  if (!enabled_) return;
  redraw(true);
  std::fputs("\n", stream_);
  std::fflush(stream_);
}

std::string ProgressMeter::format_line(std::size_t done, std::size_t total, std::uintmax_t bytes,
                                       double seconds) {
  double fraction = total == 0 ? 1.0 : static_cast<double>(done) / static_cast<double>(total);
  int filled = static_cast<int>(fraction * kBarWidth);
  std::string bar = "[" + std::string(static_cast<std::size_t>(filled), '#') +
                    std::string(static_cast<std::size_t>(kBarWidth - filled), '.') + "]";
  std::string line = bar + " " + std::to_string(done) + "/" + std::to_string(total) + " files";
  if (seconds > 0.0) {
    double files_per_second = static_cast<double>(done) / seconds;
    line += "  " + fixed(files_per_second, 1) + " files/s";
    line += "  " + fixed(static_cast<double>(bytes) / 1e6 / seconds, 1) + " MB/s";
    if (done > 0 && done < total)
      line += "  ETA " + clock_time(static_cast<double>(total - done) / files_per_second);
  }
  return line;
}

}  // namespace filmscope::batch

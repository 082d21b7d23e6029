// Writes a file so that readers only ever see the old content or the complete new one: the
// data goes to a temporary file in the same directory, is flushed to disk, then renamed over
// the destination. A failed write leaves no temporary file behind. An existing device or FIFO
// (-o /dev/null, -o /dev/full) is written in place instead, never replaced.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace filmscope {

enum class Durability {
  // The data is flushed to disk before the rename, and the directory after it: once the call
  // returns, the new file survives a power failure.
  flushed,
  // Only the rename: readers and a killed process still see the old or the whole new file, but
  // after a power failure the file may be missing or empty until the file system has been
  // flushed (flush_file_system). For a caller that writes many files and flushes once for all
  // of them before it records them as complete (batch checkpoints).
  renamed,
};

// Returns an empty string on success, otherwise a short description of the failure.
std::string write_file_atomically(const std::filesystem::path& path, std::string_view content,
                                  Durability durability = Durability::flushed);

// Flushes every file and rename on the file system that holds `directory` to disk (syncfs).
// Returns an empty string on success, otherwise a short description of the failure.
std::string flush_file_system(const std::filesystem::path& directory);

}  // namespace filmscope

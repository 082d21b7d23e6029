// Writes a file so that readers only ever see the old content or the complete new one: the
// data goes to a temporary file in the same directory, is flushed to disk, then renamed over
// the destination. A failed write leaves no temporary file behind. An existing device or FIFO
// (-o /dev/null, -o /dev/full) is written in place instead, never replaced.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace filmscope {

// Returns an empty string on success, otherwise a short description of the failure.
std::string write_file_atomically(const std::filesystem::path& path, std::string_view content);

}  // namespace filmscope

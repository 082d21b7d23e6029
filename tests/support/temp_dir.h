// A directory under the system temp dir for one test, removed with its contents afterwards.
#pragma once

#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <string_view>

namespace filmscope::testing {

class TempDir {
 public:
  explicit TempDir(std::string_view tag = "test") {
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() /
            ("filmscope-" + std::string(tag) + "-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(path_);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir() {
    // Tests may remove write permission to provoke failures; give it back before cleaning up.
    std::error_code ignored;
    std::filesystem::permissions(path_, std::filesystem::perms::owner_all,
                                 std::filesystem::perm_options::add, ignored);
    std::filesystem::remove_all(path_, ignored);
  }

  const std::filesystem::path& path() const { return path_; }

  // Writes `bytes` to a file in the directory and returns its path.
  std::filesystem::path write(const std::string& name, std::string_view bytes) const {
    auto file = path_ / name;
    std::ofstream out(file, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return file;
  }

 private:
  std::filesystem::path path_;
};

}  // namespace filmscope::testing

// Atomic writes: content lands complete, modes survive a rewrite, failures leave no temporary.
#include "io/atomic_write.h"

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <csignal>
#include <random>

#include "support/temp_dir.h"
#include "support/test_paths.h"

namespace {

using filmscope::write_file_atomically;
using filmscope::testing::read_file;

using filmscope::testing::TempDir;

std::vector<std::string> entries(const std::filesystem::path& directory) {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(directory)) {
    names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace

TEST_CASE("writes a new file with exactly the given content", "[atomic_write]") {
  TempDir dir;
  auto path = dir.path() / "graph.json";
  std::string content = "{\n  \"characters\": [\"REGGIE\", \"PETER\"]\n}\n";
  CHECK(write_file_atomically(path, content).empty());
  CHECK(read_file(path) == content);
  CHECK(entries(dir.path()) == std::vector<std::string>{"graph.json"});
}

TEST_CASE("replaces an existing file and keeps its permission bits", "[atomic_write]") {
  TempDir dir;
  auto path = dir.path() / "report.txt";
  REQUIRE(write_file_atomically(path, "old report, somewhat longer than the new one\n").empty());
  std::filesystem::permissions(path, std::filesystem::perms::owner_read |
                                         std::filesystem::perms::owner_write |
                                         std::filesystem::perms::group_read);
  CHECK(write_file_atomically(path, "new\n").empty());
  CHECK(read_file(path) == "new\n");
  auto perms = std::filesystem::status(path).permissions();
  CHECK(perms == (std::filesystem::perms::owner_read | std::filesystem::perms::owner_write |
                  std::filesystem::perms::group_read));
  CHECK(entries(dir.path()) == std::vector<std::string>{"report.txt"});
}

TEST_CASE("writes empty and large content", "[atomic_write]") {
  TempDir dir;
  CHECK(write_file_atomically(dir.path() / "empty.txt", "").empty());
  CHECK(std::filesystem::file_size(dir.path() / "empty.txt") == 0);

  std::string large;
  std::mt19937 random(7);
  for (int i = 0; i < (8 << 20); ++i) large += static_cast<char>(random() % 256);
  CHECK(write_file_atomically(dir.path() / "large.bin", large).empty());
  CHECK(read_file(dir.path() / "large.bin") == large);
  CHECK(entries(dir.path()).size() == 2);
}

TEST_CASE("failures return a message and leave nothing behind", "[atomic_write][errors]") {
  TempDir dir;
  SECTION("missing directory") {
    auto message = write_file_atomically(dir.path() / "no-such-dir" / "out.dot", "digraph {}");
    CHECK_FALSE(message.empty());
    CHECK(entries(dir.path()).empty());
  }
  SECTION("destination is a directory") {
    std::filesystem::create_directory(dir.path() / "exports");
    auto message = write_file_atomically(dir.path() / "exports", "x");
    CHECK(message.find("directory") != std::string::npos);
    CHECK(entries(dir.path()) == std::vector<std::string>{"exports"});
    CHECK(std::filesystem::is_directory(dir.path() / "exports"));
  }
  SECTION("read-only directory") {
    auto locked = dir.path() / "locked";
    std::filesystem::create_directory(locked);
    std::filesystem::permissions(
        locked, std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec);
    if (::geteuid() == 0) {
      WARN("running as root: directory permissions do not apply, read-only case not tested");
      return;
    }
    auto message = write_file_atomically(locked / "out.txt", "x");
    CHECK_FALSE(message.empty());
    CHECK(entries(locked).empty());
  }
  SECTION("no file name") {
    CHECK_FALSE(write_file_atomically(dir.path() / "", "x").empty());
    CHECK(entries(dir.path()).empty());
  }
}

TEST_CASE("a write that fails after the temporary exists removes it", "[atomic_write][errors]") {
  // A file-size limit makes write(2) fail with EFBIG part-way through, after the temporary has
  // been created. SIGXFSZ would otherwise kill the process, so it is ignored for the duration.
  TempDir dir;
  auto path = dir.path() / "big.txt";
  REQUIRE(write_file_atomically(path, "previous content\n").empty());

  struct rlimit saved {};
  REQUIRE(::getrlimit(RLIMIT_FSIZE, &saved) == 0);
  auto previous_handler = std::signal(SIGXFSZ, SIG_IGN);
  struct rlimit small = saved;
  small.rlim_cur = 1024;
  REQUIRE(::setrlimit(RLIMIT_FSIZE, &small) == 0);
  std::string message = write_file_atomically(path, std::string(64 * 1024, 'x'));
  ::setrlimit(RLIMIT_FSIZE, &saved);
  std::signal(SIGXFSZ, previous_handler);

  CHECK_FALSE(message.empty());
  CHECK(read_file(path) == "previous content\n");
  CHECK(entries(dir.path()) == std::vector<std::string>{"big.txt"});
}

TEST_CASE("devices and FIFOs are written in place, never replaced", "[atomic_write][errors]") {
  struct stat before {};
  REQUIRE(::stat("/dev/null", &before) == 0);
  CHECK(write_file_atomically("/dev/null", "discarded\n").empty());
  struct stat after {};
  REQUIRE(::stat("/dev/null", &after) == 0);
  CHECK(S_ISCHR(after.st_mode));
  CHECK(after.st_ino == before.st_ino);

  // /dev/full accepts the open and refuses every write with ENOSPC: a disk that is full.
  std::string message = write_file_atomically("/dev/full", "lost\n");
  CHECK(message.find("write failed") != std::string::npos);
  REQUIRE(::stat("/dev/full", &after) == 0);
  CHECK(S_ISCHR(after.st_mode));

  TempDir dir;
  auto fifo = dir.path() / "pipe";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  // O_RDWR keeps the FIFO open for reading, so the writer neither blocks nor gets SIGPIPE.
  int reader = ::open(fifo.c_str(), O_RDWR | O_NONBLOCK);
  REQUIRE(reader >= 0);
  CHECK(write_file_atomically(fifo, "through\n").empty());
  char buffer[16] = {};
  CHECK(::read(reader, buffer, sizeof buffer) == 8);
  ::close(reader);
  struct stat fifo_after {};
  REQUIRE(::stat(fifo.c_str(), &fifo_after) == 0);
  CHECK(S_ISFIFO(fifo_after.st_mode));
}

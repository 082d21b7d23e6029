// Atomic file writing (see atomic_write.h for the contract).
//
// Method: create `.<name>.tmp-<pid>-<random>` in the destination's directory with O_EXCL (so
// two writers never share a temporary), write everything, fsync, close, then rename(2) over the
// destination, which POSIX makes atomic within one file system; finally fsync the directory so
// the rename itself survives a crash. With Durability::renamed both flushes are left to the
// caller, who flushes the whole file system once (syncfs) for many files. An existing
// destination's permission bits are copied to the temporary first, so rewriting a file does
// not change its mode. On any failure the temporary is removed and a message naming the failed
// step is returned.
//
// A destination that already exists and is not a regular file or directory — a device such as
// /dev/null or /dev/full, a FIFO, a socket — is a stream, not a file: it is written in place,
// since renaming over it would replace the device node (for root) with a regular file, and a
// stream has no "old content" to protect.
//
// Limits: a destination that is a symbolic link to a regular file is replaced by a regular
// file (the link is not followed); POSIX only.
#include "io/atomic_write.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <random>

namespace filmscope {
namespace {

// Attempts at finding an unused temporary name; a clash needs the same pid and the same
// 64-bit random tag, so more than one retry means something else is wrong.
constexpr int kTemporaryNameAttempts = 8;

std::string describe(std::string_view step, int error) {
  return std::string(step) + ": " + std::strerror(error);
}

std::filesystem::path temporary_path(const std::filesystem::path& directory,
                                     const std::string& name, std::mt19937_64& random) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::uint64_t tag = random();
  std::string hex;
  for (int shift = 60; shift >= 0; shift -= 4) hex += kHex[(tag >> shift) & 0xF];
  return directory / ("." + name + ".tmp-" + std::to_string(::getpid()) + "-" + hex);
}

bool write_all(int fd, std::string_view content) {
  while (!content.empty()) {
    ssize_t written = ::write(fd, content.data(), content.size());
    if (written < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    content.remove_prefix(static_cast<std::size_t>(written));
  }
  return true;
}

// Best effort: some file systems refuse fsync on directories, and the data is already safe.
void sync_directory(const std::filesystem::path& directory) {
  int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

std::string write_to_stream(const std::filesystem::path& path, std::string_view content) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
  if (fd < 0) return describe("cannot open for writing", errno);
  bool written = write_all(fd, content);
  int error = errno;
  if (::close(fd) != 0 && written) return describe("write failed", errno);
  return written ? std::string() : describe("write failed", error);
}

}  // namespace

std::string write_file_atomically(const std::filesystem::path& path, std::string_view content,
                                  Durability durability) {
  std::string name = path.filename().string();
  if (name.empty() || name == "." || name == "..") return "is not a file name";
  std::filesystem::path directory = path.parent_path();
  if (directory.empty()) directory = ".";

  struct stat existing {};
  bool has_existing = ::stat(path.c_str(), &existing) == 0;
  if (has_existing && S_ISDIR(existing.st_mode)) return "is a directory";
  if (has_existing && !S_ISREG(existing.st_mode)) return write_to_stream(path, content);

  // One generator per thread, seeded once: a random_device per call is a system call per file,
  // and a batch writes several files per input.
  thread_local std::mt19937_64 random = [] {
    std::random_device seed_source;
    return std::mt19937_64((std::uint64_t{seed_source()} << 32) ^ seed_source());
  }();
  std::filesystem::path temporary;
  int fd = -1;
  for (int attempt = 0; attempt < kTemporaryNameAttempts && fd < 0; ++attempt) {
    temporary = temporary_path(directory, name, random);
    fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0 && errno != EEXIST) return describe("cannot create a file in its directory", errno);
  }
  if (fd < 0) return "cannot create a temporary file: every name tried was taken";

  auto abandon = [&](std::string_view step, int error) {
    if (fd >= 0) ::close(fd);
    ::unlink(temporary.c_str());
    return describe(step, error);
  };

  if (has_existing && S_ISREG(existing.st_mode) && ::fchmod(fd, existing.st_mode & 07777) != 0) {
    return abandon("cannot set permissions", errno);
  }
  if (!write_all(fd, content)) return abandon("write failed", errno);
  if (durability == Durability::flushed && ::fsync(fd) != 0) return abandon("cannot flush to disk", errno);
  int closing = ::close(fd);
  fd = -1;
  if (closing != 0) return abandon("write failed", errno);
  if (::rename(temporary.c_str(), path.c_str()) != 0) {
    return abandon("cannot replace the file", errno);
  }
  if (durability == Durability::flushed) sync_directory(directory);
  return {};
}

std::string flush_file_system(const std::filesystem::path& directory) {
  int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return describe("cannot open the directory", errno);
  int flushed = ::syncfs(fd);
  int error = errno;
  ::close(fd);
  return flushed == 0 ? std::string() : describe("cannot flush to disk", error);
}

}  // namespace filmscope

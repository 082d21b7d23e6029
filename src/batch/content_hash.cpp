// FNV-1a fingerprints of input files (see content_hash.h).
#include "batch/content_hash.h"

#include <fstream>
#include <vector>

namespace filmscope::batch {

namespace {
// Read size for hashing: large enough for throughput, small enough to keep per-worker memory
// constant however big the input, and cheap to set up for every input, however small (a
// 1 MiB buffer, zeroed for each of a corpus's thousands of files, cost more than hashing them).
constexpr std::size_t kHashChunkBytes = std::size_t{64} << 10;
}  // namespace

std::uint64_t fnv1a64(std::string_view bytes, std::uint64_t hash) {
  for (unsigned char c : bytes) {
    hash ^= c;
    hash *= kFnvPrime;
  }
  return hash;
}

std::optional<ContentFingerprint> fingerprint_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  ContentFingerprint print;
  std::vector<char> buffer(kHashChunkBytes);
  while (in) {
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    std::streamsize got = in.gcount();
    if (got <= 0) break;
    print.hash = fnv1a64(std::string_view(buffer.data(), static_cast<std::size_t>(got)), print.hash);
    print.bytes += static_cast<std::uintmax_t>(got);
  }
  if (in.bad()) return std::nullopt;
  return print;
}

std::string to_hex(std::uint64_t value) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i) {
    out[static_cast<std::size_t>(i)] = kHex[value & 0xF];
    value >>= 4;
  }
  return out;
}

}  // namespace filmscope::batch

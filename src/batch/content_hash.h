// Content fingerprints for `filmscope batch --resume`: whether an input changed since its result
// was written.
//
// Takes bytes (or a file). Produces a 64-bit FNV-1a hash and the byte count. Method: FNV-1a
// over every byte, read in fixed-size chunks so memory does not grow with the file. Limits:
// FNV-1a is not cryptographic; a deliberate collision could make --resume keep a stale result,
// which is acceptable for detecting edits to one's own corpus.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace filmscope::batch {

inline constexpr std::uint64_t kFnvOffsetBasis = 14695981039346656037ull;
inline constexpr std::uint64_t kFnvPrime = 1099511628211ull;

// Continues a hash over `bytes`; start with kFnvOffsetBasis.
std::uint64_t fnv1a64(std::string_view bytes, std::uint64_t hash = kFnvOffsetBasis);

struct ContentFingerprint {
  std::uint64_t hash = kFnvOffsetBasis;
  std::uintmax_t bytes = 0;
};

// Nullopt when the file cannot be read.
std::optional<ContentFingerprint> fingerprint_file(const std::filesystem::path& path);

// 16 lower-case hex digits.
std::string to_hex(std::uint64_t value);

}  // namespace filmscope::batch

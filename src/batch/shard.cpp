// Shard assignment by path hash (see shard.h).
#include "batch/shard.h"

#include <charconv>

#include "batch/content_hash.h"

namespace filmscope::batch {

namespace {
// A shard count beyond any job array's size is a typo, not a plan.
constexpr std::size_t kMaxShards = 1'000'000;

std::optional<std::size_t> parse_count(std::string_view text) {
  if (text.empty()) return std::nullopt;
  std::size_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}
}  // namespace

std::optional<ShardSpec> parse_shard_spec(std::string_view text) {
  std::size_t slash = text.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  auto index = parse_count(text.substr(0, slash));
  auto count = parse_count(text.substr(slash + 1));
  if (!index || !count || *count == 0 || *count > kMaxShards || *index >= *count) return std::nullopt;
  return ShardSpec{*index, *count};
}

bool in_shard(std::string_view relative_path, const ShardSpec& shard) {
  if (shard.count <= 1) return true;
  return fnv1a64(relative_path) % shard.count == shard.index;
}

}  // namespace filmscope::batch

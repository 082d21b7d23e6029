// Sharding a batch for job arrays (Slurm --array, Kubernetes indexed Jobs): `--shard I/N` keeps
// the inputs whose relative path hashes to I modulo N.
//
// Takes the shard specification and relative paths. Produces a yes/no per input. Method: FNV-1a
// of the relative path (not the position in the sorted list), so an input stays in its shard
// when other files are added or removed, and every shard sees the same assignment without
// coordinating. Limits: shards are balanced in file count only on average, not in bytes.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace filmscope::batch {

struct ShardSpec {
  std::size_t index = 0;  // 0-based, < count
  std::size_t count = 1;
};

// Parses "I/N" with 0 <= I < N; nullopt for anything else.
std::optional<ShardSpec> parse_shard_spec(std::string_view text);

bool in_shard(std::string_view relative_path, const ShardSpec& shard);

}  // namespace filmscope::batch

// Hash containers keyed by std::string that can be searched with a std::string_view, so that
// looking up a word cut from a text does not copy it into a std::string first (C++20
// heterogeneous lookup: a transparent hash and std::equal_to<>).
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace filmscope {

struct StringViewHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const noexcept { return std::hash<std::string_view>{}(text); }
};

template <typename Value>
using StringMap = std::unordered_map<std::string, Value, StringViewHash, std::equal_to<>>;

using StringSet = std::unordered_set<std::string, StringViewHash, std::equal_to<>>;

}  // namespace filmscope

// Fast JSON text; see json_writer.h.
#include "export/json_writer.h"

#include <array>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#include <nlohmann/json.hpp>

#include "io/decode.h"

namespace filmscope {

namespace {

using Json = nlohmann::ordered_json;

// Whether none of the eight bytes at `data` needs a look: no control character, quote,
// backslash or byte of a multi-byte character. The usual tests for a byte below a bound,
// exact once no byte has its high bit set.
bool all_plain(const char* data) {
  std::uint64_t word = 0;
  std::memcpy(&word, data, 8);
  constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  auto has_zero = [&](std::uint64_t x) { return ((x - kOnes) & ~x & kHigh) != 0; };
  if (word & kHigh) return false;
  if (((word - kOnes * 0x20) & ~word & kHigh) != 0) return false;
  return !has_zero(word ^ (kOnes * '"')) && !has_zero(word ^ (kOnes * '\\'));
}

// One pass: runs of plain characters are copied whole, the few that JSON requires are escaped,
// multi-byte characters are checked on the way; a string that turns out not to be UTF-8 is
// written again by the library.
void write_string(const std::string& text, std::string& out) {
  const std::size_t rollback = out.size();
  out += '"';
  std::size_t run = 0;  // start of the bytes not yet copied
  std::size_t i = 0;
  while (i < text.size()) {
    while (i + 8 <= text.size() && all_plain(text.data() + i)) i += 8;
    if (i == text.size()) break;
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      const std::size_t length =
          utf8_sequence_length(reinterpret_cast<const unsigned char*>(text.data()) + i, text.size() - i);
      if (length == 0) {
        out.resize(rollback);
        out += Json(text).dump(-1, ' ', false, Json::error_handler_t::replace);
        return;
      }
      i += length;
      continue;
    }
    if (c >= 0x20 && c != '"' && c != '\\') {
      ++i;
      continue;
    }
    out.append(text, run, i - run);
    run = ++i;
    switch (c) {
      case '\b': out += "\\b"; break;
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\f': out += "\\f"; break;
      case '\r': out += "\\r"; break;
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      default: {
        static constexpr char kHex[] = "0123456789abcdef";
        out += "\\u00";
        out += kHex[c >> 4];
        out += kHex[c & 0xF];
      }
    }
  }
  out.append(text, run, text.size() - run);
  out += '"';
}

template <typename Integer>
void write_integer(Integer value, std::string& out) {
  std::array<char, 24> buffer{};
  const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  out.append(buffer.data(), result.ptr);
}

void write_float(double value, std::string& out) {
  if (!std::isfinite(value)) {
    out += "null";
    return;
  }
  std::array<char, 64> buffer{};
  char* end = nlohmann::detail::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  out.append(buffer.data(), end);
}

void write_value(const Json& value, int indent, std::size_t depth, std::string& out) {
  const bool pretty = indent >= 0;
  auto newline_and_indent = [&](std::size_t level) {
    out += '\n';
    out.append(level * static_cast<std::size_t>(indent), ' ');
  };
  switch (value.type()) {
    case Json::value_t::object: {
      const auto& object = value.get_ref<const Json::object_t&>();
      if (object.empty()) {
        out += "{}";
        return;
      }
      out += '{';
      bool first = true;
      for (const auto& [key, member] : object) {
        if (!first) out += ',';
        first = false;
        if (pretty) newline_and_indent(depth + 1);
        write_string(key, out);
        out += pretty ? ": " : ":";
        write_value(member, indent, depth + 1, out);
      }
      if (pretty) newline_and_indent(depth);
      out += '}';
      return;
    }
    case Json::value_t::array: {
      const auto& array = value.get_ref<const Json::array_t&>();
      if (array.empty()) {
        out += "[]";
        return;
      }
      out += '[';
      bool first = true;
      for (const Json& element : array) {
        if (!first) out += ',';
        first = false;
        if (pretty) newline_and_indent(depth + 1);
        write_value(element, indent, depth + 1, out);
      }
      if (pretty) newline_and_indent(depth);
      out += ']';
      return;
    }
    case Json::value_t::string:
      write_string(value.get_ref<const std::string&>(), out);
      return;
    case Json::value_t::boolean:
      out += value.get<bool>() ? "true" : "false";
      return;
    case Json::value_t::number_integer:
      write_integer(value.get<Json::number_integer_t>(), out);
      return;
    case Json::value_t::number_unsigned:
      write_integer(value.get<Json::number_unsigned_t>(), out);
      return;
    case Json::value_t::number_float:
      write_float(value.get<Json::number_float_t>(), out);
      return;
    case Json::value_t::null:
      out += "null";
      return;
    case Json::value_t::binary:
    case Json::value_t::discarded:
      // Never produced by the exporters; the library knows how to print them.
      out += value.dump(indent, ' ', false, Json::error_handler_t::replace);
      return;
  }
}

}  // namespace

std::string json_text(const nlohmann::ordered_json& value, int indent) {
  std::string out;
  write_value(value, indent, 0, out);
  return out;
}

}  // namespace filmscope

// Fast JSON text; see json_writer.h.
#include "export/json_writer.h"

#include <array>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <utility>

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
void write_string(std::string_view text, std::string& out) {
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
        out += Json(std::string(text)).dump(-1, ' ', false, Json::error_handler_t::replace);
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

// The layout of write_value, decided as the members arrive: a container's opening bracket is
// written before it is known to be empty, and an empty one closes on the same line ("{}").

void JsonText::next_line(std::size_t depth) {
  out_ += '\n';
  out_.append(depth * static_cast<std::size_t>(indent_), ' ');
}

void JsonText::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (members_.empty()) return;  // the document itself
  if (members_.back()++ > 0) out_ += ',';
  if (indent_ >= 0) next_line(members_.size());
}

void JsonText::key(std::string_view name) {
  if (members_.back()++ > 0) out_ += ',';
  if (indent_ >= 0) next_line(members_.size());
  write_string(name, out_);
  out_ += indent_ >= 0 ? ": " : ":";
  after_key_ = true;
}

void JsonText::begin_object(std::size_t /*members*/) {
  before_value();
  out_ += '{';
  members_.push_back(0);
}

void JsonText::begin_array() {
  before_value();
  out_ += '[';
  members_.push_back(0);
}

void JsonText::end_object() {
  const std::size_t written = members_.back();
  members_.pop_back();
  if (written > 0 && indent_ >= 0) next_line(members_.size());
  out_ += '}';
}

void JsonText::end_array() {
  const std::size_t written = members_.back();
  members_.pop_back();
  if (written > 0 && indent_ >= 0) next_line(members_.size());
  out_ += ']';
}

void JsonText::value(std::nullptr_t) {
  before_value();
  out_ += "null";
}

void JsonText::value(bool flag) {
  before_value();
  out_ += flag ? "true" : "false";
}

void JsonText::value(std::string_view text) {
  before_value();
  write_string(text, out_);
}

void JsonText::value(double number) {
  before_value();
  write_float(number, out_);
}

void JsonText::write_signed(long long number) { write_integer(number, out_); }

void JsonText::write_unsigned(unsigned long long number) { write_integer(number, out_); }

std::string JsonText::take() {
  members_.clear();
  after_key_ = false;
  return std::exchange(out_, std::string());
}

}  // namespace filmscope

// Fast JSON text; see json_writer.h.
#include "export/json_writer.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <utility>

#include <nlohmann/json.hpp>

#include "export/number_format.h"
#include "io/decode.h"

namespace filmscope {

namespace {

using Json = nlohmann::ordered_json;

// The most bytes one input byte of a string can become: a control character is \u00XX.
constexpr std::size_t kMaxEscapedBytes = 6;
// Room for any number: the library's shortest round-trip doubles take at most 24 characters,
// and a 64-bit integer 20.
constexpr std::size_t kMaxNumberBytes = 64;

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

// Writes `text` quoted and escaped at `out`, which has room for kMaxEscapedBytes per byte plus
// the quotes, and returns the end; or returns null, having written nothing useful, when the
// text is not valid UTF-8. One pass: runs of plain characters are copied whole, the few that
// JSON requires are escaped, multi-byte characters are checked on the way.
char* put_string(std::string_view text, char* out) {
  *out++ = '"';
  std::size_t run = 0;  // start of the bytes not yet copied
  std::size_t i = 0;
  auto copy_run = [&] {
    std::memcpy(out, text.data() + run, i - run);
    out += i - run;
  };
  while (i < text.size()) {
    while (i + 8 <= text.size() && all_plain(text.data() + i)) i += 8;
    if (i == text.size()) break;
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      const std::size_t length =
          utf8_sequence_length(reinterpret_cast<const unsigned char*>(text.data()) + i, text.size() - i);
      if (length == 0) return nullptr;
      i += length;
      continue;
    }
    if (c >= 0x20 && c != '"' && c != '\\') {
      ++i;
      continue;
    }
    copy_run();
    run = ++i;
    *out++ = '\\';
    switch (c) {
      case '\b': *out++ = 'b'; break;
      case '\t': *out++ = 't'; break;
      case '\n': *out++ = 'n'; break;
      case '\f': *out++ = 'f'; break;
      case '\r': *out++ = 'r'; break;
      case '"': *out++ = '"'; break;
      case '\\': *out++ = '\\'; break;
      default: {
        static constexpr char kHex[] = "0123456789abcdef";
        std::memcpy(out, "u00", 3);
        out[3] = kHex[c >> 4];
        out[4] = kHex[c & 0xF];
        out += 5;
      }
    }
  }
  copy_run();
  *out++ = '"';
  return out;
}

// Whether `text` needs no escaping and no UTF-8 check: the exporters' keys, which are short.
bool plain_ascii(std::string_view text) {
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte >= 0x80 || c == '"' || c == '\\') return false;
  }
  return true;
}

// States `value` to `out`, member by member.
void replay(const Json& value, JsonText& out) {
  switch (value.type()) {
    case Json::value_t::object:
      out.begin_object();
      for (const auto& [key, member] : value.get_ref<const Json::object_t&>()) {
        out.text_key(key);
        replay(member, out);
      }
      out.end_object();
      return;
    case Json::value_t::array:
      out.begin_array();
      for (const Json& element : value.get_ref<const Json::array_t&>()) replay(element, out);
      out.end_array();
      return;
    case Json::value_t::string:
      out.value(value.get_ref<const std::string&>());
      return;
    case Json::value_t::boolean:
      out.value(value.get<bool>());
      return;
    case Json::value_t::number_integer:
      out.value(value.get<Json::number_integer_t>());
      return;
    case Json::value_t::number_unsigned:
      out.value(value.get<Json::number_unsigned_t>());
      return;
    case Json::value_t::number_float:
      out.value(value.get<Json::number_float_t>());
      return;
    case Json::value_t::null:
      out.value(nullptr);
      return;
    case Json::value_t::binary:
    case Json::value_t::discarded:
      // Never produced by the exporters; the library knows how to print them.
      out.raw(value.dump(-1, ' ', false, Json::error_handler_t::replace));
      return;
  }
}

}  // namespace

std::string json_text(const nlohmann::ordered_json& value, int indent) {
  JsonText text(indent);
  replay(value, text);
  return text.take();
}

// The text lives in buffer_, of which the first size_ bytes are written: appending goes
// through a pointer into room made beforehand, not through std::string's per-call bookkeeping.
// The room always includes kSlack bytes more than asked, so indent() may write whole words.
constexpr std::size_t kSlack = 8;
constexpr std::size_t kFirstBuffer = 4096;

void JsonText::grow(std::size_t bytes) {
  const std::size_t capacity = std::max({capacity_ * 2, size_ + bytes + kSlack, kFirstBuffer});
  auto buffer = std::make_unique_for_overwrite<char[]>(capacity);
  if (size_ > 0) std::memcpy(buffer.get(), buffer_.get(), size_);
  buffer_ = std::move(buffer);
  capacity_ = capacity;
}

// A new line indented to the current depth. Spaces go eight at a time, a store each, which
// may run up to seven bytes past the indent into room that the next write overwrites.
char* JsonText::indent(char* at) const {
  const std::size_t spaces = members_.size() * static_cast<std::size_t>(indent_);
  *at++ = '\n';
  for (std::size_t i = 0; i < spaces; i += 8) std::memcpy(at + i, "        ", 8);
  return at + spaces;
}

// A container's opening bracket is written before it is known to be empty, and an empty one
// closes on the same line ("{}"), as the library prints it.
char* JsonText::separate(char* at) {
  const bool first = members_.back()++ == 0;
  if (!first) *at++ = ',';
  if (indent_ < 0) return at;
  if (members_.size() >= flat_from_) {  // on one line: ", " between members
    if (!first) *at++ = ' ';
    return at;
  }
  return indent(at);
}

std::size_t JsonText::separator_bytes() const {
  return 2 + kSlack + (indent_ >= 0 ? members_.size() * static_cast<std::size_t>(indent_) : 0);
}

char* JsonText::before_value(std::size_t bytes) {
  if (after_key_ || members_.empty()) {  // a member's value, or the document itself
    after_key_ = false;
    return room(bytes);
  }
  return separate(room(separator_bytes() + bytes));
}

void JsonText::put_text(char* at, std::string_view text) {
  if (char* end = put_string(text, at)) {
    advance(end);
    return;
  }
  // Not UTF-8: the library replaces each bad sequence by U+FFFD, and its way is kept exactly.
  advance(at);
  raw(Json(std::string(text)).dump(-1, ' ', false, Json::error_handler_t::replace));
}

void JsonText::key(const JsonKey& name) {
  char* at = separate(room(separator_bytes() + JsonKey::kTextBytes + 1));
  std::memcpy(at, name.text(), JsonKey::kTextBytes);  // the room covers the padding too
  at += name.size();
  if (indent_ >= 0) *at++ = ' ';
  advance(at);
  after_key_ = true;
}

void JsonText::text_key(std::string_view name) {
  char* at = separate(room(separator_bytes() + name.size() * kMaxEscapedBytes + 4));
  if (plain_ascii(name)) {
    *at++ = '"';
    std::memcpy(at, name.data(), name.size());
    at += name.size();
    *at++ = '"';
  } else {
    put_text(at, name);
    at = room(4);
  }
  *at++ = ':';
  if (indent_ >= 0) *at++ = ' ';
  advance(at);
  after_key_ = true;
}

void JsonText::open(char bracket, bool flat) {
  char* at = before_value(1);
  *at++ = bracket;
  advance(at);
  members_.push_back(0);
  if (flat && flat_from_ == kNotFlat) flat_from_ = members_.size();
}

void JsonText::close(char bracket) {
  const std::size_t written = members_.back();
  const bool flat = members_.size() >= flat_from_;
  if (members_.size() == flat_from_) flat_from_ = kNotFlat;
  members_.pop_back();
  char* at = room(separator_bytes());
  if (written > 0 && indent_ >= 0 && !flat) at = indent(at);
  *at++ = bracket;
  advance(at);
}

void JsonText::begin_object(std::size_t /*members*/) { open('{', false); }
void JsonText::begin_flat_object() { open('{', true); }
void JsonText::end_object() { close('}'); }
void JsonText::begin_array() { open('[', false); }
void JsonText::begin_flat_array() { open('[', true); }
void JsonText::end_array() { close(']'); }

void JsonText::raw(std::string_view text) {
  char* at = room(text.size());
  std::memcpy(at, text.data(), text.size());
  advance(at + text.size());
}

void JsonText::value(std::nullptr_t) {
  char* at = before_value(4);
  std::memcpy(at, "null", 4);
  advance(at + 4);
}

void JsonText::value(bool flag) {
  const std::string_view text = flag ? "true" : "false";
  char* at = before_value(text.size());
  std::memcpy(at, text.data(), text.size());
  advance(at + text.size());
}

void JsonText::value(std::string_view text) { put_text(before_value(text.size() * kMaxEscapedBytes + 2), text); }

void JsonText::value(double number) {
  char* at = before_value(kMaxNumberBytes);
  if (!std::isfinite(number)) {
    std::memcpy(at, "null", 4);
    advance(at + 4);
    return;
  }
  advance(nlohmann::detail::to_chars(at, at + kMaxNumberBytes, number));
}

void JsonText::decimal(double number) { advance(put_decimal(number, before_value(kMaxDecimalBytes))); }

void JsonText::write_signed(long long number) {
  char* at = before_value(kMaxNumberBytes);
  advance(std::to_chars(at, at + kMaxNumberBytes, number).ptr);
}

void JsonText::write_unsigned(unsigned long long number) {
  char* at = before_value(kMaxNumberBytes);
  advance(std::to_chars(at, at + kMaxNumberBytes, number).ptr);
}

std::string JsonText::take() {
  std::string text = size_ == 0 ? std::string() : std::string(buffer_.get(), size_);
  clear();
  if (capacity_ > kMaxKeptBuffer) {
    buffer_.reset();
    capacity_ = 0;
  }
  return text;
}

}  // namespace filmscope

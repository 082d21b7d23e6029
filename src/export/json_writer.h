// JSON text from an nlohmann::ordered_json value, byte for byte what the library's own
// dump(indent, ' ', false, error_handler_t::replace) writes, at several times its speed.
//
// Takes: a value and an indent (two-space documents use 2; -1 writes one compact line).
// Produces: the text, without a trailing newline.
// Method: the value is walked and stated to a JsonText (below), which writes through a pointer
// into room made ahead in one buffer. Numbers go through the library's own
// shortest round-trip float formatting, so they print identically; strings are copied in runs
// and only the characters JSON requires are escaped (the library's rules with ensure_ascii off:
// \b \t \n \f \r \" \\ and \u00XX for other control characters). A string that is not valid
// UTF-8 is handed to the library, whose replacement of bad bytes by U+FFFD is kept exactly.
// Why: the library's serializer decodes every byte through a UTF-8 automaton and writes through
// a virtual output adapter, which made writing a film's JSON cost as much as its analysis.
//
// JsonText is that writer, for callers without a value to walk: they state the document member
// by member, and the text comes out as json_text would print the equivalent value. Exporters
// use it for documents that would otherwise be built only to be printed, and three things
// json_text never does: keys checked when the program is compiled (JsonKey), figures in fixed
// notation (decimal), and containers on one line (begin_flat_array, begin_flat_object). Those
// change the text, never the value a reader gets from it.
#pragma once

#include <array>
#include <concepts>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace filmscope {

std::string json_text(const nlohmann::ordered_json& value, int indent);

// An object key written in the program ("scene", "valence"): checked when the program is
// compiled to need no escaping, and kept quoted with its colon, so that writing it is one copy
// of a fixed size. A key that is not plain ASCII, or longer than kMaxNameBytes, does not
// compile.
class JsonKey {
 public:
  static constexpr std::size_t kMaxNameBytes = 28;

  template <std::size_t N>
  consteval JsonKey(const char (&name)[N]) : size_(N + 2) {  // N - 1 bytes, quotes and colon
    static_assert(N >= 1 && N - 1 <= kMaxNameBytes, "a JSON key written in the program is at most 28 bytes");
    text_[0] = '"';
    for (std::size_t i = 0; i + 1 < N; ++i) {
      const auto c = static_cast<unsigned char>(name[i]);
      if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') throw "a JSON key written in the program is plain ASCII";
      text_[i + 1] = name[i];
    }
    text_[N] = '"';
    text_[N + 1] = ':';
  }

  std::string_view name() const { return {text_.data() + 1, size_ - 3}; }
  // `"name":`, then padding to kTextBytes.
  const char* text() const { return text_.data(); }
  std::size_t size() const { return size_; }
  static constexpr std::size_t kTextBytes = 32;

 private:
  std::array<char, kTextBytes> text_{};
  std::size_t size_;
};

class JsonText {
 public:
  explicit JsonText(int indent) : indent_(indent) {}

  // `members` is a size hint, for callers that also build values (see json_export.cpp).
  void begin_object(std::size_t members = 0);
  void end_object();
  void begin_array();
  void end_array();
  // A container written on one line whatever the indent ("[8, 52]", {"scene": 3, "valence":
  // 0.5}), as is everything inside it; closed by end_object or end_array. For short arrays of
  // values and small records, which one member per line made most of a document's lines.
  void begin_flat_object();
  void begin_flat_array();
  void key(const JsonKey& name);
  // A key known only when the program runs (a value's member name): escaped as JSON requires.
  void text_key(std::string_view name);

  void value(std::nullptr_t);
  void value(bool flag);
  void value(std::string_view text);
  void value(const std::string& text) { value(std::string_view(text)); }
  void value(const char* text) { value(std::string_view(text)); }
  void value(double number);
  template <std::integral Integer>
    requires(!std::same_as<Integer, bool>)
  void value(Integer number) {
    if constexpr (std::is_signed_v<Integer>)
      write_signed(static_cast<long long>(number));
    else
      write_unsigned(static_cast<unsigned long long>(number));
  }
  // A figure for export: `number` rounded to kExportDecimals and written as format_decimal
  // writes it (export/number_format.h), "0.256522" where value() may give the library's
  // "0.25652199999999997".
  void decimal(double number);
  // Text that is already JSON, written as it is.
  void raw(std::string_view text);

  // The text written so far; the writer is left empty, its buffer kept for the next text
  // unless it is larger than kMaxKeptBuffer.
  std::string take();

  static constexpr std::size_t kMaxKeptBuffer = std::size_t{16} << 20;

  // Forgets what was written, keeping the buffer.
  void clear() {
    size_ = 0;
    members_.clear();
    flat_from_ = kNotFlat;
    after_key_ = false;
  }

 private:
  // Room for `bytes` more at the end of the text; advance() then marks how far was written.
  char* room(std::size_t bytes) {
    if (capacity_ - size_ < bytes) grow(bytes);
    return buffer_.get() + size_;
  }
  void advance(const char* end) { size_ = static_cast<std::size_t>(end - buffer_.get()); }
  void grow(std::size_t bytes);
  char* indent(char* at) const;
  char* separate(char* at);
  std::size_t separator_bytes() const;
  char* before_value(std::size_t bytes);
  void put_text(char* at, std::string_view text);
  void open(char bracket, bool flat);
  void close(char bracket);
  void write_signed(long long number);
  void write_unsigned(unsigned long long number);

  // The text so far, in a buffer that is never cleared: a std::string would zero every byte
  // of room as it grows, which cost as much as writing the text.
  std::unique_ptr<char[]> buffer_;
  std::size_t capacity_ = 0;
  std::size_t size_ = 0;  // bytes of buffer_ written; the rest is room made ahead
  int indent_;
  std::vector<std::size_t> members_;  // per open object or array, the members written so far
  // The depth (members_.size()) of the outermost open flat container; kNotFlat when none is.
  static constexpr std::size_t kNotFlat = static_cast<std::size_t>(-1);
  std::size_t flat_from_ = kNotFlat;
  bool after_key_ = false;
};

}  // namespace filmscope

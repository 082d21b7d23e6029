// Input decoding: bytes from a file → NFC-normalised UTF-8 with '\n' line ends.
//
// Takes the raw bytes of an input and produces text every later stage can rely on: UTF-8
// (a BOM is dropped), UTF-16LE/BE with a BOM, and legacy single-byte text (Windows-1252, the
// usual encoding of screenplays saved on Windows, and Latin-1) are detected and converted with
// ICU; CRLF and lone CR become LF so that line numbers match what an editor shows; the text is
// NFC-normalised. Binary or truncated input is refused with a message rather than guessed at.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace filmscope {

// The largest input accepted: 256 MiB. Decoding needs a few times the input size in memory (the
// bytes, a UTF-16 intermediate for converted encodings, the UTF-8 result) and the analysis
// several times more (README, "Hostile input", has the measured peak for 100 MB), so the limit
// keeps a mistaken argument such as a disk image or a gigabyte of scraped text from exhausting
// memory. It is checked before anything is read for a regular file and while reading a pipe.
// No screenplay comes near it (a feature script is about 200 KB); it leaves room for the
// 100 MB inputs the benchmarks use to show that the analysis grows linearly.
inline constexpr std::uintmax_t kMaxInputBytes = std::uintmax_t{256} << 20;

struct DecodedText {
  std::string text;      // NFC UTF-8, '\n' line ends
  std::string encoding;  // "UTF-8", "UTF-8 with BOM", "UTF-16LE", "UTF-16BE", "windows-1252", …
};

// Either the decoded text or a short description of why it could not be decoded (no path in it:
// the caller names the file).
struct DecodeResult {
  std::optional<DecodedText> decoded;
  std::string error;
};

// Encodings reported in DecodedText::encoding:
//   "UTF-8", "UTF-8 with BOM", "UTF-8 (repaired)" (mostly UTF-8 with a few stray bytes, which
//   were read as Windows-1252 characters), "UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE"
//   (each with a BOM, or for UTF-16 without one when the NUL pattern of ASCII text is
//   unmistakable), "windows-1252" (legacy text using its 0x80–0x9F punctuation), "ISO-8859-1"
//   (legacy text with only Latin-1 letters), or another ICU charset name when ICU's detector is
//   confident the text is a non-Latin legacy encoding such as "windows-1251" or "Shift_JIS".
// Length of the well-formed UTF-8 sequence starting at `p` (Unicode Table 3-7: no overlong
// forms, no surrogates, nothing above U+10FFFF), or 0 when the bytes there are ill-formed;
// `remaining` bytes may be read.
std::size_t utf8_sequence_length(const unsigned char* p, std::size_t remaining);

DecodeResult decode_bytes(std::string_view bytes);

// Reads and decodes a file. Errors: missing file, a directory, unreadable, empty, binary,
// truncated multi-byte sequence, over the size limit.
DecodeResult load_text_file(const std::filesystem::path& path);

}  // namespace filmscope

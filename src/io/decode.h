// Input decoding: bytes from a file → NFC-normalised UTF-8 with '\n' line ends.
//
// Takes the raw bytes of an input and produces text every later stage can rely on: UTF-8
// (a BOM is dropped), UTF-16LE/BE with a BOM, and legacy single-byte text (Windows-1252, the
// usual encoding of screenplays saved on Windows, and Latin-1) are detected and converted with
// ICU; CRLF and lone CR become LF so that line numbers match what an editor shows; the text is
// NFC-normalised. Binary or truncated input is refused with a message rather than guessed at.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace filmscope {

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

DecodeResult decode_bytes(std::string_view bytes);

// Reads and decodes a file. Errors: missing file, a directory, unreadable, empty, binary,
// truncated multi-byte sequence, over the size limit.
DecodeResult load_text_file(const std::filesystem::path& path);

}  // namespace filmscope

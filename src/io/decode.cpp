// Input decoding: raw bytes → NFC UTF-8 with '\n' line ends (see decode.h for the contract).
//
// Method, in order: refuse empty and oversized input; honour a byte-order mark (UTF-8, UTF-16,
// UTF-32); refuse known binary signatures (PDF, ZIP, images, executables …) with advice on how
// to get text out of them; treat NUL bytes as binary unless they form the unmistakable pattern
// of BOM-less UTF-16 ASCII text; then validate UTF-8 in one pass. Valid UTF-8 is taken as is.
// Invalid UTF-8 with fewer valid multi-byte sequences than stray bytes is legacy text: ICU's
// charset detector is asked whether it is a non-Latin code page (Cyrillic, Greek, CJK …) and,
// failing a confident answer, it is read as Windows-1252 (a superset of Latin-1's printable
// characters). Text that is mostly valid UTF-8 with a few stray bytes keeps its UTF-8 and has
// each stray byte read as a Windows-1252 character ("UTF-8 (repaired)"). Finally a high share
// of control characters marks binary data, CRLF and lone CR become LF, and ICU's Normalizer2
// composes the text to NFC.
//
// Every step is a single linear pass (the charset detector sees only a bounded sample), and
// memory stays a small multiple of the input. Limits: BOM-less UTF-16 is only recognised when
// mostly ASCII; a legacy file that happens to contain valid UTF-8 sequences is read as
// repaired UTF-8; Latin legacy code pages other than Windows-1252 (Latin-2 …) are read as
// Windows-1252.
#include "io/decode.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/ucsdet.h>
#include <unicode/unistr.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <memory>

#include "text/byte_scan.h"

namespace filmscope {
namespace {

// The charset detector runs several statistical recognisers over its input; a sample of this
// size is plenty for a confident answer and keeps decoding linear in the input size.
constexpr std::size_t kCharsetSampleBytes = 64 * 1024;
// ICU's detector is only consulted when at least this percentage of the letters are bytes
// above 0x7F: true of Cyrillic, Greek or CJK text in a legacy code page, and never of English,
// French or German text, whose accented letters are a few percent at most.
constexpr std::size_t kMinNonLatinHighBytePercent = 30;
// Below this confidence (ICU's 0–100 scale) the detector's answer is ignored and the text is
// read as Windows-1252. ICU is modest about short texts (a paragraph of Russian in
// windows-1251 scores 20–40), and the test above already rules out Latin text.
constexpr int32_t kMinCharsetConfidence = 15;
// How much of a NUL-containing input is examined for the BOM-less UTF-16 pattern.
constexpr std::size_t kUtf16SniffBytes = 64 * 1024;
// Text is refused as binary when more than 1 in this many characters is a control code other
// than tab, line feed, vertical tab, form feed and carriage return. Real text files have at
// most a handful (an ESC from a terminal capture, a stray ^Z); binary data about one in nine.
constexpr std::size_t kControlCharacterRatio = 20;
// Read size for inputs whose size is not known in advance (pipes, /dev/stdin).
constexpr std::size_t kReadChunkBytes = 1 << 16;

// Windows-1252's 0x80–0x9F block; the rest of the code page equals Latin-1. The five bytes
// Windows-1252 leaves undefined map to the C1 control of the same value, as the WHATWG
// Encoding Standard does, so that they count as control characters rather than vanish.
constexpr std::array<char16_t, 32> kWindows1252High = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,  // 0x80
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,  // 0x88
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  // 0x90
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,  // 0x98
};

// Charsets the ICU detector may name that we trust over Windows-1252: scripts that a
// Windows-1252 reading would turn into accented Latin gibberish. Latin code pages are left
// out on purpose, since for English text ICU often guesses ISO-8859-2 or -9 from a few bytes.
constexpr std::array<std::string_view, 17> kTrustedDetectedCharsets = {
    "windows-1251", "KOI8-R",       "ISO-8859-5",   "windows-1253", "ISO-8859-7",  "windows-1255",
    "ISO-8859-8",   "ISO-8859-8-I", "windows-1256", "ISO-8859-6",   "Shift_JIS",   "EUC-JP",
    "EUC-KR",       "GB18030",      "Big5",         "ISO-2022-JP",  "ISO-2022-KR",
};

struct BinarySignature {
  std::string_view magic;
  std::string_view message;
};

// Checked before anything else so that a user who passes the wrong file learns what it is
// and how to get text out of it, instead of a generic "binary" message.
constexpr std::array<BinarySignature, 14> kBinarySignatures = {{
    {"%PDF-", "is a PDF file, not text; convert it to text first (pdftotext -layout)"},
    {"PK\x03\x04",
     "is a ZIP archive (such as a .docx, .odt or .celtx file), not text; export it as plain "
     "text, Fountain or Final Draft (.fdx) first"},
    {std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8),
     "is a Microsoft Office document (such as a .doc file), not text; save it as plain text "
     "first"},
    {"{\\rtf", "is an RTF document; save it as plain text first"},
    {"\x89PNG\r\n\x1A\n", "is a PNG image, not text"},
    {"\xFF\xD8\xFF", "is a JPEG image, not text"},
    {"GIF87a", "is a GIF image, not text"},
    {"GIF89a", "is a GIF image, not text"},
    {"\x7F"
     "ELF",
     "is an executable (ELF) file, not text"},
    {"\x1F\x8B", "is a gzip-compressed file; decompress it first (gunzip)"},
    {std::string_view("\xFD"
                      "7zXZ\x00",
                      6),
     "is an xz-compressed file; decompress it first (unxz)"},
    {"BZh", "is a bzip2-compressed file; decompress it first (bunzip2)"},
    {"7z\xBC\xAF\x27\x1C", "is a 7-Zip archive, not text; extract it first"},
    {"Rar!\x1A\x07", "is a RAR archive, not text; extract it first"},
}};

DecodeResult failure(std::string message) { return DecodeResult{std::nullopt, std::move(message)}; }

std::string size_limit_message() {
  return "file is larger than the " + std::to_string(kMaxInputBytes >> 20) + " MiB input limit";
}

bool starts_with(std::string_view bytes, std::string_view prefix) {
  return bytes.substr(0, prefix.size()) == prefix;
}

std::optional<std::string_view> binary_signature_message(std::string_view bytes) {
  for (const auto& signature : kBinarySignatures) {
    if (!starts_with(bytes, signature.magic)) continue;
    // "BZh" is also how an ordinary line could begin; bzip2 follows it with the block size.
    if (signature.magic == "BZh" && (bytes.size() < 4 || bytes[3] < '1' || bytes[3] > '9')) {
      continue;
    }
    return signature.message;
  }
  return std::nullopt;
}

struct Utf8Scan {
  std::size_t multibyte_sequences = 0;  // well-formed sequences of 2–4 bytes
  std::size_t invalid_bytes = 0;        // bytes that start no well-formed sequence
  std::size_t invalid_runs = 0;         // maximal runs of such bytes (a cut sequence is one)
  bool has_c1_range_bytes = false;      // any byte 0x80–0x9F (Windows-1252 punctuation)
};

// Whether any of the eight bytes at `data` is 0x80 or above.
bool has_high_byte(const unsigned char* data) {
  std::uint64_t word = 0;
  std::memcpy(&word, data, 8);
  return (word & 0x8080808080808080ULL) != 0;
}

Utf8Scan scan_utf8(std::string_view bytes) {
  Utf8Scan scan;
  const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
  std::size_t i = 0;
  bool previous_invalid = false;
  while (i < bytes.size()) {
    if (data[i] < 0x80) {  // ASCII, most of any text: skipped eight bytes at a time
      previous_invalid = false;
      ++i;
      while (i + 8 <= bytes.size() && !has_high_byte(data + i)) i += 8;
      continue;
    }
    if (data[i] <= 0x9F) scan.has_c1_range_bytes = true;
    std::size_t length = utf8_sequence_length(data + i, bytes.size() - i);
    if (length == 0) {
      if (!previous_invalid) ++scan.invalid_runs;
      previous_invalid = true;
      ++scan.invalid_bytes;
      ++i;
      continue;
    }
    previous_invalid = false;
    if (length > 1) {
      ++scan.multibyte_sequences;
      for (std::size_t k = 1; k < length; ++k) {
        if (data[i + k] <= 0x9F) scan.has_c1_range_bytes = true;
      }
    }
    i += length;
  }
  return scan;
}

void append_utf8(std::string& out, char32_t code_point) {
  if (code_point < 0x80) {
    out += static_cast<char>(code_point);
  } else if (code_point < 0x800) {
    out += static_cast<char>(0xC0 | (code_point >> 6));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else {
    // Windows-1252 only reaches the Basic Multilingual Plane.
    out += static_cast<char>(0xE0 | (code_point >> 12));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  }
}

char32_t windows_1252_code_point(unsigned char byte) {
  if (byte >= 0x80 && byte <= 0x9F) return kWindows1252High[byte - 0x80];
  return byte;
}

// Reads every byte as Windows-1252. One table serves this and repair_utf8() so that a stray
// byte means the same character whichever path the file takes.
std::string windows_1252_to_utf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  for (char c : bytes) append_utf8(out, windows_1252_code_point(static_cast<unsigned char>(c)));
  return out;
}

// Keeps well-formed UTF-8 and reads each byte that is not part of it as Windows-1252.
std::string repair_utf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
  std::size_t i = 0;
  while (i < bytes.size()) {
    std::size_t length = utf8_sequence_length(data + i, bytes.size() - i);
    if (length == 0) {
      append_utf8(out, windows_1252_code_point(data[i]));
      ++i;
    } else {
      out.append(bytes.data() + i, length);
      i += length;
    }
  }
  return out;
}

// Converts with an ICU converter; ill-formed input becomes U+FFFD (ICU's default callback).
std::optional<std::string> convert_with_icu(std::string_view bytes, const char* charset) {
  icu::UnicodeString unicode(bytes.data(), static_cast<int32_t>(bytes.size()), charset);
  if (unicode.isBogus()) return std::nullopt;
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 4);
  unicode.toUTF8String(out);
  return out;
}

// Asks ICU's charset detector about a sample of legacy text; answers only when it confidently
// names a charset from kTrustedDetectedCharsets.
std::optional<std::string> detect_non_latin_charset(std::string_view bytes) {
  std::string_view sample = bytes.substr(0, kCharsetSampleBytes);
  std::size_t high_bytes = 0;
  std::size_t ascii_letters = 0;
  for (char c : sample) {
    auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x80) ++high_bytes;
    if ((byte | 0x20) >= 'a' && (byte | 0x20) <= 'z') ++ascii_letters;
  }
  if (high_bytes * 100 < (high_bytes + ascii_letters) * kMinNonLatinHighBytePercent) {
    return std::nullopt;
  }
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> detector(ucsdet_open(&status),
                                                                      &ucsdet_close);
  if (U_FAILURE(status)) return std::nullopt;
  ucsdet_setText(detector.get(), sample.data(), static_cast<int32_t>(sample.size()), &status);
  const UCharsetMatch* match = ucsdet_detect(detector.get(), &status);
  if (U_FAILURE(status) || match == nullptr) return std::nullopt;
  const char* name = ucsdet_getName(match, &status);
  int32_t confidence = ucsdet_getConfidence(match, &status);
  if (U_FAILURE(status) || name == nullptr || confidence < kMinCharsetConfidence) {
    return std::nullopt;
  }
  for (std::string_view trusted : kTrustedDetectedCharsets) {
    if (trusted == name) return std::string(trusted);
  }
  return std::nullopt;
}

// "LE" or "BE" when NUL-containing input has the shape of UTF-16 text without a BOM: ASCII
// characters put a NUL in every other byte, on one side only.
std::optional<std::string_view> bomless_utf16_order(std::string_view bytes) {
  if (bytes.size() % 2 != 0 || bytes.size() < 4) return std::nullopt;
  std::string_view sample = bytes.substr(0, kUtf16SniffBytes);
  std::size_t zeros_even = 0;
  std::size_t zeros_odd = 0;
  for (std::size_t i = 0; i < sample.size(); ++i) {
    if (sample[i] != '\0') continue;
    (i % 2 == 0 ? zeros_even : zeros_odd) += 1;
  }
  std::size_t units = sample.size() / 2;
  // At least half the code units must be ASCII-like (NUL high byte) and the other side must
  // be free of NULs, which binary data almost never manages.
  if (zeros_even == 0 && zeros_odd * 2 >= units) return "LE";
  if (zeros_odd == 0 && zeros_even * 2 >= units) return "BE";
  return std::nullopt;
}

struct ControlCount {
  std::size_t characters = 0;
  std::size_t controls = 0;
  bool has_nul = false;
};

// Whether all eight bytes at `data` are printable ASCII (0x20 to 0x7E) or line feeds: each is
// then one character and no control. Line feeds are first made printable (0x0A | 0x20), found
// with an exact per-byte test for zero after an XOR; then adding 1 to every byte carries into
// the high bit only from 0x7F up, and subtracting 0x20 borrows into it only below 0x20, once
// no byte has the bit already.
bool all_printable_ascii(const unsigned char* data) {
  using byte_scan_detail::kHigh;
  using byte_scan_detail::kOnes;
  std::uint64_t word = byte_scan_detail::load(reinterpret_cast<const char*>(data));
  if (word & kHigh) return false;
  word |= byte_scan_detail::equal_to(word, '\n') >> 2;
  return ((word + kOnes) & kHigh) == 0 && ((word - kOnes * 0x20) & ~word & kHigh) == 0;
}

// Counts code points and control characters (C0 other than \t \n \v \f \r, DEL, C1) in
// well-formed UTF-8; runs of printable ASCII go eight bytes at a time.
ControlCount count_controls(std::string_view utf8) {
  ControlCount count;
  const auto* data = reinterpret_cast<const unsigned char*>(utf8.data());
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    while (i + 8 <= utf8.size() && all_printable_ascii(data + i)) {
      count.characters += 8;
      i += 8;
    }
    if (i == utf8.size()) break;
    unsigned char byte = data[i];
    if ((byte & 0xC0) == 0x80) continue;  // continuation byte: not a new character
    ++count.characters;
    if (byte == 0) count.has_nul = true;
    bool c0 = byte < 0x20 && !(byte >= '\t' && byte <= '\r');
    bool c1 = byte == 0xC2 && i + 1 < utf8.size() && data[i + 1] >= 0x80 && data[i + 1] <= 0x9F;
    if (c0 || byte == 0x7F || c1) ++count.controls;
  }
  return count;
}

// CRLF and lone CR become LF; every line break stays one line break. Done in place: the text
// only shrinks, so the write position never overtakes the read position.
void normalise_line_ends(std::string& text) {
  std::size_t read = text.find('\r');
  if (read == std::string::npos) return;
  std::size_t write = read;
  // From one CR to the next: the line between them moves down whole.
  while (read < text.size()) {
    text[write++] = '\n';
    read += read + 1 < text.size() && text[read + 1] == '\n' ? 2 : 1;
    std::size_t next = text.find('\r', read);
    if (next == std::string::npos) next = text.size();
    std::memmove(text.data() + write, text.data() + read, next - read);
    write += next - read;
    read = next;
  }
  text.resize(write);
}

bool is_ascii(std::string_view text) {
  const auto* data = reinterpret_cast<const unsigned char*>(text.data());
  std::size_t i = 0;
  for (; i + 8 <= text.size(); i += 8)
    if (has_high_byte(data + i)) return false;
  for (; i < text.size(); ++i)
    if (data[i] >= 0x80) return false;
  return true;
}

std::optional<std::string> normalise_nfc(std::string text) {
  if (is_ascii(text)) return text;  // ASCII is always NFC; skip the copy
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return std::nullopt;
  icu::StringPiece piece(text.data(), static_cast<int32_t>(text.size()));
  if (nfc->isNormalizedUTF8(piece, status) && U_SUCCESS(status)) return text;
  status = U_ZERO_ERROR;
  std::string out;
  out.reserve(text.size());
  icu::StringByteSink<std::string> sink(&out);
  nfc->normalizeUTF8(0, piece, sink, nullptr, status);
  if (U_FAILURE(status)) return std::nullopt;
  return out;
}

std::string percent_text(std::size_t part, std::size_t whole) {
  std::size_t percent = whole == 0 ? 0 : (part * 100 + whole / 2) / whole;
  return std::to_string(percent < 1 ? 1 : percent) + "%";
}

// Runs the common tail: binary check, line ends, NFC.
DecodeResult finish(std::string utf8, std::string encoding) {
  ControlCount controls = count_controls(utf8);
  if (controls.has_nul) return failure("contains NUL characters, so it is binary data, not text");
  if (controls.controls * kControlCharacterRatio > controls.characters) {
    return failure("looks like binary data, not text (" +
                   percent_text(controls.controls, controls.characters) +
                   " of its characters are control codes)");
  }
  normalise_line_ends(utf8);
  std::optional<std::string> normalised = normalise_nfc(std::move(utf8));
  if (!normalised) return failure("could not be normalised to Unicode NFC");
  return DecodeResult{DecodedText{std::move(*normalised), std::move(encoding)}, {}};
}

DecodeResult decode_with_icu(std::string_view bytes, const char* charset, std::string encoding) {
  if (bytes.empty()) return failure("file is empty (it holds only a byte-order mark)");
  std::optional<std::string> utf8 = convert_with_icu(bytes, charset);
  if (!utf8) return failure("could not be converted from " + encoding);
  return finish(std::move(*utf8), std::move(encoding));
}

DecodeResult decode_utf16(std::string_view body, std::string_view order, bool had_bom) {
  if (body.size() % 2 != 0) {
    return failure("is truncated: UTF-16 text has an even number of bytes, this file has " +
                   std::to_string(body.size() + (had_bom ? 2 : 0)));
  }
  std::string encoding = "UTF-16" + std::string(order);
  return decode_with_icu(body, encoding.c_str(), encoding);
}

DecodeResult decode_utf32(std::string_view body, std::string_view order) {
  if (body.size() % 4 != 0) {
    return failure("is truncated: UTF-32 text has a multiple of 4 bytes, this file has " +
                   std::to_string(body.size() + 4));
  }
  std::string encoding = "UTF-32" + std::string(order);
  return decode_with_icu(body, encoding.c_str(), encoding);
}

}  // namespace

std::size_t utf8_sequence_length(const unsigned char* p, std::size_t remaining) {
  unsigned char lead = p[0];
  if (lead < 0x80) return 1;
  auto continuation = [&](std::size_t i, unsigned char low, unsigned char high) {
    return i < remaining && p[i] >= low && p[i] <= high;
  };
  if (lead >= 0xC2 && lead <= 0xDF) return continuation(1, 0x80, 0xBF) ? 2 : 0;
  if (lead >= 0xE0 && lead <= 0xEF) {
    unsigned char low = lead == 0xE0 ? 0xA0 : 0x80;
    unsigned char high = lead == 0xED ? 0x9F : 0xBF;
    return continuation(1, low, high) && continuation(2, 0x80, 0xBF) ? 3 : 0;
  }
  if (lead >= 0xF0 && lead <= 0xF4) {
    unsigned char low = lead == 0xF0 ? 0x90 : 0x80;
    unsigned char high = lead == 0xF4 ? 0x8F : 0xBF;
    return continuation(1, low, high) && continuation(2, 0x80, 0xBF) && continuation(3, 0x80, 0xBF)
               ? 4
               : 0;
  }
  return 0;
}

DecodeResult decode_bytes(std::string_view bytes) {
  if (bytes.empty()) return failure("file is empty");
  if (bytes.size() > kMaxInputBytes) return failure(size_limit_message());

  // UTF-32LE's BOM begins with UTF-16LE's, so it is tested first.
  if (starts_with(bytes, std::string_view("\xFF\xFE\x00\x00", 4))) {
    return decode_utf32(bytes.substr(4), "LE");
  }
  if (starts_with(bytes, std::string_view("\x00\x00\xFE\xFF", 4))) {
    return decode_utf32(bytes.substr(4), "BE");
  }
  if (starts_with(bytes, "\xFF\xFE")) return decode_utf16(bytes.substr(2), "LE", true);
  if (starts_with(bytes, "\xFE\xFF")) return decode_utf16(bytes.substr(2), "BE", true);

  std::string_view body = bytes;
  bool utf8_bom = starts_with(bytes, "\xEF\xBB\xBF");
  if (utf8_bom) {
    body.remove_prefix(3);
    if (body.empty()) return failure("file is empty (it holds only a byte-order mark)");
  }

  if (auto message = binary_signature_message(body)) return failure(std::string(*message));

  if (body.find('\0') != std::string_view::npos) {
    if (!utf8_bom) {
      if (auto order = bomless_utf16_order(body)) return decode_utf16(body, *order, false);
    }
    return failure("contains NUL bytes, so it is binary data, not text");
  }

  Utf8Scan scan = scan_utf8(body);
  if (scan.invalid_bytes == 0) {
    return finish(std::string(body), utf8_bom ? "UTF-8 with BOM" : "UTF-8");
  }
  // Legacy text seldom contains a well-formed multi-byte UTF-8 sequence by accident, while a
  // UTF-8 file damaged by a stray paste or a cut-off sequence keeps most of its sequences.
  if (utf8_bom || scan.multibyte_sequences >= scan.invalid_runs) {
    return finish(repair_utf8(body), "UTF-8 (repaired)");
  }
  if (auto charset = detect_non_latin_charset(body)) {
    return decode_with_icu(body, charset->c_str(), *charset);
  }
  return finish(windows_1252_to_utf8(body),
                scan.has_c1_range_bytes ? "windows-1252" : "ISO-8859-1");
}

namespace {

// Closes a file descriptor when it goes out of scope.
class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  ~FileDescriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }

 private:
  int fd_;
};

std::string open_error_message(int error) {
  switch (error) {
    case ENOENT:
      return "file does not exist";
    case EACCES:
    case EPERM:
      return "cannot be read: permission denied";
    case EISDIR:
      return "is a directory, not a file";
    default:
      return std::string("cannot be opened: ") + std::strerror(error);
  }
}

}  // namespace

DecodeResult load_text_file(const std::filesystem::path& path) {
  FileDescriptor file(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (file.get() < 0) return failure(open_error_message(errno));

  struct stat info {};
  if (::fstat(file.get(), &info) != 0) return failure(open_error_message(errno));
  if (S_ISDIR(info.st_mode)) return failure("is a directory, not a file");
  bool regular = S_ISREG(info.st_mode);
  if (regular && static_cast<std::uintmax_t>(info.st_size) > kMaxInputBytes) {
    return failure(size_limit_message());
  }

  // A regular file is read straight into a buffer of its size; pipes and devices (and a file
  // that grows while being read) continue in chunks until end of input, stopping as soon as
  // they pass the size limit.
  std::string bytes(regular ? static_cast<std::size_t>(info.st_size) : 0, '\0');
  std::size_t filled = 0;
  std::array<char, kReadChunkBytes> chunk{};
  while (true) {
    bool into_buffer = filled < bytes.size();
    char* target = into_buffer ? bytes.data() + filled : chunk.data();
    std::size_t room = into_buffer ? bytes.size() - filled : chunk.size();
    ssize_t count = ::read(file.get(), target, room);
    if (count < 0) {
      if (errno == EINTR) continue;
      if (errno == EISDIR) return failure("is a directory, not a file");
      return failure(std::string("cannot be read: ") + std::strerror(errno));
    }
    if (count == 0) break;
    if (into_buffer) {
      filled += static_cast<std::size_t>(count);
    } else {
      bytes.append(chunk.data(), static_cast<std::size_t>(count));
      filled = bytes.size();
    }
    if (filled > kMaxInputBytes) return failure(size_limit_message());
  }
  bytes.resize(filled);  // the file may have shrunk since fstat
  return decode_bytes(bytes);
}

}  // namespace filmscope

// Input decoding: every supported encoding, line-end and NFC normalisation, each refusal, and
// property checks over random input.
#include "io/decode.h"

#include <sys/stat.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <random>

#include "support/temp_dir.h"
#include "support/test_paths.h"

namespace {

using namespace std::string_literals;
using filmscope::decode_bytes;
using filmscope::DecodeResult;
using filmscope::load_text_file;

using filmscope::testing::TempDir;

std::string utf16(std::u16string_view text, bool little_endian) {
  std::string out;
  for (char16_t unit : text) {
    char low = static_cast<char>(unit & 0xFF);
    char high = static_cast<char>(unit >> 8);
    out += little_endian ? low : high;
    out += little_endian ? high : low;
  }
  return out;
}

std::string utf32(std::u32string_view text, bool little_endian) {
  std::string out;
  for (char32_t point : text) {
    std::array<char, 4> bytes{};
    for (int i = 0; i < 4; ++i) bytes[i] = static_cast<char>((point >> (8 * i)) & 0xFF);
    if (!little_endian) std::reverse(bytes.begin(), bytes.end());
    out.append(bytes.data(), bytes.size());
  }
  return out;
}

const std::string& text_of(const DecodeResult& result) {
  INFO("error: " << result.error);
  REQUIRE(result.decoded.has_value());
  return result.decoded->text;
}

std::string encoding_of(const DecodeResult& result) {
  INFO("error: " << result.error);
  REQUIRE(result.decoded.has_value());
  return result.decoded->encoding;
}

std::string nfc(const std::string& utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* normalizer = icu::Normalizer2::getNFCInstance(status);
  std::string out;
  normalizer->normalize(icu::UnicodeString::fromUTF8(utf8), status).toUTF8String(out);
  REQUIRE(U_SUCCESS(status));
  return out;
}

bool is_valid_utf8(const std::string& text) {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(text);
  std::string round_trip;
  unicode.toUTF8String(round_trip);
  return U_SUCCESS(status) && round_trip == text;
}

std::size_t count_char(std::string_view text, char c) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), c));
}

// The same short scene in every encoding test.
const std::u16string kSceneUtf16 =
    u"INT. CAF\u00c9 - NIGHT\n\n\u201cWe\u2019re closed,\u201d says AM\u00c9LIE \u2014 "
    u"smiling. \U0001F600\n";
const std::string kSceneUtf8 =
    "INT. CAF\xC3\x89 - NIGHT\n\n\xE2\x80\x9CWe\xE2\x80\x99re closed,\xE2\x80\x9D says "
    "AM\xC3\x89LIE \xE2\x80\x94 smiling. \xF0\x9F\x98\x80\n";

}  // namespace

TEST_CASE("plain UTF-8 passes through unchanged", "[decode]") {
  auto result = decode_bytes(kSceneUtf8);
  CHECK(text_of(result) == kSceneUtf8);
  CHECK(encoding_of(result) == "UTF-8");

  auto ascii = decode_bytes("FADE IN:\n\nEXT. BEACH - DAY\n");
  CHECK(text_of(ascii) == "FADE IN:\n\nEXT. BEACH - DAY\n");
  CHECK(encoding_of(ascii) == "UTF-8");
}

TEST_CASE("a UTF-8 byte-order mark is dropped and reported", "[decode]") {
  auto result = decode_bytes("\xEF\xBB\xBF" + kSceneUtf8);
  CHECK(text_of(result) == kSceneUtf8);
  CHECK(encoding_of(result) == "UTF-8 with BOM");
}

TEST_CASE("UTF-16 with a byte-order mark is converted", "[decode]") {
  SECTION("little-endian") {
    auto result = decode_bytes("\xFF\xFE" + utf16(kSceneUtf16, true));
    CHECK(text_of(result) == kSceneUtf8);
    CHECK(encoding_of(result) == "UTF-16LE");
  }
  SECTION("big-endian") {
    auto result = decode_bytes("\xFE\xFF" + utf16(kSceneUtf16, false));
    CHECK(text_of(result) == kSceneUtf8);
    CHECK(encoding_of(result) == "UTF-16BE");
  }
  SECTION("CRLF inside UTF-16 becomes LF") {
    auto result = decode_bytes("\xFF\xFE" + utf16(u"ONE\r\nTWO\r\nTHREE", true));
    CHECK(text_of(result) == "ONE\nTWO\nTHREE");
  }
  SECTION("an unpaired surrogate becomes U+FFFD instead of failing") {
    auto result = decode_bytes("\xFF\xFE" + utf16(u"A\xD800"
                                                  u"B",
                                                  true));
    CHECK(text_of(result) ==
          "A\xEF\xBF\xBD"
          "B");
  }
}

TEST_CASE("UTF-16 without a byte-order mark is recognised from its NUL pattern", "[decode]") {
  std::u16string script = u"EXT. ROAD - DAY\n\nA car passes. Caf\u00e9 sign.\n";
  auto little = decode_bytes(utf16(script, true));
  CHECK(text_of(little) == "EXT. ROAD - DAY\n\nA car passes. Caf\xC3\xA9 sign.\n");
  CHECK(encoding_of(little) == "UTF-16LE");
  auto big = decode_bytes(utf16(script, false));
  CHECK(encoding_of(big) == "UTF-16BE");
  CHECK(text_of(big) == text_of(little));
}

TEST_CASE("UTF-32 with a byte-order mark is converted", "[decode]") {
  std::u32string scene = U"EXT. FJORD \u2014 DAWN \U0001F600\n";
  std::string expected = "EXT. FJORD \xE2\x80\x94 DAWN \xF0\x9F\x98\x80\n";
  auto little = decode_bytes(std::string("\xFF\xFE\x00\x00", 4) + utf32(scene, true));
  CHECK(text_of(little) == expected);
  CHECK(encoding_of(little) == "UTF-32LE");
  auto big = decode_bytes(std::string("\x00\x00\xFE\xFF", 4) + utf32(scene, false));
  CHECK(text_of(big) == expected);
  CHECK(encoding_of(big) == "UTF-32BE");
}

TEST_CASE("Windows-1252 text is detected and converted", "[decode]") {
  // Curly quotes 0x93/0x94, apostrophe 0x92, em dash 0x97, ellipsis 0x85, é 0xE9.
  std::string bytes =
      "                    JOHN\n          \x93I don\x92t know,\x94 he said \x97 caf\xE9\x85\n";
  auto result = decode_bytes(bytes);
  CHECK(text_of(result) ==
        "                    JOHN\n          \xE2\x80\x9CI don\xE2\x80\x99t know,\xE2\x80\x9D "
        "he said \xE2\x80\x94 caf\xC3\xA9\xE2\x80\xA6\n");
  CHECK(encoding_of(result) == "windows-1252");
}

TEST_CASE("Latin-1 text without Windows-1252 punctuation is reported as ISO-8859-1", "[decode]") {
  auto result = decode_bytes("INT. CAF\xC9 - DAY\n\nMarie, na\xEFve, orders a cr\xEApe.\n");
  CHECK(text_of(result) ==
        "INT. CAF\xC3\x89 - DAY\n\nMarie, na\xC3\xAFve, orders a cr\xC3\xAApe.\n");
  CHECK(encoding_of(result) == "ISO-8859-1");
}

TEST_CASE("non-Latin legacy code pages are recognised with ICU's detector", "[decode]") {
  // "ИНТ. КВАРТИРА - НОЧЬ / Анна сидит у окна и смотрит на улицу." in windows-1251.
  std::string cyrillic =
      "\xC8\xCD\xD2. \xCA\xC2\xC0\xD0\xD2\xC8\xD0\xC0 - \xCD\xCE\xD7\xDC\n\n"
      "\xC0\xED\xED\xE0 \xF1\xE8\xE4\xE8\xF2 \xF3 \xEE\xEA\xED\xE0 \xE8 \xF1\xEC\xEE\xF2\xF0"
      "\xE8\xF2 \xED\xE0 \xF3\xEB\xE8\xF6\xF3. \xCE\xED\xE0 \xE6\xE4\xB8\xF2 \xEF\xE8\xF1"
      "\xFC\xEC\xE0 \xEE\xF2 \xE1\xF0\xE0\xF2\xE0.\n";
  auto result = decode_bytes(cyrillic);
  CHECK(encoding_of(result) == "windows-1251");
  CHECK(text_of(result).substr(0, 16) ==
        "\xD0\x98\xD0\x9D\xD0\xA2. \xD0\x9A\xD0\x92\xD0\x90\xD0\xA0");
}

TEST_CASE("mostly-UTF-8 text with stray bytes is repaired byte by byte", "[decode]") {
  // Valid UTF-8 quotes and é, plus one Windows-1252 apostrophe pasted in (0x92).
  std::string bytes = "Caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D and a stray \x92 apostrophe.\n";
  auto result = decode_bytes(bytes);
  CHECK(text_of(result) ==
        "Caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D and a stray \xE2\x80\x99 apostrophe.\n");
  CHECK(encoding_of(result) == "UTF-8 (repaired)");

  SECTION("a truncated sequence at the end is repaired too") {
    auto truncated = decode_bytes("\xE2\x80\x94 dash then cut \xE2\x80");
    CHECK(encoding_of(truncated) == "UTF-8 (repaired)");
    CHECK(text_of(truncated) == "\xE2\x80\x94 dash then cut \xC3\xA2\xE2\x82\xAC");
  }
}

TEST_CASE("CRLF and lone CR become LF without changing the number of lines", "[decode]") {
  std::string input = "ONE\r\nTWO\rTHREE\n\r\nFIVE\r\r\nSEVEN\r";
  auto result = decode_bytes(input);
  CHECK(text_of(result) == "ONE\nTWO\nTHREE\n\nFIVE\n\nSEVEN\n");
  CHECK(count_char(text_of(result), '\r') == 0);
  // Seven line breaks in, seven out: CRLF counts once, each lone CR once.
  CHECK(count_char(text_of(result), '\n') == 7);
}

TEST_CASE("text is normalised to NFC", "[decode]") {
  // "e" + COMBINING ACUTE ACCENT → "é"; "A" + COMBINING RING ABOVE → "Å".
  CHECK(text_of(decode_bytes("Ame\xCC\x81lie\n")) == "Am\xC3\xA9lie\n");
  CHECK(text_of(decode_bytes("A\xCC\x8Angstr\xC3\xB6m")) == "\xC3\x85ngstr\xC3\xB6m");
  // Decomposed text in UTF-16 is composed as well.
  CHECK(text_of(decode_bytes("\xFF\xFE" + utf16(u"Zoe\u0308", true))) == "Zo\xC3\xAB");
}

TEST_CASE("a few control characters do not make text binary", "[decode]") {
  std::string text = "A terminal capture \x1B[1mbold\x1B[0m with a form feed\f and a tab\t.\n";
  std::string padded = text + std::string(400, 'x') + "\n";
  auto result = decode_bytes(padded);
  CHECK(encoding_of(result) == "UTF-8");
}

TEST_CASE("control characters are counted wherever they fall in the text", "[decode]") {
  // One control in 16 characters is more than one in 20: binary. One in 22 is not. Every
  // position is tried, so a control is found both in the eight-byte steps and in the tail.
  const std::string controls = std::string("\x01\x08\x0E\x1B\x1F\x7F");
  for (char control : controls) {
    for (std::size_t at = 0; at < 22; ++at) {
      std::string dense(16, '~');
      std::string sparse(22, ' ');
      sparse.back() = '.';
      if (at < dense.size()) {
        dense[at] = control;
        CAPTURE(static_cast<int>(control), at);
        CHECK(decode_bytes(dense).error.find("binary") != std::string::npos);
      }
      sparse[at] = control;
      CAPTURE(static_cast<int>(control), at);
      CHECK(decode_bytes(sparse).decoded);
    }
  }
  for (std::size_t at = 0; at < 22; ++at) {
    std::string text(22, 'a');
    text[at] = '\0';
    CHECK(decode_bytes(text).error.find("NUL") != std::string::npos);
  }
}

TEST_CASE("control characters among line breaks are counted exactly, property", "[decode][property]") {
  // Lines of printable text with a control here and there: the count (and so the binary
  // verdict) must not depend on where the line feeds fall in the eight-byte steps.
  std::mt19937 random(5122026);
  const std::string alphabet = "ab ~\n\n\n\r\t\x01\x1B\x7F";
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    const std::size_t length = 1 + random() % 60;
    for (std::size_t i = 0; i < length; ++i) text += alphabet[random() % alphabet.size()];
    // The definition: characters after CRLF counts once; controls are C0 but \t-\r, and DEL.
    std::size_t characters = 0;
    std::size_t controls = 0;
    for (char c : text) {
      ++characters;
      const auto byte = static_cast<unsigned char>(c);
      if ((byte < 0x20 && !(byte >= '\t' && byte <= '\r')) || byte == 0x7F) ++controls;
    }
    const auto result = decode_bytes(text);
    CAPTURE(text);
    REQUIRE(static_cast<bool>(result.decoded) == (controls * 20 <= characters));
  }
}

TEST_CASE("decoding errors", "[decode][errors]") {
  SECTION("empty input") {
    auto result = decode_bytes("");
    CHECK_FALSE(result.decoded);
    CHECK(result.error == "file is empty");
    CHECK(decode_bytes("\xEF\xBB\xBF").error.find("empty") != std::string::npos);
    CHECK(decode_bytes("\xFF\xFE").error.find("empty") != std::string::npos);
    CHECK(decode_bytes("\xFE\xFF").error.find("empty") != std::string::npos);
  }
  SECTION("known binary signatures name the file type") {
    auto pdf = decode_bytes("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n");
    CHECK_FALSE(pdf.decoded);
    CHECK(pdf.error.find("PDF") != std::string::npos);
    CHECK(pdf.error.find("pdftotext") != std::string::npos);
    CHECK(decode_bytes(std::string("PK\x03\x04\x14\x00\x06\x00", 8)).error.find("ZIP") !=
          std::string::npos);
    CHECK(
        decode_bytes(std::string("\x89PNG\r\n\x1A\n\x00\x00\x00\x0DIHDR", 16)).error.find("PNG") !=
        std::string::npos);
    CHECK(decode_bytes(std::string("\x7F"
                                   "ELF\x02\x01\x01\x00",
                                   8))
              .error.find("ELF") != std::string::npos);
    CHECK(decode_bytes("{\\rtf1\\ansi Hello}").error.find("RTF") != std::string::npos);
    // A bzip2 signature needs its block-size digit: "BZh" alone starts ordinary text.
    CHECK(encoding_of(decode_bytes("BZhonga is a made-up word.\n")) == "UTF-8");
  }
  SECTION("NUL bytes in text without the UTF-16 pattern") {
    auto result = decode_bytes("INT. HOUSE\0\0\x01\x02 - DAY\n"s);
    CHECK_FALSE(result.decoded);
    CHECK(result.error.find("NUL") != std::string::npos);
  }
  SECTION("a NUL character inside UTF-16 text") {
    auto result = decode_bytes("\xFF\xFE" + utf16(std::u16string(u"AB\0CD", 5), true));
    CHECK_FALSE(result.decoded);
    CHECK(result.error.find("NUL") != std::string::npos);
  }
  SECTION("UTF-16 with an odd number of bytes is truncated") {
    auto result = decode_bytes("\xFF\xFE" + utf16(u"Hello", true) + "H");
    CHECK_FALSE(result.decoded);
    CHECK(result.error.find("truncated") != std::string::npos);
    CHECK(result.error.find("13") != std::string::npos);
    CHECK_FALSE(decode_bytes(std::string("\xFF\xFE\x00\x00"
                                         "abc",
                                         7))
                    .decoded);
  }
  SECTION("many control characters mean binary") {
    std::string noise;
    for (int i = 0; i < 200; ++i) noise += static_cast<char>(i % 3 == 0 ? 0x01 + i % 7 : 'a');
    auto result = decode_bytes(noise);
    CHECK_FALSE(result.decoded);
    CHECK(result.error.find("binary") != std::string::npos);
  }
}

TEST_CASE("load_text_file reads and decodes files", "[decode][file]") {
  auto data = filmscope::testing::source_dir() / "tests" / "data" / "io";
  auto utf8 = load_text_file(data / "utf8-scene.txt");
  CHECK(encoding_of(utf8) == "UTF-8");

  auto windows = load_text_file(data / "windows-1252-scene.txt");
  CHECK(encoding_of(windows) == "windows-1252");
  CHECK(text_of(windows) == text_of(utf8));

  auto wide = load_text_file(data / "utf16le-bom-scene.txt");
  CHECK(encoding_of(wide) == "UTF-16LE");
  CHECK(text_of(wide) == text_of(utf8));
}

TEST_CASE("load_text_file errors carry no path", "[decode][file][errors]") {
  TempDir dir;
  SECTION("missing file") {
    auto result = load_text_file(dir.path() / "no-such-script.fountain");
    CHECK_FALSE(result.decoded);
    CHECK(result.error == "file does not exist");
  }
  SECTION("directory") {
    auto result = load_text_file(dir.path());
    CHECK_FALSE(result.decoded);
    CHECK(result.error.find("directory") != std::string::npos);
  }
  SECTION("empty file") {
    auto result = load_text_file(dir.write("empty.txt", ""));
    CHECK(result.error == "file is empty");
  }
  SECTION("PDF file") {
    auto result = load_text_file(dir.write("script.pdf", "%PDF-1.4\n"));
    CHECK(result.error.find("PDF") != std::string::npos);
    CHECK(result.error.find(dir.path().string()) == std::string::npos);
  }
  SECTION("file over the size limit") {
    // A sparse file: its size is over the limit but it occupies no disk space.
    auto path = dir.path() / "huge.txt";
    { std::ofstream touch(path); }
    std::filesystem::resize_file(path, filmscope::kMaxInputBytes + 1);
    auto result = load_text_file(path);
    CHECK_FALSE(result.decoded);
    CHECK(result.error == "file is larger than the 256 MiB input limit");
  }
  SECTION("unreadable file") {
    auto path = dir.write("secret.txt", "INT. VAULT - NIGHT\n");
    std::filesystem::permissions(path, std::filesystem::perms::none);
    if (::geteuid() == 0) {
      WARN("running as root: permission checks do not apply, unreadable-file case not tested");
      return;
    }
    auto result = load_text_file(path);
    CHECK_FALSE(result.decoded);
    CHECK(result.error.find("permission denied") != std::string::npos);
  }
}

TEST_CASE("random valid UTF-8 round-trips apart from NFC and line ends", "[decode][property]") {
  std::mt19937 random(20240611);
  // Ranges mixing ASCII, Latin with combining marks, Greek, CJK, Hangul jamo and emoji, so
  // that NFC has real work to do.
  const std::vector<std::pair<char32_t, char32_t>> ranges = {
      {0x20, 0x7E},   {0x0A, 0x0A},     {0x0D, 0x0D},     {0xA0, 0x17F},    {0x300, 0x36F},
      {0x391, 0x3C9}, {0x1100, 0x1175}, {0x4E00, 0x4E80}, {0x2010, 0x2027}, {0x1F600, 0x1F64F},
  };
  for (int round = 0; round < 300; ++round) {
    std::u32string points;
    std::size_t length = random() % 200 + 1;
    for (std::size_t i = 0; i < length; ++i) {
      const auto& [low, high] = ranges[random() % ranges.size()];
      points += static_cast<char32_t>(low + random() % (high - low + 1));
    }
    std::string input;
    icu::UnicodeString::fromUTF32(reinterpret_cast<const UChar32*>(points.data()),
                                  static_cast<int32_t>(points.size()))
        .toUTF8String(input);
    std::string expected;
    for (std::size_t i = 0; i < input.size(); ++i) {
      if (input[i] == '\r') {
        expected += '\n';
        if (i + 1 < input.size() && input[i + 1] == '\n') ++i;
      } else {
        expected += input[i];
      }
    }
    expected = nfc(expected);
    auto result = decode_bytes(input);
    INFO("round " << round);
    CHECK(text_of(result) == expected);
    CHECK(encoding_of(result) == "UTF-8");
  }
}

TEST_CASE("random bytes never crash and either decode to valid UTF-8 or fail",
          "[decode][property]") {
  std::mt19937 random(424242);
  std::size_t decoded = 0;
  std::size_t refused = 0;
  for (int round = 0; round < 2000; ++round) {
    std::string bytes;
    std::size_t length = random() % 300;
    // Mostly printable ASCII with a varying share of arbitrary bytes, so that every path
    // (UTF-8, repaired, legacy, binary, BOMs) is reached.
    unsigned noise_percent = random() % 101;
    for (std::size_t i = 0; i < length; ++i) {
      bool noise = random() % 100 < noise_percent;
      bytes += static_cast<char>(noise ? random() % 256 : 0x20 + random() % 95);
    }
    if (round % 10 == 0) bytes.insert(0, "\xFF\xFE");
    if (round % 10 == 1) bytes.insert(0, "\xEF\xBB\xBF");
    auto result = decode_bytes(bytes);
    INFO("round " << round);
    if (result.decoded) {
      ++decoded;
      CHECK(result.error.empty());
      CHECK(is_valid_utf8(result.decoded->text));
      CHECK(result.decoded->text.find('\r') == std::string::npos);
      CHECK_FALSE(result.decoded->encoding.empty());
    } else {
      ++refused;
      CHECK_FALSE(result.error.empty());
    }
  }
  CHECK(decoded > 0);
  CHECK(refused > 0);
}

TEST_CASE("large inputs decode in one pass", "[decode][large]") {
  SECTION("a 5 MB single line") {
    std::string line;
    line.reserve(5u << 20);
    while (line.size() < (5u << 20)) line += "word caf\xC3\xA9 e\xCC\x81 ";
    auto result = decode_bytes(line);
    CHECK(count_char(text_of(result), '\n') == 0);
    CHECK(text_of(result).find("e\xCC\x81") == std::string::npos);
  }
  SECTION("20 MB of CRLF Windows-1252 lines") {
    std::string text;
    std::string line = "          \x93I don\x92t know,\x94 he said \x97 caf\xE9.\r\n";
    std::size_t lines = 0;
    while (text.size() < (20u << 20)) {
      text += line;
      ++lines;
    }
    auto result = decode_bytes(text);
    CHECK(encoding_of(result) == "windows-1252");
    CHECK(count_char(text_of(result), '\n') == lines);
  }
  SECTION("20 MB alternating valid sequences and stray bytes") {
    std::string text;
    while (text.size() < (20u << 20)) text += "\xC3\xA9\x97\xE2\x80\x94x\n";
    auto result = decode_bytes(text);
    CHECK(encoding_of(result) == "UTF-8 (repaired)");
    CHECK(is_valid_utf8(text_of(result)));
  }
}

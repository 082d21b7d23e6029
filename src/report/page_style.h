// The stylesheet and script every report page carries inline, so a page is one file that
// needs nothing else: no fonts, images or scripts from anywhere (the page must work offline
// and leak nothing about who reads it), printable through a print stylesheet.
#pragma once

#include <string>
#include <string_view>

namespace filmscope::report {

std::string_view page_stylesheet();
// Opens every <details> element for printing and restores them afterwards.
std::string_view page_script();

// The start of a page up to and including <body>, with `title` escaped.
std::string page_head(std::string_view title);
std::string page_tail();

}  // namespace filmscope::report

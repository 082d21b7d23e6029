// `filmscope report`: one film's analysis as a self-contained HTML page.
//
// Takes: an Analysis. Produces: the page as one string — inline CSS, inline SVG figures and a
// small inline script, nothing fetched from anywhere (a Content-Security-Policy forbids it), so
// it reads offline and prints. Sections: a header (title, year, directors, source format,
// counts), the character graph, the narrative chart, the story arc and relationship arcs, the
// themes and, for screenplays, presence grid, dialogue share, setting breakdowns and scene
// lengths. Every piece of input text is escaped (markup.h); the page is byte-identical for
// the same analysis.
// Throws std::runtime_error when the graph cannot be laid out (graph_layout.h).
#pragma once

#include <string>

#include "model/analysis.h"

namespace filmscope::report {

std::string render_report(const Analysis& analysis);

// The title a page shows: the film's title, or the input's file name when it has none.
std::string display_title(const Analysis& analysis);

}  // namespace filmscope::report

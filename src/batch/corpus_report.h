// `filmscope corpus OUTDIR`: what a batch found across the whole corpus, read from its
// filmscope.sqlite.
//
// Takes: the path of a corpus database written by `filmscope batch`. Produces: a text report
// (films analysed and failed; theme prevalence — in how many films each theme appears and how
// often it ranks in a film's top three; the most central characters across films, by
// eigenvector centrality then betweenness; the distribution of arc shapes), or an error.
// Method: SQL queries over the documented schema (docs/batch.md), opened read-only.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>

namespace filmscope::batch {

// How many themes and characters the report lists.
inline constexpr std::size_t kReportThemes = 20;
inline constexpr std::size_t kReportCharacters = 20;

struct CorpusReport {
  std::string text;
  std::string error;  // non-empty: the database could not be read
};

CorpusReport corpus_report(const std::filesystem::path& database);

}  // namespace filmscope::batch

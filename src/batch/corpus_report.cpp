// The corpus report (see corpus_report.h).
#include "batch/corpus_report.h"

#include <sqlite3.h>

#include <cstdio>
#include <functional>
#include <vector>

namespace filmscope::batch {

namespace {

std::string column_text(sqlite3_stmt* statement, int column) {
  const unsigned char* text = sqlite3_column_text(statement, column);
  return text ? reinterpret_cast<const char*>(text) : "";
}

// Runs `sql` and calls `row` for each result row; empty string on success.
std::string for_each_row(sqlite3* db, const char* sql, const std::function<void(sqlite3_stmt*)>& row) {
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v2(db, sql, -1, &statement, nullptr) != SQLITE_OK) return sqlite3_errmsg(db);
  int code = SQLITE_ROW;
  while ((code = sqlite3_step(statement)) == SQLITE_ROW) row(statement);
  std::string problem = code == SQLITE_DONE ? "" : sqlite3_errmsg(db);
  sqlite3_finalize(statement);
  return problem;
}

std::string format(const char* pattern, auto... values) {
  char buffer[512];
  std::snprintf(buffer, sizeof buffer, pattern, values...);
  return buffer;
}

}  // namespace

CorpusReport corpus_report(const std::filesystem::path& database) {
  CorpusReport report;
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(database.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    report.error = db ? sqlite3_errmsg(db) : "cannot open the database";
    sqlite3_close(db);
    return report;
  }
  std::string& out = report.text;
  long long ok_films = 0;
  long long failed_films = 0;
  std::string problem = for_each_row(
      db, "SELECT (SELECT count(*) FROM films WHERE status = 'ok'), "
          "(SELECT count(*) FROM films WHERE status = 'error')",
      [&](sqlite3_stmt* s) {
        ok_films = sqlite3_column_int64(s, 0);
        failed_films = sqlite3_column_int64(s, 1);
      });
  if (problem.empty()) {
    out += format("Films: %lld analysed, %lld failed\n", ok_films, failed_films);
    out += "\nTheme prevalence (films with the theme, films where it ranks in the top three):\n";
    std::string sql =
        "SELECT tag, count(*) AS films, sum(rank <= 3) AS top3, avg(score) FROM themes "
        "GROUP BY tag ORDER BY films DESC, top3 DESC, tag LIMIT " + std::to_string(kReportThemes);
    bool any = false;
    problem = for_each_row(db, sql.c_str(), [&](sqlite3_stmt* s) {
      any = true;
      long long films = sqlite3_column_int64(s, 1);
      double share = ok_films > 0 ? 100.0 * static_cast<double>(films) / static_cast<double>(ok_films) : 0.0;
      out += format("  %-28s %5lld films (%5.1f%%)  top-3 in %lld  mean score %.3f\n",
                    column_text(s, 0).c_str(), films, share, sqlite3_column_int64(s, 2),
                    sqlite3_column_double(s, 3));
    });
    if (!any) out += "  (no themes)\n";
  }
  if (problem.empty()) {
    out += "\nMost central characters across films (eigenvector centrality, then betweenness):\n";
    std::string sql =
        "SELECT c.name, f.title, f.path, c.eigenvector, c.betweenness, c.degree FROM characters c "
        "JOIN films f ON f.film_id = c.film_id "
        "ORDER BY c.eigenvector DESC, c.betweenness DESC, f.path, c.character_id LIMIT " +
        std::to_string(kReportCharacters);
    bool any = false;
    problem = for_each_row(db, sql.c_str(), [&](sqlite3_stmt* s) {
      any = true;
      out += format("  %-28s %-30s eigenvector %.3f  betweenness %.3f  degree %lld\n",
                    column_text(s, 0).c_str(), column_text(s, 1).c_str(), sqlite3_column_double(s, 3),
                    sqlite3_column_double(s, 4), sqlite3_column_int64(s, 5));
    });
    if (!any) out += "  (no characters)\n";
  }
  if (problem.empty()) {
    out += "\nArc shapes:\n";
    problem = for_each_row(
        db,
        "SELECT coalesce(arc_shape, '(none)'), count(*) FROM films WHERE status = 'ok' "
        "GROUP BY arc_shape ORDER BY count(*) DESC, arc_shape",
        [&](sqlite3_stmt* s) {
          out += format("  %-28s %lld films\n", column_text(s, 0).c_str(), sqlite3_column_int64(s, 1));
        });
  }
  if (!problem.empty()) {
    report.error = problem;
    report.text.clear();
  }
  sqlite3_close(db);
  return report;
}

}  // namespace filmscope::batch

// The corpus database, OUTDIR/filmscope.sqlite: one row per film, character, relationship,
// theme, scene and scene appearance, keyed so that tables join on (film_id, character_id).
// docs/batch.md documents the schema and example queries.
//
// Takes: films in order (their summary and rows, read from the per-input JSON files by the
// batch runner). Produces: a SQLite database written through the C API with prepared
// statements, in transactions of kFilmsPerTransaction films. The database is built in a
// temporary file beside the destination and renamed over it only when complete, so readers
// see the old database or the new one, never a half-written file; a killed run leaves only the
// temporary, which the next run removes. film_id is the 1-based position in the sorted input
// list, so a rebuild from the same outputs gives the same ids (and the same bytes).
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>
#include <string_view>

#include "batch/film_record.h"

struct sqlite3;
struct sqlite3_stmt;

namespace filmscope::batch {

inline constexpr const char* kDatabaseFileName = "filmscope.sqlite";
// Films per transaction: large enough that commits are rare, small enough that a transaction's
// pages stay within SQLite's default cache.
inline constexpr std::size_t kFilmsPerTransaction = 256;
// Rows per multi-row INSERT statement (a film's remainder goes in one by one).
inline constexpr std::size_t kRowsPerInsert = 32;

struct FilmEntry {
  long long film_id = 0;
  std::string path;  // relative input path
  bool ok = false;
  std::string error;
  const FilmRows* rows = nullptr;  // ok films only
};

// Not thread-safe: one thread at a time uses a writer (its connection is opened without
// SQLite's own locking).
class CorpusDatabaseWriter {
 public:
  CorpusDatabaseWriter() = default;
  ~CorpusDatabaseWriter();
  CorpusDatabaseWriter(const CorpusDatabaseWriter&) = delete;
  CorpusDatabaseWriter& operator=(const CorpusDatabaseWriter&) = delete;

  // Creates the database at `destination` (via a temporary). Empty string on success.
  std::string open(const std::filesystem::path& destination);
  std::string add_film(const FilmEntry& film);
  // Commits, closes, flushes and renames into place.
  std::string finish();

 private:
  // One table's INSERT of a single row and of kRowsPerInsert rows at once: a statement's
  // fixed cost (its start, halt and reset) was most of a row's.
  struct TableInsert {
    sqlite3_stmt* one = nullptr;
    sqlite3_stmt* many = nullptr;
    int columns = 0;
  };

  std::string exec(const char* sql);
  std::string fail(const std::string& step);
  std::string prepare(TableInsert& insert, const char* table, const char* columns, int count);
  template <class Row, class Bind>
  bool insert_rows(const TableInsert& insert, const std::vector<Row>& rows, const Bind& bind);
  void close_all();

  std::filesystem::path destination_;
  std::filesystem::path temporary_;
  sqlite3* db_ = nullptr;
  sqlite3_stmt* insert_film_ = nullptr;
  TableInsert characters_;
  TableInsert relationships_;
  TableInsert themes_;
  TableInsert scenes_;
  TableInsert appearances_;
  std::size_t films_in_transaction_ = 0;
};

// The schema, as executed (docs/batch.md shows the same statements): the tables when the
// database is created, the indexes once every film is in.
extern const char* const kCorpusTables;
extern const char* const kCorpusIndexes;

}  // namespace filmscope::batch

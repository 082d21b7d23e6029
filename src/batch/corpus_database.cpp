// Writing filmscope.sqlite (see corpus_database.h).
#include "batch/corpus_database.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <concepts>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

namespace filmscope::batch {

// Tables keyed by several columns are WITHOUT ROWID: a row is stored once, in its key's
// B-tree, where a rowid table would also keep the key in a second index, on every insert.
const char* const kCorpusTables = R"sql(
CREATE TABLE films (
  film_id INTEGER PRIMARY KEY,
  path TEXT NOT NULL UNIQUE,
  status TEXT NOT NULL CHECK (status IN ('ok', 'error')),
  error TEXT NOT NULL,
  format TEXT,
  encoding TEXT,
  title TEXT,
  year INTEGER,
  scenes INTEGER,
  characters INTEGER,
  relationships INTEGER,
  graph_density REAL,
  graph_communities INTEGER,
  arc_shape TEXT
);
CREATE TABLE characters (
  film_id INTEGER NOT NULL REFERENCES films (film_id),
  character_id TEXT NOT NULL,
  rank INTEGER NOT NULL,
  name TEXT NOT NULL,
  actor TEXT,
  gender TEXT,
  mentions INTEGER,
  dialogue_words INTEGER,
  degree INTEGER,
  weighted_degree REAL,
  betweenness REAL,
  eigenvector REAL,
  community INTEGER,
  PRIMARY KEY (film_id, character_id)
) WITHOUT ROWID;
CREATE TABLE relationships (
  film_id INTEGER NOT NULL REFERENCES films (film_id),
  source_id TEXT NOT NULL,
  target_id TEXT NOT NULL,
  weight REAL,
  shared_scenes INTEGER,
  kinds TEXT,
  PRIMARY KEY (film_id, source_id, target_id),
  FOREIGN KEY (film_id, source_id) REFERENCES characters (film_id, character_id),
  FOREIGN KEY (film_id, target_id) REFERENCES characters (film_id, character_id)
) WITHOUT ROWID;
CREATE TABLE themes (
  film_id INTEGER NOT NULL REFERENCES films (film_id),
  tag TEXT NOT NULL,
  rank INTEGER NOT NULL,
  score REAL,
  PRIMARY KEY (film_id, tag)
) WITHOUT ROWID;
CREATE TABLE scenes (
  film_id INTEGER NOT NULL REFERENCES films (film_id),
  scene_index INTEGER NOT NULL,
  heading TEXT,
  section TEXT,
  first_line INTEGER,
  last_line INTEGER,
  dialogue_words INTEGER,
  action_words INTEGER,
  valence REAL,
  PRIMARY KEY (film_id, scene_index)
) WITHOUT ROWID;
CREATE TABLE scene_characters (
  film_id INTEGER NOT NULL,
  scene_index INTEGER NOT NULL,
  character_id TEXT NOT NULL,
  PRIMARY KEY (film_id, scene_index, character_id),
  FOREIGN KEY (film_id, scene_index) REFERENCES scenes (film_id, scene_index),
  FOREIGN KEY (film_id, character_id) REFERENCES characters (film_id, character_id)
) WITHOUT ROWID;
)sql";

// Built once the rows are in: one sort at the end costs less than keeping the indexes in
// order through every insert.
const char* const kCorpusIndexes = R"sql(
CREATE INDEX characters_by_id ON characters (character_id);
CREATE INDEX themes_by_tag ON themes (tag, rank);
)sql";

namespace {

// `value` must stay where it is until the statement has been stepped: SQLite reads it there.
void bind_text(sqlite3_stmt* statement, int column, std::string_view value) {
  sqlite3_bind_text(statement, column, value.data(), static_cast<int>(value.size()), SQLITE_STATIC);
}

void bind_optional_text(sqlite3_stmt* statement, int column, const std::optional<std::string>& value) {
  if (value)
    bind_text(statement, column, *value);
  else
    sqlite3_bind_null(statement, column);
}

// Runs an INSERT and resets it for the next row; its bindings stay until bound again.
bool run_insert(sqlite3_stmt* statement) {
  const int code = sqlite3_step(statement);
  sqlite3_reset(statement);
  return code == SQLITE_DONE;
}

// One column of a row, by the value's type.
template <std::integral Integer>
void bind_value(sqlite3_stmt* statement, int column, Integer value) {
  sqlite3_bind_int64(statement, column, static_cast<long long>(value));
}
void bind_value(sqlite3_stmt* statement, int column, double value) { sqlite3_bind_double(statement, column, value); }
void bind_value(sqlite3_stmt* statement, int column, std::string_view value) { bind_text(statement, column, value); }
void bind_value(sqlite3_stmt* statement, int column, const std::string& value) { bind_text(statement, column, value); }
void bind_value(sqlite3_stmt* statement, int column, const std::optional<std::string>& value) {
  bind_optional_text(statement, column, value);
}

// A row's values into consecutive parameters from `first` on, in the table's column order.
template <class... Values>
void bind_row(sqlite3_stmt* statement, int first, const Values&... values) {
  int column = first;
  (bind_value(statement, column++, values), ...);
}

// Flushes the finished database file before the rename makes it visible.
bool sync_file(const std::filesystem::path& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  bool ok = ::fsync(fd) == 0;
  ::close(fd);
  return ok;
}

}  // namespace

CorpusDatabaseWriter::~CorpusDatabaseWriter() {
  if (db_) {
    close_all();
    std::error_code ignored;
    std::filesystem::remove(temporary_, ignored);
  }
}

void CorpusDatabaseWriter::close_all() {
  for (sqlite3_stmt** statement :
       {&insert_film_, &characters_.one, &characters_.many, &relationships_.one, &relationships_.many, &themes_.one,
        &themes_.many, &scenes_.one, &scenes_.many, &appearances_.one, &appearances_.many}) {
    sqlite3_finalize(*statement);
    *statement = nullptr;
  }
  sqlite3_close(db_);
  db_ = nullptr;
}

std::string CorpusDatabaseWriter::fail(const std::string& step) {
  std::string message = step + ": " + (db_ ? sqlite3_errmsg(db_) : "out of memory");
  if (db_) close_all();
  std::error_code ignored;
  std::filesystem::remove(temporary_, ignored);
  return message;
}

std::string CorpusDatabaseWriter::exec(const char* sql) {
  char* message = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &message) == SQLITE_OK) return {};
  std::string text = message ? message : "unknown error";
  sqlite3_free(message);
  return text;
}

std::string CorpusDatabaseWriter::open(const std::filesystem::path& destination) {
  destination_ = destination;
  // The ".tmp-" infix is what the start-of-run cleanup looks for.
  std::string name = ".";
  name += destination.filename().string();
  name += ".tmp-";
  name += std::to_string(::getpid());
  temporary_ = destination.parent_path() / name;
  std::error_code ignored;
  std::filesystem::remove(temporary_, ignored);
  // One thread writes the database (the batch's consumer), so the connection needs none of
  // the serialized mode's locking, a mutex taken and released on every call.
  if (sqlite3_open_v2(temporary_.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                      nullptr) != SQLITE_OK)
    return fail("cannot create the database");
  // The file is private until renamed and rebuilt from scratch after any failure, so a
  // rollback journal and per-commit syncs would buy nothing; one fsync happens before rename.
  if (auto problem = exec("PRAGMA journal_mode = MEMORY; PRAGMA synchronous = OFF;"); !problem.empty())
    return fail("cannot configure the database");
  if (auto problem = exec(kCorpusTables); !problem.empty()) return fail("cannot create the schema");
  if (sqlite3_prepare_v2(db_,
                         "INSERT INTO films (film_id, path, status, error, format, encoding, title, year, scenes, "
                         "characters, relationships, graph_density, graph_communities, arc_shape) "
                         "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
                         -1, &insert_film_, nullptr) != SQLITE_OK)
    return fail("cannot prepare a statement");
  struct Table {
    TableInsert* insert;
    const char* name;
    const char* columns;
    int count;
  };
  const Table tables[] = {
      {&characters_, "characters",
       "film_id, character_id, rank, name, actor, gender, mentions, dialogue_words, degree, weighted_degree, "
       "betweenness, eigenvector, community",
       13},
      {&relationships_, "relationships", "film_id, source_id, target_id, weight, shared_scenes, kinds", 6},
      {&themes_, "themes", "film_id, tag, rank, score", 4},
      {&scenes_, "scenes",
       "film_id, scene_index, heading, section, first_line, last_line, dialogue_words, action_words, valence", 9},
      {&appearances_, "scene_characters", "film_id, scene_index, character_id", 3},
  };
  for (const Table& table : tables)
    if (auto problem = prepare(*table.insert, table.name, table.columns, table.count); !problem.empty())
      return problem;
  return {};
}

std::string CorpusDatabaseWriter::prepare(TableInsert& insert, const char* table, const char* columns, int count) {
  std::string row = "(";
  for (int c = 0; c < count; ++c) row += c == 0 ? "?" : ", ?";
  row += ")";
  const std::string head = std::string("INSERT OR IGNORE INTO ") + table + " (" + columns + ") VALUES ";
  std::string many = head;
  for (std::size_t r = 0; r < kRowsPerInsert; ++r) many += (r == 0 ? "" : ", ") + row;
  insert.columns = count;
  if (sqlite3_prepare_v2(db_, (head + row).c_str(), -1, &insert.one, nullptr) != SQLITE_OK ||
      sqlite3_prepare_v2(db_, many.c_str(), -1, &insert.many, nullptr) != SQLITE_OK)
    return fail("cannot prepare a statement");
  return {};
}

// `bind(statement, first, row)` binds the row's columns from parameter `first` (1-based) on.
template <class Row, class Bind>
bool CorpusDatabaseWriter::insert_rows(const TableInsert& insert, const std::vector<Row>& rows, const Bind& bind) {
  std::size_t i = 0;
  for (; i + kRowsPerInsert <= rows.size(); i += kRowsPerInsert) {
    for (std::size_t r = 0; r < kRowsPerInsert; ++r)
      bind(insert.many, 1 + static_cast<int>(r) * insert.columns, rows[i + r]);
    if (!run_insert(insert.many)) return false;
  }
  for (; i < rows.size(); ++i) {
    bind(insert.one, 1, rows[i]);
    if (!run_insert(insert.one)) return false;
  }
  return true;
}

std::string CorpusDatabaseWriter::add_film(const FilmEntry& film) {
  if (films_in_transaction_ == 0 && !exec("BEGIN").empty()) return fail("cannot begin a transaction");
  const FilmRows* rows = film.rows;
  sqlite3_bind_int64(insert_film_, 1, film.film_id);
  bind_text(insert_film_, 2, film.path);
  bind_text(insert_film_, 3, film.ok ? "ok" : "error");
  bind_text(insert_film_, 4, film.error);
  if (rows) {
    const FilmSummary& s = rows->summary;
    bind_text(insert_film_, 5, s.format);
    bind_text(insert_film_, 6, rows->encoding);
    bind_text(insert_film_, 7, s.title);
    if (s.year) sqlite3_bind_int64(insert_film_, 8, *s.year);
    sqlite3_bind_int64(insert_film_, 9, static_cast<long long>(s.scenes));
    sqlite3_bind_int64(insert_film_, 10, static_cast<long long>(s.characters));
    sqlite3_bind_int64(insert_film_, 11, rows->relationships);
    sqlite3_bind_double(insert_film_, 12, rows->graph_density);
    sqlite3_bind_int64(insert_film_, 13, rows->graph_communities);
    if (s.arc_shape.empty()) {
      sqlite3_bind_null(insert_film_, 14);
    } else {
      bind_text(insert_film_, 14, s.arc_shape);
    }
  }
  // The film row binds some columns only when they have a value; the others must be null.
  const bool inserted = run_insert(insert_film_);
  sqlite3_clear_bindings(insert_film_);
  if (!inserted) return fail("cannot insert film " + film.path);
  if (rows) {
    // Every parameter of a row is bound each time (a null where there is no value), so a
    // statement's earlier bindings never leak into the next row.
    const long long id = film.film_id;
    auto character = [&](sqlite3_stmt* st, int at, const CharacterRow& c) {
      bind_row(st, at, id, c.id, c.rank, c.name, c.actor, c.gender, c.mentions, c.dialogue_words, c.degree,
               c.weighted_degree, c.betweenness, c.eigenvector, c.community);
    };
    if (!insert_rows(characters_, rows->characters, character)) return fail("cannot insert a character of " + film.path);
    auto relationship = [&](sqlite3_stmt* st, int at, const RelationshipRow& r) {
      bind_row(st, at, id, r.source, r.target, r.weight, r.shared_scenes, r.kinds);
    };
    if (!insert_rows(relationships_, rows->relationships_rows, relationship))
      return fail("cannot insert a relationship of " + film.path);
    auto theme = [&](sqlite3_stmt* st, int at, const ThemeRow& t) { bind_row(st, at, id, t.tag, t.rank, t.score); };
    if (!insert_rows(themes_, rows->themes, theme)) return fail("cannot insert a theme of " + film.path);
    auto scene = [&](sqlite3_stmt* st, int at, const SceneRow& s) {
      bind_row(st, at, id, s.index, s.heading, s.section, s.first_line, s.last_line, s.dialogue_words, s.action_words,
               s.valence);
    };
    if (!insert_rows(scenes_, rows->scenes, scene)) return fail("cannot insert a scene of " + film.path);
    std::vector<std::pair<long long, std::string_view>> appearances;
    for (const SceneRow& s : rows->scenes)
      for (const std::string& character_id : s.characters) appearances.emplace_back(s.index, character_id);
    auto appearance = [&](sqlite3_stmt* st, int at, const std::pair<long long, std::string_view>& a) {
      bind_row(st, at, id, a.first, a.second);
    };
    if (!insert_rows(appearances_, appearances, appearance))
      return fail("cannot insert a scene appearance of " + film.path);
  }
  if (++films_in_transaction_ >= kFilmsPerTransaction) {
    if (!exec("COMMIT").empty()) return fail("cannot commit");
    films_in_transaction_ = 0;
  }
  return {};
}

std::string CorpusDatabaseWriter::finish() {
  if (films_in_transaction_ > 0 && !exec("COMMIT").empty()) return fail("cannot commit");
  films_in_transaction_ = 0;
  if (!exec(kCorpusIndexes).empty()) return fail("cannot index the database");
  close_all();
  std::error_code ignored;
  if (!sync_file(temporary_)) {
    std::filesystem::remove(temporary_, ignored);
    return "cannot flush the database to disk";
  }
  std::error_code ec;
  std::filesystem::rename(temporary_, destination_, ec);
  if (ec) {
    std::filesystem::remove(temporary_, ignored);
    return "cannot move the database into place: " + ec.message();
  }
  return {};
}

}  // namespace filmscope::batch

// Writing filmscope.sqlite (see corpus_database.h).
#include "batch/corpus_database.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cstdio>
#include <system_error>

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
  for (sqlite3_stmt** statement : {&insert_film_, &insert_character_, &insert_relationship_,
                                   &insert_theme_, &insert_scene_, &insert_appearance_}) {
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
  struct Statement {
    sqlite3_stmt** target;
    const char* sql;
  };
  const Statement statements[] = {
      {&insert_film_,
       "INSERT INTO films (film_id, path, status, error, format, encoding, title, year, scenes, "
       "characters, relationships, graph_density, graph_communities, arc_shape) "
       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"},
      {&insert_character_,
       "INSERT OR IGNORE INTO characters (film_id, character_id, rank, name, actor, gender, "
       "mentions, dialogue_words, degree, weighted_degree, betweenness, eigenvector, community) "
       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"},
      {&insert_relationship_,
       "INSERT OR IGNORE INTO relationships (film_id, source_id, target_id, weight, "
       "shared_scenes, kinds) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"},
      {&insert_theme_, "INSERT OR IGNORE INTO themes (film_id, tag, rank, score) VALUES (?1, ?2, ?3, ?4)"},
      {&insert_scene_,
       "INSERT OR IGNORE INTO scenes (film_id, scene_index, heading, section, first_line, "
       "last_line, dialogue_words, action_words, valence) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"},
      {&insert_appearance_,
       "INSERT OR IGNORE INTO scene_characters (film_id, scene_index, character_id) VALUES (?1, ?2, ?3)"},
  };
  for (const Statement& s : statements)
    if (sqlite3_prepare_v2(db_, s.sql, -1, s.target, nullptr) != SQLITE_OK)
      return fail("cannot prepare a statement");
  return {};
}

std::string CorpusDatabaseWriter::add_film(const FilmEntry& film) {
  if (films_in_transaction_ == 0 && !exec("BEGIN").empty()) return fail("cannot begin a transaction");
  auto step = [&](sqlite3_stmt* statement) {
    int code = sqlite3_step(statement);
    sqlite3_reset(statement);
    sqlite3_clear_bindings(statement);
    return code == SQLITE_DONE;
  };
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
  if (!step(insert_film_)) return fail("cannot insert film " + film.path);
  if (rows) {
    for (const CharacterRow& c : rows->characters) {
      sqlite3_bind_int64(insert_character_, 1, film.film_id);
      bind_text(insert_character_, 2, c.id);
      sqlite3_bind_int64(insert_character_, 3, static_cast<long long>(c.rank));
      bind_text(insert_character_, 4, c.name);
      bind_optional_text(insert_character_, 5, c.actor);
      bind_text(insert_character_, 6, c.gender);
      sqlite3_bind_int64(insert_character_, 7, c.mentions);
      sqlite3_bind_int64(insert_character_, 8, c.dialogue_words);
      sqlite3_bind_int64(insert_character_, 9, c.degree);
      sqlite3_bind_double(insert_character_, 10, c.weighted_degree);
      sqlite3_bind_double(insert_character_, 11, c.betweenness);
      sqlite3_bind_double(insert_character_, 12, c.eigenvector);
      sqlite3_bind_int64(insert_character_, 13, c.community);
      if (!step(insert_character_)) return fail("cannot insert a character of " + film.path);
    }
    for (const RelationshipRow& r : rows->relationships_rows) {
      sqlite3_bind_int64(insert_relationship_, 1, film.film_id);
      bind_text(insert_relationship_, 2, r.source);
      bind_text(insert_relationship_, 3, r.target);
      sqlite3_bind_double(insert_relationship_, 4, r.weight);
      sqlite3_bind_int64(insert_relationship_, 5, r.shared_scenes);
      bind_text(insert_relationship_, 6, r.kinds);
      if (!step(insert_relationship_)) return fail("cannot insert a relationship of " + film.path);
    }
    for (const ThemeRow& t : rows->themes) {
      sqlite3_bind_int64(insert_theme_, 1, film.film_id);
      bind_text(insert_theme_, 2, t.tag);
      sqlite3_bind_int64(insert_theme_, 3, static_cast<long long>(t.rank));
      sqlite3_bind_double(insert_theme_, 4, t.score);
      if (!step(insert_theme_)) return fail("cannot insert a theme of " + film.path);
    }
    for (const SceneRow& s : rows->scenes) {
      sqlite3_bind_int64(insert_scene_, 1, film.film_id);
      sqlite3_bind_int64(insert_scene_, 2, s.index);
      bind_optional_text(insert_scene_, 3, s.heading);
      bind_text(insert_scene_, 4, s.section);
      sqlite3_bind_int64(insert_scene_, 5, s.first_line);
      sqlite3_bind_int64(insert_scene_, 6, s.last_line);
      sqlite3_bind_int64(insert_scene_, 7, s.dialogue_words);
      sqlite3_bind_int64(insert_scene_, 8, s.action_words);
      sqlite3_bind_double(insert_scene_, 9, s.valence);
      if (!step(insert_scene_)) return fail("cannot insert a scene of " + film.path);
      for (const std::string& id : s.characters) {
        sqlite3_bind_int64(insert_appearance_, 1, film.film_id);
        sqlite3_bind_int64(insert_appearance_, 2, s.index);
        bind_text(insert_appearance_, 3, id);
        if (!step(insert_appearance_)) return fail("cannot insert a scene appearance of " + film.path);
      }
    }
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

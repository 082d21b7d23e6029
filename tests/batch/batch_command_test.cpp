// End-to-end tests of `filmscope batch` and `filmscope corpus`: a small corpus assembled in a
// temporary directory (the project's synopses, a binary file, a name with spaces, quotes, a
// colon and non-ASCII letters), its outputs, summary rows and database rows; sharding and
// merging; the JSON Lines stage; and a run killed with SIGKILL part-way, then resumed, whose
// outputs must equal an uninterrupted run's byte for byte.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <thread>

#include "cli/cli_test_util.h"

using namespace filmscope::testing;
namespace fs = std::filesystem;

extern char** environ;

namespace {

const std::string kOddName = "Amélie: \"l'été\" draft.txt";

// The corpus: corpora/*.txt, a binary file, an odd name in a subdirectory, a TSV to exclude.
void assemble_corpus(const fs::path& root, int copies = 1) {
  fs::create_directories(root / "sub dir");
  for (const auto& entry : fs::directory_iterator(corpora_dir())) {
    if (entry.path().extension() != ".txt") continue;
    for (int c = 0; c < copies; ++c) {
      std::string name = entry.path().stem().string() + (c == 0 ? "" : "-" + std::to_string(c)) + ".txt";
      fs::copy_file(entry.path(), root / name);
    }
  }
  fs::copy_file(corpora_dir() / "her.txt", root / "sub dir" / kOddName);
  std::string garbage;
  for (int i = 0; i < 4096; ++i) garbage += static_cast<char>((i * 7919 + 13) % 256);
  std::ofstream(root / "garbage.txt", std::ios::binary) << garbage;
  std::ofstream(root / "notes.tsv") << "a\tb\n";
}

std::size_t corpus_text_files() {
  std::size_t n = 0;
  for (const auto& entry : fs::directory_iterator(corpora_dir())) n += entry.path().extension() == ".txt";
  return n;
}

std::vector<std::string> csv_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find("\r\n", start);
    REQUIRE(end != std::string::npos);
    lines.push_back(text.substr(start, end - start));
    start = end + 2;
  }
  return lines;
}

// The first field of a CSV record, unquoted.
std::string first_csv_field(const std::string& line) {
  if (line.empty() || line[0] != '"') return line.substr(0, line.find(','));
  std::string field;
  for (std::size_t i = 1; i < line.size(); ++i) {
    if (line[i] == '"' && i + 1 < line.size() && line[i + 1] == '"') {
      field += '"';
      ++i;
    } else if (line[i] == '"') {
      break;
    } else {
      field += line[i];
    }
  }
  return field;
}

// Every file under `root`, relative path → content.
std::map<std::string, std::string> tree(const fs::path& root) {
  std::map<std::string, std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(root))
    if (entry.is_regular_file()) files[entry.path().lexically_relative(root).generic_string()] = read_file(entry.path());
  return files;
}

struct Database {
  sqlite3* db = nullptr;
  explicit Database(const fs::path& path) {
    REQUIRE(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  }
  ~Database() { sqlite3_close(db); }
  std::vector<std::vector<std::string>> query(const std::string& sql) const {
    sqlite3_stmt* statement = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) == SQLITE_OK);
    std::vector<std::vector<std::string>> rows;
    while (sqlite3_step(statement) == SQLITE_ROW) {
      std::vector<std::string> row;
      for (int c = 0; c < sqlite3_column_count(statement); ++c) {
        const unsigned char* text = sqlite3_column_text(statement, c);
        row.push_back(text ? reinterpret_cast<const char*>(text) : "NULL");
      }
      rows.push_back(row);
    }
    sqlite3_finalize(statement);
    return rows;
  }
};

// The two example queries of docs/batch.md.
const char* kLonelinessQuery =
    "SELECT f.title FROM films f JOIN themes t ON t.film_id = f.film_id "
    "WHERE t.tag = 'loneliness' AND t.rank <= 3 ORDER BY f.title";
const char* kCentralQuery =
    "SELECT c.name, f.title, c.eigenvector FROM characters c JOIN films f ON f.film_id = c.film_id "
    "ORDER BY c.eigenvector DESC, c.betweenness DESC, f.path, c.character_id LIMIT 10";

pid_t spawn_filmscope(const std::vector<std::string>& args) {
  std::vector<std::string> argv_strings{filmscope_binary().string()};
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& s : argv_strings) argv.push_back(s.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid = -1;
  int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  REQUIRE(rc == 0);
  return pid;
}

int wait_for(pid_t pid) {
  int status = 0;
  REQUIRE(::waitpid(pid, &status, 0) == pid);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
}

}  // namespace

TEST_CASE("batch analyses a corpus into per-input JSON, a summary and a database") {
  ScratchDir scratch;
  fs::path corpus = scratch.path() / "corpus";
  fs::path out = scratch.path() / "out";
  assemble_corpus(corpus);
  auto result = run_filmscope("batch " + shell_quote(corpus.string()) + " -o " + shell_quote(out.string()) +
                              " --jobs 2 --graphs --exclude '*.tsv'");
  CHECK(result.exit_code == 3);  // the binary file fails, the rest finish
  CHECK(result.out.empty());
  CHECK(result.err.find("garbage.txt") != std::string::npos);
  const std::size_t inputs = corpus_text_files() + 2;

  // Per-input outputs, the JSON identical to `filmscope analyze --format json`.
  fs::path her = corpus / "her.txt";
  auto analyzed = run_filmscope("analyze --format json " + shell_quote(her.string()));
  REQUIRE(analyzed.exit_code == 0);
  CHECK(read_file(out / "her.txt.json") == analyzed.out);
  CHECK(fs::exists(out / "her.txt.dot"));
  CHECK(fs::exists(out / "her.txt.graphml"));
  CHECK(fs::exists(out / "sub dir" / (kOddName + ".json")));
  CHECK(!fs::exists(out / "garbage.txt.json"));
  CHECK(!fs::exists(out / "notes.tsv.json"));

  // summary.csv: header, one row per input sorted by path, RFC 4180 quoting.
  auto lines = csv_lines(read_file(out / "summary.csv"));
  REQUIRE(lines.size() == inputs + 1);
  CHECK(lines[0] == "path,status,error,format,title,year,scenes,characters,top_characters,top_themes,arc_shape");
  std::vector<std::string> paths;
  for (std::size_t i = 1; i < lines.size(); ++i) paths.push_back(first_csv_field(lines[i]));
  CHECK(std::is_sorted(paths.begin(), paths.end()));
  CHECK(std::find(paths.begin(), paths.end(), "sub dir/" + kOddName) != paths.end());
  bool saw_garbage = false;
  bool saw_odd = false;
  for (const auto& line : lines) {
    if (line.starts_with("garbage.txt,error,")) saw_garbage = line.size() > std::string("garbage.txt,error,").size() + 10;
    if (line.starts_with("\"sub dir/Amélie: \"\"l'été\"\" draft.txt\",ok,,synopsis,Her,2013,")) saw_odd = true;
    if (line.starts_with("her.txt,")) CHECK(line.find(",ok,,synopsis,Her,2013,") != std::string::npos);
  }
  CHECK(saw_garbage);
  CHECK(saw_odd);
  CHECK(csv_lines(read_file(out / "timings.csv")).size() == inputs + 1);

  // The database agrees with the JSON files.
  Database db(out / "filmscope.sqlite");
  CHECK(db.query("SELECT count(*) FROM films")[0][0] == std::to_string(inputs));
  CHECK(db.query("SELECT status, error != '' FROM films WHERE path = 'garbage.txt'") ==
        std::vector<std::vector<std::string>>{{"error", "1"}});
  std::vector<std::string> lonely_expected;
  double best_eigenvector = 0.0;
  std::size_t json_characters = 0;
  for (const auto& entry : fs::recursive_directory_iterator(out)) {
    std::string name = entry.path().filename().string();
    if (!entry.is_regular_file() || !name.ends_with(".txt.json") ||
        entry.path().parent_path().filename() == ".manifest")
      continue;
    auto doc = nlohmann::json::parse(read_file(entry.path()));
    json_characters += doc["characters"].size();
    for (const auto& c : doc["characters"]) best_eigenvector = std::max(best_eigenvector, c["centrality"]["eigenvector"].get<double>());
    for (std::size_t i = 0; i < doc["themes"].size() && i < 3; ++i)
      if (doc["themes"][i]["tag"] == "loneliness") lonely_expected.push_back(doc["film"]["title"]);
  }
  std::sort(lonely_expected.begin(), lonely_expected.end());
  CHECK(db.query("SELECT count(*) FROM characters")[0][0] == std::to_string(json_characters));
  // Every relationship and scene appearance joins to a character of the same film.
  CHECK(db.query("SELECT count(*) FROM relationships r LEFT JOIN characters c ON c.film_id = r.film_id "
                 "AND c.character_id = r.source_id WHERE c.character_id IS NULL")[0][0] == "0");
  CHECK(db.query("SELECT count(*) FROM scene_characters a LEFT JOIN characters c ON c.film_id = a.film_id "
                 "AND c.character_id = a.character_id WHERE c.character_id IS NULL")[0][0] == "0");
  std::vector<std::string> lonely;
  for (const auto& row : db.query(kLonelinessQuery)) lonely.push_back(row[0]);
  CHECK(lonely == lonely_expected);
  auto central = db.query(kCentralQuery);
  REQUIRE(central.size() == 10);
  CHECK(std::stod(central[0][2]) == Approx(best_eigenvector));
  for (std::size_t i = 1; i < central.size(); ++i) CHECK(std::stod(central[i - 1][2]) >= std::stod(central[i][2]));

  auto corpus_report = run_filmscope("corpus " + shell_quote(out.string()));
  CHECK(corpus_report.exit_code == 0);
  CHECK(corpus_report.out.find("Films: " + std::to_string(inputs - 1) + " analysed, 1 failed") != std::string::npos);
  CHECK(corpus_report.out.find("Theme prevalence") != std::string::npos);
  CHECK(corpus_report.out.find(central[0][0]) != std::string::npos);
  CHECK(corpus_report.out.find("Arc shapes") != std::string::npos);

  // Shards into one directory, then a merging --resume run, give the same summary and database.
  fs::path sharded = scratch.path() / "sharded";
  std::string common = shell_quote(corpus.string()) + " -o " + shell_quote(sharded.string()) +
                       " --jobs 2 --graphs --exclude '*.tsv' --quiet";
  CHECK(run_filmscope("batch " + common + " --shard 0/2").exit_code == 3);  // garbage.txt is in one shard
  auto second = run_filmscope("batch " + common + " --shard 1/2");
  CHECK((second.exit_code == 0 || second.exit_code == 3));
  CHECK(fs::exists(sharded / "summary-shard-0-of-2.csv"));
  CHECK(!fs::exists(sharded / "filmscope.sqlite"));
  CHECK(csv_lines(read_file(sharded / "summary-shard-0-of-2.csv")).size() +
            csv_lines(read_file(sharded / "summary-shard-1-of-2.csv")).size() == inputs + 2);
  CHECK(run_filmscope("batch " + common + " --resume").exit_code == 3);
  CHECK(read_file(sharded / "summary.csv") == read_file(out / "summary.csv"));
  CHECK(read_file(sharded / "filmscope.sqlite") == read_file(out / "filmscope.sqlite"));
  auto timings = read_file(sharded / "timings.csv");
  CHECK(timings.find(",0,") == std::string::npos);  // every input was resumed
}

TEST_CASE("batch reports usage errors with exit code 2 and succeeds with 0") {
  ScratchDir scratch;
  fs::path out = scratch.path() / "out";
  std::string her = shell_quote((corpora_dir() / "her.txt").string());
  CHECK(run_filmscope("batch " + her).exit_code == 2);
  CHECK(run_filmscope("batch -o " + shell_quote(out.string())).exit_code == 2);
  CHECK(run_filmscope("batch " + her + " -o " + shell_quote(out.string()) + " --shard 2/2").exit_code == 2);
  CHECK(run_filmscope("batch " + shell_quote((scratch.path() / "none").string()) + " -o " +
                      shell_quote(out.string())).exit_code == 2);
  auto ok = run_filmscope("batch " + her + " " + shell_quote((corpora_dir() / "moon.txt").string()) + " -o " +
                          shell_quote(out.string()) + " --quiet");
  CHECK(ok.exit_code == 0);
  CHECK(ok.err.empty());
  CHECK(csv_lines(read_file(out / "summary.csv")).size() == 3);
}

TEST_CASE("batch --jsonl - turns JSON Lines into analyses, one per line, in order") {
  ScratchDir scratch;
  std::string her_text = read_file(corpora_dir() / "her.txt");
  nlohmann::json first = {{"id", "her-inline"}, {"text", her_text}};
  nlohmann::json second = {{"path", (corpora_dir() / "moon.txt").string()}};
  fs::path input = scratch.write("in.jsonl", first.dump() + "\n\n" + second.dump() + "\n[1,2]\n" +
                                                 nlohmann::json({{"id", 7}, {"path", "/nonexistent"}}).dump() + "\n");
  fs::path output = scratch.path() / "out.jsonl";
  std::string command = shell_quote(filmscope_binary().string()) + " batch --jsonl - --jobs 2 < " +
                        shell_quote(input.string()) + " > " + shell_quote(output.string()) + " 2>/dev/null";
  int status = std::system(command.c_str());
  CHECK(WEXITSTATUS(status) == 3);
  auto lines = csv_lines([&] {
    std::string text = read_file(output);
    std::string crlf;
    for (char c : text) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
    return crlf;
  }());
  REQUIRE(lines.size() == 4);
  auto a = nlohmann::ordered_json::parse(lines[0]);
  CHECK(a["id"] == "her-inline");
  CHECK(a["schema"] == "filmscope/analysis@1");
  CHECK(a["film"]["title"] == "Her");
  CHECK(a.begin().key() == "id");
  auto b = nlohmann::json::parse(lines[1]);
  CHECK(b["id"] == (corpora_dir() / "moon.txt").string());
  CHECK(b["film"]["title"] == "Moon");
  CHECK(nlohmann::json::parse(lines[2]).contains("error"));
  auto d = nlohmann::json::parse(lines[3]);
  CHECK(d["id"] == 7);
  CHECK(d.contains("error"));
}

TEST_CASE("a batch killed part-way and resumed equals an uninterrupted run byte for byte") {
  ScratchDir scratch;
  fs::path corpus = scratch.path() / "corpus";
  assemble_corpus(corpus, 12);
  fs::path reference = scratch.path() / "reference";
  fs::path resumed = scratch.path() / "resumed";
  auto args = [&](const fs::path& out) {
    return std::vector<std::string>{"batch", corpus.string(), "-o", out.string(), "--jobs", "2",
                                    "--graphs", "--exclude", "*.tsv"};
  };
  auto start = std::chrono::steady_clock::now();
  CHECK(wait_for(spawn_filmscope(args(reference))) == 3);
  auto full = std::chrono::steady_clock::now() - start;
  INFO("uninterrupted run took " << std::chrono::duration<double>(full).count() << " s");

  // Kill twice at different points (early, then during the resumed run), then finish.
  int killed = 0;
  for (double fraction : {0.35, 0.3}) {
    auto run = args(resumed);
    if (killed > 0) run.push_back("--resume");
    pid_t pid = spawn_filmscope(run);
    std::this_thread::sleep_for(std::chrono::duration_cast<std::chrono::milliseconds>(full * fraction));
    ::kill(pid, SIGKILL);
    if (wait_for(pid) == -SIGKILL) ++killed;
  }
  CHECK(killed >= 1);
  auto run = args(resumed);
  run.push_back("--resume");
  CHECK(wait_for(spawn_filmscope(run)) == 3);

  auto expected = tree(reference);
  auto actual = tree(resumed);
  expected.erase("timings.csv");
  actual.erase("timings.csv");
  std::vector<std::string> expected_names;
  std::vector<std::string> actual_names;
  for (const auto& [name, content] : expected) expected_names.push_back(name);
  for (const auto& [name, content] : actual) actual_names.push_back(name);
  REQUIRE(actual_names == expected_names);
  for (const auto& [name, content] : expected) {
    INFO(name);
    CHECK(actual[name] == content);
    CHECK(name.find(".tmp-") == std::string::npos);
  }
}

TEST_CASE("batch --report writes a page per input and an index linking them; --resume keeps them") {
  ScratchDir scratch;
  fs::path corpus = scratch.path() / "corpus";
  fs::path out = scratch.path() / "out";
  assemble_corpus(corpus);
  std::string args = "batch " + shell_quote(corpus.string()) + " -o " + shell_quote(out.string()) +
                     " --jobs 2 --report --exclude '*.tsv' --quiet";
  CHECK(run_filmscope(args).exit_code == 3);  // garbage.txt fails
  auto single = run_filmscope("report " + shell_quote((corpus / "her.txt").string()));
  REQUIRE(single.exit_code == 0);
  CHECK(read_file(out / "her.txt.html") == single.out);
  CHECK(fs::exists(out / "sub dir" / (kOddName + ".html")));
  CHECK(!fs::exists(out / "garbage.txt.html"));
  std::string index = read_file(out / "index.html");
  const std::size_t inputs = corpus_text_files() + 2;
  std::size_t rows = 0;
  for (std::size_t at = index.find("<tr"); at != std::string::npos; at = index.find("<tr", at + 1)) ++rows;
  CHECK(rows == inputs + 1);  // the header and one row per input
  CHECK(index.find("href=\"her.txt.html\"") != std::string::npos);
  CHECK(index.find("href=\"sub%20dir/Am%C3%A9lie%3A%20%22l%27%C3%A9t%C3%A9%22%20draft.txt.html\"") != std::string::npos);
  CHECK(index.find("<tr class=\"failed\"><td>garbage.txt</td>") != std::string::npos);

  // A resumed run analyses nothing again and leaves every page byte-identical.
  std::string her_page = read_file(out / "her.txt.html");
  auto resumed = run_filmscope(args + " --resume");
  CHECK(resumed.exit_code == 3);
  CHECK(read_file(out / "her.txt.html") == her_page);
  CHECK(read_file(out / "index.html") == index);
  // Without --report the pages and the index go.
  CHECK(run_filmscope("batch " + shell_quote(corpus.string()) + " -o " + shell_quote(out.string()) +
                      " --jobs 2 --exclude '*.tsv' --quiet --resume").exit_code == 3);
  CHECK(!fs::exists(out / "her.txt.html"));
  CHECK(!fs::exists(out / "index.html"));
}

// GraphML export: well-formed, typed keys, escaping, and a round trip through networkx.
#include "export/graphml_export.h"

#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>

#include "export/sample_analysis.h"
#include "support/test_paths.h"

using filmscope::testing::sample_analysis;

namespace {

// Debian's interpreter, where python3-networkx installs; a pyenv or venv python on PATH may not
// have it.
constexpr const char* kSystemPython = "/usr/bin/python3";

std::filesystem::path temp_path(const std::string& suffix) {
  std::random_device rd;
  return std::filesystem::temp_directory_path() /
         ("filmscope-graphml-" + std::to_string(rd()) + std::to_string(rd()) + suffix);
}

struct Run {
  int status = -1;
  std::string out;
  std::string err;
};

Run run_python(const std::string& script, const std::filesystem::path& argument) {
  auto script_path = temp_path(".py");
  auto out_path = temp_path(".out");
  auto err_path = temp_path(".err");
  {
    std::ofstream out(script_path, std::ios::binary);
    out << script;
  }
  std::string command = std::string(kSystemPython) + " '" + script_path.string() + "' '" +
                        argument.string() + "' >'" + out_path.string() + "' 2>'" +
                        err_path.string() + "'";
  int status = std::system(command.c_str());
  Run run;
  run.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  run.out = filmscope::testing::read_file(out_path);
  run.err = filmscope::testing::read_file(err_path);
  std::filesystem::remove(script_path);
  std::filesystem::remove(out_path);
  std::filesystem::remove(err_path);
  return run;
}

bool have_networkx() {
  if (!std::filesystem::exists(kSystemPython)) return false;
  std::string command = std::string(kSystemPython) + " -c 'import networkx' >/dev/null 2>&1";
  return std::system(command.c_str()) == 0;
}

}  // namespace

TEST_CASE("GraphML declares typed keys and escapes text", "[graphml]") {
  std::string xml = filmscope::to_graphml(sample_analysis());
  CHECK(xml.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml ", 0) == 0);
  CHECK(xml.find("<key id=\"n_eigenvector\" for=\"node\" attr.name=\"eigenvector\" "
                 "attr.type=\"double\"/>") != std::string::npos);
  CHECK(xml.find("<key id=\"n_community\" for=\"node\" attr.name=\"community\" "
                 "attr.type=\"int\"/>") != std::string::npos);
  CHECK(xml.find("<key id=\"e_kinds\" for=\"edge\" attr.name=\"kinds\" attr.type=\"string\"/>") !=
        std::string::npos);
  CHECK(xml.find("<graph id=\"G\" edgedefault=\"undirected\">") != std::string::npos);
  CHECK(xml.find("<data key=\"n_name\">Dr. &quot;Doc&quot; Brown</data>") != std::string::npos);
  CHECK(xml.find("<data key=\"n_name\">Nobody &lt;&amp;&gt;</data>") != std::string::npos);
  CHECK(xml.find("<data key=\"n_name\">荻野千尋</data>") != std::string::npos);
  CHECK(xml.find("<data key=\"g_title\">The &quot;Quoted&quot; Film &amp; Co &lt;Ltd&gt;</data>") !=
        std::string::npos);
  CHECK(xml.back() == '\n');
  CHECK(filmscope::to_graphml(sample_analysis()) == xml);
}

TEST_CASE("networkx reads the GraphML with ids, values and types", "[graphml][networkx]") {
  if (!have_networkx()) {
    WARN("/usr/bin/python3 with networkx (python3-networkx) is not available: skipped");
    return;
  }
  auto analysis = sample_analysis();
  auto path = temp_path(".graphml");
  {
    std::ofstream out(path, std::ios::binary);
    out << filmscope::to_graphml(analysis);
  }
  // Prints one line per check so that a failure shows which attribute was wrong.
  const std::string script = R"(import sys
import networkx as nx
g = nx.read_graphml(sys.argv[1])
print("directed", g.is_directed())
print("title", g.graph["title"])
print("year", type(g.graph["year"]).__name__, g.graph["year"])
print("nodes", ",".join(g.nodes))
d = g.nodes["doc-brown"]
print("name", d["name"])
print("actor", d["actor"])
print("types", type(d["mentions"]).__name__, type(d["degree"]).__name__,
      type(d["community"]).__name__, type(d["eigenvector"]).__name__,
      type(d["betweenness"]).__name__, type(d["weighted_degree"]).__name__)
print("values", d["mentions"], d["degree"], d["weighted_degree"], d["betweenness"], d["gender"])
print("no-actor", "actor" in g.nodes["back-slash"])
print("backslash", g.nodes["back-slash"]["name"])
print("cjk", g.nodes["chihiro"]["name"], g.nodes["chihiro"]["actor"])
print("markup", g.nodes["nobody"]["name"])
e = g.edges["amelie-poulain", "doc-brown"]
print("edge", type(e["weight"]).__name__, e["weight"], type(e["shared_scenes"]).__name__,
      e["shared_scenes"], e["kinds"])
print("edges", g.number_of_edges())
)";
  Run run = run_python(script, path);
  std::filesystem::remove(path);
  INFO(run.err);
  REQUIRE(run.status == 0);
  std::vector<std::string> expected{
      "directed False",
      "title The \"Quoted\" Film & Co <Ltd>",
      "year int 1999",
      "nodes doc-brown,back-slash,amelie-poulain,chihiro,nobody",
      "name Dr. \"Doc\" Brown",
      "actor Christopher Lloyd",
      "types int int int float float float",
      "values 5 2 4.0 0.333333 male",
      "no-actor False",
      "backslash Back\\Slash",
      "cjk 荻野千尋 柊瑠美",
      "markup Nobody <&>",
      "edge float 3.0 int 3 friend, ally",
      "edges 3",
  };
  std::string want;
  for (const auto& line : expected) want += line + "\n";
  CHECK(run.out == want);
}

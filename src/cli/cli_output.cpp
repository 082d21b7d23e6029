// Output and error reporting shared by the subcommands (see cli_output.h).
#include "cli/cli_output.h"

#include <cstdio>
#include <exception>
#include <iostream>
#include <string>

#include "cli/commands.h"
#include "io/atomic_write.h"

namespace filmscope::cli {

bool is_stdout(std::string_view output_path) { return output_path.empty() || output_path == "-"; }

void report_error(std::string_view message) {
  std::string line = "filmscope: ";
  for (char c : message) line += (c == '\n' || c == '\r') ? ' ' : c;
  line += '\n';
  std::cerr << line << std::flush;
}

int run_reporting_throws(std::string_view subject, int exit_code_on_throw, const std::function<int()>& body) {
  try {
    return body();
  } catch (const std::exception& e) {
    report_error(std::string(subject) + ": " + e.what());
    return exit_code_on_throw;
  }
}

int emit_output(const std::string& output_path, std::string_view content) {
  if (is_stdout(output_path)) {
    std::cout.write(content.data(), static_cast<std::streamsize>(content.size()));
    std::cout.flush();
    if (!std::cout) {
      report_error("<stdout>: cannot write the output");
      return kExitOutputError;
    }
    return kExitOk;
  }
  std::string problem = write_file_atomically(output_path, content);
  if (!problem.empty()) {
    report_error(output_path + ": " + problem);
    return kExitOutputError;
  }
  return kExitOk;
}

void add_input_format_option(CLI::App& command, std::string& input_format) {
  command
      .add_option("--input-format", input_format,
                  "Input format, instead of detecting it: synopsis, fountain, plaintext, fdx")
      ->check(CLI::IsMember({"synopsis", "fountain", "plaintext", "fdx"}));
}

void add_output_option(CLI::App& command, std::string& output) {
  command.add_option("-o,--output", output,
                     "Write to this file (atomically) instead of standard output; - is stdout");
}

}  // namespace filmscope::cli

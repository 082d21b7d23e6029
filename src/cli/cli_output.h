// Where a subcommand's output goes and how its failures are reported: the document to stdout
// or, atomically, to the -o file; errors as one line "filmscope: <path>: <problem>" on stderr.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <string>
#include <string_view>

namespace filmscope::cli {

// "-" (and the empty string, meaning no -o) stand for standard output.
bool is_stdout(std::string_view output_path);

// Writes `content` to stdout or atomically to `output_path`. Returns kExitOk, or reports the
// failure on stderr and returns kExitOutputError.
int emit_output(const std::string& output_path, std::string_view content);

// The options every single-input subcommand shares: --input-format and -o/--output.
void add_input_format_option(CLI::App& command, std::string& input_format);
void add_output_option(CLI::App& command, std::string& output);

// Prints "filmscope: <message>" on stderr, as one line (line breaks in `message` become spaces).
void report_error(std::string_view message);

// Runs a subcommand's body. Anything it throws becomes the one line "<subject>: <what>" and
// `exit_code_on_throw`: the library reports user errors as values, so what is thrown is a bug
// or exhaustion, and even that must end in a line and an exit code, never a crash.
int run_reporting_throws(std::string_view subject, int exit_code_on_throw, const std::function<int()>& body);

}  // namespace filmscope::cli

// CSV output as RFC 4180 describes it: comma-separated fields, CRLF record ends, a field quoted
// when it holds a comma, a double quote, CR or LF (a quote inside is doubled). Other fields are
// written bare so that the common case stays readable.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace filmscope::batch {

std::string csv_field(std::string_view value);

// One record with its CRLF terminator.
std::string csv_record(const std::vector<std::string>& fields);

}  // namespace filmscope::batch

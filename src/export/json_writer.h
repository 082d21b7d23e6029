// JSON text from an nlohmann::ordered_json value, byte for byte what the library's own
// dump(indent, ' ', false, error_handler_t::replace) writes, at several times its speed.
//
// Takes: a value and an indent (two-space documents use 2; -1 writes one compact line).
// Produces: the text, without a trailing newline.
// Method: a direct walk that appends to one string. Numbers go through the library's own
// shortest round-trip float formatting, so they print identically; strings are copied in runs
// and only the characters JSON requires are escaped (the library's rules with ensure_ascii off:
// \b \t \n \f \r \" \\ and \u00XX for other control characters). A string that is not valid
// UTF-8 is handed to the library, whose replacement of bad bytes by U+FFFD is kept exactly.
// Why: the library's serializer decodes every byte through a UTF-8 automaton and writes through
// a virtual output adapter, which made writing a film's JSON cost as much as its analysis.
#pragma once

#include <string>

#include <nlohmann/json_fwd.hpp>

namespace filmscope {

std::string json_text(const nlohmann::ordered_json& value, int indent);

}  // namespace filmscope

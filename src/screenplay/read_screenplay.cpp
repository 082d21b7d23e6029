// Screenplay reader dispatch. See read_screenplay.h.
#include "screenplay/read_screenplay.h"

#include "screenplay/fdx_reader.h"
#include "screenplay/fountain_reader.h"
#include "screenplay/plaintext_reader.h"

namespace filmscope {

std::optional<ScreenplayDocument> read_screenplay(std::string_view text, InputFormat format) {
  switch (format) {
    case InputFormat::fountain: return read_fountain(text);
    case InputFormat::fdx: return read_fdx(text);
    case InputFormat::plaintext: return read_plaintext_screenplay(text);
    case InputFormat::synopsis: return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace filmscope

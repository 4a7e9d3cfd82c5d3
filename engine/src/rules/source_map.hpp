// Locating a character of a TOML string value in its file, for compiler-style carets.
#pragma once

#include <cstddef>
#include <string_view>

#include "caucus/diagnostics.hpp"

namespace caucus {

// `value` is where TOML++ says a string value starts (its opening quote). Returns the line and
// column, in the file `file_text`, of byte `index` of the decoded string: escapes of basic
// strings and the newline after an opening triple quote are accounted for.
SourceLocation locate_in_string(std::string_view file_text, const SourceLocation& value, std::size_t index);

}  // namespace caucus

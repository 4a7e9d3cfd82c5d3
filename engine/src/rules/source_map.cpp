#include "source_map.hpp"

#include <cctype>
#include <cstdint>

#include "caucus/text.hpp"

namespace caucus {

SourceLocation locate_in_string(std::string_view file_text, const SourceLocation& value, std::size_t index) {
  if (value.line == 0) return value;
  LineIndex lines(file_text);
  const std::string_view line = lines.line_text(value.line);
  // Byte position of the value's column (columns count code points).
  std::size_t pos = static_cast<std::size_t>(line.data() - file_text.data());
  for (uint32_t column = 1; column < value.column && pos < file_text.size(); ++column) {
    pos += static_cast<std::size_t>(utf8_sequence_length(static_cast<unsigned char>(file_text[pos])));
  }
  const std::string_view rest = file_text.substr(pos);
  const bool literal = !rest.empty() && rest[0] == '\'';
  if (rest.starts_with("'''") || rest.starts_with("\"\"\"")) {
    pos += 3;
    if (file_text.substr(pos).starts_with("\r\n")) pos += 2;
    else if (file_text.substr(pos).starts_with("\n")) pos += 1;
  } else if (!rest.empty() && (rest[0] == '\'' || rest[0] == '"')) {
    pos += 1;
  } else {
    return value;
  }
  // Walk the raw text and the decoded string together.
  for (std::size_t decoded = 0; decoded < index && pos < file_text.size();) {
    const char c = file_text[pos];
    if (!literal && c == '\\' && pos + 1 < file_text.size()) {
      const char e = file_text[pos + 1];
      if (e == 'u' || e == 'U') {
        const std::size_t digits = e == 'u' ? 4 : 8;
        // The escaped code point takes 1 to 4 bytes of the decoded string.
        uint32_t code_point = 0;
        for (std::size_t k = 0; k < digits && pos + 2 + k < file_text.size(); ++k) {
          const char h = file_text[pos + 2 + k];
          code_point = code_point * 16 + static_cast<uint32_t>(std::isdigit(static_cast<unsigned char>(h)) ? h - '0'
                                                                : (std::tolower(static_cast<unsigned char>(h)) - 'a' + 10));
        }
        pos += 2 + digits;
        decoded += code_point < 0x80 ? 1 : code_point < 0x800 ? 2 : code_point < 0x10000 ? 3 : 4;
      } else if (e == '\n' || e == '\r' || e == ' ' || e == '\t') {
        // Line-ending backslash: the break and the white space after it vanish.
        ++pos;
        while (pos < file_text.size() && (file_text[pos] == ' ' || file_text[pos] == '\t' || file_text[pos] == '\n' ||
                                          file_text[pos] == '\r')) {
          ++pos;
        }
      } else {
        pos += 2;
        decoded += 1;
      }
      continue;
    }
    const int length = utf8_sequence_length(static_cast<unsigned char>(c));
    pos += static_cast<std::size_t>(length);
    decoded += static_cast<std::size_t>(length);
  }
  const LineColumn where = lines.locate(static_cast<uint32_t>(pos));
  return {value.path, where.line, where.column};
}

}  // namespace caucus

// Reading documents: bytes from files or streams to validated UTF-8 Documents.
//
// Every problem with an input (unreadable, not UTF-8, binary, empty) becomes a diagnostic
// naming the file and, where it applies, the byte offset; the caller goes on with the next.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "caucus/diagnostics.hpp"
#include "caucus/document.hpp"

namespace caucus {

enum class EncodingErrors { fail, replace };

struct ReadOptions {
  // "" reads UTF-8 (and UTF-16 announced by a byte-order mark); any other name is an ICU
  // converter name ("windows-1252", "utf-16le", "latin1", ...).
  std::string encoding;
  EncodingErrors encoding_errors = EncodingErrors::fail;
  // Documents larger than this are refused (D007); 0 = no limit.
  uint64_t max_bytes = 0;
};

// Turns raw bytes into a Document: drops a byte-order mark, decodes, validates UTF-8.
// Returns nullopt (with an error in `diagnostics`) if the bytes cannot be a text document.
std::optional<Document> make_document(std::string name, std::string bytes, const ReadOptions& options,
                                      Diagnostics& diagnostics);

// Reads a file and calls make_document; the document's name is the path as given.
std::optional<Document> read_document(const std::filesystem::path& path, const ReadOptions& options,
                                      Diagnostics& diagnostics);

// Expands inputs: files as they are, directories recursively to their *.txt files in sorted
// order (so runs are reproducible). "-" is kept as is (stdin). Missing paths are reported.
std::vector<std::string> expand_inputs(const std::vector<std::string>& inputs, Diagnostics& diagnostics);

// Reads a whole file as bytes (rule files, pipelines); nullopt if it cannot be read.
std::optional<std::string> read_text_file(const std::string& path);

// Appends everything left in `in` to `out`, a block at a time; false on a read error.
bool read_all(std::istream& in, std::string& out);

// True if `encoding` names a converter ICU knows.
bool is_known_encoding(const std::string& encoding);

}  // namespace caucus

#include "caucus/reader.hpp"

#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <memory>

namespace caucus {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// Decodes `bytes` from `encoding` with ICU. Returns nullopt and reports if ICU cannot.
std::optional<std::string> decode(const std::string& name, std::string_view bytes, const std::string& encoding,
                                  Diagnostics& diagnostics) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, decltype(&ucnv_close)> converter(ucnv_open(encoding.c_str(), &status), ucnv_close);
  if (U_FAILURE(status)) {
    diagnostics.error("D008", "unknown encoding '" + encoding + "'", {name});
    return std::nullopt;
  }
  // Stop at the first byte that is not valid in the encoding instead of inventing text.
  ucnv_setToUCallBack(converter.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  icu::UnicodeString unicode(bytes.data(), static_cast<int32_t>(bytes.size()), converter.get(), status);
  if (U_FAILURE(status)) {
    diagnostics.error("D002", "the file is not valid " + encoding, {name});
    return std::nullopt;
  }
  std::string utf8;
  unicode.toUTF8String(utf8);
  return utf8;
}

bool looks_like_utf16(std::string_view bytes) {
  // Text in UTF-16 without a byte-order mark has a NUL in every other byte of ASCII.
  const std::size_t n = std::min<std::size_t>(bytes.size(), 4096);
  if (n < 4) return false;
  std::size_t even = 0, odd = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (bytes[i] == '\0') (i % 2 ? odd : even)++;
  }
  return std::max(even, odd) > n / 4 && std::min(even, odd) <= n / 50;
}

// Windows-1252 text is invalid UTF-8 mostly because of curly quotes and dashes (0x91-0x97).
bool looks_like_windows_1252(std::string_view bytes, std::size_t bad) {
  const auto byte = static_cast<unsigned char>(bytes[bad]);
  return (byte >= 0x80 && byte <= 0x9F) || byte >= 0xC0;
}

// Offsets into a document are 32-bit: a longer one is refused, whatever max_bytes says.
constexpr uint64_t kLargestDocument = UINT32_MAX - 1;

// False (with D007) if a document of `size` bytes is over the limit.
bool within_limit(uint64_t size, const ReadOptions& options, const std::string& name, Diagnostics& diagnostics) {
  const uint64_t limit = options.max_bytes ? std::min<uint64_t>(options.max_bytes, kLargestDocument) : kLargestDocument;
  if (size <= limit) return true;
  auto& d = diagnostics.error("D007", "document is " + std::to_string(size) + " bytes, over the limit of " + std::to_string(limit), {name});
  if (limit == kLargestDocument) d.notes.push_back("offsets are 32-bit: split the document (4 GiB at most)");
  return false;
}

}  // namespace

bool is_known_encoding(const std::string& encoding) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* converter = ucnv_open(encoding.c_str(), &status);
  if (converter) ucnv_close(converter);
  return U_SUCCESS(status);
}

std::optional<Document> make_document(std::string name, std::string bytes, const ReadOptions& options,
                                      Diagnostics& diagnostics) {
  if (!within_limit(bytes.size(), options, name, diagnostics)) return std::nullopt;
  if (!options.encoding.empty() && options.encoding != "utf-8" && options.encoding != "UTF-8") {
    auto decoded = decode(name, bytes, options.encoding, diagnostics);
    if (!decoded || !within_limit(decoded->size(), options, name, diagnostics)) return std::nullopt;
    bytes = std::move(*decoded);
  } else if (bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') || (bytes[0] == '\xFE' && bytes[1] == '\xFF'))) {
    // A UTF-16 byte-order mark says what the file is: read it, and say so.
    auto decoded = decode(name, bytes, "UTF-16", diagnostics);
    if (!decoded || !within_limit(decoded->size(), options, name, diagnostics)) return std::nullopt;
    diagnostics.warning("D003", "read as UTF-16 (the file starts with a UTF-16 byte-order mark)", {name});
    bytes = std::move(*decoded);
  }
  if (bytes.starts_with(kUtf8Bom)) bytes.erase(0, kUtf8Bom.size());

  if (const auto nul = bytes.find('\0'); nul != std::string::npos) {
    auto& d = diagnostics.error("D004", "binary data: NUL byte at byte offset " + std::to_string(nul), {name});
    if (looks_like_utf16(bytes)) d.notes.push_back("this looks like UTF-16 without a byte-order mark: try --encoding utf-16le");
    return std::nullopt;
  }
  if (const auto bad = find_invalid_utf8(bytes); bad != std::string::npos) {
    if (options.encoding_errors == EncodingErrors::replace) {
      diagnostics.warning("D002", "invalid UTF-8 at byte offset " + std::to_string(bad) + " replaced by U+FFFD", {name});
      bytes = replace_invalid_utf8(bytes);
    } else {
      auto& d = diagnostics.error("D002", "invalid UTF-8 at byte offset " + std::to_string(bad), {name});
      if (looks_like_windows_1252(bytes, bad)) d.notes.push_back("this looks like Windows-1252: try --encoding windows-1252");
      d.notes.push_back("--encoding-errors=replace reads it with U+FFFD for each invalid sequence");
      return std::nullopt;
    }
  }
  if (bytes.find_first_not_of(" \t\r\n\f\v") == std::string::npos) {
    diagnostics.warning("D005", "empty document", {name});
  }
  return Document(std::move(name), std::move(bytes));
}

std::optional<Document> read_document(const std::filesystem::path& path, const ReadOptions& options,
                                      Diagnostics& diagnostics) {
  const std::string name = path.string();
  std::error_code error;
  if (std::filesystem::is_directory(path, error)) {
    diagnostics.error("D001", "is a directory, not a document", {name});
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    diagnostics.error("D001", std::string("cannot open: ") + std::strerror(errno), {name});
    return std::nullopt;
  }
  std::string bytes;
  const auto size = std::filesystem::file_size(path, error);
  if (!error && !within_limit(size, options, name, diagnostics)) return std::nullopt;
  if (!error) bytes.reserve(size + 1);  // + 1: room for the read that finds the end
  if (!read_all(in, bytes)) {
    diagnostics.error("D001", std::string("read error: ") + std::strerror(errno), {name});
    return std::nullopt;
  }
  return make_document(name, std::move(bytes), options, diagnostics);
}

bool read_all(std::istream& in, std::string& out) {
  // Whole blocks, not a character at a time through istreambuf_iterator (ten times slower).
  constexpr std::size_t kBlock = 1 << 16;
  while (in) {
    // Within the room a caller reserved when it knew the size (so that the last read does
    // not double a long document's buffer); a block at a time past it.
    const std::size_t before = out.size();
    const std::size_t room = out.capacity() - before;
    const std::size_t want = room ? std::min(room, kBlock) : kBlock;
    out.resize(before + want);
    in.read(out.data() + before, static_cast<std::streamsize>(want));
    out.resize(before + static_cast<std::size_t>(in.gcount()));
  }
  return !in.bad();
}

std::optional<std::string> read_text_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::string out;
  std::error_code error;
  if (const auto size = std::filesystem::file_size(path, error); !error) out.reserve(size + 1);
  if (!read_all(in, out)) return std::nullopt;
  return out;
}

std::vector<std::string> expand_inputs(const std::vector<std::string>& inputs, Diagnostics& diagnostics) {
  std::vector<std::string> out;
  for (const auto& input : inputs) {
    if (input == "-") {
      out.push_back(input);
      continue;
    }
    std::error_code error;
    const std::filesystem::path path(input);
    if (std::filesystem::is_directory(path, error)) {
      std::vector<std::string> found;
      std::filesystem::recursive_directory_iterator it(path, std::filesystem::directory_options::skip_permission_denied, error);
      for (; !error && it != std::filesystem::recursive_directory_iterator(); it.increment(error)) {
        // A link whose target is gone is listed too, so that it is reported, not skipped.
        const bool file = it->is_regular_file(error) || it->is_symlink(error);
        if (file && it->path().extension() == ".txt") found.push_back(it->path().string());
      }
      if (error) diagnostics.error("D001", "cannot list directory: " + error.message(), {input});
      std::sort(found.begin(), found.end());
      if (found.empty()) diagnostics.warning("D009", "no *.txt documents in directory", {input});
      out.insert(out.end(), found.begin(), found.end());
    } else if (std::filesystem::exists(path, error)) {
      out.push_back(input);
    } else {
      diagnostics.error("D001", "no such file or directory", {input});
    }
  }
  return out;
}

}  // namespace caucus

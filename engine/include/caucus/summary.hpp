// A compact, human-readable view of an annotated document: one line per speech and per
// annotation. `caucus annotate --format summary` prints it; golden tests compare it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "caucus/document.hpp"

namespace caucus {

struct SummaryOptions {
  // Annotation types to list; empty = all.
  std::vector<std::string> types;
  // Longest annotation text shown (code points); longer texts end in "...".
  std::size_t text_limit = 100;
};

std::string document_summary(const Document& document, const SummaryOptions& options = {});

// `text` on one line (runs of white space become one space), cut after `limit` code points
// with "..." when longer.
std::string one_line(std::string_view text, std::size_t limit = SIZE_MAX);

}  // namespace caucus

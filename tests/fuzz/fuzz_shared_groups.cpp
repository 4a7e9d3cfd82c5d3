// libFuzzer target, differential: a pattern with a repeated group and the same pattern with the
// group shared (shared_groups.hpp) must match the same text with the same captures.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "../../engine/src/rules/pattern.hpp"
#include "../../engine/src/rules/shared_groups.hpp"

namespace {

pcre2_code* compile(const std::string& pattern, bool caseless) {
  int error = 0;
  PCRE2_SIZE offset = 0;
  uint32_t options = PCRE2_UTF | PCRE2_UCP | PCRE2_DUPNAMES | PCRE2_MATCH_INVALID_UTF;
  if (caseless) options |= PCRE2_CASELESS;
  return pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern.data()), pattern.size(), options, &error, &offset, nullptr);
}

// The first match's offsets for the groups of the written-out pattern (`groups` of them), or
// nothing if the match limit was hit (the two forms may count steps differently).
bool first_match(pcre2_code* code, const std::string& subject, uint32_t groups, std::vector<long>& out) {
  pcre2_match_data* data = pcre2_match_data_create(256, nullptr);
  pcre2_match_context* context = pcre2_match_context_create(nullptr);
  pcre2_set_match_limit(context, 100000);
  pcre2_set_depth_limit(context, 1000);
  const int rc = pcre2_match(code, reinterpret_cast<PCRE2_SPTR>(subject.data()), subject.size(), 0, 0, data, context);
  bool ok = rc >= 0 || rc == PCRE2_ERROR_NOMATCH;
  out.clear();
  if (rc >= 0) {
    const PCRE2_SIZE* ov = pcre2_get_ovector_pointer(data);
    for (uint32_t i = 0; i <= groups && i < 256; ++i) {
      out.push_back(ov[2 * i] == PCRE2_UNSET ? -1 : static_cast<long>(ov[2 * i]));
      out.push_back(ov[2 * i + 1] == PCRE2_UNSET ? -1 : static_cast<long>(ov[2 * i + 1]));
    }
  } else {
    out.push_back(rc);
  }
  pcre2_match_context_free(context);
  pcre2_match_data_free(data);
  return ok;
}

}  // namespace

// Input: a byte of flags (caseless, the layout of the copies), two of lengths, then the repeated
// group's body, the text between the copies, and the subject.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 4) return 0;
  const bool caseless = data[0] & 1;
  const std::size_t body_length = 1 + data[1] % 48, between_length = data[2] % 16;
  const std::string rest(reinterpret_cast<const char*>(data + 3), size - 3);
  if (rest.size() < body_length + between_length) return 0;
  std::string body = rest.substr(0, body_length);
  while (body.size() < 170) body += body;  // long enough for two copies to be worth sharing (kMinSaving)
  const std::string between = rest.substr(body_length, between_length);
  // The subject: the body's text with its case swapped and as written, each twice (a body that
  // is mostly literal then matches, in one case setting or the other), then the input's own.
  std::string swapped = body;
  for (char& c : swapped) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
    else if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  const std::string subject = swapped + between + swapped + "\n" + body + between + body + "\n" +
                              rest.substr(body_length + between_length);
  const std::string group = "(?:" + body + ")";
  // The copies in different settings and places, as macros put them.
  std::string pattern;
  switch ((data[0] >> 1) % 5) {
    case 0: pattern = group + between + group + "|" + between + group; break;
    case 1: pattern = "(?-i:" + group + between + group + ")|" + group; break;
    case 2: pattern = "(?i:" + group + ")" + between + "(?m:" + group + between + group + ")|(?-i)" + group + group; break;
    case 3: pattern = "(?:" + group + "|" + between + "){1,3}" + group; break;
    default: pattern = "(?=" + group + ")" + between + "(?:x|" + group + ")" + group; break;
  }

  const std::string shared = caucus::share_repeated_groups(pattern, caseless);
  if (shared.empty()) return 0;
  pcre2_code* plain_code = compile(pattern, caseless);
  pcre2_code* shared_code = plain_code ? compile(shared, caseless) : nullptr;
  if (plain_code && shared_code) {
    uint32_t groups = 0;
    pcre2_pattern_info(plain_code, PCRE2_INFO_CAPTURECOUNT, &groups);
    std::vector<long> a, b;
    if (first_match(plain_code, subject, groups, a) && first_match(shared_code, subject, groups, b) && a != b) {
      __builtin_trap();  // the shared form matches differently
    }
  }
  pcre2_code_free(shared_code);
  pcre2_code_free(plain_code);
  return 0;
}

// Patterns whose JIT compiling runs on the background worker (see jit_worker.hpp): a match
// asked for before the machine code is ready must give what the finished pattern gives.
#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "../engine/src/rules/jit_worker.hpp"
#include "../engine/src/rules/pattern.hpp"

namespace caucus {
namespace {

// The start and end of the first match of `pattern` in `text`, or {-1, -1}.
std::pair<long, long> first_match(const CompiledPattern& pattern, const std::string& text) {
  pcre2_match_data* data = pcre2_match_data_create(8, nullptr);
  const int rc = pattern.match(reinterpret_cast<PCRE2_SPTR>(text.data()), text.size(), 0, data, nullptr);
  std::pair<long, long> out{-1, -1};
  if (rc > 0) {
    const PCRE2_SIZE* ov = pcre2_get_ovector_pointer(data);
    out = {static_cast<long>(ov[0]), static_cast<long>(ov[1])};
  }
  pcre2_match_data_free(data);
  return out;
}

// Many patterns, each matched as soon as it is compiled, from two threads at once, while the
// worker is still JIT compiling the ones before.
TEST(JitWorker, PatternsMatchBeforeAndAfterTheirMachineCode) {
  const std::string text = "Ireland aligns itself with the statement of the European Union (resolution 2388 (2017)).";
  std::vector<std::shared_ptr<const CompiledPattern>> patterns;
  std::vector<std::pair<long, long>> early;
  for (int i = 0; i < 40; ++i) {
    PatternError error;
    // Each a little different, so that none is a copy of another, and long enough to take
    // the worker a while.
    const std::string source = "(?:statement|position|view" + std::to_string(i) +
                               ")\\s+of\\s+the\\s+(?<group>(?:European|African|Arab)\\s+(?:Union|Group))|resolution\\s+(?<number>\\d{" +
                               std::to_string(1 + i % 4) + ",5})";
    auto compiled = compile_pattern(source, true, error);
    ASSERT_TRUE(compiled) << error.message;
    patterns.push_back(compiled);
    early.push_back(first_match(*compiled, text));
  }
  std::vector<std::pair<long, long>> other_thread(patterns.size());
  std::thread reader([&] {
    for (std::size_t i = 0; i < patterns.size(); ++i) other_thread[i] = first_match(*patterns[i], text);
  });
  reader.join();
  JitWorker::wait_all();
  for (std::size_t i = 0; i < patterns.size(); ++i) {
    EXPECT_FALSE(patterns[i]->jit_pending.load()) << i;
    EXPECT_TRUE(patterns[i]->jit) << i;  // Debian's PCRE2 has JIT support
    const auto late = first_match(*patterns[i], text);
    EXPECT_EQ(early[i], late) << i;
    EXPECT_EQ(other_thread[i], late) << i;
    EXPECT_EQ(late.first, 31) << i;  // "statement of the European Union"
  }
}

// A pattern compiled for checking only is never handed to the worker.
TEST(JitWorker, CheckedPatternsAreNotJitCompiled) {
  PatternError error;
  auto compiled = compile_pattern("a(b|c)d", false, error, Jit::skip);
  ASSERT_TRUE(compiled);
  EXPECT_FALSE(compiled->jit_pending.load());
  EXPECT_FALSE(compiled->jit);
  EXPECT_EQ(first_match(*compiled, "xxacd"), std::make_pair(2L, 5L));
}

}  // namespace
}  // namespace caucus

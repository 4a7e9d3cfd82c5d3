// Patterns finished (JIT compiled) on the background worker (see pattern_worker.hpp): a match
// asked for before the worker is done must give what the finished pattern gives.
#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "../engine/src/rules/pattern_worker.hpp"
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

// Many patterns, each matched as soon as it is compiled, then from another thread, while the
// worker may still be finishing the ones before.
TEST(PatternWorker, PatternsMatchBeforeAndAfterTheirMachineCode) {
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
  PatternWorker::wait_all();
  for (std::size_t i = 0; i < patterns.size(); ++i) {
    EXPECT_TRUE(patterns[i]->ready.load()) << i;
    EXPECT_TRUE(patterns[i]->jit) << i;  // Debian's PCRE2 has JIT support
    const auto late = first_match(*patterns[i], text);
    EXPECT_EQ(early[i], late) << i;
    EXPECT_EQ(other_thread[i], late) << i;
    EXPECT_EQ(late.first, 31) << i;  // "statement of the European Union"
  }
}

// A match never runs a pattern the worker has not finished: it finishes the pattern itself,
// or waits, and the pattern has its machine code from its first match on.
TEST(PatternWorker, PatternsAreJitCompiledBeforeTheirFirstMatch) {
  for (int round = 0; round < 20; ++round) {
    PatternError error;
    auto compiled = compile_pattern("(?<state>Ireland|France|State" + std::to_string(round) + ") aligns itself", true, error);
    ASSERT_TRUE(compiled) << error.message;
    EXPECT_EQ(first_match(*compiled, "Thus France aligns itself."), std::make_pair(5L, 25L));
    EXPECT_TRUE(compiled->ready.load());
    EXPECT_TRUE(compiled->jit);
  }
}

// Threads that ask for a new pattern's first match at once: one finishes it, the others wait
// for it, and all find the same match.
TEST(PatternWorker, ThreadsMatchingANewPatternAtOnceAgree) {
  const std::string text = "Mr. Flynn (Ireland): Ireland aligns itself with the statement of the European Union.";
  for (int round = 0; round < 20; ++round) {
    PatternError error;
    // (A new pattern each round: the word "view<round>" is never in the text.)
    auto compiled = compile_pattern("aligns\\s+itself\\s+with\\s+the\\s+(?:statement|view" + std::to_string(round) +
                                        ")\\s+of\\s+the\\s+(?<group>European\\s+Union|African\\s+Group)",
                                    true, error);
    ASSERT_TRUE(compiled) << error.message;
    std::vector<std::pair<long, long>> found(4);
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < found.size(); ++t) threads.emplace_back([&, t] { found[t] = first_match(*compiled, text); });
    for (auto& thread : threads) thread.join();
    for (const auto& each : found) EXPECT_EQ(each, std::make_pair(29L, 83L)) << round;
    EXPECT_TRUE(compiled->jit);
  }
}

// A pattern compiled for checking only is never handed to the worker, nor JIT compiled.
TEST(PatternWorker, CheckedPatternsAreNotJitCompiled) {
  PatternError error;
  auto compiled = compile_pattern("a(b|c)d", false, error, Jit::skip);
  ASSERT_TRUE(compiled);
  EXPECT_TRUE(compiled->ready.load());
  EXPECT_EQ(first_match(*compiled, "xxacd"), std::make_pair(2L, 5L));
  EXPECT_FALSE(compiled->jit);
}

}  // namespace
}  // namespace caucus

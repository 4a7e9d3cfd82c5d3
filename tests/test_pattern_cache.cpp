// The cache of compiled patterns (pattern_cache.hpp): a pattern from it matches as the one
// compiled, and a damaged or foreign file is an empty cache.
#include <gtest/gtest.h>

#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "../engine/src/rules/byte_fields.hpp"
#include "../engine/src/rules/pattern_worker.hpp"
#include "../engine/src/rules/pattern.hpp"
#include "../engine/src/rules/pattern_cache.hpp"
#include "../engine/src/rules/prefilter.hpp"
#include "caucus/pattern_cache.hpp"

namespace caucus {
namespace {

namespace fs = std::filesystem;

// A directory of its own for each test, removed after it; the cache is off again after it.
class PatternCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("caucus_cache_" + std::to_string(getpid()) + "_" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
  }
  void TearDown() override {
    PatternWorker::wait_all();
    use_pattern_cache({});
    fs::remove_all(dir_);
  }

  // Compiles `pattern` with the cache in dir_ and writes the cache, as Pipeline::load does.
  std::shared_ptr<const CompiledPattern> compile_and_save(const std::string& pattern) {
    PatternError error;
    auto compiled = compile_pattern(pattern, true, error);
    EXPECT_TRUE(compiled) << error.message;
    PatternWorker::wait_all();
    PatternCache::active()->save();
    return compiled;
  }

  fs::path dir_;
};

// A file's bytes, and a file written with `content`.
std::string read_file(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void write_file(const fs::path& file, const std::string& content) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out << content;
}

// The offsets of every group of the first match of `pattern` in `text`.
std::vector<long> match_groups(const CompiledPattern& pattern, const std::string& text) {
  pcre2_match_data* data = pcre2_match_data_create(20, nullptr);
  const int rc = pattern.match(reinterpret_cast<PCRE2_SPTR>(text.data()), text.size(), 0, data, nullptr);
  std::vector<long> out{rc};
  const PCRE2_SIZE* ov = pcre2_get_ovector_pointer(data);
  for (int i = 0; i < 2 * rc; ++i) out.push_back(ov[i] == PCRE2_UNSET ? -1 : static_cast<long>(ov[i]));
  pcre2_match_data_free(data);
  return out;
}

// A pattern whose repeated groups are shared (shared_groups.hpp): the cache keeps the shared
// form, whose helper groups are no captures of the rule.
const std::string kNames = "(?:European Union|African Union|Arab Group|Group of 77 and China|Non-Aligned Movement)";
const std::string kPattern = "align with the (?:statement|position|remarks) of (?<group>(?:the )?" + kNames +
                             "), (?:statement|position|remarks) of (?<other>(?:the )?" + kNames + "), " + kNames;
const std::string kText =
    "We align with the statement of the European Union, position of the Arab Group, Non-Aligned Movement.";

TEST_F(PatternCacheTest, APatternFromTheCacheMatchesAsTheOneCompiled) {
  use_pattern_cache(dir_);
  const auto compiled = compile_and_save(kPattern);
  ASSERT_TRUE(fs::exists(dir_ / "patterns.bin"));
  use_pattern_cache(dir_);  // a new run: the cache read from its file
  ASSERT_EQ(PatternCache::active()->size(), 1u);
  PatternError error;
  const auto cached = compile_pattern(kPattern, true, error);
  ASSERT_TRUE(cached);
  EXPECT_EQ(PatternCache::active()->found(), 1u);
  EXPECT_TRUE(compiled->shared && cached->shared);  // the shared form, its helper groups left out
  EXPECT_EQ(cached->groups, compiled->groups);
  EXPECT_EQ(cached->min_length, compiled->min_length);
  EXPECT_EQ(match_groups(*cached, kText), match_groups(*compiled, kText));
  EXPECT_GT(match_groups(*cached, kText).front(), 0);
}

// A loaded pipeline lets go of the file; a later load reads it again. What could not be
// written is kept for the next save.
TEST_F(PatternCacheTest, AForgottenFileIsReadAgainWhenAsked) {
  use_pattern_cache(dir_);
  compile_and_save(kPattern);
  use_pattern_cache(dir_);
  ASSERT_EQ(PatternCache::active()->size(), 1u);
  PatternCache::active()->forget_file();
  PatternError error;
  ASSERT_TRUE(compile_pattern(kPattern, true, error));
  EXPECT_EQ(PatternCache::active()->found(), 1u);
  EXPECT_EQ(PatternCache::active()->size(), 1u);
  PatternWorker::wait_all();

  fs::create_directories(dir_);
  std::ofstream(dir_ / "blocked") << "x";
  use_pattern_cache(dir_ / "blocked");
  compile_and_save(kPattern + "|y");  // cannot be written
  PatternCache::active()->forget_file();
  EXPECT_EQ(PatternCache::active()->size(), 1u);  // still held
}

TEST_F(PatternCacheTest, OtherOptionsOrTextAreOtherEntries) {
  const auto key = PatternCache::key_of(PCRE2_UTF, true, kPattern);
  EXPECT_EQ(key, PatternCache::key_of(PCRE2_UTF, true, kPattern));
  EXPECT_FALSE(key == PatternCache::key_of(PCRE2_UTF | PCRE2_CASELESS, true, kPattern));
  EXPECT_FALSE(key == PatternCache::key_of(PCRE2_UTF, false, kPattern));
  EXPECT_FALSE(key == PatternCache::key_of(PCRE2_UTF, true, kPattern + " "));
  use_pattern_cache(dir_);
  compile_and_save(kPattern);
  use_pattern_cache(dir_);
  PatternError error;
  ASSERT_TRUE(compile_pattern(kPattern, false, error));  // case-sensitive: not the cached one
  EXPECT_EQ(PatternCache::active()->found(), 0u);
}

TEST_F(PatternCacheTest, ADamagedFileIsAnEmptyCache) {
  use_pattern_cache(dir_);
  compile_and_save(kPattern);
  const fs::path file = dir_ / "patterns.bin";
  const std::string bytes = read_file(file);
  ASSERT_GT(bytes.size(), 200u);
  const auto write = [&](const std::string& content) { write_file(file, content); };
  write(bytes.substr(0, bytes.size() - 7));  // cut short
  EXPECT_EQ(PatternCache(dir_).size(), 0u);
  std::string flipped = bytes;
  flipped[bytes.size() - 100] ^= 0x5a;  // a byte of the code itself: the checksum fails
  write(flipped);
  EXPECT_EQ(PatternCache(dir_).size(), 1u);  // the index is whole: the entry is checked when asked for
  write("not a cache");
  EXPECT_EQ(PatternCache(dir_).size(), 0u);
  write(bytes);
  EXPECT_EQ(PatternCache(dir_).size(), 1u);
  // A damaged cache compiles the pattern again, and matches the same.
  write(flipped);
  use_pattern_cache(dir_);
  PatternError error;
  const auto compiled = compile_pattern(kPattern, true, error);
  ASSERT_TRUE(compiled);
  EXPECT_EQ(PatternCache::active()->found(), 0u);
  EXPECT_GT(match_groups(*compiled, kText).front(), 0);
}

// A run keeps the entries it did not use, as the file had them: a pattern of an earlier
// version of the rules is found again, and a damaged entry stays one (its checksum is the
// file's, not worked out again from its damaged bytes).
TEST_F(PatternCacheTest, EntriesNotUsedAreKeptAsTheyWere) {
  use_pattern_cache(dir_);
  compile_and_save(kPattern);
  const fs::path file = dir_ / "patterns.bin";
  std::string bytes = read_file(file);
  const std::string other = kPattern + "|other";
  use_pattern_cache(dir_);
  compile_and_save(other);  // kPattern's entry not used: written back from the old file
  use_pattern_cache(dir_);
  EXPECT_EQ(PatternCache::active()->size(), 2u);
  PatternError error;
  ASSERT_TRUE(compile_pattern(kPattern, true, error));
  ASSERT_TRUE(compile_pattern(other, true, error));
  EXPECT_EQ(PatternCache::active()->found(), 2u);
  PatternWorker::wait_all();

  bytes[bytes.size() - 100] ^= 0x5a;  // kPattern's code damaged, in a file of it alone
  write_file(file, bytes);
  use_pattern_cache(dir_);
  compile_and_save(other);  // written anew, with kPattern's damaged entry carried over
  use_pattern_cache(dir_);
  EXPECT_EQ(PatternCache::active()->size(), 2u);
  const auto compiled = compile_pattern(kPattern, true, error);
  ASSERT_TRUE(compiled);
  EXPECT_EQ(PatternCache::active()->found(), 0u);  // compiled again, not decoded from bad bytes
  EXPECT_GT(match_groups(*compiled, kText).front(), 0);
  ASSERT_TRUE(compile_pattern(other, true, error));
  EXPECT_EQ(PatternCache::active()->found(), 1u);
}

TEST_F(PatternCacheTest, NothingNewIsNotWrittenAndAnUnwritablePlaceIsNoError) {
  use_pattern_cache(dir_);
  compile_and_save(kPattern);
  use_pattern_cache(dir_);
  ASSERT_EQ(PatternCache::active()->size(), 1u);  // read (when first asked), then the file goes
  fs::remove(dir_ / "patterns.bin");
  PatternError error;
  ASSERT_TRUE(compile_pattern(kPattern, true, error));
  PatternWorker::wait_all();
  PatternCache::active()->save();  // all found: nothing to write
  EXPECT_FALSE(fs::exists(dir_ / "patterns.bin"));
  // A file where the directory should be: the cache is not written, and nothing fails.
  fs::create_directories(dir_);
  std::ofstream(dir_ / "blocked") << "x";
  use_pattern_cache(dir_ / "blocked");
  compile_and_save(kPattern + "|x");
  EXPECT_TRUE(fs::is_regular_file(dir_ / "blocked"));
}

// The prefilter's trigger sets are kept too: the second run reads them, and an entry that
// cannot be read is worked out again.
TEST_F(PatternCacheTest, TriggerSetsAreKeptAndReadBack) {
  const std::string pattern = R"(delivered\s.*\son\sbehalf\sof\s(?:the\s)?(?:group|bloc))";
  const auto expected = extract_trigger_sets(pattern);
  ASSERT_EQ(expected.size(), 3u);
  use_pattern_cache(dir_);
  EXPECT_EQ(trigger_sets_of(pattern), expected);
  PatternCache::active()->save();
  use_pattern_cache(dir_);
  const auto key = PatternCache::key_of(kTriggerSetsInCache, pattern);
  ASSERT_TRUE(PatternCache::active()->find_bytes(key));
  EXPECT_EQ(trigger_sets_of(pattern), expected);
  // One set of two words, "delivered" and "bloc".
  std::string bytes;
  put(bytes, 1);
  put(bytes, 2);
  put_string(bytes, "delivered");
  put_string(bytes, "bloc");
  PatternCache::active()->remember_bytes(key, bytes.substr(0, bytes.size() - 1));  // cut short
  EXPECT_EQ(trigger_sets_of(pattern), expected);
  PatternCache::active()->remember_bytes(key, bytes + "x");  // something after the sets
  EXPECT_EQ(trigger_sets_of(pattern), expected);
  PatternCache::active()->remember_bytes(key, bytes);  // what is readable is believed
  EXPECT_EQ(trigger_sets_of(pattern), (std::vector<std::vector<std::string>>{{"delivered", "bloc"}}));
}

TEST(PatternCacheDir, FromTheEnvironment) {
  const char* saved = std::getenv("CAUCUS_CACHE_DIR");
  const std::string kept = saved ? saved : "";
  setenv("CAUCUS_CACHE_DIR", "/tmp/somewhere", 1);
  EXPECT_EQ(default_pattern_cache_dir(), fs::path("/tmp/somewhere"));
  setenv("CAUCUS_CACHE_DIR", "", 1);  // set and empty: no cache
  EXPECT_TRUE(default_pattern_cache_dir().empty());
  if (saved)
    setenv("CAUCUS_CACHE_DIR", kept.c_str(), 1);
  else
    unsetenv("CAUCUS_CACHE_DIR");
}

}  // namespace
}  // namespace caucus

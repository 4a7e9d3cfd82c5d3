// Repeated groups written once (shared_groups.hpp): what is shared, what is not, and the
// promise that makes it safe: the shared pattern matches what the written-out one matches,
// with the same captures.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "../engine/src/rules/pattern_worker.hpp"
#include "../engine/src/rules/pattern.hpp"
#include "../engine/src/rules/shared_groups.hpp"

namespace caucus {
namespace {

// Every match of `pattern` in `text` (searching on after each), each with its captures'
// offsets, through the interpreter, so that the comparison does not depend on JIT.
std::vector<std::vector<long>> all_matches(const std::string& pattern, bool caseless, const std::string& text) {
  int code = 0;
  PCRE2_SIZE offset = 0;
  uint32_t options = PCRE2_UTF | PCRE2_UCP | PCRE2_DUPNAMES;
  if (caseless) options |= PCRE2_CASELESS;
  pcre2_code* compiled =
      pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern.data()), pattern.size(), options, &code, &offset, nullptr);
  EXPECT_NE(compiled, nullptr) << pattern << " at " << offset;
  if (!compiled) return {};
  uint32_t captures = 0;
  pcre2_pattern_info(compiled, PCRE2_INFO_CAPTURECOUNT, &captures);
  pcre2_match_data* data = pcre2_match_data_create(200, nullptr);
  std::vector<std::vector<long>> out;
  PCRE2_SIZE at = 0;
  while (at <= text.size() &&
         pcre2_match(compiled, reinterpret_cast<PCRE2_SPTR>(text.data()), text.size(), at, 0, data, nullptr) > 0) {
    const PCRE2_SIZE* ov = pcre2_get_ovector_pointer(data);
    std::vector<long> match;
    // The groups of the pattern as written come first: the shared copies are numbered after.
    for (uint32_t i = 0; i <= captures; ++i) {
      match.push_back(ov[2 * i] == PCRE2_UNSET ? -1 : static_cast<long>(ov[2 * i]));
      match.push_back(ov[2 * i + 1] == PCRE2_UNSET ? -1 : static_cast<long>(ov[2 * i + 1]));
    }
    out.push_back(std::move(match));
    at = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
  }
  pcre2_match_data_free(data);
  pcre2_code_free(compiled);
  return out;
}

// The captures of the shared pattern's matches, cut to the groups the written-out one has.
std::vector<std::vector<long>> cut(std::vector<std::vector<long>> matches, std::size_t groups) {
  for (auto& match : matches) match.resize(groups);
  return matches;
}

void expect_same_matches(const std::string& pattern, bool caseless, const std::vector<std::string>& texts) {
  const std::string shared = share_repeated_groups(pattern, caseless);
  ASSERT_FALSE(shared.empty()) << pattern;
  for (const std::string& text : texts) {
    const auto written = all_matches(pattern, caseless, text);
    const std::size_t groups = written.empty() ? 0 : written.front().size();
    EXPECT_EQ(cut(all_matches(shared, caseless, text), groups), written) << shared << "\non: " << text;
  }
}

std::size_t count(const std::string& s, const std::string& what) {
  std::size_t n = 0;
  for (auto at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
  return n;
}

// Groups as long as a rule file's macros make them: shorter ones are not worth a call.
const std::string kGroupName =
    "(?:(?:Group|Community|Alliance|Union|Movement|League|Organization|Coalition|Forum|Conference|Commonwealth) "
    "of (?:the )?(?:Independent |Small |Least |Landlocked |Developing )?[A-Z][a-z]+(?: [A-Z][a-z]+){0,3})";

TEST(SharedGroups, RepeatedGroupIsWrittenOnceAndCalled) {
  const std::string pattern = "on behalf of the " + kGroupName + "(?: and the " + kGroupName + ")*";
  const std::string shared = share_repeated_groups(pattern, true);
  EXPECT_EQ(count(shared, "(?&_shared1)"), 2u) << shared;
  EXPECT_EQ(count(shared, "(?(DEFINE)(?<_shared1>(?i-m:"), 1u) << shared;
  EXPECT_EQ(count(shared, "Community|Alliance"), 1u) << shared;
  expect_same_matches(pattern, true, {"speaking on behalf of the Group of Arab States and the Movement of the Non Aligned",
                                      "on behalf of the group of small island developing states",
                                      "on behalf of the Union of", "no group here"});
}

TEST(SharedGroups, CapturesAroundACallKeepTheirNumbersAndSpans) {
  const std::string pattern = "(?<source>[A-Z]\\w+),? speaking for (?<target>" + kGroupName + ")(?:, and (?<also>" +
                              kGroupName + "))?";
  expect_same_matches(pattern, false,
                      {"Egypt, speaking for the Group of Arab States, and Movement of the Non Aligned Countries",
                       "Fiji speaking for Alliance of Small Island States"});
}

TEST(SharedGroups, GroupsInsideASharedGroupAreSharedWithTheirOtherCopies) {
  const std::string number =
      "(?:(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
      "eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety) (?:member )?)";
  const std::string members = "(?:the " + number + "(?:States|countries) members of " + kGroupName + ")";
  const std::string pattern = members + " and " + members + "|" + number + "delegations";
  const std::string shared = share_repeated_groups(pattern, true);
  EXPECT_EQ(count(shared, "(?<_shared"), 2u) << shared;      // the members group and the number
  EXPECT_EQ(count(shared, "twelve"), 1u) << shared;          // the number written once
  expect_same_matches(pattern, true, {"the five States members of the Group of Eight and the two countries members of "
                                      "the Union of South American Nations",
                                      "nine delegations", "ten member delegations"});
}

TEST(SharedGroups, EachCopyKeepsTheCaseSettingWhereItStood) {
  // Upper case only in the case-sensitive part: the caseless part's copies, written once,
  // must not become case-sensitive, nor the others caseless.
  const std::string word =
      "(?:European Union|African Union|League of Arab States|Organisation of Islamic Cooperation|Caribbean "
      "Community|Pacific Islands Forum|Economic Community of West African States)";
  const std::string pattern = word + " with (?-i:" + word + " and " + word + ")";
  const std::string shared = share_repeated_groups(pattern, true);
  EXPECT_EQ(count(shared, "(?i-m:"), 0u) << shared;  // the caseless copy stands alone: not shared
  EXPECT_EQ(count(shared, "(?-im:"), 1u) << shared;
  expect_same_matches(pattern, true, {"european union with African Union and League of Arab States",
                                      "european union with african union and League of Arab States"});
  // A (?-i) setting, not a group, holds to the end of its group.
  const std::string setting = "(?:(?-i)" + word + " or " + word + ")|" + word + " and " + word;
  expect_same_matches(setting, true, {"European Union or African Union", "European Union or african union",
                                      "european union and AFRICAN UNION"});
}

TEST(SharedGroups, MultilineSettingGoesWithTheCopy) {
  const std::string line =
      "(?:^The (?:President|Acting President|Temporary President|Chair|Acting Chair|Vice-Chair|Secretary-General|"
      "Deputy Secretary-General|representative of [A-Z]\\w+|observer of [A-Z]\\w+):)";
  const std::string pattern = "(?m:" + line + "[^\\n]*\\n" + line + ")|" + line;
  const std::string shared = share_repeated_groups(pattern, false);
  EXPECT_EQ(count(shared, "(?m-i:"), 1u) << shared;
  expect_same_matches(pattern, false, {"x\nThe President: hello\nThe Chair: yes", "The Chair: only"});
}

TEST(SharedGroups, WhatACallWouldChangeIsLeftAsItIs) {
  const std::string repeated = "(?:the (?:statement|declaration|position) of the (?:European|African) Union)";
  // A capture inside: a call would drop it (captures made in a call are undone after it).
  const std::string capture = "(?:the (?<kind>statement|declaration) of the (?:European|African) Union, said)";
  EXPECT_EQ(share_repeated_groups(capture + " and " + capture, true), "");
  // A back reference, \K, a condition, a verb: they mean something else in a call.
  const std::string backref = "(?:the (statement|declaration) of the \\1 and (?:European|African) Union)";
  EXPECT_EQ(share_repeated_groups(backref + "|" + backref, true), "");
  const std::string keep = "(?:the statement of the \\K(?:European|African|Arab|Caribbean) Union)";
  EXPECT_EQ(share_repeated_groups(keep + "|" + keep, true), "");
  const std::string verb = "(?:the statement of the (*COMMIT)(?:European|African|Arab|Caribbean) Union)";
  EXPECT_EQ(share_repeated_groups(verb + "|" + verb, true), "");
  // In a lookbehind a call would break the fixed length PCRE2 wants.
  EXPECT_EQ(share_repeated_groups("(?<=" + repeated + ") aligns (?<=" + repeated + ")", true), "");
  // Flags other than i and m change how the pattern reads or matches.
  EXPECT_EQ(share_repeated_groups("(?s)" + repeated + ".*" + repeated, true), "");
  EXPECT_EQ(share_repeated_groups("(?x)" + repeated + repeated, true), "");
  // Short groups cost less to compile than a call costs to match.
  EXPECT_EQ(share_repeated_groups("(?:of the)(?:of the)(?:of the)", true), "");
  // A pattern already using the names is left alone.
  EXPECT_EQ(share_repeated_groups("(?<_shared1>x)" + repeated + repeated, true), "");
}

TEST(SharedGroups, ClassesEscapesAndQuotesAreReadAsSuch) {
  // Parentheses in a class, escaped or quoted are no groups: the repeated group is still the
  // whole of each copy.
  const std::string odd =
      "(?:[()\\]] \\(spoke in [A-Z][a-z]+\\) \\Q(x)\\E [[:alpha:]]+ (?:and|or|nor|but|yet|so) the rest of it"
      "(?:, (?:as|which|that) (?:was|is|will be) (?:said|noted|stressed|recalled|underlined|emphasized))?)";
  const std::string pattern = odd + "|" + odd + "!";
  const std::string shared = share_repeated_groups(pattern, false);
  EXPECT_EQ(count(shared, "(?&_shared1)"), 2u) << shared;
  expect_same_matches(pattern, false, {"( (spoke in French) (x) words and the rest of it!", "] (spoke in Arabic) (x) a or the rest of it"});
}

TEST(SharedGroups, CompiledPatternHidesTheSharedNamesAndKeepsTheLeastLength) {
  const std::string pattern = "(?<target>" + kGroupName + ")(?: and " + kGroupName + ")?";
  PatternError error;
  auto compiled = compile_pattern(pattern, true, error);
  ASSERT_TRUE(compiled) << error.message;
  EXPECT_EQ(compiled->groups.size(), 1u);
  EXPECT_TRUE(compiled->groups.count("target"));
  EXPECT_GT(compiled->min_length, 10u);
  PatternWorker::wait_all();
  EXPECT_TRUE(is_shared_group_name("_shared3"));
  EXPECT_FALSE(is_shared_group_name("_free"));
}

}  // namespace
}  // namespace caucus

#include "util/text.hpp"

#include <gtest/gtest.h>

namespace prepbot::util {
namespace {

TEST(Utf8, AcceptsWellFormedTextInAnyScript) {
  EXPECT_TRUE(is_valid_utf8("plain"));
  EXPECT_TRUE(is_valid_utf8("José Ñúñez 李雷 Иван مرحبا 😀"));
  EXPECT_TRUE(is_valid_utf8(""));
}

TEST(Utf8, RejectsMalformedSequences) {
  EXPECT_FALSE(is_valid_utf8("\xff"));
  EXPECT_FALSE(is_valid_utf8("\xc0\xaf"));          // overlong '/'
  EXPECT_FALSE(is_valid_utf8("\xed\xa0\x80"));      // a surrogate
  EXPECT_FALSE(is_valid_utf8("\xf4\x90\x80\x80"));  // past U+10FFFF
  EXPECT_FALSE(is_valid_utf8("abc\xe6\x9d"));       // truncated
}

TEST(Utf8, LengthCountsCodePoints) {
  EXPECT_EQ(utf8_length("李雷"), 2u);
  EXPECT_EQ(utf8_length("Ñú"), 2u);
  EXPECT_EQ(utf8_length("abc"), 3u);
}

TEST(Strings, TrimSplitLower) {
  EXPECT_EQ(trim("  a b \n"), "a b");
  EXPECT_EQ(split("a,,b", ',').size(), 3u);
  EXPECT_EQ(to_lower_ascii("MiXeD"), "mixed");
}

}  // namespace
}  // namespace prepbot::util

namespace prepbot::util {
namespace {

TEST(Strings, ControlCharactersAreC0ButTabAndNewlinesDelAndC1) {
  EXPECT_EQ(control_character_at("a\x07", 1), 1u);
  EXPECT_EQ(control_character_at("\x7f", 0), 1u);
  EXPECT_EQ(control_character_at("\xc2\x85", 0), 2u);  // U+0085, next line
  EXPECT_EQ(control_character_at("\xc2\xa0", 0), 0u);  // U+00A0, a no-break space, is text
  for (const char* kept : {"\t", "\n", "\r", "a"}) EXPECT_EQ(control_character_at(kept, 0), 0u) << int(kept[0]);
  EXPECT_TRUE(has_control_character("ok\x1b[31m"));
  EXPECT_FALSE(has_control_character("Ñúñez\tok\n"));
}

TEST(Strings, Utf8PrefixCutsAtACodePoint) {
  EXPECT_EQ(utf8_prefix("héllo", 2), "hé");
  EXPECT_EQ(utf8_prefix("李雷", 1), "李");
  EXPECT_EQ(utf8_prefix("abc", 10), "abc");
  EXPECT_EQ(utf8_prefix("abc", 0), "");
}

}  // namespace
}  // namespace prepbot::util

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

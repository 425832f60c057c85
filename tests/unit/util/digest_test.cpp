#include "util/digest.hpp"

#include <gtest/gtest.h>

namespace prepbot::util {
namespace {

TEST(Digest, Sha256MatchesTheStandardsTestVectors) {
  // FIPS 180-2, appendix B.
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(Digest, SameDigestComparesWholeValues) {
  EXPECT_TRUE(same_digest("abc", "abc"));
  EXPECT_FALSE(same_digest("abc", "abd"));
  EXPECT_FALSE(same_digest("abc", "abcd"));
  EXPECT_TRUE(same_digest("", ""));
}

}  // namespace
}  // namespace prepbot::util

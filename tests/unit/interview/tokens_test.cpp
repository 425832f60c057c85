#include "interview/tokens.hpp"

#include <gtest/gtest.h>

#include <set>

#include "util/digest.hpp"

namespace prepbot::interview {
namespace {

TEST(Tokens, AnIssuedTokenNamesItsIdAndMatchesOnlyItsDigest) {
  const IssuedToken issued = issue_token();
  const auto dot = issued.token.find('.');
  ASSERT_NE(dot, std::string::npos);
  EXPECT_EQ(issued.token.substr(0, dot), issued.id);
  EXPECT_EQ(issued.token.size() - dot - 1, 64u) << "256 bits as hex";
  EXPECT_EQ(issued.digest, util::sha256_hex(issued.token.substr(dot + 1)));
  const auto presented = read_token(issued.token);
  ASSERT_TRUE(presented);
  EXPECT_EQ(presented->id, issued.id);
  EXPECT_TRUE(token_matches(*presented, &issued.digest));
  const std::string other = issue_token().digest;
  EXPECT_FALSE(token_matches(*presented, &other));
  EXPECT_FALSE(token_matches(*presented, nullptr));
}

TEST(Tokens, EachTokenIsNew) {
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) EXPECT_TRUE(seen.insert(issue_token().token).second);
}

TEST(Tokens, WhatIsNotShapedLikeATokenIsNotOne) {
  for (const char* text : {"", ".", "id", "id.", ".secret", "no-dot-at-all"}) EXPECT_FALSE(read_token(text)) << text;
  EXPECT_FALSE(read_token(std::string(150, 'a') + "." + std::string(100, 'b'))) << "too long";
  EXPECT_TRUE(read_token("id.secret.with.dots")) << "the id ends at the first dot";
}

}  // namespace
}  // namespace prepbot::interview

#include "coach/offline/knowledge.hpp"

#include <gtest/gtest.h>

#include <string>
#include <unordered_map>

#include "coach/offline/bank.hpp"
#include "coach/offline/test_bank.hpp"
#include "coach/offline/test_knowledge.hpp"

namespace prepbot::coach::offline {
namespace {

KnowledgeBase test_knowledge() {
  std::vector<std::string> problems;
  auto kb = KnowledgeBase::parse(testing::test_knowledge_files(), problems);
  EXPECT_TRUE(problems.empty()) << problems.front();
  return kb;
}

TEST(Knowledge, LinksATextToTheConceptsItNames) {
  const auto kb = test_knowledge();
  const auto mentions = kb.mentions(analyze("The resolver looks up the A record; then a TCP three-way handshake."));
  ASSERT_EQ(mentions.size(), 2u);
  EXPECT_EQ(kb.concepts()[mentions[0].index].id, "dns-resolution");
  EXPECT_EQ(kb.concepts()[mentions[1].index].id, "tcp-handshake");
  EXPECT_GT(mentions[0].weight, mentions[1].weight * 0.5);
  EXPECT_TRUE(kb.mentions(analyze("We hired two people and shipped the feature.")).empty());
}

TEST(Knowledge, AShortWrongClaimsOwnWordingIsOneOfItsPatterns) {
  const auto kb = test_knowledge();
  const auto& wrong = kb.concepts()[0].wrong_claims;  // database-index
  ASSERT_EQ(wrong[1].claim, "Indexes cost nothing on writes");
  EXPECT_EQ(wrong[1].patterns.back(), "indexes cost nothing on writes");
  EXPECT_EQ(wrong[1].stemmed_patterns.back(), stem_phrase("indexes cost nothing on writes"));
  EXPECT_EQ(wrong[1].patterns.size(), wrong[1].stemmed_patterns.size());
  ASSERT_EQ(wrong[0].claim, "A full table scan is faster than an index");  // nine words: too long to be a pattern
  EXPECT_EQ(wrong[0].patterns.size(), 2u);
}

TEST(Knowledge, ReportsEveryBrokenRule) {
  std::vector<std::string> problems;
  KnowledgeBase::parse({{"bad.json", R"({"concepts": [{"id": "X", "name": "", "families": [], "terms": ["one"],
    "claims": [], "wrong_claims": [{"claim": "Wrong claim", "patterns": ["single"], "correction": "Right."}]},
    {"id": "dup-id", "name": "First", "families": ["general"], "terms": ["alpha beta", "gamma"],
     "claims": [{"claim": "A claim here", "terms": ["a b", "c d"]}, {"claim": "Another claim", "terms": ["e f", "g h"]}],
     "wrong_claims": [{"claim": "Wrong claim", "patterns": ["p q", "r s"], "correction": "Right."}]},
    {"id": "dup-id", "name": "Second", "families": ["general"], "terms": ["delta epsilon", "zeta"],
     "claims": [{"claim": "A claim here", "terms": ["a b", "c d"]}, {"claim": "Another claim", "terms": ["e f", "g h"]}],
     "wrong_claims": [{"claim": "Wrong claim", "patterns": ["p q", "r s"], "correction": "Right."}]}]})"},
                        {"broken.json", "{not json"}},
                       problems);
  const auto has = [&](const std::string& text) {
    for (const auto& problem : problems)
      if (problem.find(text) != std::string::npos) return true;
    return false;
  };
  EXPECT_TRUE(has("'id' must be"));
  EXPECT_TRUE(has("'name' must have"));
  EXPECT_TRUE(has("'terms' must have 2-12 entries"));
  EXPECT_TRUE(has("'claims' must be an array of 2-5"));
  EXPECT_TRUE(has("'patterns' must have 2-10 entries"));
  EXPECT_TRUE(has("dup-id: duplicate concept id"));
  EXPECT_TRUE(has("broken.json: not valid JSON"));
}

TEST(Knowledge, ACommonWordAloneStopsShowingAClaimAndLongerTermsStay) {
  auto kb = test_knowledge();
  const auto& claim = kb.find("database-index")->claims.front();  // terms: full table scan, without scanning, logarithmic
  ASSERT_EQ(claim.stemmed_terms.size(), 3u);
  kb.drop_common_claim_words([](const std::string& stem) { return stem == stem_word("logarithmic") || stem == "scan"; });
  EXPECT_EQ(claim.stemmed_terms.size(), 2u) << "the one-word term goes; \"full table scan\" holds \"scan\" but stays";
}

TEST(Knowledge, NoOneWordClaimTermOfTheBuiltInBaseIsAWordMostAnswersUse) {
  const Bank bank = Bank::load_embedded();
  std::unordered_map<std::string, std::size_t> questions_using;
  for (const auto& q : bank.questions())
    for (const auto& stem : q.topic) ++questions_using[stem];
  for (const auto& c : bank.knowledge().concepts())
    for (const auto& claim : c.claims)
      for (const auto& term : claim.stemmed_terms)
        if (term.size() == 1) {
          EXPECT_LE(questions_using[term[0]], bank.questions().size() / 20) << c.id << ": " << term[0];
        }
}

TEST(Knowledge, BankQuestionsAreLinkedToTheConceptsTheirWordingNames) {
  const Bank bank = Bank::parse(views_of(testing::test_bank_files()), testing::test_knowledge_files());
  const BankQuestion* q = bank.find("backend-001");
  ASSERT_FALSE(q->concepts.empty());
  EXPECT_EQ(bank.knowledge().concepts()[q->concepts.front()].id, "database-index");
}

TEST(Knowledge, TheBuiltInKnowledgeBaseLoadsAndLinksEveryFamily) {
  const Bank bank = Bank::load_embedded();
  EXPECT_GE(bank.knowledge().concepts().size(), 600u);
  for (const auto& family : bank.families()) {
    std::size_t linked = 0, total = 0;
    for (const auto& q : bank.questions())
      if (q.family == family.name) ++total, linked += !q.concepts.empty();
    EXPECT_GE(linked * 2, total) << family.name << ": at least half of its questions name a concept";
  }
}

}  // namespace
}  // namespace prepbot::coach::offline

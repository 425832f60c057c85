#include "coach/offline/validation.hpp"

#include <gtest/gtest.h>

#include "coach/offline/test_bank.hpp"
#include "coach/offline/test_knowledge.hpp"
#include "util/worker_pool.hpp"

namespace prepbot::coach::offline {
namespace {

using nlohmann::json;

TEST(Validation, OddItemsTuneAndEvenItemsReport) {
  EXPECT_TRUE(in_split("oob-001", Split::tune));
  EXPECT_FALSE(in_split("oob-001", Split::report));
  EXPECT_TRUE(in_split("adv-010", Split::report));
  EXPECT_TRUE(in_split("adv-010", Split::all));
}

TEST(Validation, AWrongClaimPatternThatTrueWordingStatesIsReported) {
  util::WorkerPool workers(1);
  auto found_with = [&](const DataFiles& knowledge) {
    const auto bank = std::make_shared<const Bank>(Bank::parse(views_of(testing::test_bank_files()), knowledge));
    return wrong_claims_in_true_wording(OfflineCoach(bank, workers), *bank);
  };
  auto knowledge = testing::test_knowledge_files();
  const auto none = found_with(knowledge);
  EXPECT_TRUE(none.empty()) << none.front();
  // A pattern that the concept's own true claim ("An index avoids scanning the whole table") states.
  std::string loose(knowledge[0].second);
  loose.replace(loose.find("\"full table scan faster\""), 24, "\"index avoids scanning\"");
  knowledge[0].second = loose;
  const auto found = found_with(knowledge);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found.front(), "database-index claims: wrong claim 'A full table scan is faster than an index' of database-index in "
                           "\u201cAn index avoids scanning the whole table\u201d");
  // The corrections of wrong claims are true wording too.
  knowledge = testing::test_knowledge_files();
  std::string corrected(knowledge[0].second);
  corrected.replace(corrected.find("\"no write overhead\""), 19, "\"index reads a few pages\"");
  knowledge[0].second = corrected;
  const auto in_correction = found_with(knowledge);
  ASSERT_EQ(in_correction.size(), 1u);
  EXPECT_NE(in_correction.front().find("wrong claim 'Indexes cost nothing on writes'"), std::string::npos) << in_correction.front();
  EXPECT_NE(in_correction.front().find("an index reads a few pages"), std::string::npos) << in_correction.front();
}

TEST(Validation, ABankQuestionsKeyPointsAndCorrectionsAreTrueWording) {
  util::WorkerPool workers(1);
  auto files = testing::test_bank_files();
  std::string& backend = files[0].second;  // every question's correction now states its own misconception
  for (std::size_t at = backend.find("Each index costs write time and space"); at != std::string::npos;
       at = backend.find("Each index costs write time and space", at + 1))
    backend.replace(at, 37, "Honestly, more indexes always faster");
  const auto bank = std::make_shared<const Bank>(Bank::parse(views_of(files), testing::test_knowledge_files()));
  const auto found = wrong_claims_in_true_wording(OfflineCoach(bank, workers), *bank);
  ASSERT_FALSE(found.empty());
  EXPECT_NE(found.front().find("backend-001 key points: wrong claim 'More indexes always make a database faster'"), std::string::npos)
      << found.front();
}

TEST(Validation, AgreementIsMeasuredAgainstTheExpectedScores) {
  util::WorkerPool workers(1);
  OfflineCoach coach(std::make_shared<const Bank>(Bank::parse(views_of(testing::test_bank_files()), testing::test_knowledge_files())),
                     workers);
  const json set = {
      {"questions",
       {{{"id", "oob-002"},
         {"question", "How does DNS resolution work?"},
         {"type", "technical"},
         {"answers",
          {{{"grade", "excellent"},
            {"text", "A recursive resolver asks a root server, then the TLD server, then the authoritative name server, "
                     "which returns the A record with the IP address; every answer is cached for its TTL, so the "
                     "next lookup of the same domain name is answered at once."},
            {"expected", {{"technical", 9}, {"communication", 8}, {"confidence", 8}}}},
           {{"grade", "poor"},
            {"text", "Umm."},
            {"expected", {{"technical", 1}, {"communication", 1}, {"confidence", 1}}}}}}}}},
      {"adversarial",
       {{{"id", "adv-002"},
         {"category", "foreign-noise"},
         {"question", "How does DNS resolution work?"},
         {"better", "The resolver asks the root, TLD and authoritative name servers for the IP address and caches it for the TTL."},
         {"worse", "asdkjh qwrtzp lkjhgf mnbvcx zxcvbn qwerty poiuy lkjhg"}}}}};
  const auto figures = out_of_bank_agreement(coach, set, Split::report);
  EXPECT_EQ(figures.questions, 1u);
  EXPECT_EQ(figures.answers, 2u);
  EXPECT_DOUBLE_EQ(figures.pairwise, 1.0);
  EXPECT_DOUBLE_EQ(figures.spearman_mean, 1.0);
  EXPECT_EQ(out_of_bank_agreement(coach, set, Split::tune).questions, 0u);
  const auto adversarial = out_of_bank_adversarial(coach, set, Split::all);
  EXPECT_EQ(adversarial.passed, 1);
  EXPECT_EQ(adversarial.by_category.at("foreign-noise").second, 1);
}

}  // namespace
}  // namespace prepbot::coach::offline

#include <gtest/gtest.h>

#include <string>

#include "coach/offline/bank.hpp"
#include "coach/offline/test_bank.hpp"
#include "coach/offline/test_knowledge.hpp"
#include "util/embedded.hpp"

namespace prepbot::coach::offline {
namespace {

Bank small_bank() { return Bank::parse(views_of(testing::test_bank_files()), testing::test_knowledge_files()); }

TEST(BankSnapshot, TheBuiltInSnapshotIsTheBankAnalysedFromItsFiles) {
  ASSERT_NE(prepbot_snapshot_files, nullptr) << "the unit tests link the snapshot (prepbot_link_bank_snapshot)";
  const std::string analysed = Bank::parse_embedded().snapshot();
  const Bank loaded = Bank::load_embedded();
  EXPECT_TRUE(loaded.snapshot() == analysed) << "the snapshot differs from the analysed bank";  // every member, byte for byte
  EXPECT_GT(loaded.questions().size(), 1000u);
  EXPECT_FALSE(loaded.knowledge().empty());
}

TEST(BankSnapshot, ABankReadBackFromItsSnapshotWorksLikeTheOriginal) {
  const Bank original = small_bank();
  const Bank read = Bank::from_snapshot(original.snapshot());
  EXPECT_TRUE(read.snapshot() == original.snapshot());
  ASSERT_NE(read.find("backend-003"), nullptr);  // the id index came back
  EXPECT_EQ(read.find("backend-003")->text, original.find("backend-003")->text);
  EXPECT_EQ(read.match_role("API developer").family->name, "backend");  // and the role stems' weights
  ASSERT_FALSE(read.knowledge().concepts().empty());
  EXPECT_NE(read.knowledge().find(read.knowledge().concepts().front().id), nullptr);
  EXPECT_EQ(read.field_stems(), original.field_stems());
  EXPECT_EQ(read.vocabulary(), original.vocabulary());
}

TEST(BankSnapshot, BytesThatAreNotAWholeSnapshotAreRefused) {
  const std::string bytes = small_bank().snapshot();
  EXPECT_THROW(Bank::from_snapshot(""), BankError);
  EXPECT_THROW(Bank::from_snapshot("{\"family\": \"backend\"}"), BankError);
  EXPECT_THROW(Bank::from_snapshot(std::string_view(bytes).substr(0, bytes.size() / 2)), BankError);
  EXPECT_THROW(Bank::from_snapshot(bytes + "x"), BankError);
  std::string damaged = bytes;  // the first list's length made huge
  damaged.replace(damaged.find('\n') + 1, 1, std::string(9, '\xff') + '\x7f');
  EXPECT_THROW(Bank::from_snapshot(damaged), BankError);
  damaged = bytes;  // a length that never ends
  damaged.replace(damaged.find('\n') + 1, 1, std::string(12, '\xff'));
  EXPECT_THROW(Bank::from_snapshot(damaged), BankError);
}

}  // namespace
}  // namespace prepbot::coach::offline

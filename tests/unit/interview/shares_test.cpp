#include "interview/shares.hpp"

#include <gtest/gtest.h>

#include "interview/errors.hpp"
#include "interview/profiles.hpp"
#include "store/store_fixtures.hpp"

namespace prepbot::interview {
namespace {

class SharesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_->create(store::testing::make_session("s1"));
    store_->save_answer("s1", store::testing::make_answer(1, "An answer"));
  }
  std::unique_ptr<store::SessionStore> store_ = store::open_store("sqlite::memory:");
  Shares shares_{*store_};
};

TEST_F(SharesTest, ALinkOpensItsSessionUntilItIsRevoked) {
  const NewShare share = shares_.create("s1", "");
  EXPECT_EQ(shares_.open(share.token).session.id, "s1");
  EXPECT_EQ(store_->load_share(share.id)->token_hash.find(share.token.substr(share.token.find('.') + 1)), std::string::npos)
      << "only a digest is stored";
  const NewShare second = shares_.create("s1", "");
  ASSERT_EQ(shares_.list("s1", "").size(), 2u);
  shares_.revoke("s1", share.id, "");
  EXPECT_THROW(shares_.open(share.token), NotFound);
  EXPECT_EQ(shares_.open(second.token).session.id, "s1") << "another link stays open";
  EXPECT_THROW(shares_.revoke("s1", share.id, ""), NotFound);
  std::string forged = second.token;
  forged.back() = forged.back() == 'a' ? 'b' : 'a';
  for (const std::string& wrong : {forged, std::string("nonsense"), share.id, std::string()})
    EXPECT_THROW(shares_.open(wrong), NotFound) << wrong;
}

TEST_F(SharesTest, AMentorNotesAnsweredQuestionsAndTheCandidateReadsThem) {
  const NewShare share = shares_.create("s1", "");
  const auto note = shares_.add_note(share.token, 1, "Lead with the trade-off.");
  EXPECT_EQ(note.share_id, share.id);
  EXPECT_THROW(shares_.add_note(share.token, 2, "Nothing to note"), BadRequest) << "question 2 has no answer";
  const auto notes = shares_.notes("s1", "");
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_EQ(notes[0].note, "Lead with the trade-off.");
  EXPECT_EQ(shares_.open(share.token).notes.size(), 1u);
  shares_.revoke("s1", share.id, "");
  EXPECT_THROW(shares_.add_note(share.token, 1, "Late"), NotFound);
  EXPECT_EQ(shares_.notes("s1", "").size(), 1u) << "a note outlives the link it came through";
}

TEST_F(SharesTest, AProfilesSessionIsSharedOnlyWithItsToken) {
  Profiles profiles(*store_);
  const auto owner = profiles.create();
  const auto other = profiles.create();
  auto session = store::testing::make_session("owned");
  session.meta.profile_id = owner.id;
  store_->create(session);
  EXPECT_THROW(shares_.create("owned", ""), Unauthorized);
  EXPECT_THROW(shares_.create("owned", other.id), Unauthorized);
  EXPECT_THROW(shares_.list("owned", ""), Unauthorized);
  EXPECT_THROW(shares_.notes("owned", other.id), Unauthorized);
  const NewShare share = shares_.create("owned", owner.id);
  EXPECT_THROW(shares_.revoke("owned", share.id, ""), Unauthorized);
  EXPECT_EQ(shares_.list("owned", owner.id).size(), 1u);
  EXPECT_THROW(shares_.create("nope", ""), NotFound);
}

TEST_F(SharesTest, ErasingTheSessionClosesItsLinks) {
  const NewShare share = shares_.create("s1", "");
  shares_.add_note(share.token, 1, "Good");
  store_->remove("s1");
  EXPECT_THROW(shares_.open(share.token), NotFound);
  EXPECT_FALSE(store_->load_share(share.id));
  EXPECT_TRUE(store_->notes("s1").empty());
}

}  // namespace
}  // namespace prepbot::interview

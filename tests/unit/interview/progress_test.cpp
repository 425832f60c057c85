#include "interview/progress.hpp"

#include <gtest/gtest.h>

namespace prepbot::interview {
namespace {

store::Practice record(const std::string& session, const std::string& when, int technical, std::string kind = "technical",
                       std::vector<std::string> topics = {"Caching"}, std::string family = "backend") {
  store::Practice practice;
  practice.session_id = session;
  practice.answered_at = when;
  practice.session_created_at = when.substr(0, 10) + "T09:00:00.000000";
  practice.kind = std::move(kind);
  practice.topics = std::move(topics);
  practice.scores = {technical, 6, 5};
  practice.role = "Backend developer";
  practice.role_family = std::move(family);
  return practice;
}

TEST(Progress, NoPracticeIsAnEmptyProgress) {
  const auto progress = compute_progress({});
  EXPECT_EQ(progress.sessions, 0);
  EXPECT_TRUE(progress.timeline.empty());
  ASSERT_EQ(progress.dimensions.size(), 4u);
  EXPECT_EQ(progress.dimensions[0].answers, 0);
  EXPECT_EQ(progress.dimensions[0].verdict, "new");
}

TEST(Progress, EachSessionIsAPointAndEachSubjectATrend) {
  const std::vector<store::Practice> records = {
      record("s1", "2026-11-01T09:05:00", 3), record("s1", "2026-11-01T09:06:00", 5, "behavioral", {"conflict"}),
      record("s2", "2026-11-08T09:05:00", 6), record("s2", "2026-11-08T09:06:00", 4, "behavioral", {"conflict"}),
      record("s3", "2026-11-15T09:05:00", 9, "technical", {"Caching", "Rate limiting"}, "frontend"),
  };
  const auto progress = compute_progress(records);
  EXPECT_EQ(progress.sessions, 3);
  EXPECT_EQ(progress.answers, 5);
  ASSERT_EQ(progress.timeline.size(), 3u);
  EXPECT_EQ(progress.timeline[0].session_id, "s1");
  EXPECT_DOUBLE_EQ(progress.timeline[0].technical, 4.0);
  EXPECT_DOUBLE_EQ(progress.timeline[0].overall, 5.0);  // (4 + 6 + 5) / 3
  EXPECT_EQ(progress.timeline[2].role_family, "frontend");

  const Trend& technical = progress.dimensions[0];  // per session: 4, 5, 9
  EXPECT_EQ(technical.name, "technical");
  EXPECT_EQ(technical.answers, 3) << "a dimension's series has a point per session";
  EXPECT_DOUBLE_EQ(technical.earlier, 4.0);
  EXPECT_DOUBLE_EQ(technical.later, 9.0);  // the middle session counts in neither half
  EXPECT_EQ(technical.verdict, "improved");
  EXPECT_EQ(technical.last_practised, "2026-11-15T09:05:00");
  EXPECT_EQ(progress.dimensions[1].verdict, "steady");
  EXPECT_EQ(compute_progress({records[0], records[1]}).dimensions[0].verdict, "new") << "one session says nothing of progress";

  ASSERT_EQ(progress.concepts.size(), 2u);
  EXPECT_EQ(progress.concepts[0].name, "Caching") << "most answered first";
  EXPECT_EQ(progress.concepts[0].answers, 3);
  EXPECT_EQ(progress.concepts[0].verdict, "improved");
  EXPECT_EQ(progress.concepts[1].verdict, "new");
  ASSERT_EQ(progress.competencies.size(), 1u);
  EXPECT_EQ(progress.competencies[0].name, "conflict");
  EXPECT_EQ(progress.competencies[0].verdict, "declined");  // 5 then 4
  EXPECT_EQ(progress.competencies[0].change, -1.0);
  EXPECT_EQ(progress.competencies[0].last_practised, "2026-11-08T09:06:00");
  ASSERT_EQ(progress.roles.size(), 2u);
  EXPECT_EQ(progress.roles[0].name, "backend");
}

}  // namespace
}  // namespace prepbot::interview

#include "interview/report.hpp"

#include <gtest/gtest.h>

namespace prepbot::interview {
namespace {

model::Session session_with(model::Mode mode, std::vector<model::Scores> scores) {
  model::Session session;
  session.meta.mode = mode;
  int id = 1;
  for (const auto& s : scores) {
    model::Answer answer;
    answer.question_id = id++;
    answer.evaluation.scores = s;
    answer.evaluation.resources = {"Shared — https://example.org/a", "Own " + std::to_string(id)};
    session.answers.push_back(answer);
  }
  return session;
}

TEST(Report, TechnicalModeWeighsTechnicalHalf) {
  const auto report = compute_report(session_with(model::Mode::technical, {{8, 6, 4}, {6, 4, 2}}));
  EXPECT_DOUBLE_EQ(report.avg_technical, 7.0);
  EXPECT_DOUBLE_EQ(report.avg_communication, 5.0);
  EXPECT_DOUBLE_EQ(report.avg_confidence, 3.0);
  EXPECT_DOUBLE_EQ(report.overall_score, 0.5 * 7 + 0.25 * 5 + 0.25 * 3);
  EXPECT_EQ(report.n_questions, 2);
}

TEST(Report, OtherModesWeighCommunicationHalf) {
  for (auto mode : {model::Mode::behavioral, model::Mode::mixed}) {
    const auto report = compute_report(session_with(mode, {{8, 6, 4}}));
    EXPECT_DOUBLE_EQ(report.overall_score, 0.5 * 6 + 0.3 * 4 + 0.2 * 8);
  }
}

TEST(Report, RoundsToTwoDecimalsAndDeduplicatesResources) {
  const auto report = compute_report(session_with(model::Mode::technical, {{7, 7, 7}, {7, 7, 8}, {7, 7, 8}}));
  EXPECT_DOUBLE_EQ(report.avg_confidence, 7.67);
  ASSERT_EQ(report.resources.size(), 4u);
  EXPECT_EQ(report.resources[0], "Shared — https://example.org/a");
}

TEST(Report, NamesStrengthsAndFocusAreasFromScoresAndEvidence) {
  auto session = session_with(model::Mode::technical, {{8, 5, 4}});
  auto& evidence = session.answers[0].evaluation.evidence;
  evidence.key_points_covered = {{"Explains the B-tree", "a B-tree", "", ""}};
  evidence.key_points_missed = {"Mentions the write cost"};
  evidence.misconceptions = {{"More indexes are faster", "Indexes slow writes.", "", ""}};
  const auto report = compute_report(session);
  ASSERT_EQ(report.strengths.size(), 2u);
  EXPECT_NE(report.strengths[0].find("Technical content (8.0/10)"), std::string::npos);
  EXPECT_EQ(report.strengths[1], "You covered: Explains the B-tree");
  ASSERT_EQ(report.focus_areas.size(), 4u);
  EXPECT_NE(report.focus_areas[0].find("Confidence (4.0/10)"), std::string::npos) << "the weakest dimension first";
  EXPECT_NE(report.focus_areas[1].find("Communication"), std::string::npos);
  EXPECT_EQ(report.focus_areas[2], "Correct a misconception: Indexes slow writes.");
  EXPECT_EQ(report.focus_areas[3], "Practise: Mentions the write cost");
}

TEST(Report, EachSkillOfTheJobPostingIsCoveredOrSaidNotPractised) {
  auto session = session_with(model::Mode::technical, {{8, 6, 4}, {4, 6, 4}, {6, 6, 6}});
  session.meta.posting_skills = {"Message queues", "Rate limiting", "Kubernetes"};
  session.questions = {{1, "q1", "technical", "easy", "", "", {"Message queues"}},
                       {2, "q2", "technical", "easy", "", "", {"Message queues", "Rate limiting"}},
                       {3, "q3", "behavioral", "easy", "", "", {}}};
  const auto report = compute_report(session);
  ASSERT_EQ(report.posting_coverage.size(), 3u);
  EXPECT_EQ(report.posting_coverage[0].skill, "Message queues");
  EXPECT_EQ(report.posting_coverage[0].questions, 2);
  EXPECT_DOUBLE_EQ(report.posting_coverage[0].average, 6.0);
  EXPECT_EQ(report.posting_coverage[1].questions, 1);
  EXPECT_DOUBLE_EQ(report.posting_coverage[1].average, 4.0);
  EXPECT_EQ(report.posting_coverage[2].questions, 0) << "named by the posting, not practised";
  EXPECT_TRUE(compute_report(session_with(model::Mode::technical, {{5, 5, 5}})).posting_coverage.empty()) << "no posting";
}

TEST(Report, NeedsAnAnswer) { EXPECT_THROW(compute_report(model::Session{}), std::logic_error); }

}  // namespace
}  // namespace prepbot::interview

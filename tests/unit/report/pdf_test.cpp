#include "report/pdf.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>

#include "report/charts.hpp"

namespace prepbot::report {
namespace {

model::Session completed_session(int questions, const std::string& answer) {
  model::Session session;
  session.id = "s";
  session.meta = {"José Ñúñez 李雷", "Backend developer", std::string("fintech"), model::Level::mid, model::Mode::technical, "backend", "offline"};
  session.created_at = "2026-11-25T10:00:00.000000";
  session.status = model::Status::completed;
  for (int i = 1; i <= questions; ++i) {
    session.questions.push_back({i, "Question number " + std::to_string(i) + "?", "technical", "medium", "hint", "", {}});
    model::Answer a;
    a.question_id = i;
    a.text = answer;
    a.evaluation.scores = {1 + i % 10, 2 + i % 9, 3 + i % 8};
    a.evaluation.feedback = "Feedback " + std::to_string(i);
    a.evaluation.resources = {"Docs — https://example.org/" + std::to_string(i)};
    session.answers.push_back(a);
  }
  session.final_report = model::FinalReport{6.5, 6, 7, 7, {"Docs — https://example.org/1"}, questions, {"Clear"}, {"Depth"}};
  return session;
}

TEST(Pdf, ReportsAreWellFormedPdfs) {
  const auto session = completed_session(3, "A short answer.");
  for (const auto& pdf : {full_report_pdf(session), summary_pdf(session)}) {
    ASSERT_GT(pdf.size(), 1000u);
    EXPECT_EQ(pdf.substr(0, 5), "%PDF-");
    EXPECT_NE(pdf.find("%%EOF"), std::string::npos);
  }
}

TEST(Pdf, LongAnswersFlowOntoMorePages) {
  std::string long_answer;
  for (int i = 0; i < 400; ++i) long_answer += "This sentence makes the answer long enough to need several pages. ";
  const auto short_pdf = full_report_pdf(completed_session(2, "Short."));
  const auto long_pdf = full_report_pdf(completed_session(2, long_answer));
  auto pages = [](const std::string& pdf) {
    std::size_t count = 0;
    for (auto at = pdf.find("/Type /Page"); at != std::string::npos; at = pdf.find("/Type /Page", at + 1))
      count += pdf.compare(at, 12, "/Type /Pages") != 0;  // page objects, not the page tree
    return count;
  };
  EXPECT_GT(pages(long_pdf), pages(short_pdf) + 2);
}

// What a reader copies out of the PDF (poppler's pdftotext).
std::string text_of(const std::string& pdf) {
  const auto path = std::filesystem::temp_directory_path() / ("prepbot-pdf-test-" + std::to_string(::getpid()) + ".pdf");
  std::ofstream(path, std::ios::binary) << pdf;
  std::string text;
  if (FILE* pipe = ::popen(("pdftotext -enc UTF-8 " + path.string() + " -").c_str(), "r")) {
    char buffer[4096];
    for (std::size_t got; (got = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) text.append(buffer, got);
    ::pclose(pipe);
  }
  std::filesystem::remove(path);
  return text;
}

// A paragraph split across pages draws each page's own lines: the text a reader
// copies holds every sentence exactly once, none lost or doubled at a page break.
TEST(Pdf, ASplitParagraphPutsEachLineOnOnePage) {
  std::string long_answer;
  for (int i = 1; i <= 300; ++i) long_answer += "Sentence " + std::to_string(i) + " keeps the answer going. ";
  const std::string text = text_of(full_report_pdf(completed_session(1, long_answer)));
  ASSERT_FALSE(text.empty()) << "pdftotext gave nothing";
  for (int i = 1; i <= 300; ++i) {
    const std::regex marker("Sentence\\s+" + std::to_string(i) + "\\s");  // a line may break between the words
    const auto found = std::distance(std::sregex_iterator(text.begin(), text.end(), marker), std::sregex_iterator());
    ASSERT_EQ(found, 1) << "sentence " << i;
  }
}

TEST(Pdf, TheReportSaysWhichScoringModeGradedIt) {
  auto session = completed_session(1, "An index is a B-tree that avoids a full scan.");
  // The line may wrap: compare with white space folded.
  auto words_of = [](const std::string& pdf) {
    std::string text = text_of(pdf), out;
    for (char c : text)
      if (!std::isspace(static_cast<unsigned char>(c)) || (!out.empty() && out.back() != ' ')) out += std::isspace(static_cast<unsigned char>(c)) ? ' ' : c;
    return out;
  };
  EXPECT_NE(words_of(full_report_pdf(session)).find("graded on content and delivery"), std::string::npos) << words_of(full_report_pdf(session));
  session.meta.scoring = model::Scoring::content;
  EXPECT_NE(words_of(full_report_pdf(session)).find("graded on content only"), std::string::npos);
  EXPECT_NE(words_of(summary_pdf(session)).find("graded on content only"), std::string::npos);
}

TEST(Pdf, TheFullReportListsTheJobPostingsSkills) {
  auto session = completed_session(1, "An answer.");
  session.final_report->posting_coverage = {{"Message queues", 1, 7.0}, {"Kubernetes", 0, 0}};
  const std::string text = text_of(full_report_pdf(session));
  EXPECT_NE(text.find("The job posting's skills"), std::string::npos) << text;
  EXPECT_NE(text.find("Message queues: 1 question, technical 7.0/10"), std::string::npos) << text;
  EXPECT_NE(text.find("Kubernetes: not practised in this session"), std::string::npos) << text;
}

TEST(Pdf, SpokenAnswersGetAPaceChart) {
  model::Session session = completed_session(2, "An answer.");
  EXPECT_EQ(text_of(full_report_pdf(session)).find("Pace per question"), std::string::npos) << "typed answers only";
  model::SpokenDelivery delivery;
  delivery.words_per_minute = 187;
  session.answers[1].evaluation.evidence.delivery = delivery;
  const std::string text = text_of(full_report_pdf(session));
  EXPECT_NE(text.find("Pace per question"), std::string::npos);
  EXPECT_NE(text.find("187"), std::string::npos) << "the spoken answer's bar is labelled with its pace";
}

TEST(Pdf, AProfilesReportShowsItsProgressOverSessions) {
  const model::Session session = completed_session(1, "An answer.");
  EXPECT_EQ(text_of(full_report_pdf(session, {{"2026-11-01T09:00:00", 4, 5, 5, 4.7}})).find("Progress over"),
            std::string::npos) << "one session is no progress yet";
  const std::vector<ProgressPoint> points = {
      {"2026-11-01T09:00:00", 4, 5, 5, 4.7}, {"2026-11-08T09:00:00", 6, 6, 5, 5.7}, {"2026-11-15T09:00:00", 8, 7, 7, 7.3}};
  std::string text = text_of(full_report_pdf(session, points));
  std::replace(text.begin(), text.end(), '\n', ' ');  // wherever the sentence wraps
  EXPECT_NE(text.find("Progress over your sessions"), std::string::npos) << text;
  EXPECT_NE(text.find("of your 3 sessions so far: 4.7 at the first, 7.3 now (improved)"), std::string::npos) << text;
  EXPECT_NE(text.find("11-15"), std::string::npos) << "the last session's date is marked";
}

TEST(Pdf, TheSameSessionAlwaysGivesTheSameFile) {
  auto session = completed_session(2, "An answer.");
  session.answers[1].answered_at = "2026-11-25T10:30:07.123456";
  for (const auto& pdf : {full_report_pdf(session), summary_pdf(session)})
    EXPECT_NE(pdf.find("/CreationDate (20261125103007Z)"), std::string::npos) << "dated by the session, not the clock";
  EXPECT_EQ(full_report_pdf(session), full_report_pdf(session));
}

TEST(Pdf, ReportsNeedACompletedSession) {
  auto session = completed_session(1, "x");
  session.final_report.reset();
  EXPECT_THROW(full_report_pdf(session), std::logic_error);
}

TEST(Charts, SvgDocuments) {
  const auto session = completed_session(5, "x");
  const std::string radar = radar_svg(*session.final_report);
  EXPECT_NE(radar.find("<svg"), std::string::npos);
  EXPECT_NE(question_bars_svg(session).find("<svg"), std::string::npos);
}

}  // namespace
}  // namespace prepbot::report

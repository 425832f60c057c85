// Report budgets: the full PDF of a 4- and a 10-question session and the one-page
// summary, each drawn afresh every time (the service's cache is not in the way).
#include <benchmark/benchmark.h>

#include "interview/report.hpp"
#include "report/charts.hpp"
#include "report/pdf.hpp"

namespace {

using namespace prepbot;

model::Session session_of(int questions) {
  model::Session session;
  session.id = "bench";
  session.meta = {"José Ñúñez 李雷", "Backend developer", std::string("fintech"), model::Level::mid, model::Mode::mixed, "backend", "offline"};
  session.created_at = "2026-11-25T10:00:00.000000";
  session.status = model::Status::completed;
  std::string answer;
  for (int i = 0; i < 12; ++i)
    answer += "First I would measure the current latency, then add an index on the lookup column and cache hot reads. ";
  for (int i = 1; i <= questions; ++i) {
    session.questions.push_back({i, "How would you make endpoint number " + std::to_string(i) + " faster under load, and how would you prove it?",
                                 i % 2 ? "technical" : "behavioral", "medium", "hint", "", {}});
    model::Answer a;
    a.question_id = i;
    a.text = answer;
    a.evaluation.scores = {1 + i % 10, 2 + i % 9, 3 + i % 8};
    a.evaluation.feedback = "What you covered: caching (you said \u201ccache hot reads\u201d). What was missing: load testing; rollback.";
    a.evaluation.examples_or_corrections = "A strong answer covers:\n- Measure first\n- Index the lookup\n- Cache hot reads\n- Prove it with a load test";
    a.evaluation.resources = {"PostgreSQL: Indexes — https://www.postgresql.org/docs/current/indexes.html"};
    a.evaluation.evidence.key_points_covered = {{"Caches hot reads", "cache hot reads", "", ""}};
    a.evaluation.evidence.key_points_missed = {"Proves it with a load test", "Plans a rollback"};
    session.answers.push_back(a);
  }
  session.final_report = interview::compute_report(session);
  return session;
}

void FullReportFourQuestions(benchmark::State& state) {
  const auto session = session_of(4);
  for (auto _ : state) benchmark::DoNotOptimize(report::full_report_pdf(session));
}
BENCHMARK(FullReportFourQuestions)->Unit(benchmark::kMillisecond);

void FullReportTenQuestions(benchmark::State& state) {
  const auto session = session_of(10);
  for (auto _ : state) benchmark::DoNotOptimize(report::full_report_pdf(session));
}
BENCHMARK(FullReportTenQuestions)->Unit(benchmark::kMillisecond);

void SummaryReport(benchmark::State& state) {
  const auto session = session_of(10);
  for (auto _ : state) benchmark::DoNotOptimize(report::summary_pdf(session));
}
BENCHMARK(SummaryReport)->Unit(benchmark::kMillisecond);

void RadarSvg(benchmark::State& state) {
  const auto session = session_of(10);
  for (auto _ : state) benchmark::DoNotOptimize(report::radar_svg(*session.final_report));
}
BENCHMARK(RadarSvg)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();

// Offline coach budgets: grading a 300-word answer, choosing a session's
// questions, loading the built-in bank at start-up, and training the phrasing model.
#include <benchmark/benchmark.h>

#include <chrono>
#include <memory>
#include <optional>
#include <random>
#include <thread>

#include "coach/offline/bank.hpp"
#include "coach/offline/grader.hpp"
#include "coach/offline/offline_coach.hpp"
#include "coach/offline/selector.hpp"
#include "util/worker_pool.hpp"

namespace {

using namespace prepbot::coach::offline;

const Bank& bank() {
  static const Bank loaded = Bank::load_embedded();
  return loaded;
}

// About 300 words on the question's topic, built from its own model answer and key points.
std::string long_answer(const BankQuestion& q) {
  std::string text = "First, let me explain how I would approach this. ";
  while (text.size() < 1900) {
    for (const auto& line : q.model_answer) text += line + " ";
    for (const auto& point : q.key_points) text += "For example, " + point.point + ", because it matters in production. ";
  }
  return text;
}

void GradeThreeHundredWords(benchmark::State& state) {
  const BankQuestion& q = bank().questions().front();
  const std::string answer = long_answer(q);
  static const Speller speller(bank());
  GradeInput input;
  input.bank_question = &q;
  input.question = q.text;
  input.answer = answer;
  input.speller = &speller;
  input.knowledge = &bank().knowledge();  // with the knowledge base loaded, as the coach grades
  input.phrasing = &bank().phrasing();
  for (const auto& near : bank().questions())
    if (input.related.size() < 2 && near.family == q.family && &near != &q) input.related.push_back(&near);
  for (auto _ : state) benchmark::DoNotOptimize(grade(input));
  state.counters["words"] = static_cast<double>(std::count(answer.begin(), answer.end(), ' '));
}
BENCHMARK(GradeThreeHundredWords)->Unit(benchmark::kMicrosecond);

void SelectQuestions(benchmark::State& state) {
  std::mt19937_64 random{7};
  prepbot::coach::QuestionRequest request;
  request.role = "Senior backend developer";
  request.mode = prepbot::model::Mode::mixed;
  request.level = prepbot::model::Level::senior;
  request.count = 10;
  for (auto _ : state) benchmark::DoNotOptimize(select_questions(bank(), request, random));
}
BENCHMARK(SelectQuestions)->Unit(benchmark::kMicrosecond);

// A start with a 20,000-character job posting and as long a résumé (budget: 20 ms):
// the offline coach's whole start, the résumé's lines read and quoted included.
void StartWithAPostingAndAResume(benchmark::State& state) {
  const std::string duties =
      "You will run our Kubernetes clusters, define SLOs and error budgets, write alerting on the golden signals, lead "
      "blameless postmortems, automate with Terraform, tune PostgreSQL indexes and Redis caching, and keep the message "
      "queues and rate limiting of our REST APIs healthy. ";
  const std::string bullets =
      "- Built a payment ledger on Kafka with idempotent consumers and exactly-once processing.\n"
      "- Added Redis caching in front of PostgreSQL with cache invalidation on write, cutting p99 latency by 60%.\n"
      "- Led the migration of 40 services to Kubernetes with zero downtime for customers.\n"
      "- Defined SLOs and error budgets for 30 services and ran the on-call rotation.\n";
  prepbot::coach::QuestionRequest request;
  request.mode = prepbot::model::Mode::mixed;
  request.level_given = false;
  request.count = 10;
  request.job_description = "Senior Site Reliability Engineer\n";
  while (request.job_description.size() + duties.size() <= 20'000) request.job_description += duties;
  request.resume = "Ada Lovelace\nSite Reliability Engineer, 2019-2024\n";
  while (request.resume.size() + bullets.size() <= 20'000) request.resume += bullets;
  prepbot::util::WorkerPool workers(1);
  const OfflineCoach coach(std::make_shared<const Bank>(Bank::load_embedded()), workers);
  for (auto _ : state) benchmark::DoNotOptimize(coach.generate_now(request));
  state.counters["posting_chars"] = static_cast<double>(request.job_description.size());
  state.counters["resume_chars"] = static_cast<double>(request.resume.size());
}
BENCHMARK(StartWithAPostingAndAResume)->Unit(benchmark::kMillisecond);

// Start-up: the built-in bank and knowledge base as the server loads them (`snapshot`:
// read back from the snapshot the build links in), and as they are analysed from their
// files (`analysed`: reading, checking and indexing them on every core, as the build
// step does and a custom bank directory loads), in real time. Each load runs on a fresh
// thread, whose cache of stems starts empty as a server's does. Freeing the bank is
// timed apart: a server does that once, at exit.
void LoadBank(benchmark::State& state, Bank (*load)()) {
  std::optional<Bank> bank;
  double freeing_ms = 0;
  for (auto _ : state) {
    state.PauseTiming();
    const auto freeing = std::chrono::steady_clock::now();
    bank.reset();
    freeing_ms += std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - freeing).count();
    state.ResumeTiming();
    std::thread([&] { bank.emplace(load()); }).join();
    benchmark::DoNotOptimize(*bank);
  }
  state.counters["freeing_ms"] = benchmark::Counter(freeing_ms, benchmark::Counter::kAvgIterations);
}
BENCHMARK_CAPTURE(LoadBank, snapshot, &Bank::load_embedded)->Unit(benchmark::kMillisecond)->Iterations(5)->UseRealTime();
BENCHMARK_CAPTURE(LoadBank, analysed, &Bank::parse_embedded)->Unit(benchmark::kMillisecond)->Iterations(5)->UseRealTime();

// Training the phrasing model on the built-in tuning set: what the build step does, and a
// server given a bank directory at start-up.
void TrainPhrasingModel(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(PhrasingModel::builtin());
}
BENCHMARK(TrainPhrasingModel)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace

BENCHMARK_MAIN();

// Practice profiles: a profile's progress and its due reviews, each read afresh
// from a SQLite file holding 1,000 of its sessions (5 graded answers each, its
// weak answers' review cards), as GET /profiles/me/progress and /review do.
#include <benchmark/benchmark.h>

#include <unistd.h>

#include <filesystem>

#include "interview/profiles.hpp"
#include "interview/review.hpp"
#include "store/session_store.hpp"

namespace {

using namespace prepbot;

constexpr int kSessions = 1000;
constexpr int kAnswers = 5;

struct Fixture {
  std::string dir;
  std::unique_ptr<store::SessionStore> store;
  std::string profile_id;

  Fixture() {
    dir = (std::filesystem::temp_directory_path() / ("prepbot-profile-bench-" + std::to_string(getpid()))).string();
    std::filesystem::create_directories(dir);
    store = store::open_store("sqlite:" + dir + "/bench.db");
    interview::Profiles profiles(*store);
    profile_id = profiles.create().id;
    const char* competencies[] = {"conflict", "ownership", "feedback", "learning"};
    const char* concepts[] = {"Caching", "Rate limiting", "Indexes", "Message queues", "Load balancing", "Idempotency"};
    auto day = *interview::parse_iso_day("2024-01-01");
    for (int s = 0; s < kSessions; ++s, day += std::chrono::days(1)) {
      model::Session session;
      session.id = "session-" + std::to_string(s);
      session.meta = {"Ada", "Backend developer", std::nullopt, model::Level::mid, model::Mode::mixed, "backend", "offline"};
      session.meta.profile_id = profile_id;
      session.created_at = interview::iso_day(day) + "T09:00:00.000000";
      for (int q = 1; q <= kAnswers; ++q) {
        const bool behavioral = q % 2 == 0;
        model::Question question{q, "Question " + std::to_string(s * 7 % 400 + q), behavioral ? "behavioral" : "technical",
                                 "medium", "hint", "bank-" + std::to_string((s * 7 + q) % 400), {}, 0,
                                 behavioral ? competencies[(s + q) % 4] : ""};
        session.questions.push_back(question);
      }
      store->create(session);
      for (const auto& question : session.questions) {
        model::Answer answer;
        answer.question_id = question.id;
        answer.text = "An answer of a few words.";
        answer.evaluation.scores = {1 + (s + question.id) % 10, 5, 6};
        answer.evaluation.evidence.concepts = {{std::string("c") + std::to_string(question.id), concepts[(s + question.id) % 6]}};
        answer.answered_at = interview::iso_day(day) + "T09:0" + std::to_string(question.id) + ":00.000000";
        const auto practice = interview::practice_of(question, answer);
        store->save_answer(session.id, answer, nullptr, &practice);
        store->update_review_cards(profile_id, [&](const std::vector<store::ReviewCard>& cards) {
          return interview::cards_after_answer(cards, question, answer.evaluation, day, answer.answered_at);
        });
      }
    }
  }
  ~Fixture() {
    store.reset();
    std::filesystem::remove_all(dir);
  }
};

Fixture& fixture() {
  static Fixture built;
  return built;
}

void ProgressOf1000Sessions(benchmark::State& state) {
  interview::Profiles profiles(*fixture().store);
  for (auto _ : state) benchmark::DoNotOptimize(profiles.progress(fixture().profile_id));
  state.counters["answers"] = profiles.progress(fixture().profile_id).answers;
}
BENCHMARK(ProgressOf1000Sessions)->Unit(benchmark::kMillisecond);

void ReviewDueOf1000Sessions(benchmark::State& state) {
  interview::Profiles profiles(*fixture().store);
  const auto today = *interview::parse_iso_day("2026-12-01");
  for (auto _ : state) benchmark::DoNotOptimize(profiles.review(fixture().profile_id, today));
  state.counters["cards"] = static_cast<double>(profiles.review(fixture().profile_id, today).scheduled);
}
BENCHMARK(ReviewDueOf1000Sessions)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();

#include "app/commands.hpp"

#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <thread>

#include <fmt/format.h>

#include "coach/offline/bank.hpp"
#include "coach/offline/offline_coach.hpp"
#include "http/api.hpp"
#include "http/server.hpp"
#include "interview/service.hpp"
#include "model/json.hpp"
#include "model/levels.hpp"
#include "store/session_store.hpp"
#include "util/log.hpp"
#include "util/text.hpp"
#include "util/worker_pool.hpp"

namespace prepbot::app {
namespace {

std::shared_ptr<const coach::offline::Bank> load_bank(const std::string& directory) {
  using coach::offline::Bank;
  return std::make_shared<const Bank>(directory.empty() ? Bank::load_embedded() : Bank::load_directory(directory));
}

}  // namespace

int serve(const config::Config& config) {
  util::log::setup(config.log_level, config.log_json);
  const auto started = std::chrono::steady_clock::now();
  const auto bank = load_bank(config.bank);
  const std::size_t cores = std::max(1u, std::thread::hardware_concurrency());
  const std::size_t threads = config.threads > 0 ? static_cast<std::size_t>(config.threads) : cores;

  util::WorkerPool workers(threads);
  coach::offline::OfflineCoach coach(bank, workers);
  const auto store = store::open_store(config.store);
  interview::InterviewService interview(coach, *store, workers);
  const http::StaticFiles web(config.web_dir);
  const http::Router router = http::make_router(interview, *store, web);
  const auto ready_ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
  util::log::info("ready", {{"questions", bank->questions().size()},
                            {"store", config.store.rfind("sqlite:", 0) == 0 ? config.store : "configured"},
                            {"coach", config.coach},
                            {"startup_ms", ready_ms}});
  http::serve({config.host, config.port, threads, std::chrono::seconds(10)}, router);
  return 0;
}

int evaluate(const EvaluateOptions& options) {
  std::string answer = options.answer;
  if (!options.answer_file.empty()) {
    std::ifstream file;
    std::istream* in = &std::cin;
    if (options.answer_file != "-") {
      file.open(options.answer_file, std::ios::binary);
      if (!file) throw std::runtime_error("cannot read " + options.answer_file);
      in = &file;
    }
    std::ostringstream text;
    text << in->rdbuf();
    answer = text.str();
  }
  const auto mode = model::parse_mode(options.mode);
  if (!mode) throw std::runtime_error("--mode must be technical, behavioral or mixed");
  const auto level = model::parse_level(options.experience);
  if (!level) throw std::runtime_error("--experience must be 0-1 years, 1-3 years, 3-5 years or 5+ years (or junior, senior, …)");
  if (util::trim(options.question).empty()) throw std::runtime_error("--question is required");
  if (!util::is_valid_utf8(options.question) || !util::is_valid_utf8(answer))
    throw std::runtime_error("the question and the answer must be UTF-8 text");

  util::WorkerPool workers(1);
  coach::offline::OfflineCoach coach(load_bank(options.bank), workers);
  coach::EvaluationRequest request;
  request.question.text = options.question;
  request.question.type = *mode == model::Mode::behavioral ? "behavioral" : "technical";
  request.answer = answer;
  request.mode = *mode;
  request.level = *level;
  request.role = options.role;
  fmt::print("{}\n", model::to_json(coach.evaluate_now(request)).dump(2));
  return 0;
}

int bank_check(const std::string& directory) {
  using coach::offline::Bank;
  std::shared_ptr<const Bank> bank;
  try {
    bank = load_bank(directory);
  } catch (const coach::offline::BankError& error) {
    for (const auto& problem : error.problems) fmt::print(stderr, "{}\n", problem);
    fmt::print(stderr, "bank check: {} problem(s)\n", error.problems.size());
    return 1;
  }
  std::map<std::string, std::map<std::string, int>> by_family;  // family → column → count
  std::map<std::string, int> totals;
  for (const auto& q : bank->questions()) {
    auto& row = by_family[q.family];
    for (const std::string& column : {q.type, q.difficulty}) ++row[column], ++totals[column];
    for (auto level : q.levels) ++row[std::string(model::level_key(level))], ++totals[std::string(model::level_key(level))];
    ++row["total"], ++totals["total"];
  }
  const std::vector<std::string> columns = {"total", "technical", "behavioral", "easy", "medium",
                                            "hard",  "entry",     "junior",     "mid",  "senior"};
  fmt::print("{:<22}", "family");
  for (const auto& column : columns) fmt::print("{:>11}", column);
  fmt::print("\n");
  auto print_row = [&](const std::string& name, std::map<std::string, int>& row) {
    fmt::print("{:<22}", name);
    for (const auto& column : columns) fmt::print("{:>11}", row[column]);
    fmt::print("\n");
  };
  for (auto& [family, row] : by_family) print_row(family, row);
  print_row("all", totals);
  fmt::print("bank check: ok, {} questions in {} role families\n", bank->questions().size(), bank->families().size());
  return 0;
}

}  // namespace prepbot::app

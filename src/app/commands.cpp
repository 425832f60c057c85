#include "app/commands.hpp"

#include <signal.h>
#include <unistd.h>

#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <fstream>
#include <future>
#include <iostream>
#include <map>
#include <sstream>
#include <thread>

#include <fmt/format.h>

#include "app/retention.hpp"
#include "coach/llm/llm_coach.hpp"
#include "coach/offline/bank.hpp"
#include "coach/offline/offline_coach.hpp"
#include "coach/offline/validation.hpp"
#include "http/api.hpp"
#include "http/gate.hpp"
#include "http/server.hpp"
#include "interview/service.hpp"
#include "model/json.hpp"
#include "model/levels.hpp"
#include "report/pdf.hpp"
#include "store/session_store.hpp"
#include "util/clock.hpp"
#include "util/log.hpp"
#include "util/metrics.hpp"
#include "util/text.hpp"
#include "util/worker_pool.hpp"

namespace prepbot::app {
namespace {

// `bank check`'s minimums for every role family: questions in all, and per difficulty and level.
constexpr int kFamilyMinimum = 30;
constexpr int kColumnMinimum = 5;

// The configured LLM coach, or null for the offline coach alone.
std::unique_ptr<coach::llm::LlmCoach> make_llm_coach(const config::Config& config, coach::llm::HttpClient& http,
                                                     coach::offline::OfflineCoach& offline, util::WorkerPool& workers,
                                                     util::Metrics& metrics) {
  std::unique_ptr<coach::llm::Provider> provider;
  if (config.coach == "gemini")
    provider = coach::llm::make_gemini({util::Secret(config.gemini_api_key), config.gemini_model, config.gemini_base_url});
  else if (config.coach == "openai")
    provider = coach::llm::make_openai({util::Secret(config.openai_api_key), config.openai_model, config.openai_base_url});
  else
    return nullptr;
  coach::llm::LlmOptions options;
  options.timeout = std::chrono::seconds(config.llm_timeout);
  options.max_concurrent = config.llm_concurrency;
  auto coach = std::make_unique<coach::llm::LlmCoach>(std::move(provider), http, offline, workers, &metrics, options);
  coach->check_model();
  return coach;
}

// The transcription server for spoken answers, or null when there is none
// (spoken answers then need the browser's own transcript).
std::unique_ptr<speech::Transcriber> make_transcriber(const config::Config& config, coach::llm::HttpClient& http,
                                                     util::WorkerPool& workers, util::Metrics& metrics) {
  if (config.stt != "openai") return nullptr;
  speech::TranscriberConfig stt{util::Secret(config.stt_api_key), config.stt_model, config.stt_base_url, {}};
  stt.policy.timeout = std::chrono::seconds(config.llm_timeout);
  stt.policy.max_concurrent = config.llm_concurrency;
  return speech::make_openai_transcriber(std::move(stt), http, workers, &metrics);
}

std::shared_ptr<const coach::offline::Bank> load_bank(const DataDirectories& data) {
  return std::make_shared<const coach::offline::Bank>(coach::offline::Bank::load(data.bank, data.knowledge));
}


// The parts an interview runs on, wired from the configuration: the question
// bank, the worker pool, the LLM client (every request it sends recorded in the
// outbound ledger), the offline coach and the configured LLM coach, the
// transcriber, the store and the interview service. The store opens on a thread of
// its own while the bank loads: a new SQLite file waits on the disk, a PostgreSQL
// pool on the network, and neither needs the bank.
struct Parts {
  Parts(const config::Config& config, std::size_t threads, util::Metrics& metrics, util::OutboundLedger& ledger)
      : opening_store(std::async(std::launch::async, store::open_store, config.store, config.db_pool)),
        bank(load_bank({config.bank, config.knowledge})),
        workers(std::make_unique<util::WorkerPool>(threads)),
        http(std::make_unique<coach::llm::HttpClient>(&ledger)),
        offline(bank, *workers, &metrics),
        llm(make_llm_coach(config, *http, offline, *workers, metrics)),
        transcriber(make_transcriber(config, *http, *workers, metrics)),
        store(opening_store.get()),
        interview(coaches(config), *store, *workers, cache_budget(config), transcriber.get()) {}
  Parts(const Parts&) = delete;
  Parts& operator=(const Parts&) = delete;
  ~Parts() { shut_down(); }

  // LLM calls still running end first (their callbacks post to the workers), then
  // queued work finishes while the coaches, store and service still exist.
  void shut_down() {
    http.reset();
    workers.reset();
  }

  std::future<std::unique_ptr<store::SessionStore>> opening_store;
  std::shared_ptr<const coach::offline::Bank> bank;
  std::unique_ptr<util::WorkerPool> workers;
  std::unique_ptr<coach::llm::HttpClient> http;
  coach::offline::OfflineCoach offline;
  std::unique_ptr<coach::llm::LlmCoach> llm;
  std::unique_ptr<speech::Transcriber> transcriber;
  std::unique_ptr<store::SessionStore> store;
  interview::InterviewService interview;

 private:
  interview::Coaches coaches(const config::Config& config) {
    interview::Coaches out{config.coach, {{"offline", &offline}}};
    if (llm) out.by_name[config.coach] = llm.get();
    return out;
  }
  static interview::CacheBudget cache_budget(const config::Config& config) {
    interview::CacheBudget budget;
    budget.reports = static_cast<std::size_t>(config.report_cache_mb) << 20;
    return budget;
  }
};

}  // namespace

int serve(const config::Config& config) {
  http::block_stop_signals();  // before any thread: a SIGTERM from now on stops cleanly
  util::log::setup(config.log_level, config.log_json);
  util::log::info("starting", {{"pid", static_cast<long>(getpid())}});
  const auto started = std::chrono::steady_clock::now();
  const std::size_t cores = std::max(1u, std::thread::hardware_concurrency());
  const std::size_t threads = config.threads > 0 ? static_cast<std::size_t>(config.threads) : cores;

  util::Metrics metrics;
  coach::coach_fallbacks_counter(&metrics);  // exported at 0 on an offline-only server too, for dashboards
  util::OutboundLedger ledger(&metrics);     // what leaves the machine: GET /privacy
  Parts parts(config, threads, metrics, ledger);
  const http::StaticFiles web(config.web_dir);
  const http::Router router = http::make_router(parts.interview, *parts.store, web, metrics, ledger);
  http::Gate gate({config.rate_per_second, config.rate_burst, config.cors_origin_list, config.trusted_proxy_list,
                   config.max_client_connections});
  RetentionSweeper sweeper(*parts.store, metrics, config.retention_days);
  const auto ready_ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
  util::log::info("ready", {{"questions", parts.bank->questions().size()},
                            {"store", store::is_postgres_url(config.store) ? "postgresql" : config.store},  // a URL may hold a password
                            {"coach", config.coach},
                            {"startup_ms", ready_ms}});
  parts.workers->warm_up(report::warm_up);  // fonts, once per worker: after start-up, beside the first requests
  http::serve({config.host, config.port, threads, std::chrono::seconds(10)}, router, gate, metrics);
  parts.shut_down();
  return 0;
}

int practice(const config::Config& config, const PracticeOptions& options) {
  // Ctrl-C belongs to the terminal's reader: blocked before any thread starts, so
  // every thread inherits the block and the reader takes it while it waits for input.
  sigset_t interrupt;
  sigemptyset(&interrupt);
  sigaddset(&interrupt, SIGINT);
  pthread_sigmask(SIG_BLOCK, &interrupt, nullptr);
  util::log::setup("error", false);  // the terminal is the interview's; only errors go to stderr
  util::Metrics metrics;
  util::OutboundLedger ledger(&metrics);
  Parts parts(config, 2, metrics, ledger);
  return run_practice(parts.interview, options, STDIN_FILENO, stdout);
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
  const auto scoring = model::parse_scoring(options.scoring);
  if (!scoring) throw std::runtime_error("--scoring must be standard or content");
  if (util::trim(options.question).empty()) throw std::runtime_error("--question is required");
  if (!util::is_valid_utf8(options.question) || !util::is_valid_utf8(answer))
    throw std::runtime_error("the question and the answer must be UTF-8 text");

  util::WorkerPool workers(1);
  coach::offline::OfflineCoach coach(load_bank(options.data), workers);
  coach::EvaluationRequest request;
  request.question.text = options.question;
  request.question.type = *mode == model::Mode::behavioral ? "behavioral" : "technical";
  request.answer = answer;
  request.mode = *mode;
  request.level = *level;
  request.role = options.role;
  request.scoring = *scoring;
  fmt::print("{}\n", model::to_json(coach.evaluate_now(request)).dump(2));
  return 0;
}

int bank_check(const DataDirectories& data) {
  using coach::offline::Bank;
  std::shared_ptr<const Bank> bank;
  try {
    bank = load_bank(data);
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
    if (!q.concepts.empty()) ++row["linked"], ++totals["linked"];
  }
  for (const auto& c : bank->knowledge().concepts())
    for (const auto& family : c.families)
      if (by_family.count(family)) ++by_family[family]["concepts"];
  totals["concepts"] = static_cast<int>(bank->knowledge().concepts().size());
  const std::vector<std::string> columns = {"total", "technical", "behavioral", "easy",   "medium",  "hard",
                                            "entry", "junior",    "mid",        "senior", "linked", "concepts"};
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
  fmt::print("(linked: questions linked to a knowledge-base concept; concepts: concepts listing the family)\n");
  // Every role family needs enough questions for several sessions at every level and difficulty.
  std::vector<std::string> short_families;
  for (auto& [family, row] : by_family) {
    if (family == "behavioral") continue;
    std::vector<std::string> gaps;
    if (row["total"] < kFamilyMinimum) gaps.push_back(fmt::format("{} questions (minimum {})", row["total"], kFamilyMinimum));
    for (const std::string column : {"easy", "medium", "hard", "entry", "junior", "mid", "senior"})
      if (row[column] < kColumnMinimum) gaps.push_back(fmt::format("{} {} (minimum {})", row[column], column, kColumnMinimum));
    if (!gaps.empty()) short_families.push_back(fmt::format("{}: {}", family, fmt::join(gaps, ", ")));
  }
  for (const auto& line : short_families) fmt::print(stderr, "under the minimum: {}\n", line);
  // Correct wording the coach calls wrong would cost a correct answer marks: each is a failure.
  std::vector<std::string> wrong;
  {
    util::WorkerPool workers(1);
    const coach::offline::OfflineCoach coach(bank, workers);
    wrong = coach::offline::wrong_claims_in_true_wording(coach, *bank);
  }
  for (const auto& line : wrong) fmt::print(stderr, "wrong claim in true wording: {}\n", line);
  if (!short_families.empty())
    fmt::print(stderr, "bank check: {} role famil{} under the minimum\n", short_families.size(), short_families.size() == 1 ? "y" : "ies");
  if (!wrong.empty()) fmt::print(stderr, "bank check: {} wrong claim(s) in true wording\n", wrong.size());
  if (!short_families.empty() || !wrong.empty()) return 1;
  fmt::print("bank check: ok, {} questions in {} role families, {} concepts\n", bank->questions().size(),
             bank->families().size(), bank->knowledge().concepts().size());
  return 0;
}

int validate(const ValidateOptions& options) {
  using namespace coach::offline;
  const auto bank = load_bank(options.data);
  util::WorkerPool workers(1);
  OfflineCoach coach(bank, workers);
  auto read_set = [&](const char* name) {
    if (options.sets.empty()) return builtin_labeled_set(name);
    std::ifstream file(options.sets + "/" + name, std::ios::binary);
    if (!file) throw std::runtime_error(fmt::format("cannot read {}/{}", options.sets, name));
    return nlohmann::json::parse(file);
  };
  const auto out_of_bank = read_set("out_of_bank.json");
  const auto tuning_set = read_set("out_of_bank_tuning.json");
  const auto holdout_set = read_set("out_of_bank_holdout.json");
  const auto in_bank = read_set("graded_answers.json");

  // Reported on the reporting half and the holdout set only; tuned on the tuning half and the tuning set.
  const AgreementFigures report = out_of_bank_agreement(coach, out_of_bank, Split::report);
  const AgreementFigures holdout = out_of_bank_agreement(coach, holdout_set, Split::all);
  const AgreementFigures tune = out_of_bank_agreement(coach, out_of_bank, Split::tune);
  const AgreementFigures tune2 = out_of_bank_agreement(coach, tuning_set, Split::all);
  const AdversarialFigures report_adv = out_of_bank_adversarial(coach, out_of_bank, Split::report);
  const AdversarialFigures holdout_adv = out_of_bank_adversarial(coach, holdout_set, Split::all);
  const AdversarialFigures tune_adv = out_of_bank_adversarial(coach, out_of_bank, Split::tune);
  const AdversarialFigures tune2_adv = out_of_bank_adversarial(coach, tuning_set, Split::all);
  const std::vector<const AgreementFigures*> columns{&report, &holdout, &tune, &tune2};
  const std::vector<const AdversarialFigures*> adversarial{&report_adv, &holdout_adv, &tune_adv, &tune2_adv};
  fmt::print("Offline coach validation: {} questions, {} concepts\n\n", bank->questions().size(), bank->knowledge().concepts().size());
  fmt::print("Out-of-bank sets (questions the bank does not hold)\n");
  fmt::print("                                  reported:  reporting half  holdout set | tuned on:  tuning half  tuning set\n");
  auto row = [&](std::string_view label, auto&& cell) {
    fmt::print("  {:<40}", label);
    for (std::size_t i = 0; i < columns.size(); ++i) fmt::print("{:>12}{}", cell(i), i == 1 ? "  |" : " ");
    fmt::print("\n");
  };
  row("questions x answers", [&](std::size_t i) {
    return fmt::format("{} x {}", columns[i]->questions, columns[i]->answers / std::max<std::size_t>(columns[i]->questions, 1));
  });
  const char* names[] = {"technical", "communication", "confidence"};
  for (std::size_t d = 0; d < 3; ++d)
    row(fmt::format("Spearman {}", names[d]), [&](std::size_t i) { return fmt::format("{:.2f}", columns[i]->spearman[d]); });
  row("Spearman, mean of the three", [&](std::size_t i) { return fmt::format("{:.2f}", columns[i]->spearman_mean); });
  row("  scoring by length instead", [&](std::size_t i) { return fmt::format("{:.2f}", columns[i]->length_spearman); });
  row("within-question pairwise order", [&](std::size_t i) { return fmt::format("{:.2f}", columns[i]->pairwise); });
  row("  scoring by length instead", [&](std::size_t i) { return fmt::format("{:.2f}", columns[i]->length_pairwise); });
  row("adversarial pairs passed", [&](std::size_t i) {
    return fmt::format("{}/{} {:.2f}", adversarial[i]->passed, adversarial[i]->total, adversarial[i]->share());
  });
  auto print_by_grade = [](const char* label, const AgreementFigures& f) {
    fmt::print("  mean score by grade ({}):", label);
    for (const char* grade : {"excellent", "good", "weak", "poor"})
      if (f.mean_by_grade.count(grade)) fmt::print(" {} {:.1f}", grade, f.mean_by_grade.at(grade));
    fmt::print("\n");
  };
  print_by_grade("reporting half", report);
  print_by_grade("holdout set", holdout);
  print_by_grade("tuning set", tune2);
  auto print_categories = [](const char* label, const std::vector<const AdversarialFigures*>& sets) {
    std::map<std::string, std::pair<int, int>> categories;
    for (const auto* figures : sets)
      for (const auto& [name, counts] : figures->by_category) categories[name].first += counts.first, categories[name].second += counts.second;
    fmt::print("  adversarial by category ({}):", label);
    for (const auto& [name, counts] : categories) fmt::print(" {} {}/{};", name, counts.first, counts.second);
    fmt::print("\n");
  };
  print_categories("reporting half and holdout set", {&report_adv, &holdout_adv});
  print_categories("tuning half and set", {&tune_adv, &tune2_adv});
  fmt::print("\n");
  // The phrasing model was trained on the tuning set: graded with one trained without the
  // batch being graded, each batch shows how the grader does on phrasing it has not seen.
  const LeftOutFigures left_out = phrasing_left_out_agreement(coach, tuning_set);
  fmt::print("Tuning set, the phrasing model trained without the batch graded (leave-one-batch-out)\n");
  fmt::print("  {:<8}{:>10}{:>10}{:>10}   trained on it: Spearman, pairwise\n", "batch", "questions", "Spearman", "pairwise");
  auto batch_row = [](std::string_view label, const AgreementFigures& held, const AgreementFigures& seen) {
    fmt::print("  {:<8}{:>10}{:>10.3f}{:>10.3f}   {:>13.3f}{:>10.3f}\n", label, held.questions, held.spearman_mean, held.pairwise,
               seen.spearman_mean, seen.pairwise);
  };
  for (const auto& [batch, figures] : left_out.by_batch) batch_row(batch, figures.first, figures.second);
  batch_row("all", left_out.all_held, tune2);  // the whole set with the bank's model is the tuning-set column
  fmt::print("\n");
  const InBankFigures with_entry = in_bank_agreement(coach, *bank, in_bank, false);
  const InBankFigures hidden = in_bank_agreement(coach, *bank, in_bank, true);
  fmt::print("In-bank set (answers to bank questions)          graded as asked   own entry hidden (leave-one-question-out)\n");
  fmt::print("  pairs ordered (grades 2+ apart, of {:>3})        {:>13.2f}   {:>11.2f}\n", with_entry.pairs, with_entry.pairwise, hidden.pairwise);
  fmt::print("  adversarial caught (of {:>2})                     {:>13.2f}   {:>11.2f}\n", with_entry.adversarial_total,
             with_entry.adversarial, hidden.adversarial);
  if (!options.details.empty()) {
    std::ofstream out(options.details, std::ios::binary);
    for (const auto* figures : columns)
      for (const auto& line : figures->details) out << line.dump() << "\n";
    if (!out) throw std::runtime_error("cannot write " + options.details);
  }
  if (options.verbose) {
    fmt::print("\nAdversarial pairs failed:\n");
    for (const auto& line : report_adv.failures) fmt::print("  report {}\n", line);
    for (const auto& line : holdout_adv.failures) fmt::print("  holdout {}\n", line);
    for (const auto& line : tune_adv.failures) fmt::print("  tune   {}\n", line);
    for (const auto& line : tune2_adv.failures) fmt::print("  tune   {}\n", line);
    fmt::print("In-bank adversarial pairs not caught (as asked, then leave-one-question-out):\n");
    for (const auto& line : with_entry.failures) fmt::print("  asked  {}\n", line);
    for (const auto& line : hidden.failures) fmt::print("  hidden {}\n", line);
  }
  return 0;
}

}  // namespace prepbot::app

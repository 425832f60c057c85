// prepbot: command-line entry. Parses flags and environment, then hands over to
// the subcommand in app/commands.cpp.
#include <cstdio>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "app/commands.hpp"
#include "coach/offline/bank.hpp"
#include "config/config.hpp"
#include "store/session_store.hpp"

namespace {

// Where sessions are kept and which coach grades them, with its LLM settings:
// the same flags and environment for serve and practice.
void add_store_and_coach_options(CLI::App* command, prepbot::config::Config& config) {
  command->add_option("--store", config.store, "sqlite:PATH, sqlite::memory: or postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE")->envname("PREPBOT_STORE")->capture_default_str();
  command->add_option("--db-pool", config.db_pool, "PostgreSQL connections per instance")->envname("PREPBOT_DB_POOL")->capture_default_str();
  command->add_option("--coach", config.coach, "offline, gemini or openai")->envname("PREPBOT_COACH")->capture_default_str();
  command->add_option("--gemini-api-key", config.gemini_api_key, "Gemini API key")->envname("GEMINI_API_KEY");
  command->add_option("--gemini-model", config.gemini_model, "Gemini model")->envname("GEMINI_MODEL")->capture_default_str();
  command->add_option("--gemini-base-url", config.gemini_base_url, "Gemini API base URL")->envname("GEMINI_BASE_URL")->capture_default_str();
  command->add_option("--openai-api-key", config.openai_api_key, "OpenAI-compatible API key")->envname("OPENAI_API_KEY");
  command->add_option("--openai-model", config.openai_model, "OpenAI-compatible model")->envname("OPENAI_MODEL")->capture_default_str();
  command->add_option("--openai-base-url", config.openai_base_url, "OpenAI-compatible base URL")->envname("OPENAI_BASE_URL")->capture_default_str();
  command->add_option("--bank", config.bank, "question bank directory (default: built in)")->envname("PREPBOT_BANK");
  command->add_option("--knowledge", config.knowledge, "knowledge base directory (default: built in)")->envname("PREPBOT_KNOWLEDGE");
  command->add_option("--stt", config.stt, "transcription server for spoken answers: none or openai (any OpenAI-compatible /audio/transcriptions)")->envname("PREPBOT_STT")->capture_default_str();
  command->add_option("--stt-api-key", config.stt_api_key, "transcription server API key")->envname("PREPBOT_STT_API_KEY");
  command->add_option("--stt-model", config.stt_model, "transcription model")->envname("PREPBOT_STT_MODEL")->capture_default_str();
  command->add_option("--stt-base-url", config.stt_base_url, "transcription server base URL")->envname("PREPBOT_STT_BASE_URL")->capture_default_str();
  command->add_option("--llm-timeout", config.llm_timeout, "seconds per LLM call, retries included")->envname("PREPBOT_LLM_TIMEOUT")->capture_default_str();
  command->add_option("--llm-concurrency", config.llm_concurrency, "LLM calls in flight at once")->envname("PREPBOT_LLM_CONCURRENCY")->capture_default_str();
}

// --bank and --knowledge, for the subcommands that load them.
void add_data_options(CLI::App* command, prepbot::app::DataDirectories& data) {
  command->add_option("--bank", data.bank, "question bank directory (default: built in)")->envname("PREPBOT_BANK");
  command->add_option("--knowledge", data.knowledge, "knowledge base directory (default: built in)")->envname("PREPBOT_KNOWLEDGE");
}

}  // namespace

int main(int argc, char** argv) {
  using prepbot::config::Config;
  CLI::App app{"PrepBot: practise interviews with a coach that grades every answer"};
  app.require_subcommand(1);
  Config config;

  CLI::App* serve = app.add_subcommand("serve", "Serve the API on PREPBOT_LISTEN");
  add_store_and_coach_options(serve, config);
  serve->add_option("--listen", config.listen, "HOST:PORT to listen on")->envname("PREPBOT_LISTEN")->capture_default_str();
  serve->add_option("--cors-origins", config.cors_origins, "comma-separated origins allowed by CORS")->envname("PREPBOT_CORS_ORIGINS");
  serve->add_option("--trusted-proxies", config.trusted_proxies, "load balancer addresses whose X-Forwarded-For names the client")->envname("PREPBOT_TRUSTED_PROXIES");
  serve->add_option("--log", config.log, "LEVEL[,json|text]")->envname("PREPBOT_LOG")->capture_default_str();
  serve->add_option("--web-dir", config.web_dir, "serve the web app from this directory (default: built in)")->envname("PREPBOT_WEB_DIR");
  serve->add_option("--rate-limit", config.rate_limit, "per-client requests per second, RATE[,BURST]; 0 = off")->envname("PREPBOT_RATE_LIMIT")->capture_default_str();
  serve->add_option("--max-client-connections", config.max_client_connections, "open connections per client address; 0 = no cap")->envname("PREPBOT_MAX_CLIENT_CONNECTIONS")->capture_default_str();
  serve->add_option("--report-cache-mb", config.report_cache_mb, "MiB of rendered PDFs kept per instance; 0 = none")->envname("PREPBOT_REPORT_CACHE_MB")->capture_default_str();
  serve->add_option("--retention-days", config.retention_days, "purge sessions older than this; 0 = keep")->envname("PREPBOT_RETENTION_DAYS")->capture_default_str();
  serve->add_option("--threads", config.threads, "server and worker threads (0: one per core)")->envname("PREPBOT_THREADS")->capture_default_str();

  prepbot::app::PracticeOptions practice_options;
  CLI::App* practice = app.add_subcommand("practice", "Practise an interview in the terminal, no server needed");
  add_store_and_coach_options(practice, config);
  practice->add_option("--name", practice_options.name, "your name, on the report")->capture_default_str();
  practice->add_option("--role", practice_options.role, "the role you are practising for")->capture_default_str();
  practice->add_option("--domain", practice_options.domain, "the domain (fintech, healthcare, …)");
  practice->add_option("--experience", practice_options.experience, "experience level")->capture_default_str();
  practice->add_option("--mode", practice_options.mode, "technical, behavioral or mixed")->capture_default_str();
  practice->add_option("--questions", practice_options.questions, "how many questions (1-20)")->capture_default_str();
  practice->add_option("--scoring", practice_options.scoring, "standard, or content (delivery not scored)")->capture_default_str();
  practice->add_option("--out", practice_options.out, "where to write the PDF report (default: prepbot-report-<session>.pdf)");
  practice->add_flag("--plain", practice_options.plain, "words only: no colours or bars (screen readers)");
  practice->add_flag("--follow-ups,!--no-follow-ups", practice_options.follow_ups,
                     "ask a follow-up after an answer that leaves a gap (default: on)");
  practice->add_flag("--adaptive", practice_options.adaptive, "choose each next question after the last answer: harder or easier");

  prepbot::app::EvaluateOptions evaluate_options;
  CLI::App* evaluate = app.add_subcommand("evaluate", "Grade one answer with the offline coach (JSON out)");
  evaluate->add_option("-q,--question", evaluate_options.question, "the question asked")->required();
  auto* answer_text = evaluate->add_option("-a,--answer", evaluate_options.answer, "the answer");
  auto* answer_file = evaluate->add_option("--answer-file", evaluate_options.answer_file, "read the answer from a file (- for stdin)");
  answer_text->excludes(answer_file);
  evaluate->add_option("--mode", evaluate_options.mode, "technical, behavioral or mixed")->capture_default_str();
  evaluate->add_option("--experience", evaluate_options.experience, "experience level")->capture_default_str();
  evaluate->add_option("--role", evaluate_options.role, "target role");
  evaluate->add_option("--scoring", evaluate_options.scoring, "standard, or content (delivery not scored)")->capture_default_str();
  add_data_options(evaluate, evaluate_options.data);

  CLI::App* bank = app.add_subcommand("bank", "Question bank tools");
  bank->require_subcommand(1);
  prepbot::app::DataDirectories check_data;
  CLI::App* check = bank->add_subcommand("check", "Validate the question bank and knowledge base and print their coverage");
  add_data_options(check, check_data);

  prepbot::app::ValidateOptions validate_options;
  CLI::App* validate = app.add_subcommand("validate", "The offline coach's agreement with the labeled sets");
  add_data_options(validate, validate_options.data);
  validate->add_option("--sets", validate_options.sets, "directory with out_of_bank.json, out_of_bank_tuning.json, out_of_bank_holdout.json and graded_answers.json (default: built in)");
  validate->add_flag("-v,--verbose", validate_options.verbose, "list the adversarial pairs that failed");
  validate->add_option("--details", validate_options.details, "write every graded out-of-bank answer to this file (JSON lines)");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    return app.exit(error);
  }

  try {
    if (*check) return prepbot::app::bank_check(check_data);
    if (*validate) return prepbot::app::validate(validate_options);
    if (*evaluate) return prepbot::app::evaluate(evaluate_options);
    config.validate();
    if (*practice) return prepbot::app::practice(config, practice_options);
    return prepbot::app::serve(config);
  } catch (const prepbot::config::ConfigError& error) {
    fmt::print(stderr, "prepbot: {}\n", error.what());
  } catch (const prepbot::store::StoreError& error) {
    fmt::print(stderr, "prepbot: store: {}\n", error.what());
  } catch (const prepbot::coach::offline::BankError& error) {
    fmt::print(stderr, "prepbot: {}\n", error.what());
  } catch (const std::exception& error) {
    fmt::print(stderr, "prepbot: {}\n", error.what());
  }
  return 2;
}

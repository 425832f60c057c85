#pragma once
// Where sessions live. One implementation per backend (SQLite for one instance,
// PostgreSQL for many), chosen by URL in open_store(). Every write is one transaction;
// the rules that need a consistent view (answer only while ongoing, finalize
// once) are applied inside it, so concurrent requests never lose an answer.
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "model/model.hpp"

namespace prepbot::store {

// The store cannot do its job (I/O error, corrupt database, bad URL). The message
// is for the log and for start-up errors, never for API clients.
struct StoreError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

enum class WriteOutcome { done, no_session, completed, no_answers };

struct SavedAnswer {
  WriteOutcome outcome = WriteOutcome::done;
  int attempts = 0;  // attempts at this question so far, this one included
  std::vector<model::Question> added;  // the questions appended with the answer
};

// Given the session's questions as stored, the questions to append with an answer
// (ids following the last one); run inside the answer's transaction.
using AddQuestions = std::function<std::vector<model::Question>(const std::vector<model::Question>&)>;

struct Finalized {
  WriteOutcome outcome = WriteOutcome::done;  // done, or completed earlier: report is the stored one
  std::optional<model::FinalReport> report;
};

class SessionStore {
 public:
  virtual ~SessionStore() = default;

  virtual void create(const model::Session& session) = 0;
  virtual std::optional<model::Session> load(const std::string& session_id) = 0;
  // The session's version (see model::Session::version), without loading it.
  virtual std::optional<long long> version(const std::string& session_id) = 0;

  // Saves the answer, replacing an earlier one to the same question and counting
  // the attempt, provided the session exists and is ongoing; in the same
  // transaction, appends the questions `add` returns (follow-ups, an adaptive
  // session's next question), if given.
  virtual SavedAnswer save_answer(const std::string& session_id, const model::Answer& answer,
                                  const AddQuestions& add = nullptr) = 0;

  // If the session is ongoing and has answers: computes its report with `compute`
  // and marks it completed. A completed session returns its stored report.
  virtual Finalized finalize(const std::string& session_id,
                             const std::function<model::FinalReport(const model::Session&)>& compute) = 0;

  // Erases the session and its answers; false when there was none.
  virtual bool remove(const std::string& session_id) = 0;

  // Erases every session created before `iso_timestamp` (and its answers); returns how many.
  virtual std::size_t purge_created_before(const std::string& iso_timestamp) = 0;

  // A cheap round trip to the database, for /healthz.
  virtual bool ping() = 0;
};

// "sqlite:PATH" (the directory is created), "sqlite::memory:", or a PostgreSQL
// URL "postgresql://…" (also "postgres://…") with at most `pool_size`
// connections. Throws StoreError.
bool is_postgres_url(std::string_view url);
std::unique_ptr<SessionStore> open_store(const std::string& url, int pool_size = 8);

}  // namespace prepbot::store

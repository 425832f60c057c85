#include "store/postgres_store.hpp"

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string_view>
#include <type_traits>
#include <vector>

#include <fmt/format.h>
#include <pqxx/pqxx>

#include "model/levels.hpp"
#include "store/records.hpp"

namespace prepbot::store {
namespace {

// Any number taken by no other PrepBot lock: serializes migrations across instances.
constexpr long long kMigrationLock = 0x50726570426f74;  // "PrepBot"

constexpr auto kPoolWait = std::chrono::seconds(10);

// Every statement the store runs, prepared once per connection. Each read and each
// answer is one statement, so one round trip: a statement sees one snapshot, and
// an answer's row lock, version bump and upsert commit together.
void prepare_statements(pqxx::connection& connection) {
  connection.prepare("create",
                     "INSERT INTO sessions (id, name, role, domain, experience, mode, role_family, questions, "
                     "final_report, status, created_at, coach, scoring, posting_skills, options, profile_id, version) "
                     "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)");
  connection.prepare("exists", "SELECT 1 FROM sessions WHERE id = $1");
  connection.prepare("insert_answer",
                     "INSERT INTO answers (session_id, question_id, answer, evaluation, attempts, answered_at) "
                     "VALUES ($1, $2, $3, $4, $5, $6)");
  connection.prepare("practice_upsert",
                     "INSERT INTO practice (session_id, question_id, profile_id, answered_at, kind, topics, technical, "
                     "communication, confidence) SELECT id, $2, profile_id, $3, $4, $5, $6, $7, $8 FROM sessions "
                     "WHERE id = $1 AND profile_id IS NOT NULL "
                     "ON CONFLICT (session_id, question_id) DO UPDATE SET answered_at = excluded.answered_at, "
                     "kind = excluded.kind, topics = excluded.topics, technical = excluded.technical, "
                     "communication = excluded.communication, confidence = excluded.confidence");
  connection.prepare("create_share", "INSERT INTO shares (id, session_id, token_hash, created_at) VALUES ($1, $2, $3, $4)");
  connection.prepare("share", "SELECT session_id, token_hash, created_at FROM shares WHERE id = $1");
  connection.prepare("shares_of", "SELECT id, token_hash, created_at FROM shares WHERE session_id = $1 ORDER BY created_at, id");
  connection.prepare("revoke_share", "DELETE FROM shares WHERE id = $1 AND session_id = $2");
  connection.prepare("add_note",
                     "INSERT INTO mentor_notes (session_id, question_id, share_id, note, created_at) VALUES ($1, $2, $3, $4, $5)");
  connection.prepare("notes",
                     "SELECT question_id, note, share_id, created_at FROM mentor_notes WHERE session_id = $1 ORDER BY created_at, question_id");
  connection.prepare("create_profile", "INSERT INTO profiles (id, token_hash, created_at) VALUES ($1, $2, $3)");
  connection.prepare("profile", "SELECT token_hash, created_at FROM profiles WHERE id = $1");
  connection.prepare("profile_for_update", "SELECT 1 FROM profiles WHERE id = $1 FOR UPDATE");
  connection.prepare("remove_profile", "DELETE FROM profiles WHERE id = $1");
  connection.prepare("profile_sessions", "SELECT id FROM sessions WHERE profile_id = $1 ORDER BY created_at, id");
  connection.prepare("practice",
                     fmt::format("SELECT {} FROM practice JOIN sessions ON sessions.id = practice.session_id "
                                 "WHERE practice.profile_id = $1 ORDER BY answered_at, practice.session_id, question_id",
                                 kPracticeColumns));
  connection.prepare("cards", fmt::format("SELECT {} FROM review_cards WHERE profile_id = $1 ORDER BY due, card", kCardColumns));
  connection.prepare(
      "card_upsert",
      fmt::format("INSERT INTO review_cards (profile_id, {}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) "
                  "ON CONFLICT (profile_id, card) DO UPDATE SET label = excluded.label, question = excluded.question, "
                  "ease = excluded.ease, interval_days = excluded.interval_days, repetitions = excluded.repetitions, "
                  "lapses = excluded.lapses, last_score = excluded.last_score, due = excluded.due, "
                  "updated_at = excluded.updated_at",
                  kCardColumns));
  // The session's columns on every row, then one answer per row (none: one row of NULLs).
  const std::string session_with_answers =
      fmt::format("SELECT {}, {} FROM sessions LEFT JOIN answers ON answers.session_id = sessions.id "
                  "WHERE sessions.id = $1 ORDER BY question_id",
                  kSessionColumns, kAnswerColumns);
  connection.prepare("session", session_with_answers);
  connection.prepare("session_for_update", session_with_answers + " FOR UPDATE OF sessions");
  connection.prepare("version", "SELECT version FROM sessions WHERE id = $1");
  // Saves the answer only while the session is ongoing, under the session's row lock.
  connection.prepare("save_answer",
                     "WITH claimed AS (UPDATE sessions SET version = version + 1 "
                     "                 WHERE id = $1 AND status = 'ongoing' RETURNING id) "
                     "INSERT INTO answers (session_id, question_id, answer, evaluation, attempts, answered_at) "
                     "SELECT id, $2, $3, $4, 1, $5 FROM claimed "
                     "ON CONFLICT (session_id, question_id) DO UPDATE SET answer = excluded.answer, "
                     "evaluation = excluded.evaluation, attempts = answers.attempts + 1, "
                     "answered_at = excluded.answered_at RETURNING attempts");
  connection.prepare("status", "SELECT status FROM sessions WHERE id = $1");
  // An answer that may add questions: the session row locked, its questions rewritten.
  connection.prepare("questions_for_update", "SELECT status, questions FROM sessions WHERE id = $1 FOR UPDATE");
  connection.prepare("set_questions", "UPDATE sessions SET questions = $2 WHERE id = $1");
  connection.prepare("complete",
                     "UPDATE sessions SET status = 'completed', final_report = $1, version = version + 1 WHERE id = $2");
  connection.prepare("remove", "DELETE FROM sessions WHERE id = $1");
  connection.prepare("purge", "DELETE FROM sessions WHERE created_at < $1 AND profile_id IS NULL");
}

// The URL with a connect timeout and an application name, unless it sets them itself.
std::string with_defaults(std::string url) {
  auto add = [&](std::string_view key, std::string_view value) {
    if (url.find(fmt::format("{}=", key)) != std::string::npos) return;
    url += url.find('?') == std::string::npos ? '?' : '&';
    url += fmt::format("{}={}", key, value);
  };
  add("connect_timeout", "5");
  add("application_name", "prepbot");
  return url;
}

std::unique_ptr<pqxx::connection> connect(const std::string& url) {
  try {
    auto connection = std::make_unique<pqxx::connection>(url);
    // No statement, lock wait or forgotten transaction may hold a request forever.
    pqxx::nontransaction setup(*connection);
    setup.exec("SET statement_timeout = 15000; SET lock_timeout = 10000; SET idle_in_transaction_session_timeout = 60000");
    prepare_statements(*connection);
    return connection;
  } catch (const std::exception& error) {  // libpq's message names host and user, never the password
    throw StoreError(fmt::format("cannot connect to postgresql: {}", error.what()));
  }
}

// At most `size` connections, opened on demand and reused; a broken one is dropped.
class Pool {
 public:
  Pool(std::string url, int size) : url_(std::move(url)), size_(size) {}

  class Lease {
   public:
    explicit Lease(Pool& pool) : pool_(pool), connection_(pool.acquire()) {}
    ~Lease() { pool_.release(std::move(connection_), broken_); }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    pqxx::connection& connection() { return *connection_; }
    void discard() { broken_ = true; }
    // When one connection broke, its idle siblings most likely did too (the server restarted).
    void discard_idle() { pool_.drop_idle(); }

   private:
    Pool& pool_;
    std::unique_ptr<pqxx::connection> connection_;
    bool broken_ = false;
  };

 private:
  void drop_idle() {
    std::vector<std::unique_ptr<pqxx::connection>> dropped;
    {
      std::lock_guard lock(mutex_);
      open_ -= static_cast<int>(idle_.size());
      dropped.swap(idle_);
    }
    available_.notify_all();
  }  // closed here, outside the lock

  std::unique_ptr<pqxx::connection> acquire() {
    std::unique_lock lock(mutex_);
    if (!available_.wait_for(lock, kPoolWait, [&] { return !idle_.empty() || open_ < size_; }))
      throw StoreError(fmt::format("all {} postgresql connections stayed busy for {} s", size_, kPoolWait.count()));
    if (!idle_.empty()) {
      auto connection = std::move(idle_.back());
      idle_.pop_back();
      return connection;
    }
    ++open_;
    lock.unlock();
    try {
      return connect(url_);
    } catch (...) {
      lock.lock();
      --open_;
      available_.notify_one();
      throw;
    }
  }

  void release(std::unique_ptr<pqxx::connection> connection, bool broken) {
    {
      std::lock_guard lock(mutex_);
      if (broken || !connection->is_open()) --open_;
      else idle_.push_back(std::move(connection));
    }
    available_.notify_one();
  }

  std::string url_;
  int size_;
  std::mutex mutex_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<pqxx::connection>> idle_;
  int open_ = 0;
};

std::optional<std::string> optional_text(const pqxx::field& field) {
  return field.is_null() ? std::nullopt : std::optional(field.as<std::string>());
}

std::optional<model::Session> read_session(pqxx::transaction_base& tx, const std::string& id, const char* statement) {
  const pqxx::result rows = tx.exec_prepared(statement, id);
  if (rows.empty()) return std::nullopt;
  const pqxx::row r = rows[0];
  const SessionRow row{r[0].as<std::string>(), r[1].as<std::string>(), optional_text(r[2]), r[3].as<std::string>(),
                       r[4].as<std::string>(), r[5].as<std::string>(), r[6].as<std::string>(), optional_text(r[7]),
                       r[8].as<std::string>(), r[9].as<std::string>(), r[10].as<long long>(), r[11].as<std::string>(),
                       r[12].as<std::string>(), r[13].as<std::string>(), r[14].as<std::string>(), optional_text(r[15])};
  std::vector<AnswerRow> answers;
  constexpr int a0 = kSessionColumnCount;  // the answer's columns follow the session's
  for (const auto& a : rows)
    if (!a[a0].is_null())
      answers.push_back({a[a0].as<int>(), a[a0 + 1].as<std::string>(), a[a0 + 2].as<std::string>(), a[a0 + 3].as<int>(),
                         a[a0 + 4].as<std::string>()});
  return to_session(id, row, answers);
}

std::vector<ReviewCard> read_cards(pqxx::transaction_base& tx, const std::string& profile_id) {
  std::vector<ReviewCard> cards;
  for (const auto& r : tx.exec_prepared("cards", profile_id))
    cards.push_back({r[0].as<std::string>(), r[1].as<std::string>(), r[2].as<std::string>(), r[3].as<std::string>(),
                     r[4].as<double>(), r[5].as<int>(), r[6].as<int>(), r[7].as<int>(), r[8].as<int>(),
                     r[9].as<std::string>(), r[10].as<std::string>()});
  return cards;
}

class PostgresStore final : public SessionStore {
 public:
  PostgresStore(const std::string& url, int pool_size) : pool_(with_defaults(url), pool_size) { migrate(); }

  void create(const model::Session& session) override {
    run("create", [&](pqxx::connection& connection) {
      pqxx::nontransaction tx(connection);
      insert_session(tx, session);
    });
  }

  std::optional<model::Session> load(const std::string& session_id) override {
    return run("load", [&](pqxx::connection& connection) {
      pqxx::nontransaction tx(connection);
      return read_session(tx, session_id, "session");
    });
  }

  std::optional<long long> version(const std::string& session_id) override {
    return run("version", [&](pqxx::connection& connection) -> std::optional<long long> {
      pqxx::nontransaction tx(connection);
      const pqxx::result row = tx.exec_prepared("version", session_id);
      if (row.empty()) return std::nullopt;
      return row[0][0].as<long long>();
    });
  }

  SavedAnswer save_answer(const std::string& session_id, const model::Answer& answer, const AddQuestions& add,
                          const Practice* practice) override {
    const std::string evaluation = evaluation_column(answer.evaluation);
    if (add || practice) return save_answer_in_transaction(session_id, answer, evaluation, add, practice);
    return run("save_answer", [&](pqxx::connection& connection) -> SavedAnswer {
      pqxx::nontransaction tx(connection);
      const pqxx::result saved =
          tx.exec_prepared("save_answer", session_id, answer.question_id, answer.text, evaluation, answer.answered_at);
      if (!saved.empty()) return {WriteOutcome::done, saved[0][0].as<int>(), {}};
      // Nothing saved: say why (a completed session stays completed, so this cannot mislead).
      const pqxx::result status = tx.exec_prepared("status", session_id);
      return {status.empty() ? WriteOutcome::no_session : WriteOutcome::completed, 0, {}};
    });
  }

  Finalized finalize(const std::string& session_id,
                     const std::function<model::FinalReport(const model::Session&)>& compute) override {
    return run("finalize", [&](pqxx::connection& connection) -> Finalized {
      pqxx::work tx(connection);
      auto session = read_session(tx, session_id, "session_for_update");
      if (!session) return {WriteOutcome::no_session, std::nullopt};
      if (session->status == model::Status::completed) return {WriteOutcome::completed, session->final_report};
      if (session->answers.empty()) return {WriteOutcome::no_answers, std::nullopt};
      model::FinalReport report = compute(*session);
      tx.exec_prepared("complete", report_column(report), session_id);
      tx.commit();
      return {WriteOutcome::done, std::move(report)};
    });
  }

  bool remove(const std::string& session_id) override {
    return erase("remove", "remove", session_id) > 0;
  }

  std::size_t purge_created_before(const std::string& iso_timestamp) override {
    return erase("purge", "purge", iso_timestamp);
  }

  void create_profile(const Profile& profile) override {
    run("create_profile", [&](pqxx::connection& connection) {
      pqxx::nontransaction tx(connection);
      tx.exec_prepared("create_profile", profile.id, profile.token_hash, profile.created_at);
    });
  }

  std::optional<Profile> load_profile(const std::string& profile_id) override {
    return run("load_profile", [&](pqxx::connection& connection) -> std::optional<Profile> {
      pqxx::nontransaction tx(connection);
      const pqxx::result row = tx.exec_prepared("profile", profile_id);
      if (row.empty()) return std::nullopt;
      return Profile{profile_id, row[0][0].as<std::string>(), row[0][1].as<std::string>()};
    });
  }

  bool remove_profile(const std::string& profile_id) override {
    // Its sessions, their answers and practice records, and its cards go with it (ON DELETE CASCADE).
    return erase("remove_profile", "remove_profile", profile_id) > 0;
  }

  std::vector<std::string> profile_sessions(const std::string& profile_id) override {
    return run("profile_sessions", [&](pqxx::connection& connection) {
      pqxx::nontransaction tx(connection);
      std::vector<std::string> ids;
      for (const auto& row : tx.exec_prepared("profile_sessions", profile_id)) ids.push_back(row[0].as<std::string>());
      return ids;
    });
  }

  std::vector<Practice> practice(const std::string& profile_id) override {
    return run("practice", [&](pqxx::connection& connection) {
      pqxx::nontransaction tx(connection);
      std::vector<Practice> out;
      for (const auto& r : tx.exec_prepared("practice", profile_id))
        out.push_back({r[0].as<std::string>(), r[1].as<int>(), r[2].as<std::string>(), r[3].as<std::string>(),
                       topics_from_column(r[4].as<std::string>()), {r[5].as<int>(), r[6].as<int>(), r[7].as<int>()},
                       r[8].as<std::string>(), r[9].as<std::string>(), r[10].as<std::string>()});
      return out;
    });
  }

  bool import_session(const model::Session& session, const std::vector<Practice>& practice,
                      const std::vector<MentorNote>& notes) override {
    return run("import_session", [&](pqxx::connection& connection) {
      pqxx::work tx(connection);
      // Two imports of one session at once: the second waits on the first's row and then finds it.
      if (!tx.exec_prepared("exists", session.id).empty()) return false;
      try {
        pqxx::subtransaction insert(tx, "insert");
        insert_session(insert, session);
        insert.commit();
      } catch (const pqxx::unique_violation&) {
        return false;
      }
      for (const auto& answer : session.answers)
        tx.exec_prepared("insert_answer", session.id, answer.question_id, answer.text, evaluation_column(answer.evaluation),
                         answer.attempts, answer.answered_at);
      for (const auto& record : practice) record_practice(tx, session.id, record);
      for (const auto& note : notes)
        tx.exec_prepared("add_note", session.id, note.question_id, note.share_id, note.note, note.created_at);
      tx.commit();
      return true;
    });
  }

  std::vector<ReviewCard> review_cards(const std::string& profile_id) override {
    return run("review_cards", [&](pqxx::connection& connection) {
      pqxx::nontransaction tx(connection);
      return read_cards(tx, profile_id);
    });
  }

  void update_review_cards(const std::string& profile_id, const UpdateCards& update) override {
    run("update_review_cards", [&](pqxx::connection& connection) {
      pqxx::work tx(connection);
      // The profile's row lock: updates of one profile's cards take turns.
      if (tx.exec_prepared("profile_for_update", profile_id).empty()) return;  // erased meanwhile
      for (const auto& card : update(read_cards(tx, profile_id)))
        tx.exec_prepared("card_upsert", profile_id, card.key, card.kind, card.label, card.question, card.ease,
                         card.interval_days, card.repetitions, card.lapses, card.last_score, card.due, card.updated_at);
      tx.commit();
    });
  }

  void create_share(const Share& share) override {
    run("create_share", [&](pqxx::connection& connection) {
      pqxx::nontransaction tx(connection);
      tx.exec_prepared("create_share", share.id, share.session_id, share.token_hash, share.created_at);
    });
  }

  std::optional<Share> load_share(const std::string& share_id) override {
    return run("load_share", [&](pqxx::connection& connection) -> std::optional<Share> {
      pqxx::nontransaction tx(connection);
      const pqxx::result row = tx.exec_prepared("share", share_id);
      if (row.empty()) return std::nullopt;
      return Share{share_id, row[0][0].as<std::string>(), row[0][1].as<std::string>(), row[0][2].as<std::string>()};
    });
  }

  std::vector<Share> shares_of(const std::string& session_id) override {
    return run("shares_of", [&](pqxx::connection& connection) {
      pqxx::nontransaction tx(connection);
      std::vector<Share> out;
      for (const auto& r : tx.exec_prepared("shares_of", session_id))
        out.push_back({r[0].as<std::string>(), session_id, r[1].as<std::string>(), r[2].as<std::string>()});
      return out;
    });
  }

  bool revoke_share(const std::string& session_id, const std::string& share_id) override {
    return run("revoke_share", [&](pqxx::connection& connection) {
      pqxx::nontransaction tx(connection);
      return tx.exec_prepared("revoke_share", share_id, session_id).affected_rows() > 0;
    });
  }

  void add_note(const std::string& session_id, const MentorNote& note) override {
    run("add_note", [&](pqxx::connection& connection) {
      pqxx::nontransaction tx(connection);
      tx.exec_prepared("add_note", session_id, note.question_id, note.share_id, note.note, note.created_at);
    });
  }

  std::vector<MentorNote> notes(const std::string& session_id) override {
    return run("notes", [&](pqxx::connection& connection) {
      pqxx::nontransaction tx(connection);
      std::vector<MentorNote> out;
      for (const auto& r : tx.exec_prepared("notes", session_id))
        out.push_back({r[0].as<int>(), r[1].as<std::string>(), r[2].as<std::string>(), r[3].as<std::string>()});
      return out;
    });
  }

  bool ping() override {
    try {
      run("ping", [](pqxx::connection& connection) { pqxx::nontransaction(connection).exec("SELECT 1"); });
      return true;
    } catch (const StoreError&) {
      return false;
    }
  }

 private:
  // The answer, the questions it adds and its practice record, in one transaction under the session's row lock.
  SavedAnswer save_answer_in_transaction(const std::string& session_id, const model::Answer& answer,
                                         const std::string& evaluation, const AddQuestions& add, const Practice* practice) {
    return run("save_answer", [&](pqxx::connection& connection) -> SavedAnswer {
      pqxx::work tx(connection);
      const pqxx::result row = tx.exec_prepared("questions_for_update", session_id);
      if (row.empty()) return {WriteOutcome::no_session, 0, {}};
      if (row[0][0].as<std::string>() != "ongoing") return {WriteOutcome::completed, 0, {}};
      SavedAnswer saved{WriteOutcome::done, 1, {}};
      if (add)
        if (const auto extended = extended_questions(row[0][1].as<std::string>(), add, saved.added))
          tx.exec_prepared("set_questions", session_id, *extended);
      const pqxx::result upserted =
          tx.exec_prepared("save_answer", session_id, answer.question_id, answer.text, evaluation, answer.answered_at);
      if (!upserted.empty()) saved.attempts = upserted[0][0].as<int>();
      if (practice) record_practice(tx, session_id, *practice);
      tx.commit();
      return saved;
    });
  }

  static void insert_session(pqxx::transaction_base& tx, const model::Session& session) {
    const auto report = session.final_report ? std::optional(report_column(*session.final_report)) : std::nullopt;
    const auto profile = profile_column(session);
    tx.exec_prepared("create", session.id, session.meta.name, session.meta.role,
                     session.meta.domain ? session.meta.domain->c_str() : nullptr,
                     std::string(model::to_string(session.meta.experience)), std::string(model::to_string(session.meta.mode)),
                     session.meta.role_family, questions_column(session), report ? report->c_str() : nullptr,
                     std::string(model::to_string(session.status)), session.created_at, session.meta.coach,
                     std::string(model::to_string(session.meta.scoring)), posting_skills_column(session),
                     options_column(session), profile ? profile->c_str() : nullptr, session.version);
  }

  static void record_practice(pqxx::transaction_base& tx, const std::string& session_id, const Practice& practice) {
    tx.exec_prepared("practice_upsert", session_id, practice.question_id, practice.answered_at, practice.kind,
                     topics_column(practice.topics), practice.scores.technical, practice.scores.communication,
                     practice.scores.confidence);
  }

  // Runs `work` on a pooled connection. A connection found broken (the server
  // restarted, the network dropped) is replaced, with every idle one, and the
  // work tried once more: nothing was committed on it. Every error becomes a
  // StoreError.
  template <class Work>
  std::invoke_result_t<Work, pqxx::connection&> run(const char* operation, Work work) {
    for (int attempt = 1;; ++attempt) {
      Pool::Lease lease(pool_);
      try {
        return work(lease.connection());
      } catch (const pqxx::in_doubt_error& error) {
        lease.discard();
        throw StoreError(fmt::format("postgresql: {}: the commit's outcome is unknown: {}", operation, error.what()));
      } catch (const pqxx::broken_connection& error) {
        lease.discard();
        lease.discard_idle();
        if (attempt == 2) throw StoreError(fmt::format("postgresql: {}: connection lost: {}", operation, error.what()));
      } catch (const StoreError&) {
        throw;
      } catch (const std::exception& error) {
        throw StoreError(fmt::format("postgresql: {}: {}", operation, error.what()));
      }
    }
  }

  // One DELETE statement; the answers go with their sessions (ON DELETE CASCADE).
  std::size_t erase(const char* operation, const char* statement, const std::string& value) {
    return run(operation, [&](pqxx::connection& connection) {
      pqxx::nontransaction tx(connection);
      return static_cast<std::size_t>(tx.exec_prepared(statement, value).affected_rows());
    });
  }

  void migrate() {
    run("migrate", [](pqxx::connection& connection) {
      pqxx::work tx(connection);
      tx.exec(fmt::format("SELECT pg_advisory_xact_lock({})", kMigrationLock));
      tx.exec(
          "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
          "applied_at TIMESTAMPTZ NOT NULL DEFAULT now())");
      const int version = tx.exec("SELECT COALESCE(MAX(version), 0) FROM schema_migrations")[0][0].as<int>();
      const int latest = static_cast<int>(std::size(kMigrations));
      if (version > latest)
        throw StoreError(fmt::format("the database has schema version {}, newer than this prepbot's {}", version, latest));
      for (int next = version; next < latest; ++next) {
        tx.exec(std::string(kMigrations[static_cast<std::size_t>(next)]));
        tx.exec(fmt::format("INSERT INTO schema_migrations (version) VALUES ({})", next + 1));
      }
      tx.commit();
    });
  }

  Pool pool_;
};

}  // namespace

std::unique_ptr<SessionStore> open_postgres_store(const std::string& url, int pool_size) {
  return std::make_unique<PostgresStore>(url, pool_size);
}

}  // namespace prepbot::store

#include "store/sqlite_store.hpp"

#include <sqlite3.h>

#include <mutex>
#include <type_traits>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

#include "model/levels.hpp"
#include "store/records.hpp"

namespace prepbot::store {
namespace {

class Statement {
 public:
  Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  ~Statement() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& bind(int index, std::string_view text) {
    check(sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT));
    return *this;
  }
  Statement& bind(int index, int value) {
    check(sqlite3_bind_int(stmt_, index, value));
    return *this;
  }
  Statement& bind(int index, double value) {
    check(sqlite3_bind_double(stmt_, index, value));
    return *this;
  }
  Statement& bind(int index, long long value) {
    check(sqlite3_bind_int64(stmt_, index, value));
    return *this;
  }
  Statement& bind_optional(int index, const std::optional<std::string>& text) {
    return text ? bind(index, std::string_view(*text)) : bind_null(index);
  }
  Statement& bind_null(int index) {
    check(sqlite3_bind_null(stmt_, index));
    return *this;
  }
  // True while there is a row to read.
  bool step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    check(rc);
    return false;
  }
  void run() {
    while (step()) {
    }
  }
  std::string text(int column) const {
    const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    return data ? std::string(data, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))) : std::string();
  }
  bool is_null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }
  int integer(int column) const { return sqlite3_column_int(stmt_, column); }
  long long integer64(int column) const { return sqlite3_column_int64(stmt_, column); }
  double real(int column) const { return sqlite3_column_double(stmt_, column); }

 private:
  void check(int rc) const {
    if (rc != SQLITE_OK) throw StoreError(fmt::format("sqlite: {}", sqlite3_errmsg(db_)));
  }
  sqlite3* db_;
  sqlite3_stmt* stmt_;
};

class Connection {
 public:
  explicit Connection(const std::string& path) {
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
      const std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
      sqlite3_close(db_);
      throw StoreError(fmt::format("cannot open sqlite database '{}': {}", path, message));
    }
    sqlite3_busy_timeout(db_, 5000);
    exec("PRAGMA foreign_keys = ON");
    exec("PRAGMA synchronous = NORMAL");
    // 1 MiB of page cache per connection (SQLite's default is 2 MiB): sessions are
    // read by key, and the operating system caches the file as well. Keeps the
    // resident size flat as the database grows.
    exec("PRAGMA cache_size = -1024");
  }
  ~Connection() {
    for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
    sqlite3_close(db_);
  }
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  void exec(std::string_view sql) {
    char* error = nullptr;
    const std::string text(sql);
    if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
      const std::string message = error ? error : sqlite3_errmsg(db_);
      sqlite3_free(error);
      throw StoreError(fmt::format("sqlite: {}", message));
    }
  }

  // A prepared statement, compiled once per connection and reset after each use.
  Statement prepare(const char* sql) {
    auto it = cache_.find(sql);
    if (it == cache_.end()) {
      sqlite3_stmt* stmt = nullptr;
      if (sqlite3_prepare_v3(db_, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) != SQLITE_OK)
        throw StoreError(fmt::format("sqlite: {}", sqlite3_errmsg(db_)));
      it = cache_.emplace(sql, stmt).first;
    }
    return Statement(db_, it->second);
  }

 private:
  sqlite3* db_ = nullptr;
  std::unordered_map<const char*, sqlite3_stmt*> cache_;
};

// BEGIN … COMMIT, rolled back when left by an exception.
class Transaction {
 public:
  Transaction(Connection& connection, const char* begin) : connection_(connection) { connection_.exec(begin); }
  ~Transaction() {
    if (!done_) {
      try {
        connection_.exec("ROLLBACK");
      } catch (const StoreError&) {  // nothing more to do: the transaction is gone either way
      }
    }
  }
  void commit() {
    connection_.exec("COMMIT");
    done_ = true;
  }

 private:
  Connection& connection_;
  bool done_ = false;
};

std::optional<model::Session> read_session(Connection& db, const std::string& id) {
  static const std::string session_sql = fmt::format("SELECT {} FROM sessions WHERE id = ?", kSessionColumns);
  static const std::string answers_sql =
      fmt::format("SELECT {} FROM answers WHERE session_id = ? ORDER BY question_id", kAnswerColumns);
  auto select = db.prepare(session_sql.c_str());
  select.bind(1, id);
  if (!select.step()) return std::nullopt;
  auto optional_text = [&](int column) { return select.is_null(column) ? std::nullopt : std::optional(select.text(column)); };
  const SessionRow row{select.text(0), select.text(1), optional_text(2), select.text(3), select.text(4),
                       select.text(5), select.text(6), optional_text(7), select.text(8), select.text(9),
                       select.integer64(10), select.text(11), select.text(12), select.text(13), select.text(14),
                       optional_text(15)};
  std::vector<AnswerRow> answers;
  auto rows = db.prepare(answers_sql.c_str());
  rows.bind(1, id);
  while (rows.step()) answers.push_back({rows.integer(0), rows.text(1), rows.text(2), rows.integer(3), rows.text(4)});
  return to_session(id, row, answers);
}

class SqliteStore final : public SessionStore {
 public:
  explicit SqliteStore(std::string path) : path_(std::move(path)), writer_(path_) {
    in_memory_ = path_ == ":memory:";
    if (!in_memory_) writer_.exec("PRAGMA journal_mode = WAL");
    migrate();
  }

  void create(const model::Session& session) override {
    std::lock_guard lock(write_mutex_);
    insert_session(session);
  }

  std::optional<model::Session> load(const std::string& session_id) override {
    return with_reader([&](Connection& db) {
      Transaction snapshot(db, "BEGIN");  // both queries see one state of the session
      auto session = read_session(db, session_id);
      snapshot.commit();
      return session;
    });
  }

  std::optional<long long> version(const std::string& session_id) override {
    return with_reader([&](Connection& db) -> std::optional<long long> {
      auto row = db.prepare("SELECT version FROM sessions WHERE id = ?");
      row.bind(1, session_id);
      if (!row.step()) return std::nullopt;
      return row.integer64(0);
    });
  }

  SavedAnswer save_answer(const std::string& session_id, const model::Answer& answer, const AddQuestions& add,
                          const Practice* practice) override {
    const std::string evaluation = evaluation_column(answer.evaluation);
    std::lock_guard lock(write_mutex_);
    Transaction tx(writer_, "BEGIN IMMEDIATE");
    std::optional<std::string> status;
    std::string questions;
    {
      auto select = writer_.prepare("SELECT status, questions FROM sessions WHERE id = ?");
      select.bind(1, session_id);
      if (select.step()) {
        status = select.text(0);
        questions = select.text(1);
      }
    }
    if (!status) return {WriteOutcome::no_session, 0, {}};
    if (*status != "ongoing") return {WriteOutcome::completed, 0, {}};
    SavedAnswer saved{WriteOutcome::done, 1, {}};
    if (add) {
      if (const auto extended = extended_questions(questions, add, saved.added)) {
        auto update = writer_.prepare("UPDATE sessions SET questions = ? WHERE id = ?");
        update.bind(1, *extended).bind(2, session_id);
        update.run();
      }
    }
    auto upsert = writer_.prepare(
        "INSERT INTO answers (session_id, question_id, answer, evaluation, attempts, answered_at) "
        "VALUES (?, ?, ?, ?, 1, ?) "
        "ON CONFLICT (session_id, question_id) DO UPDATE SET answer = excluded.answer, "
        "evaluation = excluded.evaluation, attempts = answers.attempts + 1, answered_at = excluded.answered_at "
        "RETURNING attempts");
    upsert.bind(1, session_id).bind(2, answer.question_id).bind(3, answer.text).bind(4, evaluation).bind(5, answer.answered_at);
    if (upsert.step()) saved.attempts = upsert.integer(0);
    upsert.run();
    auto bump = writer_.prepare("UPDATE sessions SET version = version + 1 WHERE id = ?");
    bump.bind(1, session_id);
    bump.run();
    if (practice) record_practice(session_id, *practice);
    tx.commit();
    return saved;
  }

  Finalized finalize(const std::string& session_id,
                     const std::function<model::FinalReport(const model::Session&)>& compute) override {
    std::lock_guard lock(write_mutex_);
    Transaction tx(writer_, "BEGIN IMMEDIATE");
    auto session = read_session(writer_, session_id);
    if (!session) return {WriteOutcome::no_session, std::nullopt};
    if (session->status == model::Status::completed) return {WriteOutcome::completed, session->final_report};
    if (session->answers.empty()) return {WriteOutcome::no_answers, std::nullopt};
    model::FinalReport report = compute(*session);
    auto update = writer_.prepare("UPDATE sessions SET status = 'completed', final_report = ?, version = version + 1 WHERE id = ?");
    update.bind(1, report_column(report)).bind(2, session_id);
    update.run();
    tx.commit();
    return {WriteOutcome::done, std::move(report)};
  }

  bool remove(const std::string& session_id) override {
    return erase_sessions("DELETE FROM sessions WHERE id = ? RETURNING id", session_id) > 0;
  }

  std::size_t purge_created_before(const std::string& iso_timestamp) override {
    return erase_sessions("DELETE FROM sessions WHERE created_at < ? AND profile_id IS NULL RETURNING id", iso_timestamp);
  }

  void create_profile(const Profile& profile) override {
    std::lock_guard lock(write_mutex_);
    auto insert = writer_.prepare("INSERT INTO profiles (id, token_hash, created_at) VALUES (?, ?, ?)");
    insert.bind(1, profile.id).bind(2, profile.token_hash).bind(3, profile.created_at);
    insert.run();
  }

  std::optional<Profile> load_profile(const std::string& profile_id) override {
    return with_reader([&](Connection& db) -> std::optional<Profile> {
      auto row = db.prepare("SELECT token_hash, created_at FROM profiles WHERE id = ?");
      row.bind(1, profile_id);
      if (!row.step()) return std::nullopt;
      return Profile{profile_id, row.text(0), row.text(1)};
    });
  }

  bool remove_profile(const std::string& profile_id) override {
    // Its sessions, their answers and practice records, and its cards go with it (ON DELETE CASCADE).
    return erase_sessions("DELETE FROM profiles WHERE id = ? RETURNING id", profile_id) > 0;
  }

  std::vector<std::string> profile_sessions(const std::string& profile_id) override {
    return with_reader([&](Connection& db) {
      auto rows = db.prepare("SELECT id FROM sessions WHERE profile_id = ? ORDER BY created_at, id");
      rows.bind(1, profile_id);
      std::vector<std::string> ids;
      while (rows.step()) ids.push_back(rows.text(0));
      return ids;
    });
  }

  std::vector<Practice> practice(const std::string& profile_id) override {
    static const std::string sql = fmt::format(
        "SELECT {} FROM practice JOIN sessions ON sessions.id = practice.session_id "
        "WHERE practice.profile_id = ? ORDER BY answered_at, practice.session_id, question_id",
        kPracticeColumns);
    return with_reader([&](Connection& db) {
      auto rows = db.prepare(sql.c_str());
      rows.bind(1, profile_id);
      std::vector<Practice> out;
      while (rows.step())
        out.push_back({rows.text(0), rows.integer(1), rows.text(2), rows.text(3), topics_from_column(rows.text(4)),
                       {rows.integer(5), rows.integer(6), rows.integer(7)}, rows.text(8), rows.text(9), rows.text(10)});
      return out;
    });
  }

  bool import_session(const model::Session& session, const std::vector<Practice>& practice,
                      const std::vector<MentorNote>& notes) override {
    std::lock_guard lock(write_mutex_);
    Transaction tx(writer_, "BEGIN IMMEDIATE");
    {
      auto exists = writer_.prepare("SELECT 1 FROM sessions WHERE id = ?");
      exists.bind(1, session.id);
      if (exists.step()) return false;
    }
    insert_session(session);
    for (const auto& answer : session.answers) {
      auto insert = writer_.prepare(
          "INSERT INTO answers (session_id, question_id, answer, evaluation, attempts, answered_at) VALUES (?, ?, ?, ?, ?, ?)");
      insert.bind(1, session.id).bind(2, answer.question_id).bind(3, answer.text)
          .bind(4, evaluation_column(answer.evaluation)).bind(5, answer.attempts).bind(6, answer.answered_at);
      insert.run();
    }
    for (const auto& record : practice) record_practice(session.id, record);
    for (const auto& note : notes) insert_note(session.id, note);
    tx.commit();
    return true;
  }

  std::vector<ReviewCard> review_cards(const std::string& profile_id) override {
    return with_reader([&](Connection& db) { return read_cards(db, profile_id); });
  }

  void update_review_cards(const std::string& profile_id, const UpdateCards& update) override {
    static const std::string upsert_sql = fmt::format(
        "INSERT INTO review_cards (profile_id, {}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (profile_id, card) DO UPDATE SET label = excluded.label, question = excluded.question, "
        "ease = excluded.ease, interval_days = excluded.interval_days, repetitions = excluded.repetitions, "
        "lapses = excluded.lapses, last_score = excluded.last_score, due = excluded.due, updated_at = excluded.updated_at",
        kCardColumns);
    std::lock_guard lock(write_mutex_);
    Transaction tx(writer_, "BEGIN IMMEDIATE");
    {
      auto profile = writer_.prepare("SELECT 1 FROM profiles WHERE id = ?");
      profile.bind(1, profile_id);
      if (!profile.step()) return;  // erased meanwhile: nothing to schedule
    }
    for (const auto& card : update(read_cards(writer_, profile_id))) {
      auto upsert = writer_.prepare(upsert_sql.c_str());
      upsert.bind(1, profile_id).bind(2, card.key).bind(3, card.kind).bind(4, card.label).bind(5, card.question)
          .bind(6, card.ease).bind(7, card.interval_days).bind(8, card.repetitions).bind(9, card.lapses)
          .bind(10, card.last_score).bind(11, card.due).bind(12, card.updated_at);
      upsert.run();
    }
    tx.commit();
  }

  void create_share(const Share& share) override {
    std::lock_guard lock(write_mutex_);
    auto insert = writer_.prepare("INSERT INTO shares (id, session_id, token_hash, created_at) VALUES (?, ?, ?, ?)");
    insert.bind(1, share.id).bind(2, share.session_id).bind(3, share.token_hash).bind(4, share.created_at);
    insert.run();
  }

  std::optional<Share> load_share(const std::string& share_id) override {
    return with_reader([&](Connection& db) -> std::optional<Share> {
      auto row = db.prepare("SELECT session_id, token_hash, created_at FROM shares WHERE id = ?");
      row.bind(1, share_id);
      if (!row.step()) return std::nullopt;
      return Share{share_id, row.text(0), row.text(1), row.text(2)};
    });
  }

  std::vector<Share> shares_of(const std::string& session_id) override {
    return with_reader([&](Connection& db) {
      auto rows = db.prepare("SELECT id, token_hash, created_at FROM shares WHERE session_id = ? ORDER BY created_at, id");
      rows.bind(1, session_id);
      std::vector<Share> out;
      while (rows.step()) out.push_back({rows.text(0), session_id, rows.text(1), rows.text(2)});
      return out;
    });
  }

  bool revoke_share(const std::string& session_id, const std::string& share_id) override {
    std::lock_guard lock(write_mutex_);
    auto erase = writer_.prepare("DELETE FROM shares WHERE id = ? AND session_id = ? RETURNING id");
    erase.bind(1, share_id).bind(2, session_id);
    bool erased = false;
    while (erase.step()) erased = true;
    return erased;
  }

  void add_note(const std::string& session_id, const MentorNote& note) override {
    std::lock_guard lock(write_mutex_);
    insert_note(session_id, note);
  }

  std::vector<MentorNote> notes(const std::string& session_id) override {
    return with_reader([&](Connection& db) {
      auto rows = db.prepare(
          "SELECT question_id, note, share_id, created_at FROM mentor_notes WHERE session_id = ? ORDER BY created_at, question_id");
      rows.bind(1, session_id);
      std::vector<MentorNote> out;
      while (rows.step()) out.push_back({rows.integer(0), rows.text(1), rows.text(2), rows.text(3)});
      return out;
    });
  }

  bool ping() override {
    try {
      with_reader([](Connection& db) { db.prepare("SELECT 1").run(); });
      return true;
    } catch (const StoreError&) {
      return false;
    }
  }

 private:
  // A read connection borrowed from the pool; readers never wait for the writer in WAL mode.
  class Lease {
   public:
    explicit Lease(SqliteStore& store) : store_(store) {
      {
        std::lock_guard lock(store_.readers_mutex_);
        if (!store_.idle_readers_.empty()) {
          connection_ = std::move(store_.idle_readers_.back());
          store_.idle_readers_.pop_back();
        }
      }
      if (!connection_) connection_ = std::make_unique<Connection>(store_.path_);
    }
    ~Lease() {
      std::lock_guard lock(store_.readers_mutex_);
      store_.idle_readers_.push_back(std::move(connection_));
    }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Connection& connection() { return *connection_; }

   private:
    SqliteStore& store_;
    std::unique_ptr<Connection> connection_;
  };

  // Runs `read` on a pooled read connection; an in-memory database has only the writer's.
  template <class Read>
  std::invoke_result_t<Read, Connection&> with_reader(Read read) {
    if (in_memory_) {
      std::lock_guard lock(write_mutex_);
      return read(writer_);
    }
    Lease reader(*this);
    return read(reader.connection());
  }

  // The sessions row, with the session's status, report and version as they are (an import keeps them).
  void insert_session(const model::Session& session) {
    auto insert = writer_.prepare(
        "INSERT INTO sessions (id, name, role, domain, experience, mode, role_family, questions, final_report, "
        "status, created_at, coach, scoring, posting_skills, options, profile_id, version) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, session.id).bind(2, session.meta.name).bind(3, session.meta.role).bind_optional(4, session.meta.domain)
        .bind(5, model::to_string(session.meta.experience))
        .bind(6, model::to_string(session.meta.mode))
        .bind(7, session.meta.role_family)
        .bind(8, questions_column(session))
        .bind_optional(9, session.final_report ? std::optional(report_column(*session.final_report)) : std::nullopt)
        .bind(10, model::to_string(session.status))
        .bind(11, session.created_at)
        .bind(12, session.meta.coach)
        .bind(13, model::to_string(session.meta.scoring))
        .bind(14, posting_skills_column(session))
        .bind(15, options_column(session))
        .bind_optional(16, profile_column(session))
        .bind(17, session.version);
    insert.run();
  }

  void insert_note(const std::string& session_id, const MentorNote& note) {
    auto insert = writer_.prepare(
        "INSERT INTO mentor_notes (session_id, question_id, share_id, note, created_at) VALUES (?, ?, ?, ?, ?)");
    insert.bind(1, session_id).bind(2, note.question_id).bind(3, note.share_id).bind(4, note.note).bind(5, note.created_at);
    insert.run();
  }

  // Inside the writer's transaction: the practice record of one answer (a re-answer replaces it).
  void record_practice(const std::string& session_id, const Practice& practice) {
    auto upsert = writer_.prepare(
        "INSERT INTO practice (session_id, question_id, profile_id, answered_at, kind, topics, technical, communication, "
        "confidence) SELECT id, ?, profile_id, ?, ?, ?, ?, ?, ? FROM sessions WHERE id = ? AND profile_id IS NOT NULL "
        "ON CONFLICT (session_id, question_id) DO UPDATE SET answered_at = excluded.answered_at, kind = excluded.kind, "
        "topics = excluded.topics, technical = excluded.technical, communication = excluded.communication, "
        "confidence = excluded.confidence");
    upsert.bind(1, practice.question_id).bind(2, practice.answered_at).bind(3, practice.kind)
        .bind(4, topics_column(practice.topics)).bind(5, practice.scores.technical).bind(6, practice.scores.communication)
        .bind(7, practice.scores.confidence).bind(8, session_id);
    upsert.run();
  }

  static std::vector<ReviewCard> read_cards(Connection& db, const std::string& profile_id) {
    static const std::string sql = fmt::format("SELECT {} FROM review_cards WHERE profile_id = ? ORDER BY due, card", kCardColumns);
    auto rows = db.prepare(sql.c_str());
    rows.bind(1, profile_id);
    std::vector<ReviewCard> cards;
    while (rows.step())
      cards.push_back({rows.text(0), rows.text(1), rows.text(2), rows.text(3), rows.real(4), rows.integer(5),
                       rows.integer(6), rows.integer(7), rows.integer(8), rows.text(9), rows.text(10)});
    return cards;
  }

  // Runs a DELETE … RETURNING id on sessions; their answers go with them (ON DELETE CASCADE).
  std::size_t erase_sessions(const char* sql, const std::string& value) {
    std::lock_guard lock(write_mutex_);
    Transaction tx(writer_, "BEGIN IMMEDIATE");
    std::size_t erased = 0;
    {
      auto erase = writer_.prepare(sql);
      erase.bind(1, value);
      while (erase.step()) ++erased;
    }
    tx.commit();
    return erased;
  }

  void migrate() {
    std::lock_guard lock(write_mutex_);
    writer_.exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)");
    Transaction tx(writer_, "BEGIN IMMEDIATE");
    auto current = writer_.prepare("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
    const int version = current.step() ? current.integer(0) : 0;
    current.run();
    const int latest = static_cast<int>(std::size(kMigrations));
    if (version > latest)
      throw StoreError(fmt::format("the database has schema version {}, newer than this prepbot's {}", version, latest));
    for (int next = version; next < latest; ++next) {
      writer_.exec(kMigrations[static_cast<std::size_t>(next)]);
      auto record = writer_.prepare("INSERT INTO schema_migrations (version, applied_at) VALUES (?, datetime('now'))");
      record.bind(1, next + 1);
      record.run();
    }
    tx.commit();
  }

  std::string path_;
  bool in_memory_ = false;
  std::mutex write_mutex_;
  Connection writer_;
  std::mutex readers_mutex_;
  std::vector<std::unique_ptr<Connection>> idle_readers_;
};

}  // namespace

std::unique_ptr<SessionStore> open_sqlite_store(const std::string& path) { return std::make_unique<SqliteStore>(path); }

}  // namespace prepbot::store

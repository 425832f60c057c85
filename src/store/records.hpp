#pragma once
// How a session is laid out in a relational store, shared by every backend: one
// sessions row (questions and final report as JSON text) and one answers row per
// answered question (its evaluation as JSON text).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/model.hpp"
#include "store/session_store.hpp"

namespace prepbot::store {

// The first schema, in SQL that SQLite and PostgreSQL both take (SQLite reads
// BIGINT as INTEGER). Shipped: never edit it; a backend appends migrations.
inline constexpr std::string_view kSchemaVersion1 = R"sql(
  CREATE TABLE sessions (
    id           TEXT PRIMARY KEY,
    name         TEXT NOT NULL,
    role         TEXT NOT NULL,
    domain       TEXT,
    experience   TEXT NOT NULL,
    mode         TEXT NOT NULL,
    role_family  TEXT NOT NULL,
    questions    TEXT NOT NULL,   -- JSON array of questions
    final_report TEXT,            -- JSON, once completed
    status       TEXT NOT NULL,
    created_at   TEXT NOT NULL,   -- ISO 8601 in UTC: sorts as text
    version      BIGINT NOT NULL DEFAULT 0
  );
  CREATE INDEX sessions_by_created_at ON sessions (created_at);
  CREATE TABLE answers (
    session_id   TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    question_id  INTEGER NOT NULL,
    answer       TEXT NOT NULL,
    evaluation   TEXT NOT NULL,   -- JSON
    attempts     INTEGER NOT NULL,
    answered_at  TEXT NOT NULL,
    PRIMARY KEY (session_id, question_id)
  );
)sql";

// Schema version 2: the coach a session chose at start ('' for sessions from before).
inline constexpr std::string_view kSchemaVersion2 = "ALTER TABLE sessions ADD COLUMN coach TEXT NOT NULL DEFAULT ''";

// Schema version 3: how the session is graded ('standard' or 'content', the fair scoring mode).
inline constexpr std::string_view kSchemaVersion3 = "ALTER TABLE sessions ADD COLUMN scoring TEXT NOT NULL DEFAULT 'standard'";

// Schema version 4: the skills a job posting named at start (a JSON array of names).
inline constexpr std::string_view kSchemaVersion4 = "ALTER TABLE sessions ADD COLUMN posting_skills TEXT NOT NULL DEFAULT '[]'";

// Schema version 5: the session's options (JSON: follow_ups, adaptive, planned); '{}' for sessions from before.
inline constexpr std::string_view kSchemaVersion5 = "ALTER TABLE sessions ADD COLUMN options TEXT NOT NULL DEFAULT '{}'";

// Schema version 6: practice profiles. A session may belong to a profile (and
// goes with it); each graded answer of such a session leaves a small practice
// record for progress; each profile has its review cards (spaced re-practice).
// A session may have read-only share links for a mentor, whose notes it keeps.
inline constexpr std::string_view kSchemaVersion6 = R"sql(
  CREATE TABLE profiles (
    id           TEXT PRIMARY KEY,
    token_hash   TEXT NOT NULL,   -- SHA-256 of the secret, hex
    created_at   TEXT NOT NULL
  );
  ALTER TABLE sessions ADD COLUMN profile_id TEXT REFERENCES profiles (id) ON DELETE CASCADE;
  CREATE INDEX sessions_by_profile ON sessions (profile_id, created_at);
  CREATE TABLE practice (
    session_id    TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    question_id   INTEGER NOT NULL,
    profile_id    TEXT NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
    answered_at   TEXT NOT NULL,
    kind          TEXT NOT NULL,
    topics        TEXT NOT NULL,  -- JSON array of names
    technical     INTEGER NOT NULL,
    communication INTEGER NOT NULL,
    confidence    INTEGER NOT NULL,
    PRIMARY KEY (session_id, question_id)
  );
  CREATE INDEX practice_by_profile ON practice (profile_id, answered_at);
  CREATE TABLE review_cards (
    profile_id    TEXT NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
    card          TEXT NOT NULL,
    kind          TEXT NOT NULL,
    label         TEXT NOT NULL,
    question      TEXT NOT NULL,  -- JSON question record
    ease          DOUBLE PRECISION NOT NULL,
    interval_days INTEGER NOT NULL,
    repetitions   INTEGER NOT NULL,
    lapses        INTEGER NOT NULL,
    last_score    INTEGER NOT NULL,
    due           TEXT NOT NULL,  -- YYYY-MM-DD
    updated_at    TEXT NOT NULL,
    PRIMARY KEY (profile_id, card)
  );
  CREATE TABLE shares (
    id           TEXT PRIMARY KEY,
    session_id   TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    token_hash   TEXT NOT NULL,   -- SHA-256 of the link's secret, hex
    created_at   TEXT NOT NULL
  );
  CREATE INDEX shares_by_session ON shares (session_id);
  CREATE TABLE mentor_notes (
    session_id   TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    question_id  INTEGER NOT NULL,
    share_id     TEXT NOT NULL,   -- the link it was written through (it may be revoked since)
    note         TEXT NOT NULL,
    created_at   TEXT NOT NULL
  );
  CREATE INDEX mentor_notes_by_session ON mentor_notes (session_id, created_at);
)sql";

// Every migration in order: entry N brings the database from version N to N+1.
// Never edit an entry that has shipped; append.
inline constexpr std::string_view kMigrations[] = {kSchemaVersion1, kSchemaVersion2, kSchemaVersion3,
                                                   kSchemaVersion4, kSchemaVersion5, kSchemaVersion6};

// The columns of a sessions row, in this order in every backend's SELECT.
inline constexpr const char* kSessionColumns =
    "name, role, domain, experience, mode, role_family, questions, final_report, status, created_at, version, coach, "
    "scoring, posting_skills, options, profile_id";
inline constexpr int kSessionColumnCount = [] {
  int columns = 1;
  for (const char* c = kSessionColumns; *c != '\0'; ++c) columns += *c == ',';
  return columns;
}();
// The columns of an answers row, in this order.
inline constexpr const char* kAnswerColumns = "question_id, answer, evaluation, attempts, answered_at";

struct SessionRow {
  std::string name, role;
  std::optional<std::string> domain;
  std::string experience, mode, role_family, questions;
  std::optional<std::string> final_report;
  std::string status, created_at;
  long long version = 0;
  std::string coach;
  std::string scoring = "standard";
  std::string posting_skills = "[]";  // JSON array
  std::string options = "{}";         // JSON object
  std::optional<std::string> profile_id;
};

struct AnswerRow {
  int question_id = 0;
  std::string text, evaluation;
  int attempts = 0;
  std::string answered_at;
};

// Rebuilds the session; throws StoreError when a record is not one this code wrote.
model::Session to_session(const std::string& id, const SessionRow& row, const std::vector<AnswerRow>& answers);

// The JSON text stored in the questions, evaluation and final_report columns.
std::string questions_column(const model::Session& session);
std::string evaluation_column(const model::Evaluation& evaluation);
std::string report_column(const model::FinalReport& report);
std::string posting_skills_column(const model::Session& session);
std::string options_column(const model::Session& session);
std::optional<std::string> profile_column(const model::Session& session);  // null: no profile

// A practice record's topics column (a JSON array) and back.
std::string topics_column(const std::vector<std::string>& topics);
std::vector<std::string> topics_from_column(const std::string& column);
// The columns of a review card, in this order, after the profile's id and before
// nothing: card, kind, label, question, ease, interval_days, repetitions, lapses,
// last_score, due, updated_at.
inline constexpr const char* kCardColumns =
    "card, kind, label, question, ease, interval_days, repetitions, lapses, last_score, due, updated_at";
// The columns of a practice record as read: with its session's start, role and family.
inline constexpr const char* kPracticeColumns =
    "practice.session_id, question_id, answered_at, kind, topics, technical, communication, confidence, "
    "sessions.created_at, sessions.role, sessions.role_family";

// The questions column (a JSON array) with the questions `add` returns for it
// appended, or nullopt when it returns none; `added` receives them.
std::optional<std::string> extended_questions(const std::string& column, const AddQuestions& add,
                                              std::vector<model::Question>& added);

}  // namespace prepbot::store

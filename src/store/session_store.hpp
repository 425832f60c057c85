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

// A practice profile: sessions over weeks, without an account.
struct Profile {
  std::string id;
  std::string token_hash;  // SHA-256 of the profile's secret (hex); the secret itself is never stored
  std::string created_at;
};

// One graded answer in a profile's session: what progress is computed from,
// kept small so a profile's whole history reads in one indexed query.
struct Practice {
  std::string session_id;
  int question_id = 0;
  std::string answered_at;
  std::string kind;                 // technical | behavioral
  std::vector<std::string> topics;  // the competency, or the knowledge-base concepts the answer was graded on
  model::Scores scores;
  // Filled when read, from the session:
  std::string session_created_at, role, role_family;
};

// A card of a profile's spaced re-practice schedule (interview/review.hpp says how it moves).
struct ReviewCard {
  std::string key;       // "question:<bank id or digest of the text>" or "concept:<id>"
  std::string kind;      // question | concept
  std::string label;     // the question's text, or the concept's name
  std::string question;  // the question to ask again, as its stored record (JSON)
  double ease = 2.5;
  int interval_days = 0;
  int repetitions = 0;   // successful reviews in a row
  int lapses = 0;        // times it was answered weakly again
  int last_score = 0;    // the technical score of its last answer
  std::string due;       // YYYY-MM-DD
  std::string updated_at;
};

// A read-only link to one session, for a mentor.
struct Share {
  std::string id;
  std::string session_id;
  std::string token_hash;  // SHA-256 of the link's secret (hex)
  std::string created_at;
};

// A mentor's note on one answer of a shared session.
struct MentorNote {
  int question_id = 0;
  std::string note;
  std::string share_id;
  std::string created_at;
};

// Given a profile's cards as stored, the cards to insert or replace.
using UpdateCards = std::function<std::vector<ReviewCard>(const std::vector<ReviewCard>&)>;

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
  // session's next question), if given, and records `practice` (a profile's
  // session) for its profile.
  virtual SavedAnswer save_answer(const std::string& session_id, const model::Answer& answer,
                                  const AddQuestions& add = nullptr, const Practice* practice = nullptr) = 0;

  // If the session is ongoing and has answers: computes its report with `compute`
  // and marks it completed. A completed session returns its stored report.
  virtual Finalized finalize(const std::string& session_id,
                             const std::function<model::FinalReport(const model::Session&)>& compute) = 0;

  // Erases the session and its answers; false when there was none.
  virtual bool remove(const std::string& session_id) = 0;

  // Erases every session created before `iso_timestamp` (and its answers) that
  // belongs to no profile (a profile's history stays until the profile is erased);
  // returns how many.
  virtual std::size_t purge_created_before(const std::string& iso_timestamp) = 0;

  // --- practice profiles ---
  virtual void create_profile(const Profile& profile) = 0;
  virtual std::optional<Profile> load_profile(const std::string& profile_id) = 0;
  // Erases the profile with its sessions, their answers, its practice records and
  // review cards; false when there was none.
  virtual bool remove_profile(const std::string& profile_id) = 0;
  // The profile's session ids, oldest first.
  virtual std::vector<std::string> profile_sessions(const std::string& profile_id) = 0;
  // Every practice record of the profile, oldest answer first.
  virtual std::vector<Practice> practice(const std::string& profile_id) = 0;
  // Stores a whole session for a profile (an import) with its answers, their
  // practice records and its mentors' notes, in one transaction; false, and
  // nothing written, when a session with its id exists.
  virtual bool import_session(const model::Session& session, const std::vector<Practice>& practice,
                              const std::vector<MentorNote>& notes) = 0;
  virtual std::vector<ReviewCard> review_cards(const std::string& profile_id) = 0;
  // Reads the profile's cards and saves what `update` makes of them, in one
  // transaction that concurrent updates of the same profile wait for.
  virtual void update_review_cards(const std::string& profile_id, const UpdateCards& update) = 0;

  // --- share links and mentors' notes ---
  virtual void create_share(const Share& share) = 0;
  virtual std::optional<Share> load_share(const std::string& share_id) = 0;
  virtual std::vector<Share> shares_of(const std::string& session_id) = 0;  // oldest first
  // Erases the session's link at once (every instance reads links from here); false when there was none.
  virtual bool revoke_share(const std::string& session_id, const std::string& share_id) = 0;
  virtual void add_note(const std::string& session_id, const MentorNote& note) = 0;
  virtual std::vector<MentorNote> notes(const std::string& session_id) = 0;  // oldest first

  // A cheap round trip to the database, for /healthz.
  virtual bool ping() = 0;
};

// "sqlite:PATH" (the directory is created), "sqlite::memory:", or a PostgreSQL
// URL "postgresql://…" (also "postgres://…") with at most `pool_size`
// connections. Throws StoreError.
bool is_postgres_url(std::string_view url);
std::unique_ptr<SessionStore> open_store(const std::string& url, int pool_size = 8);

}  // namespace prepbot::store

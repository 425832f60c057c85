#pragma once
// The interview's rules: start, answer (and re-answer), finalize, read and erase
// sessions. Knows the Coach and the SessionStore, never HTTP. Operations that
// need the coach complete through a callback, possibly on another thread; the
// others return at once. Rule violations throw the errors of interview/errors.hpp.
#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "coach/coach.hpp"
#include "documents/pdf_text.hpp"
#include "interview/profiles.hpp"
#include "interview/shares.hpp"
#include "speech/transcriber.hpp"
#include "speech/voice_activity.hpp"
#include "model/model.hpp"
#include "report/charts.hpp"
#include "store/session_store.hpp"
#include "util/result.hpp"
#include "util/versioned_cache.hpp"
#include "util/worker_pool.hpp"

namespace prepbot::interview {

inline constexpr std::size_t kMaxAnswerChars = 10'000;  // a typed answer, or a transcript (characters)

struct StartInput {
  std::string name;
  std::string role;
  std::optional<std::string> domain;
  model::Level experience = model::Level::entry;
  model::Mode mode = model::Mode::technical;
  int num_questions = 5;
  std::string difficulty;                    // empty: a spread that suits the level
  std::vector<std::string> avoid_questions;  // bank ids of recently seen questions
  std::string focus;                         // a bank tag to prefer ("leadership-principles"); empty: none
  std::optional<std::string> coach;          // one of Coaches::names(); absent: the default
  model::Scoring scoring = model::Scoring::standard;
  bool experience_given = true;              // false: the job posting's seniority (else 1-3 years)
  std::string job_description;               // a job posting to tailor the questions to; empty: none
  std::string resume;                        // the candidate's résumé (LLM coaches read it); empty: none
  bool follow_ups = true;                    // an answer that leaves a gap may add a follow-up question
  bool adaptive = false;                     // one question at a time, each chosen after the last answer
  std::string profile_id;                    // the practice profile the session belongs to; empty: none
  bool review = false;                       // the profile's due review questions first (needs a profile)
};

// A question and answer graded on their own, outside any session.
struct EvaluateInput {
  std::string question;
  std::string answer;
  model::Mode mode = model::Mode::technical;
  model::Level experience = model::Level::junior;
  std::string role;
  std::optional<std::string> coach;  // as in StartInput
  model::Scoring scoring = model::Scoring::standard;
};

// A spoken answer: the recording, and the browser's own transcript when it made one.
struct SpokenInput {
  std::string audio;
  std::string media_type;                 // its Content-Type
  std::optional<std::string> transcript;  // given: the transcriber is not asked
};

// The coaches a session may choose at start, by name ("offline", "gemini",
// "openai"); the default serves sessions that choose none. API keys stay with
// the coaches, in the server's configuration: a session stores only the name.
struct Coaches {
  std::string default_name;
  std::map<std::string, coach::Coach*> by_name;  // the default among them

  // The named coach; the default for an empty name or one no longer configured.
  coach::Coach& of(const std::string& name) const;
  // The name to store for a requested coach; throws BadRequest for one not configured here.
  std::string choose(const std::optional<std::string>& requested) const;
  std::vector<std::string> names() const;  // the default first
};

struct Started {
  model::Session session;
  std::string role_note;  // set when the role was mapped to its closest family
  std::vector<std::string> posting_skills;  // the skills the job posting names, when one was given
  int review_questions = 0;                 // a review session: how many of its first questions are due reviews
};

enum class ReportKind { full, summary };
enum class ChartKind { radar, questions };

struct ExportedReport {
  std::string pdf;
  std::string candidate;  // the session's name, for the file name
  std::size_t size() const { return pdf.size() + candidate.size(); }  // what it costs a cache
};

// What an instance keeps of rendered sessions, in bytes (each cache; least recently used go first).
struct CacheBudget {
  std::size_t documents = 32u << 20;  // the session's JSON, per version
  std::size_t reports = 0;            // PDFs, per version and kind (PREPBOT_REPORT_CACHE_MB); 0: none kept
};

struct AnswerInput {
  int question_id = 0;
  std::string answer;
};

// A stored answer and the questions it added to the session.
struct Answered {
  model::Answer answer;
  std::optional<model::Question> follow_up;      // a follow-up on the answered question
  std::optional<model::Question> next_question;  // an adaptive session's next planned question
};

// A spoken answer, stored or graded, with the words heard (delivery is in the evaluation's evidence).
struct SpokenAnswered {
  Answered answered;
  std::string transcript;
};
struct SpokenEvaluation {
  model::Evaluation evaluation;
  std::string transcript;
};

class InterviewService {
 public:
  // PDF drawing runs on `workers`, so server threads only hand over the bytes.
  // `transcriber` (may be null) turns spoken answers into text.
  InterviewService(Coaches coaches, store::SessionStore& store, util::WorkerPool& workers, CacheBudget budget = {},
                   speech::Transcriber* transcriber = nullptr);

  const Coaches& coaches() const { return coaches_; }
  const speech::Transcriber* transcriber() const { return transcriber_; }
  Profiles& profiles() { return profiles_; }
  Shares& shares() { return shares_; }

  void start(StartInput input, util::Callback<Started> done);
  model::Session get(const std::string& session_id);
  // The session as the API's JSON document, rendered once per version of the session.
  std::shared_ptr<const std::string> get_document(const std::string& session_id);
  // The stored answer (with its evaluation and attempt count), and the questions it added.
  void answer(const std::string& session_id, AnswerInput input, util::Callback<Answered> done);
  // A spoken answer: the recording is measured and transcribed on the worker
  // pool, then graded and stored as answer() does, its delivery in the evidence.
  // Throws through `done` speech::UnreadableAudio (also for silence: nothing is
  // stored), speech::AudioTooLong or speech::TranscriptionUnavailable.
  void answer_spoken(const std::string& session_id, int question_id, SpokenInput input,
                     util::Callback<SpokenAnswered> done);
  model::FinalReport finalize(const std::string& session_id);
  // The report of a completed session as a PDF, drawn once per version and kind
  // (exports of one version are the same file): a repeated download, or the
  // base64 form, is served from the cache.
  void export_report(const std::string& session_id, ReportKind kind,
                     util::Callback<std::shared_ptr<const ExportedReport>> done);
  // A chart of the session's answers so far, as SVG.
  std::string chart_svg(const std::string& session_id, ChartKind kind);
  // The text of an uploaded PDF (a résumé or a job posting), read on the worker
  // pool; throws documents::UnreadableDocument through `done` when there is none.
  void extract_text(std::string pdf, util::Callback<documents::ExtractedText> done);
  // Grades any question's answer without storing anything.
  void evaluate(EvaluateInput input, util::Callback<model::Evaluation> done);
  // The same for a spoken answer (EvaluateInput's answer is ignored: the words are heard).
  void evaluate_spoken(EvaluateInput input, SpokenInput spoken, util::Callback<SpokenEvaluation> done);
  void remove(const std::string& session_id);

 private:
  // Stores the graded answer with what it adds to the session.
  // The question to answer; throws Conflict (completed) or BadRequest (no such question).
  static model::Question answerable(const model::Session& session, int question_id);
  struct Heard {
    std::string transcript;
    speech::VoiceActivity voice;
  };
  // Measures the recording and finds its words (the browser's, or the transcriber's).
  void hear(SpokenInput input, util::Callback<Heard> done);
  // answer() and evaluate(), with a spoken answer's measured recording.
  void answer(const std::string& session_id, AnswerInput input, std::optional<speech::VoiceActivity> voice,
              util::Callback<Answered> done);
  void evaluate(EvaluateInput input, std::optional<speech::VoiceActivity> voice, util::Callback<model::Evaluation> done);
  Answered save(const std::string& session_id, const std::string& profile_id, const model::Question& question,
                AnswerInput input, model::Evaluation evaluation, std::optional<model::Question> next, int planned);
  // A profile's sessions up to this one (answers given by its last activity, so
  // every export of one version draws the same chart), for its full report.
  std::vector<report::ProgressPoint> progress_until(const model::Session& session);
  // A profile's answer moves its review cards (interview/review.hpp); a failure is logged, not the answer's.
  void schedule_review(const std::string& profile_id, const model::Question& question, const model::Answer& answer);

  Coaches coaches_;
  store::SessionStore& store_;
  util::WorkerPool& workers_;
  speech::Transcriber* transcriber_;
  Profiles profiles_;
  Shares shares_;
  util::VersionedCache<std::string> documents_;
  util::VersionedCache<ExportedReport> reports_;
};

}  // namespace prepbot::interview

#include "interview/service.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "interview/errors.hpp"
#include "interview/plan.hpp"
#include "interview/profiles.hpp"
#include "interview/progress.hpp"
#include "interview/report.hpp"
#include "interview/review.hpp"
#include "model/json.hpp"
#include "report/charts.hpp"
#include "report/pdf.hpp"
#include "speech/delivery.hpp"
#include "util/clock.hpp"
#include "util/log.hpp"
#include "util/random.hpp"
#include "util/text.hpp"

namespace prepbot::interview {

namespace {

constexpr const char* kSessionNotFound = "Session not found";
constexpr const char* kSessionCompleted = "Session is already completed";

std::string report_key(const std::string& session_id, ReportKind kind) {
  return session_id + (kind == ReportKind::full ? "/full" : "/summary");
}

// How the answer was spoken, in its evidence and feedback; delivery moves the
// communication score (never in the fair scoring mode, which grades what is said).
void add_delivery(model::Evaluation& evaluation, const speech::VoiceActivity& voice, std::string_view transcript,
                  model::Scoring scoring) {
  model::SpokenDelivery delivery = speech::describe_delivery(voice, transcript, evaluation.evidence.filler_count);
  if (scoring == model::Scoring::content) delivery.communication_effect = 0;
  evaluation.scores.communication = std::clamp(evaluation.scores.communication + delivery.communication_effect, 1, 10);
  evaluation.feedback += fmt::format("\n\nSpoken delivery: {}; {}; {}.", delivery.pace, delivery.pausing, delivery.fillers);
  evaluation.evidence.delivery = std::move(delivery);
}

// A transcript as an answer: control characters become spaces, the length is a typed answer's at most.
std::string as_answer(std::string_view transcript) {
  const std::string_view kept = util::utf8_prefix(transcript, kMaxAnswerChars);
  std::string out;
  out.reserve(kept.size());
  for (std::size_t i = 0; i < kept.size(); ++i) {
    if (const std::size_t control = util::control_character_at(kept, i); control > 0) {
      out += ' ';
      i += control - 1;
    } else {
      out += kept[i];
    }
  }
  return std::string(util::trim(out));
}

}  // namespace

coach::Coach& Coaches::of(const std::string& name) const {
  const auto it = by_name.find(name.empty() ? default_name : name);
  return *(it != by_name.end() ? it->second : by_name.at(default_name));
}

std::string Coaches::choose(const std::optional<std::string>& requested) const {
  if (!requested) return default_name;
  if (by_name.count(*requested) == 0)
    throw BadRequest(fmt::format("Coach '{}' is not available on this server; choose one of: {}", *requested,
                                 fmt::join(names(), ", ")));
  return *requested;
}

std::vector<std::string> Coaches::names() const {
  std::vector<std::string> names{default_name};
  for (const auto& [name, coach] : by_name)
    if (name != default_name) names.push_back(name);
  return names;
}

InterviewService::InterviewService(Coaches coaches, store::SessionStore& store, util::WorkerPool& workers,
                                   CacheBudget budget, speech::Transcriber* transcriber)
    : coaches_(std::move(coaches)),
      store_(store),
      workers_(workers),
      transcriber_(transcriber),
      profiles_(store),
      shares_(store),
      documents_(budget.documents),
      reports_(budget.reports) {}

void InterviewService::start(StartInput input, util::Callback<Started> done) {
  coach::QuestionRequest request;
  request.role = input.role;
  request.domain = input.domain;
  request.level = input.experience;
  request.mode = input.mode;
  request.count = input.num_questions;
  request.difficulty = input.difficulty;
  request.avoid_ids = input.avoid_questions;
  request.focus = input.focus;
  request.level_given = input.experience_given;
  request.job_description = input.job_description;
  request.resume = input.resume;
  if (input.adaptive) {  // the first question now, each next one after the last answer
    request.count = 1;
    if (request.difficulty.empty()) request.difficulty = kAdaptiveStart;
    request.mode = next_mode(input.mode, 0);
  }
  // A review session asks the profile's due questions first; the coach fills the rest.
  std::vector<model::Question> review;
  if (input.review) {
    if (input.profile_id.empty()) throw BadRequest("A review session needs a practice profile's token");
    if (input.adaptive) throw BadRequest("A review session cannot be adaptive: its questions are the ones due");
    review = questions_to_review(due_cards(store_.review_cards(input.profile_id), today()),
                                 static_cast<std::size_t>(input.num_questions), input.mode);
    for (const auto& question : review)
      if (!question.bank_id.empty()) request.avoid_ids.push_back(question.bank_id);
    request.count = std::max(1, input.num_questions - static_cast<int>(review.size()));
  }
  std::string coach_name = coaches_.choose(input.coach);
  coach::Coach& coach = coaches_.of(coach_name);
  coach.generate_questions(std::move(request), [this, coach_name, input = std::move(input), review = std::move(review),
                                                done = std::move(done)](util::Result<coach::QuestionSet> generated) mutable {
    util::complete(done, [&] {
      coach::QuestionSet& set = generated.get();
      model::Session session;
      session.id = util::random_uuid();
      session.meta = {input.name, input.role, input.domain, input.experience, input.mode, set.role_family, coach_name, input.scoring};
      if (!input.experience_given) session.meta.experience = set.level.value_or(model::Level::junior);
      if (session.meta.role.empty()) session.meta.role = set.role_family;  // named by the posting
      session.meta.posting_skills = set.posting_skills;
      session.meta.follow_ups = input.follow_ups;
      session.meta.adaptive = input.adaptive;
      session.meta.planned = input.adaptive ? input.num_questions : 0;
      session.meta.profile_id = input.profile_id;
      const int reviewed = static_cast<int>(review.size());
      session.questions = std::move(review);
      for (auto& question : set.questions) {
        if (session.questions.size() >= static_cast<std::size_t>(input.num_questions) && !input.adaptive) break;
        session.questions.push_back(std::move(question));
      }
      for (std::size_t i = 0; i < session.questions.size(); ++i) session.questions[i].id = static_cast<int>(i + 1);
      session.created_at = util::now_iso8601();
      session.status = model::Status::ongoing;
      store_.create(session);
      return Started{std::move(session), std::move(set.role_note), std::move(set.posting_skills), reviewed};
    });
  });
}

model::Session InterviewService::get(const std::string& session_id) {
  auto session = store_.load(session_id);
  if (!session) throw NotFound(kSessionNotFound);
  return std::move(*session);
}

std::shared_ptr<const std::string> InterviewService::get_document(const std::string& session_id) {
  const auto version = store_.version(session_id);
  if (!version) {
    documents_.erase(session_id);
    throw NotFound(kSessionNotFound);
  }
  if (auto cached = documents_.find(session_id, *version)) return cached;
  const model::Session session = get(session_id);
  auto document = std::make_shared<const std::string>(
      model::to_json(session).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
  documents_.put(session_id, session.version, document);
  return document;
}

model::Question InterviewService::answerable(const model::Session& session, int question_id) {
  if (session.status == model::Status::completed) throw Conflict(kSessionCompleted);
  const model::Question* found = session.find_question(question_id);
  if (found == nullptr)
    throw BadRequest(fmt::format("Question {} is not part of this session (it has questions 1-{})", question_id,
                                 session.questions.size()));
  return *found;
}

void InterviewService::answer(const std::string& session_id, AnswerInput input, util::Callback<Answered> done) {
  answer(session_id, std::move(input), std::nullopt, std::move(done));
}

void InterviewService::answer(const std::string& session_id, AnswerInput input,
                              std::optional<speech::VoiceActivity> voice, util::Callback<Answered> done) {
  const model::Session session = get(session_id);
  const model::Question question = answerable(session, input.question_id);
  coach::EvaluationRequest request;
  request.question = question;
  request.answer = input.answer;
  // A mixed session's question is graded as what it is (a follow-up has no bank entry to say so).
  request.mode = session.meta.mode != model::Mode::mixed ? session.meta.mode
                 : question.type == "behavioral"        ? model::Mode::behavioral
                                                        : model::Mode::technical;
  request.level = session.meta.experience;
  request.role = session.meta.role;
  request.scoring = session.meta.scoring;
  coach::Coach& coach = coaches_.of(session.meta.coach);  // the one chosen at start
  coach.evaluate(std::move(request), [this, &coach, session, question, input = std::move(input), voice = std::move(voice),
                                      done = std::move(done)](
                                         util::Result<model::Evaluation> evaluated) mutable {
    std::optional<model::Evaluation> graded;
    try {
      graded = std::move(evaluated.get());
    } catch (...) {
      return done(util::Result<Answered>::failure(std::current_exception()));
    }
    model::Evaluation& evaluation = *graded;
    if (voice) add_delivery(evaluation, *voice, input.answer, session.meta.scoring);
    if (!session.meta.follow_ups || question.parent_id != 0) evaluation.follow_up.reset();
    const int planned = session.planned_questions();
    const bool choose_next = session.meta.adaptive && question.parent_id == 0 && planned < session.meta.planned &&
                             question.id == session.last_planned_id();
    if (!choose_next)
      return util::complete(done, [&] {
        return save(session.id, session.meta.profile_id, question, std::move(input), std::move(evaluation), std::nullopt, 0);
      });
    // The next planned question, chosen from this grade, is stored with the answer.
    coach::QuestionRequest next;
    next.role = session.meta.role;
    next.domain = session.meta.domain;
    next.level = session.meta.experience;
    next.mode = next_mode(session.meta.mode, planned);
    next.count = 1;
    next.difficulty = next_difficulty(question.difficulty, evaluation.scores.technical);
    for (const auto& asked : session.questions)
      if (!asked.bank_id.empty()) next.avoid_ids.push_back(asked.bank_id);
    coach.generate_questions(std::move(next), [this, id = session.id, profile = session.meta.profile_id,
                                               planned = session.meta.planned, question,
                                               input = std::move(input), evaluation = std::move(evaluation),
                                               done = std::move(done)](util::Result<coach::QuestionSet> generated) mutable {
      util::complete(done, [&] {
        std::optional<model::Question> chosen;
        if (auto& set = generated.get(); !set.questions.empty()) chosen = std::move(set.questions.front());
        return save(id, profile, question, std::move(input), std::move(evaluation), std::move(chosen), planned);
      });
    });
  });
}

Answered InterviewService::save(const std::string& session_id, const std::string& profile_id, const model::Question& question,
                                AnswerInput input, model::Evaluation evaluation, std::optional<model::Question> next,
                                int planned) {
  std::optional<model::Question> follow_up;
  if (evaluation.follow_up) follow_up = follow_up_question(question, *evaluation.follow_up);
  Answered answered;
  answered.answer.question_id = input.question_id;
  answered.answer.text = std::move(input.answer);
  answered.answer.evaluation = std::move(evaluation);
  answered.answer.answered_at = util::now_iso8601();
  const bool adds = follow_up || next;
  const auto practice = profile_id.empty() ? std::nullopt : std::optional(practice_of(question, answered.answer));
  const store::SavedAnswer saved = store_.save_answer(
      session_id, answered.answer, adds ? questions_added_by(question, std::move(follow_up), std::move(next), planned) : nullptr,
      practice ? &*practice : nullptr);
  if (saved.outcome == store::WriteOutcome::no_session) throw NotFound(kSessionNotFound);
  if (saved.outcome == store::WriteOutcome::completed) throw Conflict(kSessionCompleted);
  answered.answer.attempts = saved.attempts;
  for (const auto& added : saved.added) (added.parent_id != 0 ? answered.follow_up : answered.next_question) = added;
  if (!profile_id.empty()) schedule_review(profile_id, question, answered.answer);
  return answered;
}

void InterviewService::schedule_review(const std::string& profile_id, const model::Question& question,
                                       const model::Answer& answer) {
  try {
    store_.update_review_cards(profile_id, [&](const std::vector<store::ReviewCard>& cards) {
      return cards_after_answer(cards, question, answer.evaluation, today(), answer.answered_at);
    });
  } catch (const store::StoreError& error) {  // the answer is stored; its next answer moves the cards again
    util::log::warn("review schedule not updated", {{"error", error.what()}});
  }
}

model::FinalReport InterviewService::finalize(const std::string& session_id) {
  const store::Finalized result = store_.finalize(session_id, compute_report);
  switch (result.outcome) {
    case store::WriteOutcome::no_session: throw NotFound(kSessionNotFound);
    case store::WriteOutcome::no_answers: throw BadRequest("Answer at least one question before finalizing");
    case store::WriteOutcome::done:
    case store::WriteOutcome::completed: break;
  }
  if (!result.report) throw std::logic_error("a completed session without a report");
  return *result.report;
}

void InterviewService::export_report(const std::string& session_id, ReportKind kind,
                                     util::Callback<std::shared_ptr<const ExportedReport>> done) {
  const std::string key = report_key(session_id, kind);
  const auto version = store_.version(session_id);
  if (!version) throw NotFound(kSessionNotFound);
  if (auto cached = reports_.find(key, *version)) return done(std::move(cached));
  model::Session session = get(session_id);
  if (session.status != model::Status::completed || !session.final_report)
    throw BadRequest("Session is not completed; finalize it before exporting the report");
  workers_.post([this, key, session = std::move(session), kind, done = std::move(done)] {
    util::complete(done, [&] {
      auto report = std::make_shared<const ExportedReport>(
          ExportedReport{kind == ReportKind::full ? report::full_report_pdf(session, progress_until(session))
                                                  : report::summary_pdf(session),
                         session.meta.name});
      reports_.put(key, session.version, report);
      return std::shared_ptr<const ExportedReport>(std::move(report));
    });
  });
}

std::vector<report::ProgressPoint> InterviewService::progress_until(const model::Session& session) {
  if (session.meta.profile_id.empty()) return {};
  std::string last = session.created_at;
  for (const auto& answer : session.answers) last = std::max(last, answer.answered_at);
  auto records = store_.practice(session.meta.profile_id);
  std::erase_if(records, [&](const store::Practice& r) { return r.answered_at > last || r.session_created_at > session.created_at; });
  std::vector<report::ProgressPoint> points;
  for (const auto& p : compute_progress(records).timeline)
    points.push_back({p.date, p.technical, p.communication, p.confidence, p.overall});
  return points;
}

std::string InterviewService::chart_svg(const std::string& session_id, ChartKind kind) {
  const model::Session session = get(session_id);
  if (session.answers.empty()) throw BadRequest("The session has no answers to chart yet");
  if (kind == ChartKind::questions) return report::question_bars_svg(session);
  return report::radar_svg(session.final_report ? *session.final_report : compute_report(session));
}

void InterviewService::extract_text(std::string pdf, util::Callback<documents::ExtractedText> done) {
  workers_.post([pdf = std::move(pdf), done = std::move(done)] { util::complete(done, [&] { return documents::pdf_text(pdf); }); });
}

void InterviewService::evaluate(EvaluateInput input, util::Callback<model::Evaluation> done) {
  evaluate(std::move(input), std::nullopt, std::move(done));
}

void InterviewService::evaluate(EvaluateInput input, std::optional<speech::VoiceActivity> voice,
                                util::Callback<model::Evaluation> done) {
  coach::EvaluationRequest request;
  request.question.text = std::move(input.question);
  request.question.type = input.mode == model::Mode::behavioral ? "behavioral" : "technical";
  request.answer = input.answer;
  request.mode = input.mode;
  request.level = input.experience;
  request.role = std::move(input.role);
  request.scoring = input.scoring;
  coach::Coach& coach = coaches_.of(coaches_.choose(input.coach));
  if (!voice) return coach.evaluate(std::move(request), std::move(done));
  coach.evaluate(std::move(request), [voice = std::move(*voice), answer = std::move(input.answer), scoring = input.scoring,
                                      done = std::move(done)](util::Result<model::Evaluation> graded) {
    util::complete(done, [&] {
      model::Evaluation evaluation = std::move(graded.get());
      add_delivery(evaluation, voice, answer, scoring);
      return evaluation;
    });
  });
}

void InterviewService::hear(SpokenInput input, util::Callback<Heard> done) {
  if (!input.transcript && transcriber_ == nullptr)
    throw speech::TranscriptionUnavailable(
        "this server has no transcription server for spoken answers (PREPBOT_STT); type the answer, or use a "
        "browser with speech recognition");
  workers_.post([this, input = std::move(input), done = std::move(done)]() mutable {
    std::optional<speech::VoiceActivity> voice;
    try {
      voice = speech::detect_voice(speech::decode(input.audio));
      if (!voice->has_speech())
        throw speech::UnreadableAudio("no speech was detected in the recording; check the microphone and try again");
    } catch (...) {
      return done(util::Result<Heard>::failure(std::current_exception()));
    }
    const auto heard = [voice = *voice, done](std::string transcript) {
      util::complete(done, [&] {
        std::string answer = as_answer(transcript);
        if (answer.empty())
          throw speech::UnreadableAudio("no words were recognised in the recording; speak closer to the microphone");
        return Heard{std::move(answer), voice};
      });
    };
    if (input.transcript) return heard(std::move(*input.transcript));
    transcriber_->transcribe(std::move(input.audio), std::move(input.media_type),
                             [heard, done](util::Result<std::string> text) {
                               std::string transcript;
                               try {
                                 transcript = std::move(text.get());
                               } catch (...) {
                                 return done(util::Result<Heard>::failure(std::current_exception()));
                               }
                               heard(std::move(transcript));
                             });
  });
}

void InterviewService::answer_spoken(const std::string& session_id, int question_id, SpokenInput input,
                                     util::Callback<SpokenAnswered> done) {
  answerable(get(session_id), question_id);  // a wrong session or question costs no transcription
  hear(std::move(input), [this, session_id, question_id, done](util::Result<Heard> result) {
    try {
      Heard heard = std::move(result.get());
      std::string transcript = heard.transcript;
      answer(session_id, AnswerInput{question_id, std::move(heard.transcript)}, std::move(heard.voice),
             [transcript = std::move(transcript), done](util::Result<Answered> answered) {
               util::complete(done, [&] { return SpokenAnswered{std::move(answered.get()), transcript}; });
             });
    } catch (...) {
      done(util::Result<SpokenAnswered>::failure(std::current_exception()));
    }
  });
}

void InterviewService::evaluate_spoken(EvaluateInput input, SpokenInput spoken, util::Callback<SpokenEvaluation> done) {
  coaches_.choose(input.coach);  // an unknown coach is refused before any work
  hear(std::move(spoken), [this, input = std::move(input), done](util::Result<Heard> result) mutable {
    try {
      Heard heard = std::move(result.get());
      std::string transcript = heard.transcript;
      input.answer = std::move(heard.transcript);
      evaluate(std::move(input), std::move(heard.voice), [transcript = std::move(transcript), done](util::Result<model::Evaluation> graded) {
        util::complete(done, [&] { return SpokenEvaluation{std::move(graded.get()), transcript}; });
      });
    } catch (...) {
      done(util::Result<SpokenEvaluation>::failure(std::current_exception()));
    }
  });
}

void InterviewService::remove(const std::string& session_id) {
  documents_.erase(session_id);
  for (const auto kind : {ReportKind::full, ReportKind::summary}) reports_.erase(report_key(session_id, kind));
  if (!store_.remove(session_id)) throw NotFound(kSessionNotFound);
}

}  // namespace prepbot::interview

#pragma once
// The interview's data model: the seed's Session, with the fields PrepBot adds.
#include <optional>
#include <string>
#include <vector>

#include "model/evidence.hpp"

namespace prepbot::model {

enum class Mode { technical, behavioral, mixed };
// The seed's four experience levels: 0-1, 1-3, 3-5 and 5+ years.
enum class Level { entry, junior, mid, senior };
enum class Status { ongoing, completed };
// What grading weighs. standard: content and delivery (spelling, fillers,
// hedges, sentence length). content: the fair scoring mode, where delivery
// neither lowers nor raises any score and the feedback does not mention it.
enum class Scoring { standard, content };

struct Question {
  int id = 0;             // 1..n within the session
  std::string text;       // "question" in the API
  std::string type;       // technical | behavioral
  std::string difficulty; // easy | medium | hard
  std::string hint;
  std::string bank_id;    // the offline bank's id when the question came from it
  std::vector<std::string> targets;  // the job posting's skills this question targets
  int parent_id = 0;  // a follow-up: the question it follows up on; 0: a question of the session's plan
  std::string topic{};  // the bank's competency (behavioral) or leading concept (technical); empty: unknown
};

// A follow-up question the grader would ask after an answer: it cites the
// answer's own words and targets what the answer got wrong, left out or kept vague.
struct FollowUp {
  std::string question;
  std::string reason;  // wrong_claim | missed_key_point | star | vague
  std::string quote;   // the answer's words it cites
  std::string target;  // the claim, key point or part it probes
  std::string hint;    // the follow-up question's hint
};

struct Evaluation {
  Scores scores;
  std::string feedback;
  std::string examples_or_corrections;
  std::vector<std::string> resources;
  std::string source;      // which coach graded: "offline", "gemini", "openai"
  Evidence evidence;       // what the grade rests on
  std::optional<FollowUp> follow_up;  // what an interviewer would ask next, when the answer leaves a gap
};

struct Answer {
  int question_id = 0;
  std::string text;        // "answer" in the API
  Evaluation evaluation;
  int attempts = 1;        // how many times this question was answered
  std::string answered_at;
};

// How a job posting's skill was practised: the questions that targeted it and their average technical score.
struct SkillCoverage {
  std::string skill;
  int questions = 0;  // answered questions that targeted it; 0: not practised
  double average = 0;
};

// One step of an adaptive session: the question asked at a difficulty, and how it went.
struct PathStep {
  int question_id = 0;
  std::string difficulty;
  int technical = 0;  // 0: not answered
};

struct FinalReport {
  double overall_score = 0;
  double avg_technical = 0;
  double avg_communication = 0;
  double avg_confidence = 0;
  std::vector<std::string> resources;
  int n_questions = 0;
  std::vector<std::string> strengths;     // what went well, in plain words
  std::vector<std::string> focus_areas;   // what to practise next, most important first
  std::vector<SkillCoverage> posting_coverage{};  // each skill the job posting named, when there was one
  std::vector<PathStep> difficulty_path{};        // an adaptive session's questions in order, with their difficulty
};

struct Meta {
  std::string name;
  std::string role;
  std::optional<std::string> domain;
  Level experience = Level::entry;
  Mode mode = Mode::technical;
  std::string role_family;  // the bank's family the role was mapped to
  std::string coach;        // the coach chosen at start ("offline", "gemini", "openai"); empty: the server's default
  Scoring scoring = Scoring::standard;
  std::vector<std::string> posting_skills{};  // the skills the job posting named at start, strongest first
  bool follow_ups = false;  // an answer that leaves a gap may add a follow-up question (on by default at start)
  bool adaptive = false;    // each next question is chosen after the last answer, harder or easier
  int planned = 0;          // an adaptive session's length in planned questions (follow-ups aside)
  std::string profile_id{};  // the practice profile the session belongs to; empty: none (never in the API's JSON)
};

struct Session {
  std::string id;
  Meta meta;
  std::vector<Question> questions;
  std::vector<Answer> answers;  // in question order
  std::optional<FinalReport> final_report;
  std::string created_at;
  Status status = Status::ongoing;
  long long version = 0;  // bumped by every write; lets readers cache a rendering safely


  const Question* find_question(int question_id) const;
  // The questions of the session's plan, follow-ups aside.
  int planned_questions() const;
  int last_planned_id() const;  // 0: none
};

}  // namespace prepbot::model

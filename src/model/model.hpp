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
};

struct Evaluation {
  Scores scores;
  std::string feedback;
  std::string examples_or_corrections;
  std::vector<std::string> resources;
  std::string source;      // which coach graded: "offline", "gemini", "openai"
  Evidence evidence;       // what the grade rests on
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
};

}  // namespace prepbot::model

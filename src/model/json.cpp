#include "model/json.hpp"

#include "model/levels.hpp"

namespace prepbot::model {

using json = nlohmann::ordered_json;

json to_json(const Question& question) {
  json out = {{"id", question.id},
              {"question", question.text},
              {"type", question.type},
              {"difficulty", question.difficulty},
              {"hint", question.hint}};
  if (!question.bank_id.empty()) out["bank_id"] = question.bank_id;  // for avoid_questions in later sessions
  return out;
}

json to_json(const Evaluation& evaluation) {
  return {{"scores",
           {{"technical", evaluation.scores.technical},
            {"communication", evaluation.scores.communication},
            {"confidence", evaluation.scores.confidence}}},
          {"feedback", evaluation.feedback},
          {"examples_or_corrections", evaluation.examples_or_corrections},
          {"resources", evaluation.resources},
          {"source", evaluation.source},
          {"evidence", evaluation.evidence}};
}

json to_json(const FinalReport& report) {
  return {{"overall_score", report.overall_score},
          {"avg_technical", report.avg_technical},
          {"avg_communication", report.avg_communication},
          {"avg_confidence", report.avg_confidence},
          {"resources", report.resources},
          {"n_questions", report.n_questions},
          {"strengths", report.strengths},
          {"focus_areas", report.focus_areas}};
}

json to_json(const Session& session) {
  json questions = json::array();
  for (const auto& question : session.questions) questions.push_back(to_json(question));
  json answers = json::array();
  for (const auto& answer : session.answers)
    answers.push_back({{"question_id", answer.question_id},
                       {"answer", answer.text},
                       {"evaluation", to_json(answer.evaluation)},
                       {"attempts", answer.attempts},
                       {"answered_at", answer.answered_at}});
  const Meta& meta = session.meta;
  return {{"session_id", session.id},
          {"meta",
           {{"name", meta.name},
            {"role", meta.role},
            {"domain", meta.domain ? json(*meta.domain) : json(nullptr)},
            {"experience", to_string(meta.experience)},
            {"mode", to_string(meta.mode)},
            {"role_family", meta.role_family},
            {"coach", meta.coach.empty() ? json(nullptr) : json(meta.coach)}}},
          {"questions", std::move(questions)},
          {"answers", std::move(answers)},
          {"final_report", session.final_report ? to_json(*session.final_report) : json(nullptr)},
          {"created_at", session.created_at},
          {"status", to_string(session.status)}};
}

json eval_response(const Answer& answer) {
  json out = to_json(answer.evaluation);
  out.erase("scores");
  json response = {{"question_id", answer.question_id},
                   {"scores", to_json(answer.evaluation)["scores"]},
                   {"attempts", answer.attempts}};
  response.update(out);
  return response;
}

json question_record(const Question& question) {
  json record = to_json(question);
  record["bank_id"] = question.bank_id;  // also when empty: the record's shape does not vary
  return record;
}

Question question_from_record(const json& record) {
  Question question;
  question.id = record.at("id").get<int>();
  question.text = record.at("question").get<std::string>();
  question.type = record.at("type").get<std::string>();
  question.difficulty = record.at("difficulty").get<std::string>();
  question.hint = record.at("hint").get<std::string>();
  question.bank_id = record.value("bank_id", "");
  return question;
}

Evaluation evaluation_from_json(const json& j) {
  Evaluation evaluation;
  const json& scores = j.at("scores");
  evaluation.scores = {scores.at("technical").get<int>(), scores.at("communication").get<int>(),
                       scores.at("confidence").get<int>()};
  evaluation.feedback = j.at("feedback").get<std::string>();
  evaluation.examples_or_corrections = j.value("examples_or_corrections", "");
  evaluation.resources = j.value("resources", std::vector<std::string>{});
  evaluation.source = j.value("source", "");
  evaluation.evidence = j.value("evidence", json::object());
  return evaluation;
}

FinalReport report_from_json(const json& j) {
  FinalReport report;
  report.overall_score = j.at("overall_score").get<double>();
  report.avg_technical = j.at("avg_technical").get<double>();
  report.avg_communication = j.at("avg_communication").get<double>();
  report.avg_confidence = j.at("avg_confidence").get<double>();
  report.resources = j.value("resources", std::vector<std::string>{});
  report.n_questions = j.at("n_questions").get<int>();
  report.strengths = j.value("strengths", std::vector<std::string>{});
  report.focus_areas = j.value("focus_areas", std::vector<std::string>{});
  return report;
}

}  // namespace prepbot::model

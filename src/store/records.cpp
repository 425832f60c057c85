#include "store/records.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "model/json.hpp"
#include "model/levels.hpp"
#include "store/session_store.hpp"

namespace prepbot::store {

using json = nlohmann::ordered_json;

model::Session to_session(const std::string& id, const SessionRow& row, const std::vector<AnswerRow>& answers) {
  model::Session session;
  session.id = id;
  try {
    session.meta.name = row.name;
    session.meta.role = row.role;
    session.meta.domain = row.domain;
    session.meta.experience = model::parse_level(row.experience).value();
    session.meta.mode = model::parse_mode(row.mode).value();
    session.meta.role_family = row.role_family;
    session.meta.coach = row.coach;
    session.meta.scoring = model::parse_scoring(row.scoring).value();
    session.meta.posting_skills = json::parse(row.posting_skills).get<std::vector<std::string>>();
    const json options = json::parse(row.options);
    session.meta.follow_ups = options.value("follow_ups", false);
    session.meta.adaptive = options.value("adaptive", false);
    session.meta.planned = options.value("planned", 0);
    session.meta.profile_id = row.profile_id.value_or("");
    for (const auto& record : json::parse(row.questions)) session.questions.push_back(model::question_from_record(record));
    if (row.final_report) session.final_report = model::report_from_json(json::parse(*row.final_report));
    session.status = model::parse_status(row.status).value();
    session.created_at = row.created_at;
    session.version = row.version;
    for (const auto& stored : answers) {
      model::Answer answer;
      answer.question_id = stored.question_id;
      answer.text = stored.text;
      answer.evaluation = model::evaluation_from_json(json::parse(stored.evaluation));
      answer.attempts = stored.attempts;
      answer.answered_at = stored.answered_at;
      session.answers.push_back(std::move(answer));
    }
  } catch (const std::exception& error) {  // json or optional errors: a record this code did not write
    throw StoreError(fmt::format("session {} has a malformed record: {}", id, error.what()));
  }
  return session;
}

std::string questions_column(const model::Session& session) {
  json questions = json::array();
  for (const auto& question : session.questions) questions.push_back(model::question_record(question));
  return questions.dump();
}

std::string evaluation_column(const model::Evaluation& evaluation) { return model::to_json(evaluation).dump(); }

std::string report_column(const model::FinalReport& report) { return model::to_json(report).dump(); }

std::string posting_skills_column(const model::Session& session) { return json(session.meta.posting_skills).dump(); }

std::string options_column(const model::Session& session) {
  return json{{"follow_ups", session.meta.follow_ups}, {"adaptive", session.meta.adaptive}, {"planned", session.meta.planned}}.dump();
}

std::optional<std::string> profile_column(const model::Session& session) {
  return session.meta.profile_id.empty() ? std::nullopt : std::optional(session.meta.profile_id);
}

std::string topics_column(const std::vector<std::string>& topics) { return json(topics).dump(); }

std::vector<std::string> topics_from_column(const std::string& column) {
  try {
    return json::parse(column).get<std::vector<std::string>>();
  } catch (const std::exception& error) {
    throw StoreError(fmt::format("a practice record has malformed topics: {}", error.what()));
  }
}

std::optional<std::string> extended_questions(const std::string& column, const AddQuestions& add,
                                              std::vector<model::Question>& added) {
  std::vector<model::Question> questions;
  json records;
  try {
    records = json::parse(column);
    for (const auto& record : records) questions.push_back(model::question_from_record(record));
  } catch (const std::exception& error) {
    throw StoreError(fmt::format("a session has malformed questions: {}", error.what()));
  }
  added = add(questions);
  if (added.empty()) return std::nullopt;
  for (const auto& question : added) records.push_back(model::question_record(question));
  return records.dump();
}

}  // namespace prepbot::store

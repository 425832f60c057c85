#pragma once
// The interview model as JSON, in the seed's shapes (field names and nesting as
// its Pydantic models), plus the storage form of the parts the stores keep as JSON.
#include <nlohmann/json.hpp>

#include "model/model.hpp"

namespace prepbot::model {

nlohmann::ordered_json to_json(const Question& question);  // {id, question, type, difficulty, hint, bank_id?}
nlohmann::ordered_json to_json(const Evidence& evidence);
nlohmann::ordered_json to_json(const SpokenDelivery& delivery);  // seconds and rates rounded to 0.1
nlohmann::ordered_json to_json(const FollowUp& follow_up);
nlohmann::ordered_json to_json(const Evaluation& evaluation);
nlohmann::ordered_json to_json(const FinalReport& report);
nlohmann::ordered_json to_json(const Session& session);     // the seed's Session object
// The answer route's response: the seed's EvalResponse plus source, evidence, attempts
// (and, set by the interview, the follow-up and next questions this answer added).
nlohmann::ordered_json eval_response(const Answer& answer);

// Storage forms; the reverse functions throw nlohmann::ordered_json::exception on a bad record.
nlohmann::ordered_json question_record(const Question& question);  // adds the bank id and topic
Question question_from_record(const nlohmann::ordered_json& record);
Evaluation evaluation_from_json(const nlohmann::ordered_json& json);
Evidence evidence_from_json(const nlohmann::ordered_json& json);  // tolerant of missing fields
FinalReport report_from_json(const nlohmann::ordered_json& json);

}  // namespace prepbot::model

#include "model/json.hpp"

#include <algorithm>
#include <cmath>

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
  if (!question.targets.empty()) out["targets"] = question.targets;
  if (question.parent_id != 0) out["parent_id"] = question.parent_id;
  return out;
}

json to_json(const FollowUp& follow_up) {
  return {{"question", follow_up.question}, {"reason", follow_up.reason}, {"quote", follow_up.quote}, {"target", follow_up.target}, {"hint", follow_up.hint}};
}

namespace {

json scores_json(const Scores& scores) {
  return {{"technical", scores.technical}, {"communication", scores.communication}, {"confidence", scores.confidence}};
}

Scores scores_from(const json& j) {
  return {j.at("technical").get<int>(), j.at("communication").get<int>(), j.at("confidence").get<int>()};
}

json covered_json(const std::vector<CoveredPoint>& points, const char* name) {
  json out = json::array();
  for (const auto& covered : points) {
    json item = {{name, covered.point}, {"quote", covered.quote}};
    if (!covered.synonym.empty()) item["synonym"] = covered.synonym;
    if (!covered.concept_id.empty()) item["concept"] = covered.concept_id;
    out.push_back(std::move(item));
  }
  return out;
}

std::vector<CoveredPoint> covered_from(const json& evidence, const char* key, const char* name) {
  std::vector<CoveredPoint> out;
  const auto it = evidence.find(key);
  if (it == evidence.end() || !it->is_array()) return out;
  for (const auto& item : *it)
    if (item.is_object() && item.contains(name) && item[name].is_string())
      out.push_back({item[name].get<std::string>(), item.value("quote", ""), item.value("synonym", ""), item.value("concept", "")});
  return out;
}

double rounded(double value, double step) { return std::round(value / step) * step; }

}  // namespace

json to_json(const SpokenDelivery& d) {
  json pauses = json::array();
  double longest = 0;
  for (const auto& pause : d.pauses) {
    pauses.push_back({{"start_seconds", rounded(pause.start, 0.1)}, {"length_seconds", rounded(pause.length, 0.1)}});
    longest = std::max(longest, pause.length);
  }
  return {{"duration_seconds", rounded(d.duration_seconds, 0.1)},
          {"speaking_seconds", rounded(d.speaking_seconds, 0.1)},
          {"words", d.words},
          {"words_per_minute", std::round(d.words_per_minute)},  // the figure its verdict names
          {"pauses", std::move(pauses)},
          {"longest_pause_seconds", rounded(longest, 0.1)},
          {"filler_count", d.filler_count},
          {"fillers_per_minute", rounded(d.fillers_per_minute, 0.1)},
          {"verdicts", {{"pace", d.pace}, {"pausing", d.pausing}, {"fillers", d.fillers}}},
          {"communication_effect", d.communication_effect}};
}

namespace {

SpokenDelivery delivery_from_json(const json& j) {
  SpokenDelivery d;
  d.duration_seconds = j.value("duration_seconds", 0.0);
  d.speaking_seconds = j.value("speaking_seconds", 0.0);
  d.words = j.value("words", 0);
  d.words_per_minute = j.value("words_per_minute", 0.0);
  if (const auto it = j.find("pauses"); it != j.end() && it->is_array())
    for (const auto& pause : *it)
      if (pause.is_object()) d.pauses.push_back({pause.value("start_seconds", 0.0), pause.value("length_seconds", 0.0)});
  d.filler_count = j.value("filler_count", 0);
  d.fillers_per_minute = j.value("fillers_per_minute", 0.0);
  if (const auto it = j.find("verdicts"); it != j.end() && it->is_object()) {
    d.pace = it->value("pace", "");
    d.pausing = it->value("pausing", "");
    d.fillers = it->value("fillers", "");
  }
  d.communication_effect = j.value("communication_effect", 0);
  return d;
}

}  // namespace

json to_json(const Evidence& e) {
  json out = json::object();
  if (e.guard) out["guard"] = *e.guard;
  out["matched_bank"] = e.matched_bank;
  if (e.graded) {
    out["correctness_checked"] = e.correctness_checked;
    out["key_points_covered"] = covered_json(e.key_points_covered, "point");
    out["key_points_missed"] = e.key_points_missed;
    json wrong = json::array();
    for (const auto& m : e.misconceptions) {
      json item = {{"claim", m.claim}, {"correction", m.correction}, {"quote", m.quote}};
      if (!m.concept_id.empty()) item["concept"] = m.concept_id;
      wrong.push_back(std::move(item));
    }
    out["misconceptions"] = std::move(wrong);
    json concepts = json::array();
    for (const auto& c : e.concepts) concepts.push_back({{"id", c.id}, {"name", c.name}});
    out["concepts"] = std::move(concepts);
    out["claims"] = covered_json(e.claims, "claim");
    out["relevance"] = rounded(e.relevance, 0.01);
    if (e.technical_range) out["technical_range"] = {e.technical_range->low, e.technical_range->high};
    out["filler_count"] = e.filler_count;
    out["hedge_count"] = e.hedge_count;
    out["word_count"] = e.word_count;
    out["sentence_count"] = e.sentence_count;
    out["misspelled"] = e.misspelled;
    out["reading_ease"] = std::round(e.reading_ease);
    out["star"] = {{"situation", e.star.situation}, {"task", e.star.task}, {"action", e.star.action}, {"result", e.star.result}};
    if (e.phrasing)
      out["phrasing"] = {{"confidently_wrong", rounded(e.phrasing->confidently_wrong, 0.01)}, {"phrases", e.phrasing->phrases}};
  }
  if (e.nearest_bank_questions) {
    json near = json::array();
    for (const auto& q : *e.nearest_bank_questions)
      near.push_back({{"id", q.id}, {"question", q.question}, {"similarity", rounded(q.similarity, 0.01)}});
    out["nearest_bank_questions"] = std::move(near);
  }
  if (e.delivery) out["delivery"] = to_json(*e.delivery);
  if (e.fallback) out["fallback"] = {{"provider", e.fallback->provider}, {"reason", e.fallback->reason}};
  if (e.offline_scores) out["offline_scores"] = scores_json(*e.offline_scores);
  if (e.disagreement) out["disagreement"] = *e.disagreement;
  if (!e.disagreement_reason.empty()) out["disagreement_reason"] = e.disagreement_reason;
  return out;
}

// Tolerant: an evidence object stored by an earlier version, or by an LLM
// coach, may lack any field; what is absent keeps its default.
Evidence evidence_from_json(const json& j) {
  Evidence e;
  if (!j.is_object()) return e;
  if (const auto it = j.find("guard"); it != j.end() && it->is_string()) e.guard = it->get<std::string>();
  e.matched_bank = j.value("matched_bank", false);
  e.graded = j.contains("word_count");
  e.correctness_checked = j.value("correctness_checked", e.matched_bank);
  e.key_points_covered = covered_from(j, "key_points_covered", "point");
  if (const auto it = j.find("key_points_missed"); it != j.end() && it->is_array())
    for (const auto& item : *it)
      if (item.is_string()) e.key_points_missed.push_back(item.get<std::string>());
  if (const auto it = j.find("misconceptions"); it != j.end() && it->is_array())
    for (const auto& item : *it)
      if (item.is_object())
        e.misconceptions.push_back({item.value("claim", ""), item.value("correction", ""), item.value("quote", ""),
                                    item.value("concept", "")});
  if (const auto it = j.find("concepts"); it != j.end() && it->is_array())
    for (const auto& item : *it)
      if (item.is_object()) e.concepts.push_back({item.value("id", ""), item.value("name", "")});
  e.claims = covered_from(j, "claims", "claim");
  e.relevance = j.value("relevance", 0.0);
  if (const auto it = j.find("technical_range"); it != j.end() && it->is_array() && it->size() == 2)
    e.technical_range = ScoreRange{(*it)[0].get<int>(), (*it)[1].get<int>()};
  e.filler_count = j.value("filler_count", 0);
  e.hedge_count = j.value("hedge_count", 0);
  e.word_count = j.value("word_count", 0);
  e.sentence_count = j.value("sentence_count", 0);
  e.misspelled = j.value("misspelled", std::vector<std::string>{});
  e.reading_ease = j.value("reading_ease", 0.0);
  if (const auto it = j.find("star"); it != j.end() && it->is_object())
    e.star = {it->value("situation", false), it->value("task", false), it->value("action", false), it->value("result", false)};
  if (const auto it = j.find("phrasing"); it != j.end() && it->is_object())
    e.phrasing = Phrasing{it->value("confidently_wrong", 0.0), it->value("phrases", std::vector<std::string>{})};
  if (const auto it = j.find("nearest_bank_questions"); it != j.end() && it->is_array()) {
    e.nearest_bank_questions.emplace();
    for (const auto& item : *it)
      if (item.is_object())
        e.nearest_bank_questions->push_back({item.value("id", ""), item.value("question", ""), item.value("similarity", 0.0)});
  }
  if (const auto it = j.find("delivery"); it != j.end() && it->is_object()) e.delivery = delivery_from_json(*it);
  if (const auto it = j.find("fallback"); it != j.end() && it->is_object())
    e.fallback = Fallback{it->value("provider", ""), it->value("reason", "")};
  if (const auto it = j.find("offline_scores"); it != j.end() && it->is_object()) e.offline_scores = scores_from(*it);
  if (const auto it = j.find("disagreement"); it != j.end() && it->is_boolean()) e.disagreement = it->get<bool>();
  e.disagreement_reason = j.value("disagreement_reason", "");
  return e;
}

json to_json(const Evaluation& evaluation) {
  return {{"scores", scores_json(evaluation.scores)},
          {"feedback", evaluation.feedback},
          {"examples_or_corrections", evaluation.examples_or_corrections},
          {"resources", evaluation.resources},
          {"source", evaluation.source},
          {"evidence", to_json(evaluation.evidence)},
          {"follow_up", evaluation.follow_up ? to_json(*evaluation.follow_up) : json(nullptr)}};
}

json coverage_json(const std::vector<SkillCoverage>& coverage) {
  json out = json::array();
  for (const auto& c : coverage) out.push_back({{"skill", c.skill}, {"questions", c.questions}, {"average", c.average}});
  return out;
}

json path_json(const std::vector<PathStep>& path) {
  json out = json::array();
  for (const auto& step : path)
    out.push_back({{"question_id", step.question_id}, {"difficulty", step.difficulty}, {"technical", step.technical}});
  return out;
}

json to_json(const FinalReport& report) {
  return {{"overall_score", report.overall_score},
          {"avg_technical", report.avg_technical},
          {"avg_communication", report.avg_communication},
          {"avg_confidence", report.avg_confidence},
          {"resources", report.resources},
          {"n_questions", report.n_questions},
          {"strengths", report.strengths},
          {"focus_areas", report.focus_areas},
          {"posting_coverage", coverage_json(report.posting_coverage)},
          {"difficulty_path", path_json(report.difficulty_path)}};
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
            {"coach", meta.coach.empty() ? json(nullptr) : json(meta.coach)},
            {"scoring", to_string(meta.scoring)},
            {"posting_skills", meta.posting_skills},
            {"follow_ups", meta.follow_ups},
            {"adaptive", meta.adaptive},
            {"planned_questions", meta.adaptive ? json(meta.planned) : json(nullptr)}}},
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
  if (!question.topic.empty()) record["topic"] = question.topic;
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
  question.targets = record.value("targets", std::vector<std::string>{});
  question.parent_id = record.value("parent_id", 0);
  question.topic = record.value("topic", "");
  return question;
}

Evaluation evaluation_from_json(const json& j) {
  Evaluation evaluation;
  evaluation.scores = scores_from(j.at("scores"));
  evaluation.feedback = j.at("feedback").get<std::string>();
  evaluation.examples_or_corrections = j.value("examples_or_corrections", "");
  evaluation.resources = j.value("resources", std::vector<std::string>{});
  evaluation.source = j.value("source", "");
  if (const auto it = j.find("evidence"); it != j.end()) evaluation.evidence = evidence_from_json(*it);
  if (const auto it = j.find("follow_up"); it != j.end() && it->is_object())
    evaluation.follow_up = FollowUp{it->value("question", ""), it->value("reason", ""), it->value("quote", ""), it->value("target", ""),
                                   it->value("hint", "")};
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
  if (const auto it = j.find("posting_coverage"); it != j.end() && it->is_array())
    for (const auto& c : *it)
      if (c.is_object()) report.posting_coverage.push_back({c.value("skill", ""), c.value("questions", 0), c.value("average", 0.0)});
  if (const auto it = j.find("difficulty_path"); it != j.end() && it->is_array())
    for (const auto& step : *it)
      if (step.is_object()) report.difficulty_path.push_back({step.value("question_id", 0), step.value("difficulty", ""), step.value("technical", 0)});
  return report;
}

}  // namespace prepbot::model

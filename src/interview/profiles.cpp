#include "interview/profiles.hpp"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "interview/errors.hpp"
#include "interview/review.hpp"
#include "interview/tokens.hpp"
#include "model/json.hpp"
#include "model/levels.hpp"
#include "util/clock.hpp"
#include "util/digest.hpp"
#include "util/random.hpp"

namespace prepbot::interview {

using json = nlohmann::ordered_json;

namespace {

constexpr std::string_view kExportFormat = "prepbot-profile";

const char* const kNoToken = "A practice profile's token is required: send it as \"Authorization: Bearer <token>\"";
const char* const kWrongToken = "This profile token is not valid";

// A UUID-shaped id that one profile always derives from one original id.
std::string derived_id(const std::string& profile_id, const std::string& original) {
  return util::uuid_layout(util::sha256_hex(profile_id + "\n" + original));
}

json session_record(const model::Session& session) {
  json record = model::to_json(session);
  json questions = json::array();
  for (const auto& question : session.questions) questions.push_back(model::question_record(question));
  record["questions"] = std::move(questions);
  record["version"] = session.version;
  return record;
}

template <class T>
T required(const std::optional<T>& value, const char* what) {
  if (!value) throw std::invalid_argument(what);
  return *value;
}

model::Session session_from_record(const json& record) {
  model::Session session;
  session.id = record.at("session_id").get<std::string>();
  const json& meta = record.at("meta");
  session.meta.name = meta.at("name").get<std::string>();
  session.meta.role = meta.at("role").get<std::string>();
  if (!meta.at("domain").is_null()) session.meta.domain = meta.at("domain").get<std::string>();
  session.meta.experience = required(model::parse_level(meta.at("experience").get<std::string>()), "an unknown experience");
  session.meta.mode = required(model::parse_mode(meta.at("mode").get<std::string>()), "an unknown mode");
  session.meta.role_family = meta.at("role_family").get<std::string>();
  if (!meta.at("coach").is_null()) session.meta.coach = meta.at("coach").get<std::string>();
  session.meta.scoring = required(model::parse_scoring(meta.at("scoring").get<std::string>()), "an unknown scoring");
  session.meta.posting_skills = meta.at("posting_skills").get<std::vector<std::string>>();
  session.meta.follow_ups = meta.at("follow_ups").get<bool>();
  session.meta.adaptive = meta.at("adaptive").get<bool>();
  if (!meta.at("planned_questions").is_null()) session.meta.planned = meta.at("planned_questions").get<int>();
  for (const auto& question : record.at("questions")) session.questions.push_back(model::question_from_record(question));
  for (const auto& stored : record.at("answers")) {
    model::Answer answer;
    answer.question_id = stored.at("question_id").get<int>();
    answer.text = stored.at("answer").get<std::string>();
    answer.evaluation = model::evaluation_from_json(stored.at("evaluation"));
    answer.attempts = stored.at("attempts").get<int>();
    answer.answered_at = stored.at("answered_at").get<std::string>();
    if (!session.find_question(answer.question_id)) throw std::invalid_argument("an answer to a question the session does not have");
    session.answers.push_back(std::move(answer));
  }
  if (!record.at("final_report").is_null()) session.final_report = model::report_from_json(record.at("final_report"));
  session.created_at = record.at("created_at").get<std::string>();
  session.status = required(model::parse_status(record.at("status").get<std::string>()), "an unknown status");
  session.version = record.value("version", 0LL);
  return session;
}

json card_record(const store::ReviewCard& card) {
  return {{"key", card.key},           {"kind", card.kind},
          {"label", card.label},       {"question", json::parse(card.question)},
          {"ease", card.ease},         {"interval_days", card.interval_days},
          {"repetitions", card.repetitions}, {"lapses", card.lapses},
          {"last_score", card.last_score},   {"due", card.due},
          {"updated_at", card.updated_at}};
}

store::ReviewCard card_from_record(const json& record) {
  store::ReviewCard card{record.at("key").get<std::string>(), record.at("kind").get<std::string>(),
                         record.at("label").get<std::string>(),
                         model::question_record(model::question_from_record(record.at("question"))).dump(),
                         record.at("ease").get<double>(), record.at("interval_days").get<int>(),
                         record.at("repetitions").get<int>(), record.at("lapses").get<int>(),
                         record.at("last_score").get<int>(), record.at("due").get<std::string>(),
                         record.at("updated_at").get<std::string>()};
  if (card.kind != "question" && card.kind != "concept") throw std::invalid_argument("a review card of an unknown kind");
  if (!parse_iso_day(card.due)) throw std::invalid_argument("a review card with a bad due date");
  return card;
}

// A field in double quotes, its own quotes doubled, when it holds one of `special`
// (RFC 4180's rule, which Anki's text import follows too).
std::string quoted_if(const std::string& value, std::string_view special) {
  if (value.find_first_of(special) == std::string::npos) return value;
  std::string quoted = "\"";
  for (char c : value) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + '"';
}

// One field of a CSV row; a cell a spreadsheet would run as a formula (=, +, -, @
// first) is opened with an apostrophe.
std::string csv_field(std::string value) {
  if (!value.empty() && std::string_view("=+-@\t\r").find(value.front()) != std::string_view::npos) value.insert(0, "'");
  return quoted_if(value, ",\"\r\n");
}

// One field of Anki's tab-separated import.
std::string anki_field(const std::string& value) { return quoted_if(value, "\t\"\r\n"); }

// An Anki tag: no spaces.
std::string tag(std::string text) {
  std::replace_if(text.begin(), text.end(), [](unsigned char c) { return c == ' ' || c == '\t'; }, '_');
  return text;
}

}  // namespace

store::Practice practice_of(const model::Question& question, const model::Answer& answer) {
  store::Practice practice;
  practice.question_id = answer.question_id;
  practice.answered_at = answer.answered_at;
  practice.kind = question.type;
  practice.scores = answer.evaluation.scores;
  if (question.type == "behavioral") {
    if (!question.topic.empty()) practice.topics.push_back(question.topic);
  } else {
    for (const auto& linked : answer.evaluation.evidence.concepts) practice.topics.push_back(linked.name);
  }
  return practice;
}

NewProfile Profiles::create() {
  const IssuedToken issued = issue_token();
  NewProfile profile{issued.id, issued.token, util::now_iso8601()};
  store_.create_profile({profile.id, issued.digest, profile.created_at});
  return profile;
}

std::string Profiles::authenticate(std::string_view token) {
  if (token.empty()) throw Unauthorized(kNoToken);
  const auto presented = read_token(token);
  if (!presented) throw Unauthorized(kWrongToken);
  const auto profile = store_.load_profile(presented->id);
  if (!token_matches(*presented, profile ? &profile->token_hash : nullptr)) throw Unauthorized(kWrongToken);
  return presented->id;
}

void Profiles::remove(const std::string& profile_id) {
  if (!store_.remove_profile(profile_id)) throw NotFound("Profile not found");
}

Progress Profiles::progress(const std::string& profile_id) { return compute_progress(store_.practice(profile_id)); }

Profiles::Schedule Profiles::review(const std::string& profile_id, std::chrono::sys_days day) {
  const auto cards = store_.review_cards(profile_id);
  Schedule schedule{due_cards(cards, day), cards.size(), ""};
  const std::string today = iso_day(day);
  for (const auto& card : cards)  // the store returns them soonest due first
    if (card.due > today) {
      schedule.next_due = card.due;
      break;
    }
  return schedule;
}

std::vector<model::Session> Profiles::sessions_of(const std::string& profile_id) {
  std::vector<model::Session> sessions;
  for (const auto& id : store_.profile_sessions(profile_id))
    if (auto session = store_.load(id)) sessions.push_back(std::move(*session));  // erased meanwhile: left out
  return sessions;
}

json Profiles::export_json(const std::string& profile_id) {
  const auto profile = store_.load_profile(profile_id);
  if (!profile) throw NotFound("Profile not found");
  json sessions = json::array();
  for (const auto& session : sessions_of(profile_id)) {
    json record = session_record(session);
    json notes = json::array();
    for (const auto& note : store_.notes(session.id))
      notes.push_back({{"question_id", note.question_id}, {"note", note.note}, {"share_id", note.share_id},
                       {"created_at", note.created_at}});
    record["mentor_notes"] = std::move(notes);
    sessions.push_back(std::move(record));
  }
  json cards = json::array();
  for (const auto& card : store_.review_cards(profile_id)) cards.push_back(card_record(card));
  return {{"format", kExportFormat},
          {"version", kExportVersion},
          {"exported_at", util::now_iso8601()},
          {"profile", {{"id", profile->id}, {"created_at", profile->created_at}}},
          {"sessions", std::move(sessions)},
          {"review_cards", std::move(cards)}};
}

std::string Profiles::export_csv(const std::string& profile_id) {
  std::string csv =
      "session_id,session_started,role,mode,question_id,question,type,difficulty,answer,technical,communication,"
      "confidence,feedback,attempts,answered_at\r\n";
  for (const auto& session : sessions_of(profile_id))
    for (const auto& answer : session.answers) {
      const model::Question* question = session.find_question(answer.question_id);
      const auto& s = answer.evaluation.scores;
      const std::vector<std::string> row = {session.id, session.created_at, session.meta.role,
                                            std::string(model::to_string(session.meta.mode)),
                                            std::to_string(answer.question_id), question ? question->text : "",
                                            question ? question->type : "", question ? question->difficulty : "",
                                            answer.text, std::to_string(s.technical), std::to_string(s.communication),
                                            std::to_string(s.confidence), answer.evaluation.feedback,
                                            std::to_string(answer.attempts), answer.answered_at};
      for (std::size_t i = 0; i < row.size(); ++i) csv += (i ? "," : "") + csv_field(row[i]);
      csv += "\r\n";
    }
  return csv;
}

std::string Profiles::export_anki(const std::string& profile_id) {
  // Anki's text import (Anki 2.1.55+ reads these headers): tab-separated, plain text, tags in column 3.
  std::string deck = "#separator:tab\n#html:false\n#columns:Front\tBack\tTags\n#tags column:3\n";
  // The latest weak answer to each question (technical 5 or less), with the stronger answer the coach gave.
  std::map<std::string, std::pair<const model::Question*, const model::Answer*>> weak;
  const auto sessions = sessions_of(profile_id);
  std::map<std::string, const model::Session*> session_of_key;
  for (const auto& session : sessions)
    for (const auto& answer : session.answers) {
      const model::Question* question = session.find_question(answer.question_id);
      if (!question || review_quality(answer.evaluation.scores.technical) >= kSm2.passing_quality) continue;
      const std::string key = question_card_key(*question);
      weak[key] = {question, &answer};
      session_of_key[key] = &session;
    }
  for (const auto& [key, entry] : weak) {
    const auto& [question, answer] = entry;
    std::string back = answer->evaluation.examples_or_corrections;
    if (!answer->evaluation.evidence.key_points_missed.empty()) {
      back += "\n\nKey points to cover:";
      for (const auto& point : answer->evaluation.evidence.key_points_missed) back += "\n- " + point;
    }
    std::string tags = "prepbot " + tag(session_of_key[key]->meta.role_family) + " " + tag(question->type);
    if (!question->topic.empty()) tags += " " + tag(question->topic);
    for (const auto& linked : answer->evaluation.evidence.concepts) tags += " " + tag(linked.name);
    deck += anki_field(question->text) + "\t" + anki_field(back) + "\t" + anki_field(tags) + "\n";
  }
  return deck;
}

Imported Profiles::import_json(const std::string& profile_id, const json& document) {
  if (!document.is_object() || document.value("format", "") != kExportFormat)
    throw BadRequest("This is not a PrepBot profile export (its \"format\" is not \"prepbot-profile\")");
  if (!document.contains("version") || !document["version"].is_number_integer() || document["version"].get<int>() > kExportVersion)
    throw BadRequest(fmt::format("This export's version is not one this PrepBot reads (it reads up to {})", kExportVersion));
  std::vector<model::Session> sessions;
  std::vector<std::vector<store::MentorNote>> notes;  // each session's
  std::vector<store::ReviewCard> cards;
  const auto own = store_.profile_sessions(profile_id);
  Imported imported;
  try {
    for (const auto& record : document.at("sessions")) {
      model::Session session = session_from_record(record);
      if (std::find(own.begin(), own.end(), session.id) != own.end()) {  // the profile's own export, brought back
        ++imported.skipped;
        continue;
      }
      session.id = derived_id(profile_id, session.id);
      session.meta.profile_id = profile_id;
      std::vector<store::MentorNote>& kept = notes.emplace_back();
      for (const auto& note : record.value("mentor_notes", json::array()))
        kept.push_back({note.at("question_id").get<int>(), note.at("note").get<std::string>(),
                        note.at("share_id").get<std::string>(), note.at("created_at").get<std::string>()});
      sessions.push_back(std::move(session));
    }
    for (const auto& record : document.at("review_cards")) cards.push_back(card_from_record(record));
  } catch (const std::exception& error) {  // json type, range or missing-key errors, or a bad value
    throw BadRequest(fmt::format("The export is damaged: {}", error.what()));
  }
  for (std::size_t i = 0; i < sessions.size(); ++i) {
    const model::Session& session = sessions[i];
    std::vector<store::Practice> practice;
    for (const auto& answer : session.answers) practice.push_back(practice_of(*session.find_question(answer.question_id), answer));
    if (store_.import_session(session, practice, notes[i])) ++imported.sessions;
    else ++imported.skipped;
  }
  // Cards the profile does not have yet; one it has keeps its own schedule.
  store_.update_review_cards(profile_id, [&](const std::vector<store::ReviewCard>& existing) {
    std::set<std::string> have;
    for (const auto& card : existing) have.insert(card.key);
    std::vector<store::ReviewCard> added;
    for (const auto& card : cards)
      if (have.insert(card.key).second) added.push_back(card);
    imported.cards = static_cast<int>(added.size());
    return added;
  });
  return imported;
}

}  // namespace prepbot::interview

// The API's handlers. Each one parses its input, calls one function of the
// interview service and writes the result; errors go to error_response().
#include "http/api.hpp"

#include "http/download.hpp"
#include "http/errors.hpp"
#include "http/request_parsing.hpp"
#include "interview/review.hpp"
#include "model/json.hpp"
#include "speech/audio.hpp"
#include <cmath>

#include "util/base64.hpp"
#include "util/text.hpp"

namespace prepbot::http {

using json = nlohmann::ordered_json;

namespace {

// Completes an asynchronous call: the value through `write`, an error through error_response().
template <class T, class Write>
util::Callback<T> reply_with(Reply reply, std::string request_id, Write write) {
  return [reply = std::move(reply), request_id = std::move(request_id), write = std::move(write)](util::Result<T> result) {
    Response response;
    try {
      response = write(result.get());
    } catch (...) {
      response = error_response(std::current_exception(), request_id);
    }
    reply(std::move(response));
  };
}

json start_response(const interview::Started& started) {
  const model::Session& session = started.session;
  json questions = json::array();
  for (const auto& question : session.questions) questions.push_back(model::to_json(question));
  json response = {{"session_id", session.id}, {"questions", std::move(questions)}, {"role_family", session.meta.role_family}};
  if (!started.role_note.empty()) response["role_note"] = started.role_note;
  if (!started.posting_skills.empty()) response["posting_skills"] = started.posting_skills;
  if (session.meta.adaptive) response["planned_questions"] = session.meta.planned;
  if (!session.meta.profile_id.empty()) response["review_questions"] = started.review_questions;
  return response;
}

// The seed's EvalResponse and what the answer added: `follow_up` (a question with
// parent_id, and why it is asked) and `next_question` (adaptive sessions); null when none.
json answer_response(const interview::Answered& saved) {
  json response = model::eval_response(saved.answer);
  response["follow_up"] = nullptr;
  if (saved.follow_up) {
    response["follow_up"] = model::to_json(*saved.follow_up);
    if (const auto& why = saved.answer.evaluation.follow_up) {
      response["follow_up"]["reason"] = why->reason;
      response["follow_up"]["quote"] = why->quote;
    }
  }
  response["next_question"] = saved.next_question ? model::to_json(*saved.next_question) : json(nullptr);
  return response;
}

// A spoken answer's reply: the usual one, with the words heard and how they were spoken.
json spoken_response(json response, const std::string& transcript, const model::Evaluation& evaluation) {
  response["transcript"] = transcript;
  response["delivery"] = evaluation.evidence.delivery ? model::to_json(*evaluation.evidence.delivery) : json(nullptr);
  return response;
}

using Interview = interview::InterviewService;

// 503 only when the store is down; a missing LLM model is reported, not fatal (the offline coach answers).
Handler health(store::SessionStore& store, Interview& interview) {
  return [&store, &interview](Request&, const Reply& reply) {
    const bool ok = store.ping();
    json body = {{"status", ok ? "ok" : "unavailable"}, {"store", ok ? "ok" : "unreachable"}};
    for (const auto& [name, coach] : interview.coaches().by_name)
      if (const auto state = coach->health())
        body["coaches"][name] = {{"model", state->model}, {"model_status", state->model_status}};
    reply(Response::json(ok ? 200 : 503, std::move(body)));
  };
}

// The practice profile a request's "Authorization: Bearer <token>" opens (401 without a valid one).
std::string profile_of(Interview& interview, const Request& request) {
  const auto header = request.headers.find("authorization");
  std::string_view value = header == request.headers.end() ? std::string_view() : std::string_view(header->second);
  constexpr std::string_view scheme = "bearer ";
  if (value.size() > scheme.size() && util::to_lower_ascii(value.substr(0, scheme.size())) == scheme) value.remove_prefix(scheme.size());
  else value = {};
  return interview.profiles().authenticate(util::trim(value));
}

bool has_authorization(const Request& request) { return request.headers.count("authorization") > 0; }

Handler start(Interview& interview) {
  return [&interview](Request& request, const Reply& reply) {
    // With a token the session is the profile's; a wrong token is refused (before the body is read), never ignored.
    const std::string profile = has_authorization(request) ? profile_of(interview, request) : std::string();
    auto input = parse_start_request(request.body);
    input.profile_id = input.review && profile.empty() ? profile_of(interview, request) : profile;
    interview.start(std::move(input),
                    reply_with<interview::Started>(reply, request.request_id, [](const interview::Started& started) {
                      return Response::json(200, start_response(started));
                    }));
  };
}

Handler get_session(Interview& interview) {
  return [&interview](Request& request, const Reply& reply) {
    Response response;
    response.body = *interview.get_document(request.path_params.at("id"));
    reply(std::move(response));
  };
}

Handler delete_session(Interview& interview) {
  return [&interview](Request& request, const Reply& reply) {
    const std::string& id = request.path_params.at("id");
    interview.remove(id);
    reply(Response::json(200, {{"session_id", id}, {"deleted", true}}));
  };
}

Handler answer(Interview& interview) {
  return [&interview](Request& request, const Reply& reply) {
    interview.answer(request.path_params.at("id"), parse_answer_request(request.body),
                     reply_with<interview::Answered>(reply, request.request_id, [](const interview::Answered& saved) {
                       return Response::json(200, answer_response(saved));
                     }));
  };
}

Handler finalize(Interview& interview) {
  return [&interview](Request& request, const Reply& reply) {
    reply(Response::json(200, model::to_json(interview.finalize(request.path_params.at("id")))));
  };
}

Handler evaluate(Interview& interview) {
  return [&interview](Request& request, const Reply& reply) {
    interview.evaluate(parse_evaluate_request(request.body),
                       reply_with<model::Evaluation>(reply, request.request_id, [](const model::Evaluation& evaluation) {
                         return Response::json(200, model::to_json(evaluation));
                       }));
  };
}

interview::SpokenInput spoken_input(Request& request, std::optional<std::string> transcript) {
  const auto type = request.headers.find("content-type");
  return {std::move(request.body), type == request.headers.end() ? std::string() : type->second, std::move(transcript)};
}

// POST …/answer/audio?question_id=N[&transcript=…]: the recording is the body.
Handler answer_audio(Interview& interview) {
  return [&interview](Request& request, const Reply& reply) {
    auto query = parse_spoken_answer_query(request.query);
    interview.answer_spoken(request.path_params.at("id"), query.question_id,
                            spoken_input(request, std::move(query.transcript)),
                            reply_with<interview::SpokenAnswered>(reply, request.request_id, [](const interview::SpokenAnswered& saved) {
                              return Response::json(200, spoken_response(answer_response(saved.answered), saved.transcript,
                                                                         saved.answered.answer.evaluation));
                            }));
  };
}

// POST /interview/evaluate/audio?question=…: a spoken answer graded on its own, nothing stored.
Handler evaluate_audio(Interview& interview) {
  return [&interview](Request& request, const Reply& reply) {
    auto query = parse_spoken_evaluate_query(request.query);
    interview.evaluate_spoken(std::move(query.input), spoken_input(request, std::move(query.transcript)),
                              reply_with<interview::SpokenEvaluation>(reply, request.request_id, [](const interview::SpokenEvaluation& out) {
                                return Response::json(200, spoken_response(model::to_json(out.evaluation), out.transcript, out.evaluation));
                              }));
  };
}

// The text of an uploaded PDF, to paste as a job posting or résumé: {text, pages, pages_read, truncated, characters}.
Handler extract_text(Interview& interview) {
  return [&interview](Request& request, const Reply& reply) {
    interview.extract_text(std::move(request.body), reply_with<documents::ExtractedText>(
                                                        reply, request.request_id, [](const documents::ExtractedText& out) {
                                                          return Response::json(200, {{"text", out.text},
                                                                                      {"characters", util::utf8_length(out.text)},
                                                                                      {"pages", out.pages},
                                                                                      {"pages_read", out.pages_read},
                                                                                      {"truncated", out.truncated}});
                                                        }));
  };
}

// The seed's four export routes: the PDF itself, or {filename, pdf_data, content_type}.
Response export_response(const interview::ExportedReport& report, const char* kind, bool base64) {
  if (base64)
    return Response::json(200, {{"filename", ascii_filename(report.candidate, kind)},
                                {"pdf_data", util::base64_encode(report.pdf)},
                                {"content_type", "application/pdf"}});
  Response response;
  response.content_type = "application/pdf";
  response.body = report.pdf;
  response.headers.emplace_back("Content-Disposition", content_disposition(report.candidate, kind));
  return response;
}

Handler export_report(Interview& interview, interview::ReportKind kind, bool base64) {
  using Exported = std::shared_ptr<const interview::ExportedReport>;
  return [&interview, kind, base64](Request& request, const Reply& reply) {
    const char* name = kind == interview::ReportKind::full ? "full" : "summary";
    interview.export_report(request.path_params.at("id"), kind,
                            reply_with<Exported>(reply, request.request_id, [name, base64](const Exported& report) {
                              return export_response(*report, name, base64);
                            }));
  };
}

Handler chart(Interview& interview, interview::ChartKind kind) {
  return [&interview, kind](Request& request, const Reply& reply) {
    Response response;
    response.content_type = "image/svg+xml";
    response.body = interview.chart_svg(request.path_params.at("id"), kind);
    reply(std::move(response));
  };
}

// --- practice profiles ---

json card_json(const store::ReviewCard& card) {
  json question;
  try {
    question = model::to_json(model::question_from_record(json::parse(card.question)));
  } catch (const std::exception&) {
    question = nullptr;
  }
  return {{"key", card.key},     {"kind", card.kind},         {"label", card.label},
          {"question", question}, {"due", card.due},           {"interval_days", card.interval_days},
          {"ease", std::round(card.ease * 100) / 100},        {"repetitions", card.repetitions},
          {"lapses", card.lapses}, {"last_score", card.last_score}};
}

json trend_json(const interview::Trend& t) {
  return {{"name", t.name},       {"answers", t.answers}, {"average", t.average}, {"earlier", t.earlier},
          {"later", t.later},     {"change", t.change},   {"verdict", t.verdict}, {"last_practised", t.last_practised}};
}

json progress_json(const std::string& profile_id, const interview::Progress& progress) {
  json timeline = json::array();
  for (const auto& p : progress.timeline)
    timeline.push_back({{"session_id", p.session_id}, {"date", p.date}, {"role", p.role}, {"role_family", p.role_family},
                        {"answers", p.answers}, {"technical", p.technical}, {"communication", p.communication},
                        {"confidence", p.confidence}, {"overall", p.overall}});
  auto trends = [](const std::vector<interview::Trend>& list) {
    json out = json::array();
    for (const auto& t : list) out.push_back(trend_json(t));
    return out;
  };
  return {{"profile_id", profile_id},          {"sessions", progress.sessions},
          {"answers", progress.answers},         {"timeline", std::move(timeline)},
          {"dimensions", trends(progress.dimensions)}, {"competencies", trends(progress.competencies)},
          {"concepts", trends(progress.concepts)},     {"roles", trends(progress.roles)},
          {"improved", progress.improved},       {"not_improved", progress.not_improved}};
}

Handler create_profile(Interview& interview) {
  return [&interview](Request&, const Reply& reply) {
    const auto profile = interview.profiles().create();
    reply(Response::json(201, {{"profile_id", profile.id},
                               {"token", profile.token},
                               {"created_at", profile.created_at},
                               {"note", "Keep this token: it is shown once, and it is the only way into this profile."}}));
  };
}

Handler delete_profile(Interview& interview) {
  return [&interview](Request& request, const Reply& reply) {
    const std::string id = profile_of(interview, request);
    interview.profiles().remove(id);
    reply(Response::json(200, {{"profile_id", id}, {"deleted", true}}));
  };
}

Handler progress(Interview& interview) {
  return [&interview](Request& request, const Reply& reply) {
    const std::string id = profile_of(interview, request);
    reply(Response::json(200, progress_json(id, interview.profiles().progress(id))));
  };
}

// What is due today (the profile's review schedule), most overdue first.
Handler review(Interview& interview) {
  return [&interview](Request& request, const Reply& reply) {
    const auto day = interview::today();
    const auto schedule = interview.profiles().review(profile_of(interview, request), day);
    json due = json::array();
    for (const auto& card : schedule.due) due.push_back(card_json(card));
    reply(Response::json(200, {{"today", interview::iso_day(day)},
                               {"due", std::move(due)},
                               {"scheduled", schedule.scheduled},
                               {"next_due", schedule.next_due.empty() ? json(nullptr) : json(schedule.next_due)},
                               {"algorithm", "SM-2"}}));
  };
}

Response attachment(std::string body, const char* type, const std::string& file_name) {
  Response response;
  response.content_type = type;
  response.body = std::move(body);
  response.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + file_name + "\"");
  return response;
}

enum class ExportKind { json, csv, anki };

Handler export_profile(Interview& interview, ExportKind kind) {
  return [&interview, kind](Request& request, const Reply& reply) {
    const std::string id = profile_of(interview, request);
    auto& profiles = interview.profiles();
    switch (kind) {
      case ExportKind::json:
        return reply(attachment(profiles.export_json(id).dump(1, ' ', false, json::error_handler_t::replace),
                                "application/json", "prepbot-profile.json"));
      case ExportKind::csv:
        return reply(attachment(profiles.export_csv(id), "text/csv; charset=utf-8", "prepbot-answers.csv"));
      case ExportKind::anki:
        return reply(attachment(profiles.export_anki(id), "text/tab-separated-values; charset=utf-8", "prepbot-anki.txt"));
    }
  };
}

Handler import_profile(Interview& interview) {
  return [&interview](Request& request, const Reply& reply) {
    const std::string id = profile_of(interview, request);
    const auto imported = interview.profiles().import_json(id, parse_json_document(request.body, kMaxImportBytes));
    reply(Response::json(200, {{"profile_id", id},
                               {"sessions_imported", imported.sessions},
                               {"sessions_already_present", imported.skipped},
                               {"review_cards_imported", imported.cards}}));
  };
}

// --- share links for a mentor ---

// The profile a request's token opens, or empty without one (a wrong token is still 401).
std::string caller_profile(Interview& interview, const Request& request) {
  return has_authorization(request) ? profile_of(interview, request) : std::string();
}

json note_json(const store::MentorNote& note) {
  return {{"question_id", note.question_id}, {"note", note.note}, {"created_at", note.created_at}};
}

json notes_json(const std::vector<store::MentorNote>& notes) {
  json out = json::array();
  for (const auto& note : notes) out.push_back(note_json(note));
  return out;
}

Handler create_share(Interview& interview) {
  return [&interview](Request& request, const Reply& reply) {
    const auto share = interview.shares().create(request.path_params.at("id"), caller_profile(interview, request));
    reply(Response::json(201, {{"share_id", share.id},
                               {"token", share.token},
                               {"created_at", share.created_at},
                               {"view", "/shared/" + share.token},
                               {"report", "/shared/" + share.token + "/export/full"},
                               {"app", "/#shared=" + share.token}}));
  };
}

Handler list_shares(Interview& interview) {
  return [&interview](Request& request, const Reply& reply) {
    json shares = json::array();
    for (const auto& share : interview.shares().list(request.path_params.at("id"), caller_profile(interview, request)))
      shares.push_back({{"share_id", share.id}, {"created_at", share.created_at}});
    reply(Response::json(200, {{"shares", std::move(shares)}}));
  };
}

Handler revoke_share(Interview& interview) {
  return [&interview](Request& request, const Reply& reply) {
    const std::string& share_id = request.path_params.at("share_id");
    interview.shares().revoke(request.path_params.at("id"), share_id, caller_profile(interview, request));
    reply(Response::json(200, {{"share_id", share_id}, {"revoked", true}}));
  };
}

Handler session_notes(Interview& interview) {
  return [&interview](Request& request, const Reply& reply) {
    const auto notes = interview.shares().notes(request.path_params.at("id"), caller_profile(interview, request));
    reply(Response::json(200, {{"notes", notes_json(notes)}}));
  };
}

// What a mentor reads: the session without its id (the key to answer or erase it), and the notes so far.
Handler shared_session(Interview& interview) {
  return [&interview](Request& request, const Reply& reply) {
    const auto shared = interview.shares().open(request.path_params.at("token"));
    json session = model::to_json(shared.session);
    session.erase("session_id");
    reply(Response::json(200, {{"session", std::move(session)}, {"notes", notes_json(shared.notes)}}));
  };
}

Handler add_note(Interview& interview) {
  return [&interview](Request& request, const Reply& reply) {
    auto input = parse_note_request(request.body);
    const auto note = interview.shares().add_note(request.path_params.at("token"), input.question_id, std::move(input.note));
    reply(Response::json(201, note_json(note)));
  };
}

Handler shared_report(Interview& interview) {
  using Exported = std::shared_ptr<const interview::ExportedReport>;
  return [&interview](Request& request, const Reply& reply) {
    const std::string session_id = interview.shares().open(request.path_params.at("token")).session.id;
    interview.export_report(session_id, interview::ReportKind::full,
                            reply_with<Exported>(reply, request.request_id, [](const Exported& report) {
                              return export_response(*report, "full", false);
                            }));
  };
}

Handler metrics_text(const util::Metrics& metrics) {
  return [&metrics](Request&, const Reply& reply) {
    Response response;
    response.content_type = "text/plain; version=0.0.4; charset=utf-8";
    response.body = metrics.prometheus_text();
    reply(std::move(response));
  };
}

// The web app: "/", "/favicon.svg", "/js/main.js", "/css/app.css", …; "/docs" is the API
// documentation page, drawn from "/openapi.json".
Handler web_file(const StaticFiles& web) {
  return [&web](Request& request, const Reply& reply) {
    auto file = web.get(request.path == "/docs" ? "/docs.html" : request.path);
    reply(file ? std::move(*file) : Response::detail(404, "Not Found"));
  };
}

// Which coaches a session may choose at start ("coach" in the start request), and
// whether the server transcribes spoken answers itself ("transcriber": a name or null).
Handler coaches(Interview& interview) {
  return [&interview](Request&, const Reply& reply) {
    const speech::Transcriber* transcriber = interview.transcriber();
    reply(Response::json(200, {{"default", interview.coaches().default_name},
                               {"available", interview.coaches().names()},
                               {"transcriber", transcriber ? json(transcriber->name()) : json(nullptr)}}));
  };
}

// What has left the machine since start: the outbound ledger, and `offline`
// while nothing has (the session database aside).
Handler privacy(const util::OutboundLedger& ledger) {
  return [&ledger](Request&, const Reply& reply) {
    json outbound = json::array();
    for (const auto& e : ledger.entries())
      outbound.push_back({{"host", e.host}, {"purpose", e.purpose}, {"requests", e.requests}, {"bytes_sent", e.bytes_sent},
                          {"bytes_received", e.bytes_received}, {"last_at", e.last_at}});
    const bool offline = outbound.empty();
    reply(Response::json(200, {{"offline", offline},
                               {"summary", offline ? "Offline: nothing has left this computer since PrepBot started."
                                                   : "Answers were sent to the hosts listed, for the purposes given."},
                               {"outbound", std::move(outbound)}}));
  };
}

}  // namespace

Router make_router(interview::InterviewService& interview, store::SessionStore& store, const StaticFiles& web,
                   const util::Metrics& metrics, const util::OutboundLedger& ledger) {
  using interview::ChartKind;
  using interview::ReportKind;
  const Handler web_files = web_file(web);
  return Router({
      {"GET", "/healthz", health(store, interview)},
      {"GET", "/interview/health", health(store, interview)},  // what the seed's Streamlit client checks when it loads
      {"GET", "/metrics", metrics_text(metrics)},
      {"GET", "/privacy", privacy(ledger)},
      {"GET", "/interview/coaches", coaches(interview)},
      {"POST", "/interview/start", start(interview)},
      {"GET", "/interview/session/{id}", get_session(interview)},
      {"DELETE", "/interview/session/{id}", delete_session(interview)},
      {"POST", "/interview/session/{id}/answer", answer(interview)},
      {"POST", "/interview/session/{id}/finalize", finalize(interview)},
      {"GET", "/interview/session/{id}/export/full", export_report(interview, ReportKind::full, false)},
      {"GET", "/interview/session/{id}/export/summary", export_report(interview, ReportKind::summary, false)},
      {"GET", "/interview/session/{id}/export/full/base64", export_report(interview, ReportKind::full, true)},
      {"GET", "/interview/session/{id}/export/summary/base64", export_report(interview, ReportKind::summary, true)},
      {"GET", "/interview/session/{id}/charts/radar.svg", chart(interview, ChartKind::radar)},
      {"GET", "/interview/session/{id}/charts/questions.svg", chart(interview, ChartKind::questions)},
      {"POST", "/interview/session/{id}/answer/audio", answer_audio(interview), false, "audio/*", speech::kMaxAudioBytes},
      {"POST", "/interview/evaluate", evaluate(interview)},
      {"POST", "/interview/evaluate/audio", evaluate_audio(interview), false, "audio/*", speech::kMaxAudioBytes},
      {"POST", "/interview/extract-text", extract_text(interview), false, "application/pdf", documents::kMaxPdfBytes},
      {"POST", "/interview/session/{id}/share", create_share(interview)},
      {"GET", "/interview/session/{id}/shares", list_shares(interview)},
      {"DELETE", "/interview/session/{id}/shares/{share_id}", revoke_share(interview)},
      {"GET", "/interview/session/{id}/notes", session_notes(interview)},
      {"GET", "/shared/{token}", shared_session(interview)},
      {"POST", "/shared/{token}/notes", add_note(interview)},
      {"GET", "/shared/{token}/export/full", shared_report(interview)},
      {"POST", "/profiles", create_profile(interview)},
      {"DELETE", "/profiles/me", delete_profile(interview)},
      {"GET", "/profiles/me/progress", progress(interview)},
      {"GET", "/profiles/me/review", review(interview)},
      {"GET", "/profiles/me/export", export_profile(interview, ExportKind::json)},
      {"GET", "/profiles/me/export/csv", export_profile(interview, ExportKind::csv)},
      {"GET", "/profiles/me/export/anki", export_profile(interview, ExportKind::anki)},
      {"POST", "/profiles/me/import", import_profile(interview), false, nullptr, kMaxImportBytes},
      {"GET", "/docs", web_files},
      {"GET", "/", web_files, true},
      {"GET", "/{file}", web_files, true},
      {"GET", "/{folder}/{file}", web_files, true},
  });
}

}  // namespace prepbot::http

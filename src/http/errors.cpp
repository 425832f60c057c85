#include "http/errors.hpp"

#include "util/log.hpp"

#include "documents/pdf_text.hpp"
#include "interview/errors.hpp"
#include "speech/audio.hpp"
#include "speech/transcriber.hpp"
#include "store/session_store.hpp"

namespace prepbot::http {

using json = nlohmann::ordered_json;

ValidationError::ValidationError(std::vector<FieldError> list)
    : std::runtime_error("invalid request"), errors(std::move(list)) {}

Response Response::json(int status, const nlohmann::ordered_json& body) {
  Response response;
  response.status = status;
  response.body = body.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  return response;
}

Response Response::detail(int status, std::string_view message) { return json(status, {{"detail", message}}); }

Response error_response(std::exception_ptr error, const std::string& request_id) {
  try {
    std::rethrow_exception(std::move(error));
  } catch (const ValidationError& invalid) {
    json detail = json::array();
    for (const auto& field : invalid.errors) detail.push_back({{"type", field.type}, {"loc", field.loc}, {"msg", field.msg}});
    return Response::json(422, {{"detail", std::move(detail)}});
  } catch (const PayloadTooLarge& too_large) {
    return Response::detail(413, too_large.what());
  } catch (const interview::NotFound& missing) {
    return Response::detail(404, missing.what());
  } catch (const interview::Conflict& conflict) {
    return Response::detail(409, conflict.what());
  } catch (const interview::Unauthorized& unauthorized) {
    Response response = Response::detail(401, unauthorized.what());
    response.headers.emplace_back("WWW-Authenticate", "Bearer realm=\"prepbot\"");
    return response;
  } catch (const interview::BadRequest& bad) {
    return Response::detail(400, bad.what());
  } catch (const documents::UnreadableDocument& unreadable) {
    return Response::detail(422, unreadable.what());
  } catch (const speech::UnreadableAudio& unreadable) {  // also silence: nothing was stored
    return Response::detail(422, unreadable.what());
  } catch (const speech::AudioTooLong& too_long) {
    return Response::detail(413, too_long.what());
  } catch (const speech::TranscriptionUnavailable& unavailable) {  // the answer was not recorded; the client keeps it
    Response response = Response::detail(503, std::string("Transcription is unavailable: ") + unavailable.what());
    response.headers.emplace_back("Retry-After", "5");
    return response;
  } catch (const store::StoreError& store_error) {  // the database is down or refused: worth a retry, maybe elsewhere
    util::log::error("store error", {{"request_id", request_id}, {"error", store_error.what()}});
    Response unavailable = Response::detail(503, "The session store is unavailable; try again shortly");
    unavailable.headers.emplace_back("Retry-After", "1");
    unavailable.failure = "store";
    return unavailable;
  } catch (const std::exception& unexpected) {
    util::log::error("request failed", {{"request_id", request_id}, {"error", unexpected.what()}});
  } catch (...) {
    util::log::error("request failed with a non-standard exception", {{"request_id", request_id}});
  }
  Response failed = Response::detail(500, "Internal server error");
  failed.failure = "unexpected";
  return failed;
}

}  // namespace prepbot::http

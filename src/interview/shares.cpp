#include "interview/shares.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "interview/errors.hpp"
#include "interview/tokens.hpp"
#include "util/clock.hpp"

namespace prepbot::interview {
namespace {

const char* const kLinkNotValid = "This share link is not valid: it may have been revoked, or its session erased";

}  // namespace

model::Session Shares::owned(const std::string& session_id, const std::string& caller_profile) {
  auto session = store_.load(session_id);
  if (!session) throw NotFound("Session not found");
  if (!session->meta.profile_id.empty() && session->meta.profile_id != caller_profile)
    throw Unauthorized("This session belongs to a practice profile: send the profile's token to share it");
  return std::move(*session);
}

NewShare Shares::create(const std::string& session_id, const std::string& caller_profile) {
  owned(session_id, caller_profile);
  const IssuedToken issued = issue_token();
  NewShare share{issued.id, issued.token, util::now_iso8601()};
  store_.create_share({share.id, session_id, issued.digest, share.created_at});
  return share;
}

std::vector<store::Share> Shares::list(const std::string& session_id, const std::string& caller_profile) {
  owned(session_id, caller_profile);
  return store_.shares_of(session_id);
}

void Shares::revoke(const std::string& session_id, const std::string& share_id, const std::string& caller_profile) {
  owned(session_id, caller_profile);
  if (!store_.revoke_share(session_id, share_id)) throw NotFound("This session has no share link with that id");
}

std::vector<store::MentorNote> Shares::notes(const std::string& session_id, const std::string& caller_profile) {
  owned(session_id, caller_profile);
  return store_.notes(session_id);
}

store::Share Shares::share_of(std::string_view token) {
  const auto presented = read_token(token);
  if (!presented) throw NotFound(kLinkNotValid);
  const auto share = store_.load_share(presented->id);
  if (!token_matches(*presented, share ? &share->token_hash : nullptr)) throw NotFound(kLinkNotValid);
  return *share;
}

Shares::View Shares::view_of(const store::Share& share) {
  auto session = store_.load(share.session_id);
  if (!session) throw NotFound(kLinkNotValid);
  auto notes = store_.notes(session->id);
  return {std::move(*session), std::move(notes)};
}

Shares::View Shares::open(std::string_view token) { return view_of(share_of(token)); }

store::MentorNote Shares::add_note(std::string_view token, int question_id, std::string note) {
  const store::Share share = share_of(token);
  const View view = view_of(share);
  const model::Session& session = view.session;
  const bool answered = std::any_of(session.answers.begin(), session.answers.end(),
                                    [&](const model::Answer& a) { return a.question_id == question_id; });
  if (!answered) throw BadRequest(fmt::format("Question {} of this session has no answer to note", question_id));
  if (view.notes.size() >= kMaxNotesPerSession)
    throw Conflict(fmt::format("This session has {} notes already, the most it keeps", kMaxNotesPerSession));
  store::MentorNote saved{question_id, std::move(note), share.id, util::now_iso8601()};
  store_.add_note(session.id, saved);
  return saved;
}

}  // namespace prepbot::interview

#pragma once
// Mentor review: a revocable, read-only link to one session. The link's token
// ("<share id>.<secret>") lets a mentor read the session and its report and
// leave a note on each answer, which the candidate sees; it never shows the
// session's id, which is what lets anyone answer or erase it. Links are read
// from the store on every request, so revoking one closes it at once on every
// instance. A session of a practice profile shares, lists and revokes only with
// that profile's token.
#include <string>
#include <string_view>
#include <vector>

#include "model/model.hpp"
#include "store/session_store.hpp"

namespace prepbot::interview {

inline constexpr std::size_t kMaxNoteChars = 2'000;
inline constexpr std::size_t kMaxNotesPerSession = 200;

struct NewShare {
  std::string id;
  std::string token;  // given once
  std::string created_at;
};

class Shares {
 public:
  explicit Shares(store::SessionStore& store) : store_(store) {}

  // `caller_profile`: the profile the request's token opened, or empty. Each
  // throws NotFound for an unknown session and Unauthorized for a profile's
  // session without its token.
  NewShare create(const std::string& session_id, const std::string& caller_profile);
  std::vector<store::Share> list(const std::string& session_id, const std::string& caller_profile);
  void revoke(const std::string& session_id, const std::string& share_id, const std::string& caller_profile);
  std::vector<store::MentorNote> notes(const std::string& session_id, const std::string& caller_profile);

  struct View {
    model::Session session;
    std::vector<store::MentorNote> notes;
  };
  // The session a link opens, with its notes; NotFound for any link that opens
  // nothing (wrong, revoked, its session erased).
  View open(std::string_view token);
  // A mentor's note on an answered question of the session the link opens.
  store::MentorNote add_note(std::string_view token, int question_id, std::string note);

 private:
  // The session, when the caller may manage its links.
  model::Session owned(const std::string& session_id, const std::string& caller_profile);
  // The link a token opens; NotFound when it opens none.
  store::Share share_of(std::string_view token);
  View view_of(const store::Share& share);

  store::SessionStore& store_;
};

}  // namespace prepbot::interview

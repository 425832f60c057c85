#pragma once
// Practice profiles: a candidate's sessions over weeks without an account. A
// profile is opened by a bearer token, "<profile id>.<secret>", shown once at
// creation; the store keeps only the secret's SHA-256, compared in constant
// time. Everything a profile holds can be taken away: JSON (all of it, a
// versioned schema another PrepBot imports), CSV (one row per answer) and an
// Anki deck (the weak questions with a stronger answer).
#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "interview/progress.hpp"
#include "model/model.hpp"
#include "store/session_store.hpp"

namespace prepbot::interview {

inline constexpr int kExportVersion = 1;  // the JSON export's schema version

struct NewProfile {
  std::string id;
  std::string token;  // given once; only its digest is kept
  std::string created_at;
};

struct Imported {
  int sessions = 0;  // sessions added
  int skipped = 0;   // already imported before
  int cards = 0;     // review cards added
};

// The practice record of one graded answer (its competency or concepts, its scores).
store::Practice practice_of(const model::Question& question, const model::Answer& answer);

class Profiles {
 public:
  explicit Profiles(store::SessionStore& store) : store_(store) {}

  NewProfile create();
  // The profile a bearer token opens; throws Unauthorized for a missing, malformed or wrong token.
  std::string authenticate(std::string_view token);
  // Erases the profile and everything it holds.
  void remove(const std::string& profile_id);

  Progress progress(const std::string& profile_id);
  // The schedule on `day`: the cards due (most overdue first), how many there
  // are in all, and the next day one falls due after it (empty: none).
  struct Schedule {
    std::vector<store::ReviewCard> due;
    std::size_t scheduled = 0;
    std::string next_due;
  };
  Schedule review(const std::string& profile_id, std::chrono::sys_days day);

  nlohmann::ordered_json export_json(const std::string& profile_id);
  std::string export_csv(const std::string& profile_id);
  std::string export_anki(const std::string& profile_id);
  // Adds an export's sessions and cards to the profile under new ids, derived
  // from the profile and the original ids: importing the same file twice adds
  // nothing the second time, nor does a profile's own export brought back.
  // Throws BadRequest naming what is wrong with the file.
  Imported import_json(const std::string& profile_id, const nlohmann::ordered_json& document);

 private:
  std::vector<model::Session> sessions_of(const std::string& profile_id);

  store::SessionStore& store_;
};

}  // namespace prepbot::interview

#pragma once
// What a grade rests on, as facts a client can show: the offline grader's
// measurements (key points and claims found, with the answer's own words;
// misconceptions; relevance; delivery signals) and what an LLM coach adds
// (fallback, the offline scores beside its own, disagreement). Mapped to the
// `evidence` JSON object in one place (model/json.cpp); a field that does not
// apply is absent from the JSON.
#include <optional>
#include <string>
#include <vector>

namespace prepbot::model {

// An answer's three scores, 1-10.
struct Scores {
  int technical = 1;
  int communication = 1;
  int confidence = 1;

  bool operator==(const Scores&) const = default;
};

// A key point or a concept's claim the answer states, with the sentence that states it.
struct CoveredPoint {
  std::string point;
  std::string quote;
  std::string synonym;  // the WordNet synonym that matched, when no term did
  std::string concept_id;  // for a concept's claim: which concept
};

// A wrong claim the answer makes, or a true one it denies.
struct StatedMisconception {
  std::string claim;
  std::string correction;
  std::string quote;
  std::string concept_id;  // empty: the bank question's own misconception
};

struct LinkedConcept {
  std::string id;
  std::string name;
};

struct NearbyQuestion {
  std::string id;
  std::string question;
  double similarity = 0;
};

struct StarParts {
  bool situation = false, task = false, action = false, result = false;
  int count() const { return situation + task + action + result; }
};

struct ScoreRange {
  int low = 1, high = 10;
};

// A silence between two stretches of speech, in seconds from the recording's start.
struct Pause {
  double start = 0;
  double length = 0;
};

// How a spoken answer was delivered, measured on its recording (speech/delivery.cpp).
struct SpokenDelivery {
  double duration_seconds = 0;   // the whole recording
  double speaking_seconds = 0;   // voice activity, from the first speech to the last, pauses excluded
  std::vector<Pause> pauses;     // silences of at least 0.7 s between speech, in order
  int words = 0;                 // in the transcript
  double words_per_minute = 0;   // words per minute of speaking time
  int filler_count = 0;          // filler words in the transcript (the grader's count)
  double fillers_per_minute = 0;
  std::string pace, pausing, fillers;  // a plain-words verdict on each, against common guidance
  int communication_effect = 0;  // what delivery did to the communication score (0 or below)
};

// How far the answer reads like a confidently wrong one (the offline phrasing model), and
// the phrases that weigh most toward it.
struct Phrasing {
  double confidently_wrong = 0;  // 0..1
  std::vector<std::string> phrases;
};

struct Fallback {
  std::string provider;
  std::string reason;
};

struct Evidence {
  // --- the offline grader ---
  std::optional<std::string> guard;  // why the answer got the lowest scores without grading
  bool matched_bank = false;         // graded against a bank question's key points
  bool graded = false;               // the measurements below were taken (false when guarded or from an LLM only)
  bool correctness_checked = false;  // key points or concepts' claims were there to check against
  std::vector<CoveredPoint> key_points_covered;
  std::vector<std::string> key_points_missed;
  std::vector<StatedMisconception> misconceptions;  // wrong claims stated, true ones denied
  std::vector<LinkedConcept> concepts;              // knowledge-base concepts the question is about
  std::vector<CoveredPoint> claims;                 // those concepts' true claims the answer states
  double relevance = 0;                             // 0..1: how much the answer addresses the question
  // When correctness could not be checked: the band around the middle; when nothing the
  // answer states matches what is known about its subject: from its score to what it would
  // earn if it were right in words the knowledge base does not hold.
  std::optional<ScoreRange> technical_range;
  int filler_count = 0, hedge_count = 0, word_count = 0, sentence_count = 0;
  std::vector<std::string> misspelled;
  double reading_ease = 0;
  StarParts star;
  std::optional<Phrasing> phrasing;  // absent when no phrasing model was loaded
  std::optional<std::vector<NearbyQuestion>> nearest_bank_questions;  // for questions from outside the bank
  std::optional<SpokenDelivery> delivery;  // a spoken answer: how it was delivered

  // --- what an LLM coach adds ---
  std::optional<Fallback> fallback;  // the LLM failed and the offline coach graded
  std::optional<Scores> offline_scores;  // the offline grade beside the LLM's
  std::optional<bool> disagreement;
  std::string disagreement_reason;
};

}  // namespace prepbot::model

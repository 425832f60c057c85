#pragma once
// A practice profile's progress, computed from its practice records (one per
// graded answer): the scores of each session over time, and for each dimension,
// competency, concept and role whether it improved.
//
// "Improved" compares the later half of a series with the earlier half (an odd
// middle counts in neither): a change of +0.5 or more (on the 1-10 scale) is
// "improved", -0.5 or less "declined", anything between "steady"; a series of
// one is "new". A dimension's series is its mean per session, so one session
// alone says nothing of progress; a competency's, concept's or role's series is
// its answers' scores.
#include <string>
#include <vector>

#include "store/session_store.hpp"

namespace prepbot::interview {

struct SessionPoint {
  std::string session_id;
  std::string date;  // the session's start (ISO 8601)
  std::string role, role_family;
  int answers = 0;
  double technical = 0, communication = 0, confidence = 0, overall = 0;  // means over its answers
  std::string last{};  // its latest answer (ISO 8601)
};

struct Trend {
  std::string name;
  int answers = 0;  // the series' length: answers (for a dimension: sessions)
  double average = 0, earlier = 0, later = 0, change = 0;
  std::string verdict;  // improved | declined | steady | new
  std::string last_practised;  // ISO 8601
};

struct Progress {
  int sessions = 0, answers = 0;
  std::vector<SessionPoint> timeline;  // oldest first
  std::vector<Trend> dimensions;       // technical, communication, confidence, overall
  std::vector<Trend> competencies;     // behavioral competencies, most answered first
  std::vector<Trend> concepts;         // knowledge-base concepts, most answered first
  std::vector<Trend> roles;            // by role family
  // The names of the dimensions, competencies and concepts that improved, and of
  // those that did not (steady or declined); "new" ones are in neither.
  std::vector<std::string> improved, not_improved;
};

// `records` oldest first, as the store returns them.
Progress compute_progress(const std::vector<store::Practice>& records);

}  // namespace prepbot::interview

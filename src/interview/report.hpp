#pragma once
#include "model/model.hpp"

namespace prepbot::interview {

// The final report of a session's answers, weighted as the seed's implementation
// does: technical mode 0.5·technical + 0.25·communication + 0.25·confidence; other
// modes 0.5·communication + 0.3·confidence + 0.2·technical. Averages and the
// overall score are rounded to two decimals; resources are the answers' resources
// without repeats, in first-seen order. Strengths and focus areas come from the
// averages and the evaluations' evidence. Requires at least one answer.
model::FinalReport compute_report(const model::Session& session);

}  // namespace prepbot::interview

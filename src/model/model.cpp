#include "model/model.hpp"

#include <algorithm>

namespace prepbot::model {

const Question* Session::find_question(int question_id) const {
  for (const auto& question : questions)
    if (question.id == question_id) return &question;
  return nullptr;
}

int Session::planned_questions() const {
  return static_cast<int>(std::count_if(questions.begin(), questions.end(), [](const Question& q) { return q.parent_id == 0; }));
}

int Session::last_planned_id() const {
  const auto last = std::find_if(questions.rbegin(), questions.rend(), [](const Question& q) { return q.parent_id == 0; });
  return last == questions.rend() ? 0 : last->id;
}

}  // namespace prepbot::model

#include "model/model.hpp"

namespace prepbot::model {

const Question* Session::find_question(int question_id) const {
  for (const auto& question : questions)
    if (question.id == question_id) return &question;
  return nullptr;
}

}  // namespace prepbot::model

#pragma once
// Grades answers with the test bank and knowledge base: the fixture of the
// grader's tests and of the follow-up tests, which read the grader's output.
#include <gtest/gtest.h>

#include <string>

#include "coach/offline/grader.hpp"
#include "coach/offline/test_bank.hpp"
#include "coach/offline/test_knowledge.hpp"

namespace prepbot::coach::offline::testing {

class GradingTest : public ::testing::Test {
 protected:
  // An answer to the bank's database-index question (backend-001).
  model::Evaluation grade_answer(const std::string& answer) {
    GradeInput input;
    input.bank_question = bank_.find("backend-001");
    input.question = input.bank_question->text;
    input.answer = answer;
    input.knowledge = &bank_.knowledge();
    return grade(input);
  }
  // A question the bank does not hold, checked against the knowledge base only.
  // `phrasing`: read the answer's phrasing with this model.
  model::Evaluation grade_outside(const std::string& question, const std::string& answer,
                                  model::Mode mode = model::Mode::technical, const PhrasingModel* phrasing = nullptr) {
    GradeInput input;
    input.question = question;
    input.answer = answer;
    input.mode = mode;
    input.knowledge = &bank_.knowledge();
    input.library = &bank_;
    input.phrasing = phrasing;
    return grade(input);
  }
  // A question the bank does not hold whose nearest bank question is the database-index one
  // (backend-001), checked against the knowledge base only.
  model::Evaluation grade_near_indexes(const std::string& question, const std::string& answer) {
    GradeInput input;
    input.question = question;
    input.answer = answer;
    input.knowledge = &bank_.knowledge();
    input.related = {bank_.find("backend-001")};
    return grade(input);
  }
  Bank bank_ = Bank::parse(views_of(test_bank_files()), test_knowledge_files());
};

}  // namespace prepbot::coach::offline::testing

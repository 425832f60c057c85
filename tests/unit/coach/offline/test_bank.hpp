#pragma once
// A small bank written for the tests, so that they do not depend on data/bank's content.
#include <string>
#include <utility>
#include <vector>

#include "coach/offline/bank.hpp"

namespace prepbot::coach::offline::testing {

inline std::string question_json(const std::string& id, const std::string& type, const std::string& difficulty,
                                 const std::string& levels, const std::string& domains = "[]") {
  return R"({"id": ")" + id + R"(", "text": "Question )" + id + R"( about database indexes and caching?",
    "type": ")" + type + R"(", "difficulty": ")" + difficulty + R"(", "levels": )" + levels +
         R"(, "domains": )" + domains + R"(, "tags": ["databases"],
    "hint": "Think about reads, writes and the structure behind it.",
    "key_points": [
      {"point": "An index is a sorted structure such as a B-tree", "terms": ["b-tree", "btree", "sorted structure"]},
      {"point": "Indexes speed up reads but slow down writes", "terms": ["slower writes", "write overhead", "slow down inserts"]},
      {"point": "Check the query plan", "terms": ["explain", "query plan", "execution plan"]}
    ],
    "misconceptions": [
      {"claim": "More indexes always make a database faster", "patterns": ["more indexes always faster", "index always faster"],
       "correction": "Each index costs write time and space; add the ones your queries use."}
    ],
    "model_answer": ["Explain the B-tree.", "Name the write cost.", "Use EXPLAIN to check."],
    "resources": [{"title": "PostgreSQL: Indexes", "url": "https://www.postgresql.org/docs/current/indexes.html"}]})";
}

inline FileTexts test_bank_files() {
  std::string backend = R"({"family": "backend", "title": "Backend engineer",
    "aliases": ["backend developer", "api developer"], "domains": ["fintech"], "questions": [)";
  const char* difficulties[] = {"easy", "medium", "hard"};
  for (int i = 1; i <= 9; ++i) {
    if (i > 1) backend += ",";
    const std::string id = "backend-00" + std::to_string(i);
    backend += question_json(id, "technical", difficulties[i % 3], i <= 4 ? R"(["entry","junior"])" : R"(["mid","senior"])",
                             i == 9 ? R"(["fintech"])" : "[]");
  }
  backend += "]}";
  std::string frontend = R"({"family": "frontend", "title": "Frontend engineer", "aliases": ["react developer"],
    "domains": [], "questions": [)" + question_json("frontend-001", "technical", "easy", R"(["entry"])") + "]}";
  std::string behavioral = R"({"family": "behavioral", "title": "Behavioral", "aliases": [], "domains": [], "questions": [)";
  for (int i = 1; i <= 4; ++i) {
    if (i > 1) behavioral += ",";
    behavioral += question_json("behavioral-00" + std::to_string(i), "behavioral", "medium", R"(["entry","junior","mid","senior"])");
  }
  behavioral += "]}";
  return {{"backend.json", backend}, {"frontend.json", frontend}, {"behavioral.json", behavioral}};
}

inline Bank test_bank() { return Bank::parse(views_of(test_bank_files())); }

}  // namespace prepbot::coach::offline::testing

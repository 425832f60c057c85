#pragma once
// Sessions, answers and databases for the store tests.
#include <string>

#include "model/model.hpp"

namespace prepbot::store::testing {

model::Session make_session(const std::string& id);
model::Answer make_answer(int question_id, const std::string& text, int score = 6);

// A fresh SQLite file in a new temporary directory.
std::string temp_sqlite_path();

// A URL to an empty schema of the throwaway PostgreSQL cluster named by
// PREPBOT_TEST_POSTGRES_URL (ctest runs the unit tests under
// tests/support/with_postgres.sh); empty when there is none.
std::string fresh_postgres_url(const std::string& extra_parameters = "");

}  // namespace prepbot::store::testing

#pragma once
// The subcommands of the prepbot binary. All wiring of the parts happens here.
#include <string>

#include "config/config.hpp"

namespace prepbot::app {

// prepbot serve: returns the process exit code.
int serve(const config::Config& config);

struct EvaluateOptions {
  std::string question;
  std::string answer;
  std::string answer_file;  // read the answer from this file; "-" is standard input
  std::string mode = "technical";
  std::string experience = "1-3 years";
  std::string role;
  std::string bank;
};

// prepbot evaluate: grades one answer with the offline coach and prints the
// evaluation as JSON; returns 0, or 2 with one line on bad input.
int evaluate(const EvaluateOptions& options);

// prepbot bank check: validates the bank (the built-in one, or `directory`) and
// prints its coverage; returns 0 when it is valid.
int bank_check(const std::string& directory);

}  // namespace prepbot::app

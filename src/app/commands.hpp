#pragma once
// The subcommands of the prepbot binary. All wiring of the parts happens here.
#include <string>

#include "app/practice.hpp"
#include "config/config.hpp"

namespace prepbot::app {

// prepbot serve: returns the process exit code.
int serve(const config::Config& config);

// prepbot practice: an interview in the terminal (app/practice.hpp) on the
// configured store and coach; returns the process exit code.
int practice(const config::Config& config, const PracticeOptions& options);

// Where the bank and the knowledge base come from; empty: built in.
struct DataDirectories {
  std::string bank;
  std::string knowledge;
};

struct EvaluateOptions {
  std::string question;
  std::string answer;
  std::string answer_file;  // read the answer from this file; "-" is standard input
  std::string mode = "technical";
  std::string experience = "1-3 years";
  std::string role;
  std::string scoring = "standard";  // or "content", the fair scoring mode
  DataDirectories data;
};

// prepbot evaluate: grades one answer with the offline coach and prints the
// evaluation as JSON; returns 0, or 2 with one line on bad input.
int evaluate(const EvaluateOptions& options);

// prepbot bank check: validates the bank and the knowledge base (the built-in
// ones, or those of `data`) and prints their coverage; returns 0 when both are
// valid and every role family has its minimum of questions.
int bank_check(const DataDirectories& data);

struct ValidateOptions {
  DataDirectories data;
  std::string sets;       // a directory holding out_of_bank.json, out_of_bank_tuning.json and graded_answers.json; empty: built in
  bool verbose = false;   // list every adversarial pair that failed
  std::string details;    // write every graded answer of the out-of-bank set here, one JSON object a line
};

// prepbot validate: the offline coach's agreement with the labeled sets
// (coach/offline/validation.hpp), printed as a table; returns 0.
int validate(const ValidateOptions& options);

}  // namespace prepbot::app

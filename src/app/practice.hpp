#pragma once
// prepbot practice: a whole interview in the terminal, without a server. It asks
// each question (a hint on request), reads a multi-line answer (a blank line or
// Ctrl-D sends it), shows the three scores with the coach's feedback, offers skip
// and retry, and writes the PDF report at the end. Ctrl-C leaves cleanly: what
// was answered is kept and reported. Sessions go to the configured store, so the
// web app opens them like any other (#/session/<id>).
#include <cstdio>
#include <string>

#include "config/config.hpp"
#include "interview/service.hpp"

namespace prepbot::app {

struct PracticeOptions {
  std::string name = "Candidate";
  std::string role = "Software engineer";
  std::string domain;
  std::string experience = "1-3 years";
  std::string mode = "mixed";
  int questions = 5;
  std::string scoring = "standard";  // or "content", the fair scoring mode
  std::string out;                   // the PDF's path; empty: prepbot-report-<session>.pdf here
  bool plain = false;                // no colours or bars (screen readers, logs)
  bool follow_ups = true;            // ask a follow-up after an answer that leaves a gap
  bool adaptive = false;             // each next question harder or easier after the last answer
};

// Runs the interview, reading `input_fd` and writing `output`, with the
// service's default coach. SIGINT must be blocked in every thread (the reader
// takes it while waiting for input). Returns the exit code: 0, 130 after
// Ctrl-C, 2 on bad options.
int run_practice(interview::InterviewService& interview, const PracticeOptions& options, int input_fd, std::FILE* output);

}  // namespace prepbot::app

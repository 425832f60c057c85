#include "app/practice.hpp"

#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <regex>

#include "coach/offline/offline_coach.hpp"
#include "coach/offline/test_bank.hpp"
#include "store/session_store.hpp"

namespace prepbot::app {
namespace {

class PracticeTest : public ::testing::Test {
 protected:
  // Runs practice on `typed` (then the end of input) and returns what it wrote.
  std::string run(const std::string& typed, PracticeOptions options = {}) {
    int fds[2];
    EXPECT_EQ(pipe(fds), 0);
    EXPECT_EQ(write(fds[1], typed.data(), typed.size()), static_cast<ssize_t>(typed.size()));
    close(fds[1]);
    std::FILE* out = std::tmpfile();
    options.out = (std::filesystem::temp_directory_path() / ("practice-" + std::to_string(getpid()) + ".pdf")).string();
    sigset_t interrupt;  // as prepbot practice does before any thread starts
    sigemptyset(&interrupt);
    sigaddset(&interrupt, SIGINT);
    pthread_sigmask(SIG_BLOCK, &interrupt, nullptr);
    status_ = run_practice(service_, options, fds[0], out);
    close(fds[0]);
    std::string text;
    std::rewind(out);
    for (int c; (c = std::fgetc(out)) != EOF;) text.push_back(static_cast<char>(c));
    std::fclose(out);
    std::filesystem::remove(options.out);
    return text;
  }

  int status_ = -1;
  std::shared_ptr<const coach::offline::Bank> bank_ =
      std::make_shared<const coach::offline::Bank>(coach::offline::testing::test_bank());
  util::WorkerPool workers_{2};
  coach::offline::OfflineCoach coach_{bank_, workers_};
  std::unique_ptr<store::SessionStore> store_ = store::open_store("sqlite::memory:");
  interview::InterviewService service_{{"offline", {{"offline", &coach_}}}, *store_, workers_};
};

TEST_F(PracticeTest, TypedEscapeSequencesAndControlsNeverReachTheAnswer) {
  PracticeOptions options;
  options.questions = 1;
  options.mode = "technical";
  options.plain = true;
  // An arrow key (ESC [ D), a bell and a C1 control typed into the answer.
  const std::string output = run("An index is a B-tree\x1b[D that avoids a full scan\x07 and slows \xc2\x9bwrites.\n\n", options);
  EXPECT_EQ(status_, 0) << output;
  EXPECT_NE(output.find("Technical: "), std::string::npos) << output;
  EXPECT_EQ(output.find('\x1b'), std::string::npos) << "plain output, and nothing typed echoed back raw";
  std::smatch saved;
  ASSERT_TRUE(std::regex_search(output, saved, std::regex("Session ([0-9a-f-]{36}) is saved"))) << output;
  const auto session = store_->load(saved[1].str());
  ASSERT_TRUE(session);
  ASSERT_EQ(session->answers.size(), 1u);
  EXPECT_EQ(session->answers[0].text, "An index is a B-tree that avoids a full scan and slows writes.");
}

TEST_F(PracticeTest, TheEndOfInputFinishesWithTheReport) {
  PracticeOptions options;
  options.questions = 3;
  options.plain = true;
  const std::string output = run("/skip\nA concrete answer about the subject, with an example and a result.\n", options);
  EXPECT_EQ(status_, 0);
  EXPECT_NE(output.find("1 question answered"), std::string::npos) << output;
  EXPECT_NE(output.find("The full report (PDF) is in"), std::string::npos) << output;
}

}  // namespace
}  // namespace prepbot::app

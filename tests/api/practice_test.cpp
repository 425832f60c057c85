// prepbot practice, the real binary in a pseudo-terminal: a whole interview from
// the first question to the PDF (hint, retry, an answer sent with Ctrl-D, skip),
// Ctrl-C keeping what was answered, and --plain; the sessions land in the store
// the web app reads.
#include <gtest/gtest.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <regex>
#include <sstream>

#include "support/server_process.hpp"

namespace prepbot::testing {
namespace {

using nlohmann::json;

// The binary on the slave side of a pseudo-terminal; the test types into the master side.
class PtyProcess {
 public:
  explicit PtyProcess(std::vector<std::string> args) {
    args.insert(args.begin(), PREPBOT_BINARY);
    winsize size{};
    size.ws_row = 40;
    size.ws_col = 120;
    pid_ = forkpty(&master_, nullptr, nullptr, &size);
    if (pid_ < 0) throw std::runtime_error("forkpty failed");
    if (pid_ == 0) {
      setenv("TERM", "xterm-256color", 1);
      unsetenv("NO_COLOR");
      std::vector<char*> argv;
      for (auto& arg : args) argv.push_back(arg.data());
      argv.push_back(nullptr);
      execv(argv[0], argv.data());
      _exit(127);
    }
  }
  ~PtyProcess() {
    if (pid_ > 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    close(master_);
  }

  void type(const std::string& text) {
    for (std::size_t sent = 0; sent < text.size();) {
      const ssize_t n = write(master_, text.data() + sent, text.size() - sent);
      if (n <= 0) throw std::runtime_error("cannot write to the pty");
      sent += static_cast<std::size_t>(n);
    }
  }

  // Reads until `text` appears after what earlier expects consumed; fails the test after 90 s
  // (a sanitizer build loads the bank and the knowledge base in seconds).
  bool expect(const std::string& text) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(90);
    for (;;) {
      if (const auto at = output_.find(text, consumed_); at != std::string::npos) {
        consumed_ = at + text.size();
        return true;
      }
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0 || !read_some(static_cast<int>(left.count()))) {
        ADD_FAILURE() << "never saw \"" << text << "\"; the terminal showed:\n" << output_.substr(consumed_);
        return false;
      }
    }
  }

  // Waits for the exit and returns the status (reading what is left, so the child never blocks on a full pty).
  int wait() {
    int status = 0;
    for (int i = 0; i < 9000; ++i) {
      read_some(10);
      if (waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        while (read_some(50)) {
        }
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      }
    }
    return -1;
  }

  const std::string& output() const { return output_; }

 private:
  bool read_some(int timeout_ms) {
    pollfd fd{master_, POLLIN, 0};
    if (poll(&fd, 1, timeout_ms) <= 0) return false;
    char chunk[4096];
    const ssize_t n = read(master_, chunk, sizeof chunk);
    if (n <= 0) return false;
    output_.append(chunk, static_cast<std::size_t>(n));
    return true;
  }

  pid_t pid_ = -1;
  int master_ = -1;
  std::string output_;
  std::size_t consumed_ = 0;
};

const std::string kAnswer =
    "An index is a sorted structure, usually a B-tree, that lets the database find rows without a full table scan. "
    "The trade-off is write overhead: every insert and update must maintain it.";

std::string session_id_in(const std::string& output) {
  std::smatch match;
  const std::regex saved("Session ([0-9a-f-]{36}) is saved");
  return std::regex_search(output, match, saved) ? match[1].str() : "";
}

std::string file_text(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

TEST(Practice, AWholeInterviewInTheTerminalEndsWithThePdf) {
  const std::string dir = make_temp_dir();
  const std::string store = "sqlite:" + dir + "/prepbot.db";
  PtyProcess practice({"practice", "--no-follow-ups", "--store", store, "--role", "backend developer", "--mode", "technical", "--questions",
                       "2", "--name", "Ada", "--out", dir + "/report.pdf"});
  ASSERT_TRUE(practice.expect("Question 1 of 2"));
  ASSERT_TRUE(practice.expect("> "));
  practice.type("/hint\n");
  ASSERT_TRUE(practice.expect("Hint:"));
  practice.type(kAnswer + "\nI check the plan with EXPLAIN.\n\n");  // an empty line sends it
  ASSERT_TRUE(practice.expect("Technical"));
  ASSERT_TRUE(practice.expect("/10"));
  ASSERT_TRUE(practice.expect("Feedback"));
  ASSERT_TRUE(practice.expect("try again"));
  practice.type("r\n");
  ASSERT_TRUE(practice.expect("Question 1 of 2"));
  ASSERT_TRUE(practice.expect("> "));
  practice.type(kAnswer + "\n\x04");  // Ctrl-D on the next line sends it
  ASSERT_TRUE(practice.expect("Graded by the offline coach"));
  ASSERT_TRUE(practice.expect("next question"));
  practice.type("\n");
  ASSERT_TRUE(practice.expect("Question 2 of 2"));
  ASSERT_TRUE(practice.expect("> "));
  practice.type("/skip\n");
  ASSERT_TRUE(practice.expect("That was the last question"));
  ASSERT_TRUE(practice.expect("Your report"));
  ASSERT_TRUE(practice.expect("1 question answered"));
  ASSERT_TRUE(practice.expect("The full report (PDF) is in " + dir + "/report.pdf"));
  EXPECT_EQ(practice.wait(), 0) << practice.output();
  EXPECT_NE(practice.output().find("\x1b["), std::string::npos) << "colours on a terminal";
  EXPECT_EQ(file_text(dir + "/report.pdf").rfind("%PDF-", 0), 0u);

  // The session is in the store the server and the web app read.
  const std::string id = session_id_in(practice.output());
  ASSERT_FALSE(id.empty()) << practice.output();
  ServerProcess server(store);
  const json session = server.client().get("/interview/session/" + id).json();
  EXPECT_EQ(session["status"], "completed");
  EXPECT_EQ(session["meta"]["name"], "Ada");
  ASSERT_EQ(session["answers"].size(), 1u);
  EXPECT_EQ(session["answers"][0]["attempts"], 2) << "the retry replaced the first attempt";
  EXPECT_EQ(session["answers"][0]["answer"], kAnswer) << "sent with Ctrl-D, without the control character";
}

TEST(Practice, CtrlCLeavesCleanlyAndKeepsWhatWasAnswered) {
  const std::string dir = make_temp_dir();
  PtyProcess practice({"practice", "--no-follow-ups", "--store", "sqlite:" + dir + "/prepbot.db", "--mode", "technical", "--questions", "3",
                       "--out", dir + "/report.pdf"});
  ASSERT_TRUE(practice.expect("Question 1 of 3"));
  ASSERT_TRUE(practice.expect("> "));
  practice.type(kAnswer + "\n\n");
  ASSERT_TRUE(practice.expect("next question"));
  practice.type("\n");
  ASSERT_TRUE(practice.expect("Question 2 of 3"));
  ASSERT_TRUE(practice.expect("> "));
  practice.type("half an answer");
  practice.type("\x03");  // Ctrl-C
  ASSERT_TRUE(practice.expect("Stopped."));
  ASSERT_TRUE(practice.expect("1 question answered"));
  ASSERT_TRUE(practice.expect("The full report (PDF) is in"));
  EXPECT_EQ(practice.wait(), 130) << practice.output();
  EXPECT_EQ(file_text(dir + "/report.pdf").rfind("%PDF-", 0), 0u);
}

TEST(Practice, PlainOutputForScreenReaders) {
  const std::string dir = make_temp_dir();
  PtyProcess practice({"practice", "--no-follow-ups", "--store", "sqlite:" + dir + "/prepbot.db", "--plain", "--questions", "2", "--mode",
                       "behavioral", "--scoring", "content", "--out", dir + "/report.pdf"});
  ASSERT_TRUE(practice.expect("Fair scoring"));
  ASSERT_TRUE(practice.expect("Question 1 of 2"));
  ASSERT_TRUE(practice.expect("> "));
  practice.type("Um, at my last job our deploys kept failing, so I wrote a checklist and automated the two riskiest "
                "steps. As a result failed deploys dropped from 6 a month to 1, and I learned to fix the process.\n\n");
  ASSERT_TRUE(practice.expect("Technical: "));
  ASSERT_TRUE(practice.expect(" out of 10."));
  ASSERT_TRUE(practice.expect("Graded on content only"));
  ASSERT_TRUE(practice.expect("next question"));
  practice.type("\n");
  ASSERT_TRUE(practice.expect("Question 2 of 2"));
  ASSERT_TRUE(practice.expect("> "));
  practice.type("\x04");  // Ctrl-D on an empty answer ends the interview
  ASSERT_TRUE(practice.expect("1 question answered"));
  EXPECT_EQ(practice.wait(), 0) << practice.output();
  EXPECT_EQ(practice.output().find("\x1b["), std::string::npos) << "--plain writes no escape sequences";
  EXPECT_EQ(practice.output().find("\u2588"), std::string::npos) << "--plain draws no bars";
}

TEST(Practice, CtrlDBeforeAnyAnswerEndsWithoutAReport) {
  const std::string dir = make_temp_dir();
  PtyProcess practice({"practice", "--no-follow-ups", "--store", "sqlite:" + dir + "/prepbot.db", "--questions", "1"});
  ASSERT_TRUE(practice.expect("Question 1 of 1"));
  ASSERT_TRUE(practice.expect("> "));
  practice.type("\x04");
  ASSERT_TRUE(practice.expect("No answers, so no report."));
  EXPECT_EQ(practice.wait(), 0) << practice.output();
}

TEST(Practice, BadOptionsAreOneLineAndExitTwo) {
  const auto result = run_prepbot({"practice", "--store", "sqlite::memory:", "--questions", "0"});
  EXPECT_EQ(result.status, 2);
  EXPECT_NE(result.output.find("--questions 1-20"), std::string::npos) << result.output;
}

}  // namespace
}  // namespace prepbot::testing

#pragma once
// Runs tests/support/fake_llm (a fake LLM and transcription server) on a free
// loopback port for the API tests; stopped when the object goes.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>

#include "support/server_process.hpp"

namespace prepbot::testing {

class FakeLlm {
 public:
  // `transcripts_dir`: where the fake transcription server finds its transcripts (see fake_llm.cpp).
  explicit FakeLlm(const std::string& key, const std::string& transcripts_dir = "") {
    for (int tries = 0; tries < 5; ++tries) {
      port_ = free_port();
      pid_ = fork();
      if (pid_ == 0) {
        const std::string port = std::to_string(port_);
        if (transcripts_dir.empty())
          execl(FAKE_LLM_BINARY, FAKE_LLM_BINARY, port.c_str(), key.c_str(), nullptr);
        else
          execl(FAKE_LLM_BINARY, FAKE_LLM_BINARY, port.c_str(), key.c_str(), transcripts_dir.c_str(), nullptr);
        _exit(127);
      }
      for (int i = 0; i < 100; ++i) {
        if (client().get("/stats").status == 200) return;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
      }
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    throw std::runtime_error("fake_llm did not start");
  }
  ~FakeLlm() {
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
  }
  FakeLlm(const FakeLlm&) = delete;
  FakeLlm& operator=(const FakeLlm&) = delete;

  HttpClient client() const { return HttpClient(url()); }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  // Requests seen for `model` (a mode name) since the start.
  int requests(const std::string& model) const { return client().get("/stats").json().value(model, 0); }

 private:
  int port_ = 0;
  pid_t pid_ = -1;
};

}  // namespace prepbot::testing

#pragma once
// Runs the real prepbot binary on a free loopback port for a test.
#include <sys/types.h>

#include <string>
#include <vector>

#include "support/http_client.hpp"

namespace prepbot::testing {

class ServerProcess {
 public:
  // Starts `prepbot serve` with `store` and extra arguments on `port` (0: a free
  // one); waits until /healthz answers, or, when `log_text` is given, only until
  // the server's log holds it (to act on a server still starting).
  // With `wrapper` (e.g. {"strace", "-f", …, "--"}) the server runs under that command;
  // stop() then signals the server, the wrapper's child, and waits for the wrapper.
  explicit ServerProcess(std::string store, std::vector<std::string> extra_args = {}, int port = 0,
                         const std::string& log_text = "", std::vector<std::string> wrapper = {});
  ~ServerProcess();  // SIGTERM, then waits
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  void kill_hard();  // SIGKILL, as a crash would
  // Sends SIGTERM and returns the exit status.
  int stop();
  bool running() const;
  int port() const { return port_; }
  std::string log() const;
  const std::string& log_path() const { return log_path_; }
  HttpClient client() const { return HttpClient("http://127.0.0.1:" + std::to_string(port_)); }

 private:
  pid_t server_pid() const;  // pid_, or the wrapper's child
  pid_t pid_ = -1;
  bool wrapped_ = false;
  int port_ = 0;
  std::string log_path_;
};

// A loopback port nothing listens on right now.
int free_port();

// A fresh directory under the system's temporary directory.
std::string make_temp_dir();

// Runs prepbot with `args` and returns its exit status and what it printed on stderr.
struct CommandResult {
  int status = -1;
  std::string output;
};
CommandResult run_prepbot(const std::vector<std::string>& args, const std::vector<std::string>& env = {});

}  // namespace prepbot::testing

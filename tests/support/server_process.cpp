#include "support/server_process.hpp"

#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace prepbot::testing {

int free_port() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
  socklen_t length = sizeof address;
  getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  const int port = ntohs(address.sin_port);
  close(fd);
  return port;
}

namespace {

std::vector<char*> as_argv(std::vector<std::string>& args) {
  std::vector<char*> argv;
  for (auto& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  return argv;
}

}  // namespace

std::string make_temp_dir() {
  std::string pattern = (std::getenv("TMPDIR") ? std::string(std::getenv("TMPDIR")) : "/tmp") + "/prepbot-test-XXXXXX";
  if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  return pattern;
}

ServerProcess::ServerProcess(std::string store, std::vector<std::string> extra_args, int port,
                             const std::string& log_text, std::vector<std::string> wrapper) {
  port_ = port > 0 ? port : free_port();
  log_path_ = make_temp_dir() + "/server.log";
  std::vector<std::string> args = {PREPBOT_BINARY, "serve", "--listen", "127.0.0.1:" + std::to_string(port_),
                                   "--store", store, "--threads", "2"};
  // Tests send bursts from one address; rate limiting is off unless a test turns it on.
  // Likewise for the cap on open connections per client.
  for (const char* limit : {"--rate-limit", "--max-client-connections"})
    if (std::find(extra_args.begin(), extra_args.end(), limit) == extra_args.end()) args.insert(args.end(), {limit, "0"});
  args.insert(args.end(), extra_args.begin(), extra_args.end());
  wrapped_ = !wrapper.empty();
  if (wrapped_) args.insert(args.begin(), wrapper.begin(), wrapper.end());
  pid_ = fork();
  if (pid_ == 0) {
    const int log = open(log_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(log, STDOUT_FILENO);
    dup2(log, STDERR_FILENO);
    auto argv = as_argv(args);
    if (wrapped_) execvp(argv[0], argv.data());  // the wrapper is found on PATH
    else execv(argv[0], argv.data());
    _exit(127);
  }
  const auto client_ = client();
  // Up to 30 s: a sanitizer build loads the bank and the knowledge base several times slower than a release one.
  for (int i = 0; i < 6000; ++i) {
    if (log_text.empty() ? client_.get("/healthz").status == 200 : log().find(log_text) != std::string::npos) return;
    if (!running()) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  throw std::runtime_error("prepbot did not start: " + log());
}

std::string ServerProcess::log() const {
  std::ifstream file(log_path_);
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

ServerProcess::~ServerProcess() {
  if (pid_ > 0) stop();
}

bool ServerProcess::running() const {
  if (pid_ <= 0) return false;
  int status = 0;
  return waitpid(pid_, &status, WNOHANG) == 0;
}

pid_t ServerProcess::server_pid() const {
  if (!wrapped_) return pid_;
  // The wrapper's child: /proc lists it once the wrapper has started it.
  const std::string path = "/proc/" + std::to_string(pid_) + "/task/" + std::to_string(pid_) + "/children";
  pid_t child = -1;
  for (int i = 0; i < 1000 && child <= 0; ++i) {
    std::ifstream children(path);
    if (!(children >> child)) {
      child = -1;
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
  }
  return child > 0 ? child : pid_;
}

void ServerProcess::kill_hard() {
  if (pid_ <= 0) return;
  if (wrapped_) ::kill(server_pid(), SIGKILL);
  ::kill(pid_, SIGKILL);
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
}

int ServerProcess::stop() {
  if (pid_ <= 0) return -1;
  ::kill(server_pid(), SIGTERM);
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

CommandResult run_prepbot(const std::vector<std::string>& args, const std::vector<std::string>& env) {
  int pipe_fds[2];
  if (pipe(pipe_fds) != 0) throw std::runtime_error("pipe failed");
  const pid_t pid = fork();
  if (pid == 0) {
    dup2(pipe_fds[1], STDERR_FILENO);
    dup2(pipe_fds[1], STDOUT_FILENO);
    close(pipe_fds[0]);
    for (const auto& setting : env) putenv(const_cast<char*>(setting.c_str()));
    std::vector<std::string> full = {PREPBOT_BINARY};
    full.insert(full.end(), args.begin(), args.end());
    auto argv = as_argv(full);
    execv(argv[0], argv.data());
    _exit(127);
  }
  close(pipe_fds[1]);
  CommandResult result;
  char buffer[4096];
  ssize_t got = 0;
  while ((got = read(pipe_fds[0], buffer, sizeof buffer)) > 0) result.output.append(buffer, static_cast<size_t>(got));
  close(pipe_fds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

}  // namespace prepbot::testing

#include "support/nginx_process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "support/server_process.hpp"

namespace prepbot::testing {
namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

NginxProcess::NginxProcess(const std::vector<int>& instance_ports) {
  port_ = free_port();
  const std::string dir = make_temp_dir();
  std::string command = PREPBOT_SOURCE_DIR "/tests/support/nginx_config.sh " + dir + " " + std::to_string(port_);
  for (const int instance : instance_ports) command += " " + std::to_string(instance);
  if (std::system(command.c_str()) != 0) throw std::runtime_error("nginx_config.sh failed: " + command);
  pid_ = fork();
  if (pid_ == 0) {
    const int log = open((dir + "/stderr.log").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(log, STDOUT_FILENO);
    dup2(log, STDERR_FILENO);
    execl("/usr/sbin/nginx", "nginx", "-p", dir.c_str(), "-c", (dir + "/nginx.conf").c_str(), "-e",
          (dir + "/error.log").c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  const auto through = client();
  for (int i = 0; i < 250; ++i) {
    if (through.get("/healthz").status == 200) return;
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) != 0) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ::kill(pid_, SIGKILL);
  waitpid(pid_, nullptr, 0);
  pid_ = -1;
  throw std::runtime_error("nginx did not start: " + read_file(dir + "/stderr.log") + read_file(dir + "/error.log"));
}

NginxProcess::~NginxProcess() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGTERM);
  int status = 0;
  waitpid(pid_, &status, 0);
}

}  // namespace prepbot::testing

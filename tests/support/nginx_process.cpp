#include "support/nginx_process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <regex>
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

// deploy/nginx/prepbot.conf with the test's instances and a loopback listener.
std::string site_config(const std::vector<int>& instance_ports, int port) {
  std::string site = read_file(PREPBOT_SOURCE_DIR "/deploy/nginx/prepbot.conf");
  std::string servers;
  for (const int instance : instance_ports)
    servers += "    server 127.0.0.1:" + std::to_string(instance) + " max_fails=1 fail_timeout=5s;\n";
  const std::regex upstream_servers(R"((    server 127\.0\.0\.1:\d+ [^\n]*\n)+)");
  if (!std::regex_search(site, upstream_servers)) throw std::runtime_error("deploy/nginx/prepbot.conf lists no upstream server");
  site = std::regex_replace(site, upstream_servers, servers, std::regex_constants::format_first_only);
  const std::regex listen(R"(listen 80;)");
  site = std::regex_replace(site, listen, "listen 127.0.0.1:" + std::to_string(port) + ";");
  return site;
}

}  // namespace

NginxProcess::NginxProcess(const std::vector<int>& instance_ports) {
  port_ = free_port();
  const std::string dir = make_temp_dir();
  chmod(dir.c_str(), 0755);  // nginx's workers run as nobody when the test runs as root
  const std::string temp = dir + "/temp";
  mkdir(temp.c_str(), 0777);
  chmod(temp.c_str(), 0777);
  std::ofstream(dir + "/prepbot.conf") << site_config(instance_ports, port_);
  std::ofstream(dir + "/nginx.conf") << "daemon off;\n"
                                     << "worker_processes 1;\n"
                                     << "pid " << dir << "/nginx.pid;\n"
                                     << "error_log " << dir << "/error.log warn;\n"
                                     << "events { worker_connections 1024; }\n"
                                     << "http {\n"
                                     << "  access_log off;\n"
                                     << "  client_body_temp_path " << temp << "/body;\n"
                                     << "  proxy_temp_path " << temp << "/proxy;\n"
                                     << "  fastcgi_temp_path " << temp << "/fastcgi;\n"
                                     << "  uwsgi_temp_path " << temp << "/uwsgi;\n"
                                     << "  scgi_temp_path " << temp << "/scgi;\n"
                                     << "  include " << dir << "/prepbot.conf;\n"
                                     << "}\n";
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

#pragma once
// Debian's nginx in front of PrepBot instances, running deploy/nginx/prepbot.conf
// with the test's ports (configured by tests/support/nginx_config.sh, which
// bench/scaleout.sh uses too).
#include <sys/types.h>

#include <string>
#include <vector>

#include "support/http_client.hpp"

namespace prepbot::testing {

class NginxProcess {
 public:
  // Balances over 127.0.0.1:`instance_ports`; waits until /healthz answers through it.
  explicit NginxProcess(const std::vector<int>& instance_ports);
  ~NginxProcess();  // fast shutdown
  NginxProcess(const NginxProcess&) = delete;
  NginxProcess& operator=(const NginxProcess&) = delete;

  int port() const { return port_; }
  HttpClient client() const { return HttpClient("http://127.0.0.1:" + std::to_string(port_)); }

 private:
  pid_t pid_ = -1;
  int port_ = 0;
};

}  // namespace prepbot::testing

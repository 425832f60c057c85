#pragma once
// The HTTP server: RESTinio on a thread pool, kept to server.cpp alone.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>

#include "http/gate.hpp"
#include "http/router.hpp"
#include "util/metrics.hpp"

namespace prepbot::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8000;
  std::size_t threads = 2;
  std::chrono::seconds drain_timeout{10};
};

// Blocks SIGINT and SIGTERM in the calling thread and so in every thread it
// starts afterwards: a stop signal then stays pending until serve() waits for it,
// instead of killing the process when it lands on a worker thread, or arrives
// while the bank is still loading. Call it first, before any thread exists.
void block_stop_signals();

// Serves `router` until SIGINT or SIGTERM (see block_stop_signals), then stops taking requests, lets the
// ones in flight finish (up to drain_timeout) and returns. Logs one line per
// request: method, path, status, duration and request id. Throws when it cannot
// listen.
// Every request passes `gate` first; each is counted in `metrics` by route and status.
void serve(const ServerOptions& options, const Router& router, Gate& gate, util::Metrics& metrics);

}  // namespace prepbot::http

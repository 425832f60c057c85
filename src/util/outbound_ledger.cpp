#include "util/outbound_ledger.hpp"

#include <algorithm>
#include <tuple>

#include <fmt/format.h>

#include "util/clock.hpp"

namespace prepbot::util {

OutboundLedger::OutboundLedger(Metrics* metrics) {
  if (metrics == nullptr) return;
  requests_ = metrics->counter("prepbot_outbound_requests_total",
                               "Requests the server sent to other hosts (the session database aside), by host and purpose.");
  bytes_ = metrics->counter("prepbot_outbound_bytes_total",
                            "Bytes exchanged with other hosts, by host, purpose and direction (sent or received).");
}

void OutboundLedger::record(std::string_view host, std::string_view purpose, long long bytes_sent, long long bytes_received) {
  const std::string labels = fmt::format("host=\"{}\",purpose=\"{}\"", host, purpose);
  requests_.add(labels);
  bytes_.add(labels + ",direction=\"sent\"", static_cast<double>(bytes_sent));
  bytes_.add(labels + ",direction=\"received\"", static_cast<double>(bytes_received));
  std::lock_guard lock(mutex_);
  auto it = std::find_if(entries_.begin(), entries_.end(),
                         [&](const OutboundEntry& e) { return e.host == host && e.purpose == purpose; });
  if (it == entries_.end()) {
    entries_.push_back({std::string(host), std::string(purpose), 0, 0, 0, ""});
    it = entries_.end() - 1;
  }
  ++it->requests;
  it->bytes_sent += bytes_sent;
  it->bytes_received += bytes_received;
  it->last_at = now_iso8601();
}

std::vector<OutboundEntry> OutboundLedger::entries() const {
  std::lock_guard lock(mutex_);
  std::vector<OutboundEntry> out = entries_;
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return std::tie(a.host, a.purpose) < std::tie(b.host, b.purpose); });
  return out;
}

bool OutboundLedger::offline() const {
  std::lock_guard lock(mutex_);
  return entries_.empty();
}

}  // namespace prepbot::util

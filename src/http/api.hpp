#pragma once
#include "http/router.hpp"
#include "http/static_files.hpp"
#include "interview/service.hpp"
#include "store/session_store.hpp"
#include "util/metrics.hpp"
#include "util/outbound_ledger.hpp"

namespace prepbot::http {

// The route table of the whole HTTP surface.
Router make_router(interview::InterviewService& interview, store::SessionStore& store, const StaticFiles& web,
                   const util::Metrics& metrics, const util::OutboundLedger& ledger);

}  // namespace prepbot::http

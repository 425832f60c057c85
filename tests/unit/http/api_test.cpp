// The route table against the published API document (web/openapi.json, served
// at /openapi.json and shown at /docs): every API route is documented, and every
// documented operation is routed.
#include "http/api.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <set>

#include <nlohmann/json.hpp>

#include "coach/offline/offline_coach.hpp"
#include "coach/offline/test_bank.hpp"
#include "http/static_files.hpp"

namespace prepbot::http {
namespace {

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

TEST(Api, EveryRouteIsDocumentedAndEveryDocumentedOperationIsRouted) {
  const auto bank = std::make_shared<const coach::offline::Bank>(coach::offline::testing::test_bank());
  util::WorkerPool workers(1);
  coach::offline::OfflineCoach coach(bank, workers);
  const auto store = store::open_store("sqlite::memory:");
  interview::InterviewService interview({"offline", {{"offline", &coach}}}, *store, workers);
  const StaticFiles web;
  util::Metrics metrics;
  const util::OutboundLedger ledger;
  const Router router = make_router(interview, *store, web, metrics, ledger);

  std::set<std::string> routed, documented;
  for (const auto& route : router.routes())
    if (!route.fallback && route.pattern != "/docs") routed.insert(lower(route.method) + " " + route.pattern);  // /docs is the page that shows the document
  std::ifstream file(std::string(PREPBOT_SOURCE_DIR) + "/web/openapi.json");
  const auto document = nlohmann::json::parse(file);
  for (const auto& [path, operations] : document.at("paths").items())
    for (const auto& [method, operation] : operations.items())
      if (method != "parameters") documented.insert(method + " " + path);
  EXPECT_EQ(routed, documented);
}

}  // namespace
}  // namespace prepbot::http

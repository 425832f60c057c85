#include "config/config.hpp"

#include <gtest/gtest.h>

namespace prepbot::config {
namespace {

TEST(Config, DefaultsAreValid) {
  Config config;
  config.validate();
  EXPECT_EQ(config.host, "127.0.0.1");
  EXPECT_EQ(config.port, 8000);
  EXPECT_EQ(config.log_level, "info");
  EXPECT_FALSE(config.log_json);
}

TEST(Config, ParsesListenLogAndCors) {
  Config config;
  config.listen = "[::1]:9000";
  config.log = "debug,json";
  config.cors_origins = "https://a.example, http://localhost:3000";
  config.validate();
  EXPECT_EQ(config.host, "::1");
  EXPECT_EQ(config.port, 9000);
  EXPECT_TRUE(config.log_json);
  EXPECT_EQ(config.cors_origin_list.size(), 2u);
}

TEST(Config, RateLimitIsRateAndBurst) {
  Config config;
  config.rate_limit = "5";
  config.validate();
  EXPECT_DOUBLE_EQ(config.rate_per_second, 5);
  EXPECT_DOUBLE_EQ(config.rate_burst, 10);
  config.rate_limit = "0";
  config.validate();
  EXPECT_DOUBLE_EQ(config.rate_per_second, 0);
}

std::string error_of(void (*change)(Config&)) {
  Config config;
  change(config);
  try {
    config.validate();
  } catch (const ConfigError& error) {
    return error.what();
  }
  return "";
}

TEST(Config, EachBadValueNamesItsSetting) {
  EXPECT_NE(error_of([](Config& c) { c.listen = "8000"; }).find("PREPBOT_LISTEN"), std::string::npos);
  EXPECT_NE(error_of([](Config& c) { c.listen = "host:99999"; }).find("PREPBOT_LISTEN"), std::string::npos);
  EXPECT_NE(error_of([](Config& c) { c.store = "mysql://x"; }).find("PREPBOT_STORE"), std::string::npos);
  EXPECT_NE(error_of([](Config& c) { c.coach = "watson"; }).find("PREPBOT_COACH"), std::string::npos);
  EXPECT_NE(error_of([](Config& c) { c.log = "loud"; }).find("PREPBOT_LOG"), std::string::npos);
  EXPECT_NE(error_of([](Config& c) { c.log = "info,xml"; }).find("PREPBOT_LOG"), std::string::npos);
  EXPECT_NE(error_of([](Config& c) { c.cors_origins = "ftp://x"; }).find("PREPBOT_CORS_ORIGINS"), std::string::npos);
  EXPECT_NE(error_of([](Config& c) { c.gemini_base_url = "nope"; }).find("GEMINI_BASE_URL"), std::string::npos);
  EXPECT_NE(error_of([](Config& c) { c.threads = -1; }).find("PREPBOT_THREADS"), std::string::npos);
  EXPECT_NE(error_of([](Config& c) { c.rate_limit = "fast"; }).find("PREPBOT_RATE_LIMIT"), std::string::npos);
  EXPECT_NE(error_of([](Config& c) { c.rate_limit = "5,0"; }).find("PREPBOT_RATE_LIMIT"), std::string::npos);
  EXPECT_NE(error_of([](Config& c) { c.retention_days = -2; }).find("PREPBOT_RETENTION_DAYS"), std::string::npos);
  EXPECT_NE(error_of([](Config& c) { c.max_client_connections = -1; }).find("PREPBOT_MAX_CLIENT_CONNECTIONS"), std::string::npos);
  EXPECT_NE(error_of([](Config& c) { c.db_pool = 0; }).find("PREPBOT_DB_POOL"), std::string::npos);
  EXPECT_NE(error_of([](Config& c) { c.trusted_proxies = "10.0.0.1,nginx"; }).find("PREPBOT_TRUSTED_PROXIES"), std::string::npos);
}

TEST(Config, AcceptsPostgresqlUrlsAndNeverEchoesThem) {
  Config config;
  config.store = "postgresql://prepbot:pw@db.internal:5432/prepbot";
  EXPECT_NO_THROW(config.validate());
  config.store = "postgres://prepbot@127.0.0.1/prepbot";
  EXPECT_NO_THROW(config.validate());
  config.trusted_proxies = " 127.0.0.1, ::1 ";
  config.validate();
  EXPECT_EQ(config.trusted_proxy_list, (std::vector<std::string>{"127.0.0.1", "::1"}));
  EXPECT_EQ(error_of([](Config& c) { c.store = "postgresql:/nohost"; }).find("nohost"), std::string::npos);
}

}  // namespace
}  // namespace prepbot::config

#include "util/secret.hpp"

#include <gtest/gtest.h>

#include <ostream>
#include <type_traits>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace prepbot::util {
namespace {

template <class T, class = void>
struct Streamable : std::false_type {};
template <class T>
struct Streamable<T, std::void_t<decltype(std::declval<std::ostream&>() << std::declval<const T&>())>> : std::true_type {};

// What the type forbids is checked when this file compiles; the test records it.
static_assert(!fmt::is_formattable<Secret>::value, "a secret must not reach a log line");
static_assert(!Streamable<Secret>::value, "a secret must not reach a stream");
static_assert(!std::is_constructible_v<nlohmann::json, Secret>, "a secret must not reach a JSON document");
static_assert(!std::is_convertible_v<std::string, Secret>, "a string becomes a secret only on purpose");

TEST(Secret, RevealsItsTextOnlyWhenAsked) {
  const Secret key("sk-test-123");
  EXPECT_EQ(key.reveal(), "sk-test-123");
  EXPECT_FALSE(key.empty());
  EXPECT_TRUE(Secret().empty());
}

}  // namespace
}  // namespace prepbot::util

#include "model/levels.hpp"

#include <gtest/gtest.h>

namespace prepbot::model {
namespace {

TEST(Levels, TheSeedsFourLabelsRoundTrip) {
  for (auto level : {Level::entry, Level::junior, Level::mid, Level::senior})
    EXPECT_EQ(parse_level(to_string(level)), level);
}

TEST(Levels, CommonAliasesMapToALevel) {
  EXPECT_EQ(parse_level("Intern"), Level::entry);
  EXPECT_EQ(parse_level("new grad"), Level::entry);
  EXPECT_EQ(parse_level("junior"), Level::junior);
  EXPECT_EQ(parse_level("Mid-Level"), Level::mid);
  EXPECT_EQ(parse_level("senior"), Level::senior);
  EXPECT_EQ(parse_level("staff"), Level::senior);
}

TEST(Levels, YearsMapToTheLevelThatContainsThem) {
  EXPECT_EQ(parse_level("0"), Level::entry);
  EXPECT_EQ(parse_level("2 years"), Level::junior);
  EXPECT_EQ(parse_level("4 yrs"), Level::mid);
  EXPECT_EQ(parse_level("12+ years"), Level::senior);
}

TEST(Levels, NonsenseIsRejected) {
  EXPECT_FALSE(parse_level("forever"));
  EXPECT_FALSE(parse_level(""));
  EXPECT_FALSE(parse_level("-3"));
  EXPECT_FALSE(parse_level("3 decades"));
}

TEST(Modes, ParseTheThreeModes) {
  EXPECT_EQ(parse_mode("technical"), Mode::technical);
  EXPECT_EQ(parse_mode("Behavioural"), Mode::behavioral);
  EXPECT_EQ(parse_mode("mixed"), Mode::mixed);
  EXPECT_FALSE(parse_mode("casual"));
}

}  // namespace
}  // namespace prepbot::model

#include "speech/delivery.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace prepbot::speech {
namespace {

// A detector's result built by hand: speech from 0 to `speaking` seconds plus
// the pauses, which follow one another from second 10.
VoiceActivity voice_of(double speaking, const std::vector<double>& pause_lengths = {}) {
  VoiceActivity voice;
  double at = 0;
  const double piece = speaking / static_cast<double>(pause_lengths.size() + 1);
  for (double length : pause_lengths) {
    voice.speech.push_back({at, at + piece});
    voice.pauses.push_back({at + piece, length});
    at += piece + length;
  }
  voice.speech.push_back({at, at + piece});
  voice.duration = at + piece + 0.5;
  voice.speaking_seconds = speaking;
  return voice;
}

std::string words(int n) {
  std::string text;
  for (int i = 0; i < n; ++i) text += i ? " word" : "word";
  return text;
}

TEST(Delivery, CountsWordsThatHoldALetterOrADigit) {
  const auto count = [](std::string_view text) { return describe_delivery(voice_of(60), text, 0).words; };
  EXPECT_EQ(count("um, so \u2014 I built it"), 5);
  EXPECT_EQ(count("um, so - I built it"), 5);
  EXPECT_EQ(count(""), 0);
  EXPECT_EQ(count(" \t\n "), 0);
  EXPECT_EQ(count("\u2014 \u2026 !! -- \U0001F600"), 0);
  EXPECT_EQ(count("I don't know, 42 percent."), 5);
  EXPECT_EQ(count("well-known e.g. C++ node.js"), 4);
  EXPECT_EQ(count("caf\u00e9 na\u00efve \u6771\u4eac \u041f\u0440\u0438\u0432\u0435\u0442"), 4);
  EXPECT_EQ(count("one\u00a0two\u2009three\r\nfour"), 4);  // no-break and thin spaces separate too
  EXPECT_EQ(count("\"quoted\" (aside) [3]"), 3);
  EXPECT_EQ(count(std::string("bad\xff\xfe bytes \xc3")), 2);  // not UTF-8: the letters still count
}

TEST(Delivery, FiguresArePerMinuteOfSpeaking) {
  const auto d = describe_delivery(voice_of(90, {1.0, 2.0}), words(210), 3);
  EXPECT_EQ(d.words, 210);
  EXPECT_DOUBLE_EQ(d.words_per_minute, 140);
  EXPECT_EQ(d.filler_count, 3);
  EXPECT_DOUBLE_EQ(d.fillers_per_minute, 2);
  EXPECT_DOUBLE_EQ(d.speaking_seconds, 90);
  EXPECT_DOUBLE_EQ(d.duration_seconds, 93.5);
  ASSERT_EQ(d.pauses.size(), 2u);
  EXPECT_DOUBLE_EQ(d.pauses[1].length, 2.0);
}

TEST(Delivery, VerdictsInPlainWords) {
  auto d = describe_delivery(voice_of(60), words(148), 1);
  EXPECT_EQ(d.pace, "148 words a minute: easy to follow (120\u2013160 is the usual advice)");
  EXPECT_EQ(d.fillers, "1 filler word a minute: unnoticeable");
  EXPECT_EQ(d.pausing, "no pauses of 0.7 s or longer");

  VoiceActivity voice = voice_of(60);
  voice.pauses = {{4.2, 0.9}, {12.3, 1.44}};
  d = describe_delivery(voice, words(95), 0);
  EXPECT_EQ(d.pace, "95 words a minute: slow; aim for 120\u2013160");
  EXPECT_EQ(d.pausing, "2 pauses, the longest 1.4 s at 0:12: natural");
  EXPECT_EQ(d.fillers, "no filler words");

  voice.pauses = {{75.9, 3.5}};
  voice.speaking_seconds = 120;
  d = describe_delivery(voice, words(330), 9);
  EXPECT_EQ(d.pace, "165 words a minute: a little fast; aim for 120\u2013160");
  EXPECT_EQ(d.pausing, "1 pause, 3.5 s at 1:15: natural, though over 3 s is long");
  EXPECT_EQ(d.fillers, "4.5 filler words a minute: noticeable; a silent pause serves better");
}

struct PaceCase {
  int words;
  double speaking_seconds;
  const char* verdict_start;
  int effect;
};

// Boundaries of 120–160 (easy), 100–119 and 161–180 (a little off), under
// 100 and over 180 (−1), judged on the rounded figure the candidate reads.
TEST(Delivery, PaceBoundaries) {
  const std::vector<PaceCase> cases = {
      {99, 60, "99 words a minute: slow", -1},
      {199, 120, "100 words a minute: a little slow", 0},  // 99.5 shows as 100
      {100, 60, "100 words a minute: a little slow", 0},
      {119, 60, "119 words a minute: a little slow", 0},
      {120, 60, "120 words a minute: easy to follow", 0},
      {160, 60, "160 words a minute: easy to follow", 0},
      {321, 120, "161 words a minute: a little fast", 0},  // 160.5 shows as 161
      {180, 60, "180 words a minute: a little fast", 0},
      {361, 120, "181 words a minute: fast", -1},  // 180.5 shows as 181
      {250, 60, "250 words a minute: fast", -1},
      {1, 60, "1 word a minute: slow", -1},
  };
  for (const auto& c : cases) {
    const auto d = describe_delivery(voice_of(c.speaking_seconds), words(c.words), 0);
    EXPECT_EQ(d.pace.rfind(c.verdict_start, 0), 0u) << d.pace;
    EXPECT_EQ(d.communication_effect, c.effect) << d.pace;
  }
}

// A pause over 5 s, or more than six a minute of speaking, is −1 (once, for both).
TEST(Delivery, PauseBoundaries) {
  const auto effect = [](double speaking, const std::vector<double>& pauses) {
    return describe_delivery(voice_of(speaking, pauses), words(static_cast<int>(speaking * 140 / 60)), 0);
  };
  EXPECT_EQ(effect(60, {5.0}).communication_effect, 0);
  EXPECT_EQ(effect(60, {5.04}).communication_effect, 0);  // shown as 5.0 s
  EXPECT_EQ(effect(60, {5.1}).communication_effect, -1);
  EXPECT_EQ(effect(60, {5.1}).pausing, "1 pause, 5.1 s at 0:30: a silence over 5 s reads as losing the thread");

  EXPECT_EQ(effect(60, std::vector<double>(6, 1.0)).communication_effect, 0);
  const auto seven = effect(60, std::vector<double>(7, 1.0));
  EXPECT_EQ(seven.communication_effect, -1);
  EXPECT_EQ(seven.pausing.rfind("7 pauses (7 a minute of speaking), the longest 1.0 s at ", 0), 0u) << seven.pausing;
  EXPECT_NE(seven.pausing.find(": more than 6 pauses a minute read as losing the thread"), std::string::npos);

  EXPECT_EQ(effect(120, std::vector<double>(12, 1.0)).communication_effect, 0);   // 6.0 a minute
  EXPECT_EQ(effect(120, std::vector<double>(13, 1.0)).communication_effect, -1);  // 6.5 a minute
  EXPECT_EQ(effect(120, {1.0, 6.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0}).communication_effect, -1);

  // Under a minute of speaking, the rate is judged as if the minute were up:
  // four pauses in 30 s are four pauses, not a habit of eight a minute.
  EXPECT_EQ(effect(30, std::vector<double>(4, 1.0)).communication_effect, 0);
  const auto short_and_broken = effect(30, std::vector<double>(7, 1.0));
  EXPECT_EQ(short_and_broken.communication_effect, -1);
  EXPECT_EQ(short_and_broken.pausing.rfind("7 pauses in 30 s of speaking, the longest", 0), 0u)
      << short_and_broken.pausing;
}

TEST(Delivery, FillersAreDescribedButChangeNothing) {
  EXPECT_EQ(describe_delivery(voice_of(60), words(140), 3).fillers, "3 filler words a minute: unnoticeable");
  EXPECT_EQ(describe_delivery(voice_of(60), words(140), 4).fillers,
            "4 filler words a minute: noticeable; a silent pause serves better");
  EXPECT_EQ(describe_delivery(voice_of(60), words(140), 6).fillers,
            "6 filler words a minute: noticeable; a silent pause serves better");
  const auto many = describe_delivery(voice_of(60), words(140), 7);
  EXPECT_EQ(many.fillers, "7 filler words a minute: distracting; a silent pause serves better");
  EXPECT_EQ(many.communication_effect, 0);
  EXPECT_EQ(describe_delivery(voice_of(20), words(47), 2).fillers, "2 filler words in 20 s of speaking: unnoticeable");
  EXPECT_EQ(describe_delivery(voice_of(20), words(47), 7).fillers,
            "7 filler words in 20 s of speaking: distracting; a silent pause serves better");
}

TEST(Delivery, EffectsAddUpToNoLessThanMinusTwo) {
  const auto worst = describe_delivery(voice_of(120, {9.0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}), words(500), 40);
  EXPECT_EQ(worst.communication_effect, -2);
  EXPECT_NE(worst.pausing.find("a silence over 5 s, and more than 6 pauses a minute, read as losing the thread"),
            std::string::npos)
      << worst.pausing;
  EXPECT_EQ(describe_delivery(voice_of(60, {7.0}), words(90), 0).communication_effect, -2);
  EXPECT_EQ(describe_delivery(voice_of(60, {7.0}), words(140), 0).communication_effect, -1);
}

// Nothing measured is nothing judged: no speech, or a transcript without words
// (the speech-to-text heard nothing it could write), has no pace.
TEST(Delivery, NoSpeechIsNotSlowSpeech) {
  VoiceActivity silent;
  silent.duration = 12;
  auto d = describe_delivery(silent, "", 0);
  EXPECT_EQ(d.words_per_minute, 0);
  EXPECT_EQ(d.fillers_per_minute, 0);
  EXPECT_EQ(d.communication_effect, 0);
  EXPECT_EQ(d.pace, "no speech was heard, so there is no pace to judge");
  EXPECT_EQ(d.pausing, "no pauses of 0.7 s or longer");
  EXPECT_DOUBLE_EQ(d.duration_seconds, 12);

  d = describe_delivery(silent, "um so", 1);
  EXPECT_EQ(d.words, 2);
  EXPECT_EQ(d.words_per_minute, 0);
  EXPECT_EQ(d.fillers, "1 filler word, but no speech was heard");

  d = describe_delivery(voice_of(30), " \u2014 ", 0);
  EXPECT_EQ(d.pace, "the transcript has no words, so there is no pace to judge");
  EXPECT_EQ(d.communication_effect, 0);
}

}  // namespace
}  // namespace prepbot::speech

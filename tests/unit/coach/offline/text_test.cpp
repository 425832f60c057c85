#include "coach/offline/text.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace prepbot::coach::offline {
namespace {

TEST(Text, SplitsWordsAndSentencesAndStems) {
  const auto text = analyze("Indexes speed up reads. Node.js uses C++ addons!");
  ASSERT_EQ(text.tokens.size(), 8u);
  EXPECT_EQ(text.tokens[0].stem, stem_word("index"));
  EXPECT_EQ(text.tokens[4].word, "node.js");
  EXPECT_EQ(text.tokens[6].word, "c++");
  EXPECT_EQ(text.sentences, 2u);
  EXPECT_EQ(text.tokens[4].sentence, 1u);
}

TEST(Text, HyphenatedAndSpacedFormsMatch) {
  EXPECT_NE(find_phrase(analyze("We used cross validation."), stem_phrase("cross-validation")), std::string::npos);
  EXPECT_NE(find_phrase(analyze("We used cross-validation."), stem_phrase("cross validation")), std::string::npos);
}

TEST(Text, FindsPhrasesWithSmallGaps) {
  const auto text = analyze("We retry the call with exponential backoff.");
  EXPECT_NE(find_phrase(text, stem_phrase("exponential backoff")), std::string::npos);
  EXPECT_NE(find_phrase(text, stem_phrase("retry call")), std::string::npos);
  EXPECT_EQ(find_phrase(text, stem_phrase("retry backoff")), std::string::npos) << "four words apart";
  std::size_t last = 0;
  EXPECT_EQ(find_phrase(text, stem_phrase("retry call"), 2, Polarity::affirmed, 0, &last), 1u);
  EXPECT_EQ(last, 3u) << "the occurrence ends at its last word";
}

TEST(Text, NegatedMentionsDoNotCount) {
  EXPECT_EQ(find_phrase(analyze("We did not use a cache."), stem_phrase("cache")), std::string::npos);
  EXPECT_EQ(find_phrase(analyze("I don't think caching helps."), stem_phrase("caching")), std::string::npos);
  EXPECT_NE(find_phrase(analyze("Not always, but we used a cache."), stem_phrase("cache")), std::string::npos);
  EXPECT_EQ(find_phrase(analyze("Accuracy is not enough here."), stem_phrase("accuracy is enough")), std::string::npos)
      << "a negation between the phrase's words negates it";
}

TEST(Text, AQualifyingOrDoubleNegationDeniesNothing) {
  const auto denied = [](const char* text, const char* phrase) {
    return find_phrase(analyze(text), stem_phrase(phrase), 2, Polarity::negated) != std::string::npos;
  };
  EXPECT_FALSE(denied("Softmax outputs are not necessarily calibrated.", "calibrated"));
  EXPECT_FALSE(denied("It is not only cached but replicated.", "cached"));
  EXPECT_FALSE(denied("I never merge without a review.", "review")) << "a negated 'without' requires it";
  EXPECT_TRUE(denied("We merged without a review.", "review"));
  EXPECT_TRUE(denied("Outputs are not calibrated.", "calibrated"));
}

TEST(Text, PhrasesStayInsideOneSentence) {
  EXPECT_EQ(find_phrase(analyze("We use redis. Counters are shared."), stem_phrase("redis counter")), std::string::npos);
}

TEST(Text, QuotesTheSentenceOfAMatch) {
  const auto text = analyze("First point. Then we added a B-tree index on user_id. Done.");
  const auto at = find_phrase(text, stem_phrase("b-tree"));
  ASSERT_NE(at, std::string::npos);
  EXPECT_EQ(text.quote(at), "Then we added a B-tree index on user_id");
}

}  // namespace
}  // namespace prepbot::coach::offline

namespace prepbot::coach::offline {
namespace {

TEST(Text, AbbreviationsDoNotEndTheSentenceAQuoteComesFrom) {
  const auto text = analyze("Pick a selective column, e.g. user_id, and check the query plan. Done.");
  const auto at = find_phrase(text, stem_phrase("query plan"));
  ASSERT_NE(at, std::string::npos);
  EXPECT_EQ(text.quote(at), "Pick a selective column, e.g. user_id, and check the query plan");
}

TEST(Text, ANegationAfterAPhraseDeniesIt) {
  const auto text = analyze("A B-tree is never used for indexes.");
  EXPECT_EQ(find_phrase(text, stem_phrase("b-tree")), std::string::npos);
  EXPECT_NE(find_phrase(text, stem_phrase("b-tree"), 2, Polarity::negated), std::string::npos);
  EXPECT_NE(find_phrase(analyze("There are no slower writes."), stem_phrase("slower writes"), 2, Polarity::negated),
            std::string::npos);
  EXPECT_EQ(find_phrase(analyze("Indexes mean slower writes."), stem_phrase("slower writes"), 2, Polarity::negated),
            std::string::npos);
}

TEST(Text, ThePrefixNonNeitherStatesNorDeniesTheWordItIsJoinedTo) {
  const auto text = analyze("COUNT(column) counts non-null values, and malloc timing is non-deterministic.");
  EXPECT_EQ(find_phrase(text, stem_phrase("counts null values")), std::string::npos) << "non-null is not null";
  EXPECT_EQ(find_phrase(text, stem_phrase("malloc timing is deterministic")), std::string::npos);
  EXPECT_EQ(find_phrase(text, stem_phrase("null values"), 2, Polarity::negated), std::string::npos)
      << "nor is it a denial: non-null values are another thing";
  EXPECT_NE(find_phrase(analyze("Run the container as a non-root user."), stem_phrase("non-root user")), std::string::npos)
      << "a phrase with the prefix matches as written";
  EXPECT_NE(find_phrase(analyze("The non-null values are counted."), stem_phrase("values are counted")), std::string::npos)
      << "the prefix reaches only the word it is joined to";
}

TEST(Text, ANotThatSetsOneThingAgainstAnotherDeniesNothing) {
  const auto denied = [](const char* text, const char* phrase) {
    return find_phrase(analyze(text), stem_phrase(phrase), 2, Polarity::negated) != std::string::npos;
  };
  EXPECT_FALSE(denied("Alert on p99 latency, not averages.", "averages"));
  EXPECT_FALSE(denied("They store tokens, not card numbers.", "card numbers"));
  EXPECT_TRUE(denied("Averages are not enough to alert on.", "averages are enough"));
  EXPECT_TRUE(denied("We do not store card numbers.", "store card numbers"));
  EXPECT_EQ(find_phrase(analyze("They store tokens, not card numbers."), stem_phrase("store card numbers")), std::string::npos)
      << "nor does the thing set aside count as stated";
}

TEST(Text, ANegationStaysInsideItsClause) {
  const auto denied = [](const char* text, const char* phrase) {
    return find_phrase(analyze(text), stem_phrase(phrase), 2, Polarity::negated) != std::string::npos;
  };
  EXPECT_FALSE(denied("If we can't randomize, use propensity scores.", "propensity scores")) << "a comma ends the negation's reach";
  EXPECT_FALSE(denied("Give each user least privilege (no DDL).", "least privilege")) << "nor does a bracket let it reach back";
  EXPECT_FALSE(denied("Track no-show rates by provider.", "show rates")) << "'no-' names a thing";
  EXPECT_FALSE(denied("Drop degree requirements that aren't needed.", "degree requirements")) << "a relative clause denies its own verb";
  EXPECT_FALSE(denied("Many instances exhaust database connections without a proxy.", "database connections"));
  EXPECT_TRUE(denied("Personalising messages doesn't help.", "personalising")) << "the subject's own verb denied";
  EXPECT_TRUE(denied("A B-tree is never used for indexes.", "b-tree"));
}

TEST(Text, AfterAPhraseANegationDeniesOnlyItsBeingUseOrWorth) {
  const auto text = [](const char* t) { return analyze(t); };
  const auto denied = [](const AnalyzedText& t, const char* phrase) {
    return find_phrase(t, stem_phrase(phrase), 2, Polarity::negated) != std::string::npos;
  };
  const auto interface = text("A beautiful interface can't rescue a confusing flow.");
  EXPECT_FALSE(denied(interface, "beautiful interface")) << "something else is said of it";
  EXPECT_NE(find_phrase(interface, stem_phrase("beautiful interface")), std::string::npos) << "so it is stated";
  EXPECT_FALSE(denied(text("Order is not guaranteed across retries."), "ordering"));
  EXPECT_FALSE(denied(text("Escalate when it needs skills I don't have."), "skills")) << "another subject's verb";
  EXPECT_TRUE(denied(text("Out-of-order data isn't a real problem here."), "out of order"));
  EXPECT_TRUE(denied(text("Personalising messages doesn't change reply rates."), "personalising messages"));
  EXPECT_TRUE(denied(text("The index is not needed."), "index"));
}

TEST(Text, ANegationInAClauseThatDescribesACaseDeniesNothingButPutsItNegatively) {
  const auto found = [](const char* t, const char* phrase, Polarity polarity) {
    return find_phrase(analyze(t), stem_phrase(phrase), 2, polarity) != std::string::npos;
  };
  EXPECT_FALSE(found("A buyer who will not commit to a plan is a risk.", "commit to a plan", Polarity::negated));
  EXPECT_FALSE(found("If you don't add an index, the query scans.", "add an index", Polarity::negated));
  EXPECT_FALSE(found("Write to a temp file, so a crash doesn't corrupt the save.", "corrupt", Polarity::negated));
  EXPECT_TRUE(found("Write to a temp file, so a crash doesn't corrupt the save.", "corrupt", Polarity::put_negatively));
  EXPECT_TRUE(found("A crash doesn't corrupt the save.", "corrupt", Polarity::negated)) << "asserted, it denies";
  EXPECT_FALSE(found("A firewall that never saw the SYN drops the reply.", "syn", Polarity::negated)) << "'that' after a noun";
  EXPECT_TRUE(found("It means that the server never saw the SYN.", "syn", Polarity::negated)) << "'that' after a word of saying";
  EXPECT_FALSE(found("The reply is the same whether or not the email exists.", "email exists", Polarity::negated));
  EXPECT_FALSE(found("Cached or not, the page loads.", "cached", Polarity::negated));
}

TEST(Text, AStatementThatRestrictsIsPutNegatively) {
  EXPECT_TRUE(states_a_negative("Only critical tasks move the end date"));
  EXPECT_TRUE(states_a_negative("An index avoids a full scan"));
  EXPECT_FALSE(states_a_negative("Critical tasks move the end date"));
}

TEST(Text, NotAlwaysOrNotJustKeepsAPhraseWithTheQualifierFromBeingStated) {
  EXPECT_EQ(find_phrase(analyze("Input drift does not always hurt accuracy."), stem_phrase("drift always hurts accuracy"), 3),
            std::string::npos);
  EXPECT_EQ(find_phrase(analyze("Revoke sessions, not just reset the password."), stem_phrase("just reset the password")),
            std::string::npos);
  EXPECT_NE(find_phrase(analyze("Input drift always hurts accuracy."), stem_phrase("drift always hurts accuracy")), std::string::npos);
}

TEST(Text, APhraseThatHoldsANegationMatchesAsWritten) {
  const auto text = analyze("Honestly, indexes never slow writes at all.");
  EXPECT_NE(find_phrase(text, stem_phrase("indexes never slow"), 3), std::string::npos);
  EXPECT_EQ(find_phrase(analyze("Indexes slow writes."), stem_phrase("indexes never slow"), 3), std::string::npos);
}

TEST(Text, StemsStayTheSameOnceRememberedAndAfterTheMemoFills) {
  EXPECT_EQ(stem_word("indexes"), "index");
  EXPECT_EQ(stem_word("indexes"), "index");  // from the thread's memo
  for (int i = 0; i < 60'000; ++i) stem_word("word" + std::to_string(i) + "ing");  // fills it past its bound
  EXPECT_EQ(stem_word("indexes"), "index");
  EXPECT_EQ(stem_word("running"), "run");
  const std::string long_word(70, 'a');  // longer than the memo keeps
  EXPECT_EQ(stem_word(long_word + "ing"), stem_word(long_word + "ing"));
  EXPECT_EQ(stem_phrase("Retries, e.g. Backoff"), (std::vector<std::string>{"retri", "e.g", "backoff"}));
}

TEST(Text, WordsAreSplitAsTheAnalysisSplitsThem) {
  const std::string text = "Don't retry e.g. node.js's C++ calls; cross-validation, 3.5 GB.";
  std::vector<std::string> analysed;
  for (const auto& token : analyze(text).tokens) analysed.push_back(token.word);
  EXPECT_EQ(words_of(text), analysed);
  EXPECT_EQ(words_of(text).front(), "don't");
}

}  // namespace
}  // namespace prepbot::coach::offline

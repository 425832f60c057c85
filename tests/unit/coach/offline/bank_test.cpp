#include "coach/offline/bank.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "model/levels.hpp"

#include "coach/offline/test_bank.hpp"
#include "coach/offline/test_knowledge.hpp"

namespace prepbot::coach::offline {
namespace {

TEST(Bank, TheBuiltInBankIsValid) {
  const Bank bank = Bank::load_embedded();
  EXPECT_GT(bank.questions().size(), 100u);
  EXPECT_GE(bank.families().size(), 4u);
  for (const auto& q : bank.questions()) {
    EXPECT_FALSE(q.key_points.empty()) << q.id;
    EXPECT_FALSE(q.resources.empty()) << q.id;
  }
}

TEST(Bank, TheBuiltInBankCoversEveryRoleLevelAndCompetency) {
  const Bank bank = Bank::load_embedded();
  EXPECT_GE(bank.questions().size(), 400u);
  std::set<std::string> families;
  for (const auto& family : bank.families()) families.insert(family.name);
  for (const char* wanted : {"backend", "frontend", "fullstack", "mobile", "data-scientist", "ml-engineer", "data-analyst",
                             "devops-sre", "security", "qa", "database", "cloud-architect", "product-manager",
                             "engineering-manager"})
    EXPECT_TRUE(families.count(wanted)) << wanted;
  std::map<std::string, int> competencies, difficulties, levels;
  int behavioral = 0;
  for (const auto& q : bank.questions()) {
    ++difficulties[q.difficulty];
    for (auto level : q.levels) ++levels[std::string(model::level_key(level))];
    if (q.type == "behavioral") ++behavioral;
    if (q.family == "behavioral") ++competencies[q.tags.front()];
  }
  EXPECT_GE(behavioral, 80);
  for (const char* competency : {"conflict", "failure", "leadership", "prioritization", "feedback", "ambiguity",
                                 "ownership", "teamwork", "customer-focus"})
    EXPECT_GE(competencies[competency], 5) << competency;
  for (const char* difficulty : {"easy", "medium", "hard"}) EXPECT_GE(difficulties[difficulty], 100) << difficulty;
  for (const char* level : {"entry", "junior", "mid", "senior"}) EXPECT_GE(levels[level], 100) << level;
}

TEST(Bank, KeyPointsCarryWordNetSynonymsOfTheirTerms) {
  const Bank bank = Bank::load_embedded();
  std::size_t with_synonyms = 0;
  for (const auto& q : bank.questions())
    for (const auto& point : q.key_points) {
      ASSERT_EQ(point.synonyms.size(), point.stemmed_synonyms.size());
      with_synonyms += !point.synonyms.empty();
    }
  EXPECT_GE(with_synonyms, 300u);
}

TEST(Bank, ParsesFamiliesAndQuestions) {
  const Bank bank = testing::test_bank();
  EXPECT_EQ(bank.families().size(), 2u) << "behavioral is not a role family";
  ASSERT_NE(bank.find("backend-003"), nullptr);
  EXPECT_EQ(bank.find("backend-003")->key_points.size(), 3u);
  EXPECT_EQ(bank.find("missing-001"), nullptr);
}

TEST(Bank, MapsRolesToFamilies) {
  const Bank bank = testing::test_bank();
  EXPECT_EQ(bank.match_role("Backend Developer").family->name, "backend");
  EXPECT_TRUE(bank.match_role("Backend Developer").exact);
  EXPECT_EQ(bank.match_role("react developer").family->name, "frontend");
  EXPECT_EQ(bank.match_role("Senior Frontend Engineer").family->name, "frontend");
  EXPECT_TRUE(bank.match_role("Sr. Frontend Engineer II").exact) << "seniority words are not part of the role";
  EXPECT_EQ(bank.match_role("chef").family->name, "backend") << "no overlap falls back to backend";
}

TEST(Bank, ReportsEveryBrokenRule) {
  auto files = testing::test_bank_files();
  files[0].second.replace(files[0].second.find("\"difficulty\": \""), 15, "\"difficulty\": \"x");
  files.emplace_back("broken.json", "{not json");
  try {
    Bank::parse(views_of(files));
    FAIL() << "expected BankError";
  } catch (const BankError& error) {
    ASSERT_GE(error.problems.size(), 2u);
    EXPECT_NE(std::string(error.what()).find("difficulty"), std::string::npos);
    EXPECT_NE(std::string(error.what()).find("broken.json"), std::string::npos);
  }
}

TEST(Bank, FilesReadOnSeveralThreadsKeepTheirOrder) {
  auto files = testing::test_bank_files();
  for (int i = 0; i < 20; ++i) files.emplace_back("broken-" + std::to_string(10 + i) + ".json", "{not json");
  try {
    Bank::parse(views_of(files));
    FAIL() << "expected BankError";
  } catch (const BankError& error) {
    ASSERT_EQ(error.problems.size(), 20u);
    for (int i = 0; i < 20; ++i)
      EXPECT_EQ(error.problems[static_cast<std::size_t>(i)].rfind("broken-" + std::to_string(10 + i) + ".json", 0), 0u)
          << error.problems[static_cast<std::size_t>(i)];
  }
  const Bank bank = Bank::parse(views_of(testing::test_bank_files()));
  std::vector<std::string> families;
  for (const auto& q : bank.questions())
    if (families.empty() || families.back() != q.family) families.push_back(q.family);
  std::vector<std::string> in_files;
  for (const auto& [name, contents] : testing::test_bank_files()) in_files.push_back(name.substr(0, name.find('.')));
  EXPECT_EQ(families, in_files) << "questions come file by file, in the files' order";
}

TEST(Bank, KnowsTheQuestionsAboutEachConcept) {
  const Bank bank = Bank::parse(views_of(testing::test_bank_files()), testing::test_knowledge_files());
  const Concept* index = bank.knowledge().find("database-index");
  ASSERT_NE(index, nullptr);
  const auto about = bank.questions_about(static_cast<std::size_t>(index - bank.knowledge().concepts().data()));
  ASSERT_FALSE(about.empty());
  for (const std::size_t q : about) {
    const auto main = bank.questions()[q].main_concepts();
    EXPECT_NE(std::find(main.begin(), main.end(), static_cast<std::size_t>(index - bank.knowledge().concepts().data())), main.end());
  }
  EXPECT_TRUE(bank.questions_about(bank.knowledge().concepts().size()).empty()) << "past the last concept: none";
}

TEST(Bank, ANumberTooLargeForADoubleIsABankErrorNotACrash) {
  // Found by fuzz_bank_loading: the parser's out_of_range escaped as an unknown exception.
  EXPECT_THROW(Bank::parse({{"backend.json", "246146e461"}}), BankError);
}

TEST(Bank, AnIdThatIsNotAStringIsABankErrorNotACrash) {
  // Found by fuzz_bank_loading: reading the id threw nlohmann's type_error out of the load.
  auto files = testing::test_bank_files();
  const std::string id = R"("id": "backend-001")";
  files[0].second.replace(files[0].second.find(id), id.size(), R"("id": ["backend-001"])");
  try {
    Bank::parse(views_of(files));
    FAIL() << "expected BankError";
  } catch (const BankError& error) {
    EXPECT_NE(std::string(error.what()).find("'id' must look like"), std::string::npos) << error.what();
  }
  std::vector<std::string> problems;
  KnowledgeBase::parse({{"bad.json", R"({"concepts": [{"id": 7}]})"}}, problems);
  EXPECT_FALSE(problems.empty());
}

TEST(Bank, RejectsDuplicateIds) {
  auto files = testing::test_bank_files();
  files.push_back(files[1]);
  EXPECT_THROW(Bank::parse(views_of(files)), BankError);
}

// Real job titles, as people type them, land on the family that interviews for them.
TEST(Bank, RealJobTitlesLandOnTheirFamily) {
  const Bank bank = Bank::load_embedded();
  const std::vector<std::pair<std::string, std::string>> titles = {
      {"Data Engineer", "data-engineer"},
      {"Senior Data Engineer", "data-engineer"},
      {"Analytics Engineer", "data-engineer"},
      {"ETL Developer", "data-engineer"},
      {"Embedded Software Engineer", "embedded"},
      {"Firmware Engineer", "embedded"},
      {"Game Developer", "game-developer"},
      {"Gameplay Programmer", "game-developer"},
      {"Network Engineer", "network-engineer"},
      {"Network Administrator", "network-engineer"},
      {"IT Support Specialist", "it-support"},
      {"Help Desk Technician", "it-support"},
      {"Desktop Support", "it-support"},
      {"UX Designer", "ux-designer"},
      {"UI/UX Designer", "ux-designer"},
      {"Product Designer", "ux-designer"},
      {"UX Researcher", "ux-researcher"},
      {"Technical Program Manager", "program-manager"},
      {"Project Manager", "program-manager"},
      {"Scrum Master", "program-manager"},
      {"Business Analyst", "business-analyst"},
      {"Solutions Architect", "cloud-architect"},
      {"Sales Engineer", "solutions-architect"},
      {"Technical Writer", "technical-writer"},
      {"Account Executive", "sales"},
      {"SDR", "sales"},
      {"Sales Development Representative", "sales"},
      {"Customer Success Manager", "customer-success"},
      {"Support Engineer", "customer-success"},
      {"Customer Support Representative", "customer-success"},
      {"Digital Marketing Manager", "marketing"},
      {"Product Marketing Manager", "marketing"},
      {"Accountant", "finance-accounting"},
      {"Financial Analyst", "finance-accounting"},
      {"Recruiter", "hr-recruiting"},
      {"HR Generalist", "hr-recruiting"},
      {"Talent Acquisition Specialist", "hr-recruiting"},
      {"Supply Chain Manager", "operations"},
      {"Operations Manager", "operations"},
      {"Logistics Coordinator", "operations"},
      {"Teacher", "teacher"},
      {"High School Math Teacher", "teacher"},
      {"Registered Nurse", "nurse"},
      {"ICU Nurse", "nurse"},
      {"Medical Office Administrator", "healthcare-admin"},
      {"Practice Manager", "healthcare-admin"},
      {"SDE II", "backend"},
      {"Software Engineer", "backend"},
      {"Backend Developer", "backend"},
      {"Frontend Dev", "frontend"},
      {"React Developer", "frontend"},
      {"Full Stack Developer", "fullstack"},
      {"iOS Developer", "mobile"},
      {"Android Engineer", "mobile"},
      {"DevOps Engineer", "devops-sre"},
      {"Site Reliability Engineer", "devops-sre"},
      {"Data Scientist", "data-scientist"},
      {"Data Analyst", "data-analyst"},
      {"Machine Learning Engineer", "ml-engineer"},
      {"QA Engineer", "qa"},
      {"Security Engineer", "security"},
      {"Cloud Architect", "cloud-architect"},
      {"Database Administrator", "database"},
      {"Engineering Manager", "engineering-manager"},
      {"Product Manager", "product-manager"},
      {"Jr. Product Owner", "product-manager"},
      {"Staff Software Engineer", "backend"}};
  ASSERT_GE(titles.size(), 60u);
  for (const auto& [title, family] : titles) {
    EXPECT_EQ(bank.match_role(title).family->name, family) << title;
    std::string shouted = title;
    for (char& c : shouted) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    EXPECT_EQ(bank.match_role(shouted).family->name, family) << shouted << ": any letter case";
  }
}

TEST(Bank, ATitleNoFamilyCoversFallsBackToTheClosestAndSaysSo) {
  const Bank bank = Bank::load_embedded();
  const auto match = bank.match_role("Senior Quantum Compiler Engineer");
  EXPECT_FALSE(match.exact);
  ASSERT_NE(match.family, nullptr);
}

}  // namespace
}  // namespace prepbot::coach::offline

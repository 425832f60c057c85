#pragma once
// The question bank: role families and their questions, read from the JSON files
// of data/bank/ (format in data/bank/SCHEMA.md). Loaded once at start-up and
// read-only afterwards, so any thread may use it.
#include <algorithm>
#include <map>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "coach/offline/knowledge.hpp"
#include "coach/offline/phrasing.hpp"
#include "coach/offline/schema_reader.hpp"
#include "model/model.hpp"

namespace prepbot::coach::offline {

struct KeyPoint {
  std::string point;
  bool negative = false;  // put negatively ("avoids a full scan"): its terms after a negation do not deny it
  std::vector<std::string> terms;
  std::vector<std::vector<std::string>> stemmed_terms;
  std::vector<std::string> synonyms;  // WordNet synonyms of its one-word terms
  std::vector<std::vector<std::string>> stemmed_synonyms;
};

struct Misconception {
  std::string claim;
  std::vector<std::string> patterns;
  std::string correction;
  std::vector<std::vector<std::string>> stemmed_patterns;
};

struct Resource {
  std::string title;
  std::string url;
};

struct BankQuestion {
  std::string id;
  std::string family;
  std::string text;
  std::string type;        // technical | behavioral
  std::string difficulty;  // easy | medium | hard
  std::vector<model::Level> levels;
  std::vector<std::string> domains;
  std::vector<std::string> tags;
  std::string hint;
  std::vector<KeyPoint> key_points;
  std::vector<Misconception> misconceptions;
  std::vector<std::string> model_answer;
  std::vector<Resource> resources;
  std::unordered_set<std::string> topic;  // content-word stems of texts(), filled at load
  std::vector<std::size_t> concepts;       // knowledge-base concepts its wording names, most specific first

  bool suits(model::Level level) const;
  // The concepts the question is about: the first kMainConcepts of `concepts`.
  static constexpr std::size_t kMainConcepts = 3;
  std::span<const std::size_t> main_concepts() const { return {concepts.data(), std::min(concepts.size(), kMainConcepts)}; }
  // The question's own wording: its text, hint, key points with their terms, and model answer.
  std::vector<std::string_view> texts() const;
};

struct Family {
  std::string name;
  std::string title;
  std::vector<std::string> aliases;
  std::vector<std::string> domains;
  std::vector<std::string> name_stems;  // of name and title, for matching free-text roles
  std::vector<std::string> alias_stems;  // of every alias
};

// A bank or knowledge-base file that breaks its schema; what() lists every problem found.
struct BankError : std::runtime_error {
  explicit BankError(std::vector<std::string> problems);
  std::vector<std::string> problems;
};

class Bank {
 public:
  // Parses the bank's and the knowledge base's files; throws BankError listing every problem.
  static Bank parse(const DataFiles& files, const DataFiles& knowledge_files = {});
  // The bank and knowledge base built into the binary: read from the snapshot linked
  // beside them (cmake: prepbot_link_bank_snapshot), else analysed from their files.
  static Bank load_embedded();
  static Bank parse_embedded();  // analysed from the built-in files, snapshot or not
  // The bank from every *.json of `directory` and the knowledge base from
  // `knowledge_directory`; an empty directory means the built-in one.
  static Bank load(const std::string& directory, const std::string& knowledge_directory);

  // The analysed bank as bytes, and back (coach/offline/bank_snapshot.cpp): reading a
  // snapshot takes a fraction of the time analysing the files does. from_snapshot throws
  // BankError on bytes that are not a whole snapshot of this build.
  std::string snapshot() const;
  static Bank from_snapshot(std::string_view bytes);

  const std::vector<BankQuestion>& questions() const { return questions_; }
  const std::vector<Family>& families() const { return families_; }  // role families, not "behavioral"
  const BankQuestion* find(std::string_view id) const;
  const KnowledgeBase& knowledge() const { return knowledge_; }
  // How a confidently wrong answer reads: the built-in model for the built-in bank and for
  // one read from a directory (`load`), an untrained one for a bank `parse` is given.
  const PhrasingModel& phrasing() const { return phrasing_; }
  // The questions about a knowledge-base concept (it is one of their main concepts), in bank order.
  std::span<const std::size_t> questions_about(std::size_t concept_index) const;
  // Every lowercase word the bank's questions and the knowledge base use ("kubernetes", "idempotent").
  const std::unordered_set<std::string>& vocabulary() const { return vocabulary_; }
  // The stems of every content word they use: the field's vocabulary, which an
  // answer about work keeps to and a poem or a word salad does not.
  const std::unordered_set<std::string>& field_stems() const { return field_stems_; }

  // The family a free-text job title belongs to, in any letter case, seniority
  // words ignored ("Sr. Backend Engineer II" is a backend engineer): a name,
  // title or alias match (exact), else the family whose names share the most
  // distinctive words with the title (a word many families use counts little),
  // else "backend".
  struct RoleMatch {
    const Family* family = nullptr;
    bool exact = false;
  };
  RoleMatch match_role(std::string_view role) const;

 private:
  friend struct SnapshotFields;
  std::vector<BankQuestion> questions_;
  std::vector<Family> families_;
  KnowledgeBase knowledge_;
  PhrasingModel phrasing_;
  std::unordered_set<std::string> vocabulary_;
  std::unordered_set<std::string> field_stems_;
  std::vector<std::vector<std::size_t>> questions_about_;  // by concept index
  std::unordered_map<std::string, double> role_stem_weight_;  // 1 / families whose names use the stem
  std::map<std::string, std::size_t, std::less<>> by_id_;

  // Adds the WordNet synonyms built into the binary to the key points' terms.
  void add_builtin_synonyms();
};

}  // namespace prepbot::coach::offline

#pragma once
// The knowledge base: concepts of every role family (data/knowledge/*.json,
// format in data/knowledge/SCHEMA.md), each with the terms that name it, the
// true claims a strong answer makes and the wrong claims a confidently wrong
// answer makes. Questions and answers are linked to concepts by the terms they
// use, so an answer to a question nobody wrote into the bank is still checked
// for correctness. Read-only after loading; any thread may use it.
#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "coach/offline/schema_reader.hpp"
#include "coach/offline/text.hpp"

namespace prepbot::coach::offline {

struct ConceptClaim {
  std::string claim;
  bool negative = false;  // put negatively ("avoids a full scan"): stated by its terms either way
  std::vector<std::string> terms;
  std::vector<std::vector<std::string>> stemmed_terms;
  struct Word {
    std::string stem;
    bool names_concept = false;  // a word of one of the concept's terms
  };
  std::vector<Word> statement;  // the claim's own content words, stemmed, once each
  // A claim that contrasts two things ("defer keeps document order, while async …"): the
  // content stems of its part before "while", "whereas", "unlike", "but" or a semicolon,
  // and of its part after; both empty for a claim that contrasts nothing.
  std::array<std::vector<std::string>, 2> contrast;
};

struct WrongClaim {
  std::string claim;
  std::vector<std::string> patterns;  // may hold a negation when that is what makes the claim wrong
  std::string correction;
  std::vector<std::vector<std::string>> stemmed_patterns;
};

struct Concept {
  std::string id;
  std::string name;
  std::vector<std::string> families;
  std::vector<std::string> terms;  // what names the concept
  std::vector<std::vector<std::string>> stemmed_terms;
  std::vector<ConceptClaim> claims;
  std::vector<WrongClaim> wrong_claims;
};

// A concept a text names: which, where first, and how specifically (the sum,
// over the distinct terms used, of 1 / the number of concepts sharing the term).
struct ConceptMention {
  std::size_t index = 0;  // into KnowledgeBase::concepts()
  std::size_t first = 0;  // token of the first mention
  double weight = 0;
};

class KnowledgeBase {
 public:
  // Parses the files, adding a line to `problems` for every rule broken.
  static KnowledgeBase parse(const DataFiles& files, std::vector<std::string>& problems);

  const std::vector<Concept>& concepts() const { return concepts_; }
  const Concept* find(std::string_view id) const;
  bool empty() const { return concepts_.empty(); }

  // The concepts `text` names, in the order of their first mention.
  std::vector<ConceptMention> mentions(const AnalyzedText& text) const;

  // Drops every one-word claim term whose stem `common` says most answers of the field
  // use ("support", "impact", "data"): such a word in an answer shows no claim. At load,
  // before the knowledge base is shared.
  template <typename Common>
  void drop_common_claim_words(Common&& common) {
    for (auto& c : concepts_)
      for (auto& claim : c.claims)
        std::erase_if(claim.stemmed_terms, [&](const std::vector<std::string>& term) { return term.size() == 1 && common(term[0]); });
  }

 private:
  friend struct SnapshotFields;
  struct TermRef {
    std::uint32_t concept_index;
    std::uint32_t term;
    double weight;  // 1 / concepts sharing the term, × 1.5 for a term of several words
  };
  std::vector<Concept> concepts_;
  std::map<std::string, std::size_t, std::less<>> by_id_;
  std::unordered_map<std::string, std::vector<TermRef>> by_first_stem_;
};

}  // namespace prepbot::coach::offline

#include "coach/offline/knowledge.hpp"

#include <algorithm>
#include <iterator>
#include <unordered_map>

#include <fmt/format.h>

namespace prepbot::coach::offline {
namespace {

bool is_concept_id(std::string_view id) {
  return id.size() >= 3 && id.size() <= 60 &&
         std::all_of(id.begin(), id.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

std::string joined(const std::vector<std::string>& stems) {
  std::string out;
  for (const auto& stem : stems) out += (out.empty() ? "" : " ") + stem;
  return out;
}

// The content stems of a claim's two contrasted parts (see ConceptClaim::contrast).
std::array<std::vector<std::string>, 2> contrast_of(const AnalyzedText& claim) {
  std::size_t split = 0;
  while (split < claim.tokens.size() && claim.tokens[split].sentence == 0 && !is_contrast_word(claim.tokens[split].word)) ++split;
  std::array<std::vector<std::string>, 2> parts;
  if (split == 0 || split >= claim.tokens.size()) return parts;
  for (std::size_t i = 0; i < claim.tokens.size(); ++i) {
    const Token& token = claim.tokens[i];
    if (!is_stopword(token.word) && !is_contrast_word(token.word)) parts[i < split ? 0 : 1].push_back(token.stem);
  }
  return parts;
}

class ConceptReader : SchemaReader {
 public:
  using SchemaReader::SchemaReader;

  void read(std::string_view contents, std::vector<Concept>& concepts) {
    const json root = parse_object(contents);
    if (root.is_null()) return;
    objects(root, "concepts", "", 1, 10000, "concept", [&](const json& item) { concepts.push_back(read_concept(item)); });
  }

 private:
  Concept read_concept(const json& item) {
    Concept c;
    c.id = id_of(item);
    const std::string where = c.id.empty() ? "concept without id" : c.id;
    if (!is_concept_id(c.id)) problem(where, "'id' must be 3-60 characters of a-z, 0-9 and '-'");
    c.name = string_field(item, "name", where, 3, 80);
    c.families = string_list(item, "families", where, 1, 8, true);
    c.terms = string_list(item, "terms", where, 2, 12, true);
    c.stemmed_terms = stemmed(c.terms, where, 4);
    auto names_it = [&](std::string_view stem) {  // a word of one of the concept's names
      return std::any_of(c.stemmed_terms.begin(), c.stemmed_terms.end(),
                         [&](const auto& term) { return std::find(term.begin(), term.end(), stem) != term.end(); });
    };
    objects(item, "claims", where, 2, 5, "claim", [&](const json& entry) {
      ConceptClaim claim;
      claim.claim = string_field(entry, "claim", where, 5, 240);
      const AnalyzedText said = analyze(claim.claim);
      claim.negative = states_a_negative(said);
      claim.terms = string_list(entry, "terms", where, 2, 10, true);
      claim.stemmed_terms = stemmed(claim.terms, where, 5);
      std::vector<std::string_view> statement;  // its distinct content stems, in order
      for (const auto& token : said.tokens)
        if (!is_stopword(token.word)) statement.push_back(token.stem);
      keep_distinct(statement);
      claim.statement.reserve(statement.size());
      for (const auto stem : statement) claim.statement.push_back({std::string(stem), names_it(stem)});
      claim.contrast = contrast_of(said);
      c.claims.push_back(std::move(claim));
    });
    objects(item, "wrong_claims", where, 1, 6, "wrong claim", [&](const json& entry) {
      WrongClaim claim;
      claim.claim = string_field(entry, "claim", where, 5, 240);
      claim.patterns = string_list(entry, "patterns", where, 2, 10, true);
      claim.correction = string_field(entry, "correction", where, 5, 300);
      claim.stemmed_patterns = stemmed(claim.patterns, where, 8);
      for (std::size_t i = 0; i < claim.patterns.size(); ++i)
        if (claim.stemmed_patterns[i].size() < 2)
          problem(where, fmt::format("pattern '{}' must have at least two words", claim.patterns[i]));
      add_own_wording(claim.claim, claim.patterns, claim.stemmed_patterns, 8);
      c.wrong_claims.push_back(std::move(claim));
    });
    return c;
  }
};

}  // namespace

KnowledgeBase KnowledgeBase::parse(const DataFiles& files, std::vector<std::string>& problems) {
  KnowledgeBase kb;
  auto read = [](const std::string& name, std::string_view contents, std::vector<std::string>& found) {
    std::vector<Concept> concepts;
    ConceptReader(name, found).read(contents, concepts);
    return concepts;
  };
  for (auto& concepts : read_each(files, problems, read))
    std::move(concepts.begin(), concepts.end(), std::back_inserter(kb.concepts_));
  struct Sharing {
    std::uint32_t last = 0, concepts = 0;  // the last concept counted, and how many name the term
  };
  std::unordered_map<std::string, Sharing> sharing;  // a term's stems → the concepts it names
  for (std::size_t i = 0; i < kb.concepts_.size(); ++i) {
    const Concept& c = kb.concepts_[i];
    if (!kb.by_id_.emplace(c.id, i).second) problems.push_back(fmt::format("{}: duplicate concept id", c.id));
    for (const auto& term : c.stemmed_terms) {
      if (term.empty()) continue;
      Sharing& names = sharing[joined(term)];
      if (names.concepts == 0 || names.last != i) ++names.concepts;
      names.last = static_cast<std::uint32_t>(i);
    }
  }
  for (std::size_t i = 0; i < kb.concepts_.size(); ++i)
    for (std::size_t t = 0; t < kb.concepts_[i].stemmed_terms.size(); ++t) {
      const auto& term = kb.concepts_[i].stemmed_terms[t];
      if (term.empty()) continue;
      const double weight = (term.size() > 1 ? 1.5 : 1.0) / static_cast<double>(sharing.at(joined(term)).concepts);
      kb.by_first_stem_[term[0]].push_back({static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(t), weight});
    }
  return kb;
}

const Concept* KnowledgeBase::find(std::string_view id) const {
  const auto it = by_id_.find(id);
  return it == by_id_.end() ? nullptr : &concepts_[it->second];
}

namespace {

// Whether two words with one stem are forms of one word ("retry", "retries"), not two
// words the stemmer folds together ("object", "objection"; "determined", "determinism"):
// past their common start, each is at most an inflection.
bool same_word(std::string_view a, std::string_view b) {
  std::size_t common = 0;
  while (common < a.size() && common < b.size() && a[common] == b[common]) ++common;
  auto base = [](std::string_view rest) {
    for (const std::string_view ending : {"ing", "ies", "'s", "es", "ed", "s", "d", "e", "y"})
      if (rest.ends_with(ending)) return rest.substr(0, rest.size() - ending.size());
    return rest;
  };
  return base(a.substr(common)) == base(b.substr(common));
}

}  // namespace

std::vector<ConceptMention> KnowledgeBase::mentions(const AnalyzedText& text) const {
  // A text names few concepts and terms: plain lists, searched from the start, are
  // quicker than any map.
  std::vector<ConceptMention> found;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> terms_seen;  // (concept, term)
  const auto& tokens = text.tokens;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const auto refs = by_first_stem_.find(tokens[i].stem);
    if (refs == by_first_stem_.end()) continue;
    for (const TermRef ref : refs->second) {
      const auto& term = concepts_[ref.concept_index].stemmed_terms[ref.term];
      // A one-word term names the concept only in a form of its own word.
      if (term.size() == 1 && !same_word(tokens[i].word, concepts_[ref.concept_index].terms[ref.term])) continue;
      // The term's words in order, at most one other word between neighbours, in one sentence.
      std::size_t at = i;
      bool matched = true;
      for (std::size_t p = 1; p < term.size() && matched; ++p) {
        matched = false;
        for (std::size_t k = at + 1; k < tokens.size() && k <= at + 2 && tokens[k].sentence == tokens[i].sentence; ++k)
          if (tokens[k].stem == term[p]) {
            at = k, matched = true;
            break;
          }
      }
      if (!matched) continue;
      const std::pair seen{ref.concept_index, ref.term};
      if (std::find(terms_seen.begin(), terms_seen.end(), seen) != terms_seen.end()) continue;
      terms_seen.push_back(seen);
      auto mention = std::find_if(found.begin(), found.end(), [&](const auto& m) { return m.index == ref.concept_index; });
      if (mention == found.end()) mention = found.insert(found.end(), {ref.concept_index, i, 0});
      mention->weight += ref.weight;
    }
  }
  return found;
}

}  // namespace prepbot::coach::offline

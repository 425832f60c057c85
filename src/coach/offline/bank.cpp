#include "coach/offline/bank.hpp"

#include <algorithm>
#include <filesystem>
#include <iterator>
#include <mutex>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "coach/offline/schema_reader.hpp"
#include "coach/offline/text.hpp"
#include "model/levels.hpp"
#include "util/embedded.hpp"
#include "util/parallel.hpp"
#include "util/text.hpp"

namespace prepbot::coach::offline {

using json = nlohmann::ordered_json;

namespace {

// A word in more than this share of the bank's questions is one most answers of the field use.
constexpr double kCommonWordShare = 0.05;

std::string join_problems(const std::vector<std::string>& problems) {
  std::string out = "invalid question bank:";
  for (const auto& problem : problems) out += "\n  " + problem;
  return out;
}

// "<family>-" followed by exactly three digits.
bool is_question_id(std::string_view id, std::string_view family) {
  if (id.size() != family.size() + 4 || id.substr(0, family.size()) != family || id[family.size()] != '-') return false;
  return std::all_of(id.end() - 3, id.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Reads one file into families and questions, adding a line to `problems` for
// every rule of SCHEMA.md it breaks.
class FileReader : SchemaReader {
 public:
  using SchemaReader::SchemaReader;

  void read(std::string_view contents, std::vector<Family>& families, std::vector<BankQuestion>& questions) {
    const json root = parse_object(contents);
    if (root.is_null()) return;
    Family family;
    family.name = string_field(root, "family", "", 1, 40);
    const std::string expected = std::filesystem::path(file()).stem().string();
    if (family.name != expected) problem("", fmt::format("family '{}' must match the file name '{}'", family.name, expected));
    family.title = string_field(root, "title", "", 1, 80);
    family.aliases = string_list(root, "aliases", "", 0, 200, true);
    family.domains = string_list(root, "domains", "", 0, 50, true);
    family.name_stems = stem_phrase(family.name + " " + family.title);
    for (const auto& alias : family.aliases)
      for (auto& stem : stem_phrase(alias)) family.alias_stems.push_back(std::move(stem));
    if (!root.contains("questions") || !root["questions"].is_array() || root["questions"].empty())
      return problem("", "'questions' must be a non-empty array");
    for (const auto& item : root["questions"]) questions.push_back(read_question(item, family));
    if (family.name != "behavioral") families.push_back(std::move(family));
  }

 private:
  BankQuestion read_question(const json& item, const Family& family) {
    BankQuestion q;
    if (!item.is_object()) {
      problem("", "every question must be an object");
      return q;
    }
    q.family = family.name;
    q.id = id_of(item);
    const std::string where = q.id.empty() ? "question without id" : q.id;
    if (!is_question_id(q.id, family.name))
      problem(where, fmt::format("'id' must look like '{}-001'", family.name));
    q.text = string_field(item, "text", where, 20, 300);
    if (!q.text.empty() && q.text.back() != '?' && q.text.back() != '.') problem(where, "'text' must end with '?' or '.'");
    q.type = string_field(item, "type", where, 1, 20);
    if (q.type != "technical" && q.type != "behavioral") problem(where, "'type' must be technical or behavioral");
    if (family.name == "behavioral" && q.type != "behavioral") problem(where, "behavioral.json holds behavioral questions only");
    q.difficulty = string_field(item, "difficulty", where, 1, 10);
    if (q.difficulty != "easy" && q.difficulty != "medium" && q.difficulty != "hard")
      problem(where, "'difficulty' must be easy, medium or hard");
    for (const auto& name : string_list(item, "levels", where, 1, 4)) {
      bool known = false;
      for (auto level : {model::Level::entry, model::Level::junior, model::Level::mid, model::Level::senior})
        if (model::level_key(level) == name) q.levels.push_back(level), known = true;
      if (!known) problem(where, fmt::format("unknown level '{}'", name));
    }
    q.domains = string_list(item, "domains", where, 0, 10, true);
    for (const auto& domain : q.domains)
      if (std::find(family.domains.begin(), family.domains.end(), domain) == family.domains.end())
        problem(where, fmt::format("domain '{}' is not in the file's domains", domain));
    q.tags = string_list(item, "tags", where, 1, 5, true);
    q.hint = string_field(item, "hint", where, 10, 160);
    read_key_points(item, where, q);
    read_misconceptions(item, where, q);
    q.model_answer = string_list(item, "model_answer", where, 3, 7);
    read_resources(item, where, q);
    return q;
  }

  void read_key_points(const json& item, const std::string& where, BankQuestion& q) {
    objects(item, "key_points", where, 3, 6, "key point", [&](const json& entry) {
      KeyPoint point;
      point.point = string_field(entry, "point", where, 5, 200);
      point.negative = states_a_negative(point.point);
      point.terms = string_list(entry, "terms", where, 2, 10, true);
      point.stemmed_terms = stemmed(point.terms, where);
      q.key_points.push_back(std::move(point));
    });
  }

  void read_misconceptions(const json& item, const std::string& where, BankQuestion& q) {
    objects(item, "misconceptions", where, 0, 3, "misconception", [&](const json& entry) {
      Misconception wrong;
      wrong.claim = string_field(entry, "claim", where, 5, 200);
      wrong.patterns = string_list(entry, "patterns", where, 1, 6, true);
      wrong.correction = string_field(entry, "correction", where, 5, 300);
      wrong.stemmed_patterns = stemmed(wrong.patterns, where);
      add_own_wording(wrong.claim, wrong.patterns, wrong.stemmed_patterns, 8);
      q.misconceptions.push_back(std::move(wrong));
    });
  }

  void read_resources(const json& item, const std::string& where, BankQuestion& q) {
    objects(item, "resources", where, 1, 3, "resource", [&](const json& entry) {
      Resource resource{string_field(entry, "title", where, 3, 120), string_field(entry, "url", where, 10, 300)};
      if (resource.url.rfind("https://", 0) != 0) problem(where, fmt::format("resource URL '{}' must use https", resource.url));
      q.resources.push_back(std::move(resource));
    });
  }
};

}  // namespace

std::vector<std::string_view> BankQuestion::texts() const {
  std::vector<std::string_view> out = {text, hint};
  for (const auto& point : key_points) {
    out.emplace_back(point.point);
    out.insert(out.end(), point.terms.begin(), point.terms.end());
  }
  out.insert(out.end(), model_answer.begin(), model_answer.end());
  return out;
}

bool BankQuestion::suits(model::Level level) const {
  return std::find(levels.begin(), levels.end(), level) != levels.end();
}

BankError::BankError(std::vector<std::string> list) : std::runtime_error(join_problems(list)), problems(std::move(list)) {}

Bank Bank::parse(const DataFiles& files, const DataFiles& knowledge_files) {
  Bank bank;
  std::vector<std::string> problems;
  struct FileRead {
    std::vector<Family> families;
    std::vector<BankQuestion> questions;
  };
  auto read = [](const std::string& name, std::string_view contents, std::vector<std::string>& found) {
    FileRead file;
    FileReader(name, found).read(contents, file.families, file.questions);
    return file;
  };
  for (auto& file : read_each(files, problems, read)) {
    std::move(file.families.begin(), file.families.end(), std::back_inserter(bank.families_));
    std::move(file.questions.begin(), file.questions.end(), std::back_inserter(bank.questions_));
  }
  bank.knowledge_ = KnowledgeBase::parse(knowledge_files, problems);
  for (std::size_t i = 0; i < bank.questions_.size(); ++i)
    if (!bank.by_id_.emplace(bank.questions_[i].id, i).second)
      problems.push_back(fmt::format("{}: duplicate question id", bank.questions_[i].id));
  if (bank.families_.empty()) problems.push_back("the bank has no role family");
  std::map<std::string, std::set<std::string>> users;  // stem → families whose names use it
  for (const auto& family : bank.families_) {
    for (const auto& stem : family.name_stems) users[stem].insert(family.name);
    for (const auto& stem : family.alias_stems) users[stem].insert(family.name);
  }
  for (const auto& [stem, families] : users) bank.role_stem_weight_[stem] = 1.0 / static_cast<double>(families.size());
  if (!problems.empty()) throw BankError(std::move(problems));
  bank.add_builtin_synonyms();
  // The wording of every question (text, hint, key points, model answer) and of every
  // concept is read on all cores. A question keeps its topic and the concepts it names;
  // every wording adds its words to the vocabulary, and each question's content stems
  // are counted (how many questions use each). A concept's wording, nearly all terms
  // already stemmed as its file was read, is split into words without stemming them.
  // At the end the field's stems are the questions' stems and the concepts' distinct
  // content words, each of those stemmed once.
  const auto& concepts = bank.knowledge_.concepts();
  const std::size_t question_count = bank.questions_.size();
  std::mutex vocabulary_lock, stems_lock;
  std::unordered_map<std::string, std::size_t> questions_using;
  std::unordered_set<std::string> concept_words;  // content words of the concepts' wording
  util::for_each_index(question_count + concepts.size(), [&](std::size_t i) {
    // The wording's distinct words and content stems, seen in place until they are added.
    std::vector<std::string_view> all, content;
    auto add_words = [&] {
      keep_distinct(all);
      keep_distinct(content);
      const std::lock_guard lock(vocabulary_lock);
      for (const auto word : all) bank.vocabulary_.insert(std::string(word));
    };
    if (i >= question_count) {
      const Concept& c = concepts[i - question_count];
      std::string wording = c.name + ".\n";
      for (const auto& term : c.terms) wording.append(term).append(".\n");
      for (const auto& claim : c.claims) {
        wording.append(claim.claim).append(".\n");
        for (const auto& term : claim.terms) wording.append(term).append(".\n");
      }
      for (const auto& wrong : c.wrong_claims) wording.append(wrong.correction).append(".\n");
      const std::vector<std::string> words = words_of(wording);
      for (const auto& word : words) {
        all.push_back(word);
        if (!is_stopword(word)) content.push_back(word);
      }
      add_words();
      const std::lock_guard lock(stems_lock);
      for (const auto word : content) concept_words.insert(std::string(word));
      return;
    }
    std::string wording;
    for (const auto text : bank.questions_[i].texts()) wording.append(text).append(".\n");
    const AnalyzedText analyzed = analyze(wording);
    for (const auto& token : analyzed.tokens) {
      all.push_back(token.word);
      if (!is_stopword(token.word)) content.push_back(token.stem);
    }
    add_words();
    auto& q = bank.questions_[i];
    q.topic.reserve(content.size());
    for (const auto stem : content) q.topic.emplace(stem);
    {
      const std::lock_guard lock(stems_lock);
      for (const auto& stem : q.topic) ++questions_using[stem];
    }
    auto mentions = bank.knowledge_.mentions(analyzed);
    std::stable_sort(mentions.begin(), mentions.end(), [](const auto& a, const auto& b) { return a.weight > b.weight; });
    for (const auto& mention : mentions) q.concepts.push_back(mention.index);
  });
  bank.field_stems_.reserve(questions_using.size() + concept_words.size());
  for (const auto& [stem, questions] : questions_using) bank.field_stems_.insert(stem);
  for (const auto& word : concept_words) bank.field_stems_.insert(stem_word(word));
  bank.questions_about_.resize(concepts.size());
  for (std::size_t i = 0; i < question_count; ++i)
    for (const std::size_t c : bank.questions_[i].main_concepts()) bank.questions_about_[c].push_back(i);
  // A word in more than kCommonWordShare of the bank's questions is one most answers
  // use; as a claim term's only word it shows nothing.
  const double common_at = kCommonWordShare * static_cast<double>(question_count);
  bank.knowledge_.drop_common_claim_words([&](const std::string& stem) {
    const auto it = questions_using.find(stem);
    return it != questions_using.end() && static_cast<double>(it->second) > common_at;
  });
  return bank;
}

std::span<const std::size_t> Bank::questions_about(std::size_t concept_index) const {
  if (concept_index >= questions_about_.size()) return {};
  return questions_about_[concept_index];
}

Bank Bank::load_embedded() {
  if (prepbot_snapshot_files != nullptr) return from_snapshot(prepbot_snapshot_files[0].contents());
  return parse_embedded();
}

Bank Bank::parse_embedded() {
  Bank bank = parse(embedded_files(prepbot_bank_files), embedded_files(prepbot_knowledge_files));
  bank.phrasing_ = PhrasingModel::builtin();
  return bank;
}

void Bank::add_builtin_synonyms() {
  // A sorted map: an ordered_json object finds a key by walking all of them.
  const auto synonyms = nlohmann::json::parse(prepbot_synonym_files[0].contents());
  for (auto& q : questions_)
    for (auto& point : q.key_points)
      for (const auto& term : point.terms) {
        const auto found = synonyms.find(term);
        if (found == synonyms.end()) continue;
        for (const auto& synonym : *found) {
          point.synonyms.push_back(synonym.get<std::string>());
          point.stemmed_synonyms.push_back(stem_phrase(point.synonyms.back()));
        }
      }
}

Bank Bank::load(const std::string& directory, const std::string& knowledge_directory) {
  if (directory.empty() && knowledge_directory.empty()) return load_embedded();
  try {
    // Files read from a directory are kept here while the views parse() reads live.
    const FileTexts bank_texts = directory.empty() ? FileTexts{} : directory_files(directory);
    const FileTexts knowledge_texts = knowledge_directory.empty() ? FileTexts{} : directory_files(knowledge_directory);
    Bank bank = parse(directory.empty() ? embedded_files(prepbot_bank_files) : views_of(bank_texts),
                      knowledge_directory.empty() ? embedded_files(prepbot_knowledge_files) : views_of(knowledge_texts));
    bank.phrasing_ = PhrasingModel::builtin();
    return bank;
  } catch (const BankError&) {
    throw;
  } catch (const std::runtime_error& error) {
    throw BankError({error.what()});
  }
}

const BankQuestion* Bank::find(std::string_view id) const {
  const auto it = by_id_.find(id);
  return it == by_id_.end() ? nullptr : &questions_[it->second];
}

Bank::RoleMatch Bank::match_role(std::string_view role) const {
  auto exact = [this](const std::string& key) -> const Family* {
    for (const auto& family : families_) {
      if (key == family.name || key == util::to_lower_ascii(family.title)) return &family;
      for (const auto& alias : family.aliases)
        if (key == alias) return &family;
    }
    return nullptr;
  };
  // As typed ("team lead" is a role), then without punctuation and seniority words.
  const std::string typed = util::to_lower_ascii(util::trim(role));
  const model::JobTitle title = model::parse_job_title(role);
  for (const std::string* key : {&typed, &title.role})
    if (const Family* family = exact(*key)) return {family, true};
  // No exact match: the family whose names share the most distinctive word stems with the title.
  std::set<std::string> role_stems;
  for (const auto& stem : stem_phrase(title.role))
    if (!is_stopword(stem)) role_stems.insert(stem);
  const Family* best = nullptr;
  double best_score = 0;
  for (const auto& family : families_) {
    double score = 0;
    for (const auto& stem : role_stems) {
      const auto weight = role_stem_weight_.find(stem);
      if (weight == role_stem_weight_.end()) continue;
      const bool in_name = std::find(family.name_stems.begin(), family.name_stems.end(), stem) != family.name_stems.end();
      const bool in_alias = std::find(family.alias_stems.begin(), family.alias_stems.end(), stem) != family.alias_stems.end();
      score += weight->second * (in_name ? 2 : in_alias ? 1 : 0);
    }
    if (score > best_score) best = &family, best_score = score;
  }
  if (best != nullptr) return {best, false};
  for (const auto& family : families_)
    if (family.name == "backend") return {&family, false};
  return {&families_.front(), false};
}

}  // namespace prepbot::coach::offline

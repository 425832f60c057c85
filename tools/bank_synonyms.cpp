// bank_synonyms: a build step. Reads the question bank's files and writes, as
// JSON, WordNet synonyms for every one-word key-point term: {"term": ["synonym", …]}.
// Only the most common sense of a word as a noun (sense 1) is used, verbs having
// the loosest synonyms; multi-word lemmas, short words, and words common across
// the bank's questions (too general to show a key point) are left out. The
// result is embedded in prepbot, which needs no WordNet at run time.
//
//   bank_synonyms OUTPUT BANK_FILE...
#include <wn.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

namespace {

bool plain_word(const std::string& word) {
  if (word.size() < 4) return false;
  for (char c : word)
    if (c < 'a' || c > 'z') return false;
  return true;
}

std::set<std::string> synonyms_of(const std::string& term) {
  std::set<std::string> out;
  for (int pos : {NOUN}) {
    SynsetPtr synsets = findtheinfo_ds(const_cast<char*>(term.c_str()), pos, SYNS, 1);
    for (SynsetPtr synset = synsets; synset != nullptr; synset = synset->nextss)
      for (int i = 0; i < synset->wcount; ++i) {
        std::string word = synset->words[i];
        for (char& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (word != term && plain_word(word)) out.insert(word);
      }
    if (synsets != nullptr) free_syns(synsets);
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: bank_synonyms OUTPUT BANK_FILE...\n");
    return 2;
  }
  if (wninit() != 0) {
    std::fprintf(stderr, "bank_synonyms: cannot open the WordNet database\n");
    return 1;
  }
  std::set<std::string> terms;
  std::map<std::string, int> questions_using;  // word → how many questions' texts use it
  auto words_of = [](const std::string& text) {
    std::set<std::string> words;
    std::string word;
    for (char c : text + " ") {
      if (std::isalpha(static_cast<unsigned char>(c))) {
        word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      } else if (!word.empty()) {
        words.insert(word);
        word.clear();
      }
    }
    return words;
  };
  for (int i = 2; i < argc; ++i) {
    std::ifstream file(argv[i]);
    const auto bank = nlohmann::json::parse(file);
    for (const auto& question : bank.at("questions")) {
      std::string text = question.at("text").get<std::string>();
      for (const auto& line : question.at("model_answer")) text += " " + line.get<std::string>();
      for (const auto& point : question.at("key_points")) {
        text += " " + point.at("point").get<std::string>();
        for (const auto& term : point.at("terms"))
          if (plain_word(term.get<std::string>())) terms.insert(term.get<std::string>());
      }
      for (const auto& word : words_of(text)) ++questions_using[word];
    }
  }
  constexpr int kTooCommon = 3;
  nlohmann::json out = nlohmann::json::object();
  for (const auto& term : terms) {
    std::set<std::string> kept;
    for (const auto& synonym : synonyms_of(term))
      if (synonym.size() >= 5 && questions_using[synonym] <= kTooCommon) kept.insert(synonym);
    if (!kept.empty()) out[term] = kept;
  }
  std::ofstream(argv[1]) << out.dump(1) << "\n";
  std::printf("bank_synonyms: %zu of %zu one-word terms have synonyms\n", out.size(), terms.size());
  return 0;
}

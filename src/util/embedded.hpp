#pragma once
// Files linked into the binary at build time (see cmake/Embed.cmake).
#include <cstddef>
#include <string_view>

namespace prepbot::util {

struct EmbeddedFile {
  const char* name;  // path relative to the project root, e.g. "data/bank/backend.json"
  const char* begin;
  std::size_t size;

  std::string_view path() const { return name; }
  std::string_view contents() const { return {begin, size}; }
};

}  // namespace prepbot::util

// The table of the question bank's files; ends with an entry whose name is null.
extern "C" const prepbot::util::EmbeddedFile prepbot_bank_files[];
// The knowledge base's files (data/knowledge/*.json).
extern "C" const prepbot::util::EmbeddedFile prepbot_knowledge_files[];
// The grader's labeled sets (tests/data/*.json), for `prepbot validate`.
extern "C" const prepbot::util::EmbeddedFile prepbot_labeled_files[];
// The web app's files (web/…).
extern "C" const prepbot::util::EmbeddedFile prepbot_web_files[];
// One file: WordNet synonyms of the bank's one-word terms, {"term": ["synonym", …]}.
extern "C" const prepbot::util::EmbeddedFile prepbot_synonym_files[];
// The analysed built-in bank (coach::offline::Bank::snapshot), written at build time by
// tools/bank_snapshot.cpp. Linked only into the programs that read it at start-up (cmake:
// prepbot_link_bank_snapshot); elsewhere, the bank analysis tool itself among them, the
// weak reference is null and the bank is analysed from its files.
extern "C" const prepbot::util::EmbeddedFile prepbot_snapshot_files[] __attribute__((weak));

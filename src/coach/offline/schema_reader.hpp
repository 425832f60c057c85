#pragma once
// Reads the fields of one JSON data file (a question-bank or knowledge-base
// file) and collects a line for every rule it breaks, so that a bad file is
// reported in full rather than one problem at a time.
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "util/parallel.hpp"

namespace prepbot::util {
struct EmbeddedFile;
}

namespace prepbot::coach::offline {

// (file name, contents) of data files, sorted by name. The contents are views, of
// the binary's own bytes for the embedded files (never copied) or of FileTexts.
using DataFiles = std::vector<std::pair<std::string, std::string_view>>;
// (file name, contents) of files read into memory.
using FileTexts = std::vector<std::pair<std::string, std::string>>;

DataFiles embedded_files(const util::EmbeddedFile* table);
// Every *.json file of `directory`; throws std::runtime_error when it cannot be read.
FileTexts directory_files(const std::string& directory);
// Views of `files`, which must outlive them.
DataFiles views_of(const FileTexts& files);

// Reads every file on all cores with read(name, contents, problems), which returns what
// the file holds; the results come back in file order, and the problems each file's
// reading found are added to `problems` in file order too.
template <class Read>
auto read_each(const DataFiles& files, std::vector<std::string>& problems, Read read) {
  using Result = decltype(read(std::string(), std::string_view(), problems));
  std::vector<Result> results(files.size());
  std::vector<std::vector<std::string>> found(files.size());
  util::for_each_index(files.size(), [&](std::size_t f) { results[f] = read(files[f].first, files[f].second, found[f]); });
  for (const auto& list : found) problems.insert(problems.end(), list.begin(), list.end());
  return results;
}

class SchemaReader {
 public:
  SchemaReader(std::string file, std::vector<std::string>& problems) : file_(std::move(file)), problems_(problems) {}

 protected:
  using json = nlohmann::ordered_json;

  // Parses the file; on failure records the problem and returns null.
  json parse_object(std::string_view contents);
  void problem(const std::string& where, const std::string& what);
  std::string string_field(const json& object, const char* key, const std::string& where, std::size_t min,
                           std::size_t max);
  // The object's "id" when it is a string, else empty: the caller reports a bad id.
  static std::string id_of(const json& object);
  std::vector<std::string> string_list(const json& object, const char* key, const std::string& where, std::size_t min,
                                       std::size_t max, bool lowercase = false);
  // Calls `read` on each object of the array `key`, which must hold min..max of
  // them; a problem names `item` ("key point") for an entry that is not an object.
  template <class Read>
  void objects(const json& object, const char* key, const std::string& where, std::size_t min, std::size_t max,
               const char* item, Read read) {
    const auto it = object.find(key);
    if (it == object.end() || !it->is_array() || it->size() < min || it->size() > max)
      return problem(where, array_problem(key, min, max));
    for (const auto& entry : *it) {
      if (entry.is_object()) read(entry);
      else problem(where, std::string("every ") + item + " must be an object");
    }
  }
  static std::string array_problem(const char* key, std::size_t min, std::size_t max);

  // Each phrase stemmed; a phrase must have 1..max_words words as written.
  std::vector<std::vector<std::string>> stemmed(const std::vector<std::string>& phrases, const std::string& where,
                                                std::size_t max_words = 5);
  // A wrong claim's own wording is one of its patterns too when it is short enough to be one
  // (2..max_words words): an answer that puts the misconception as it is usually put says it
  // ("POST is idempotent"). Added, lowercased, to `patterns` and `stemmed` unless already there.
  static void add_own_wording(const std::string& claim, std::vector<std::string>& patterns,
                              std::vector<std::vector<std::string>>& stemmed, std::size_t max_words);

  const std::string& file() const { return file_; }

 private:
  std::string file_;
  std::vector<std::string>& problems_;
};

}  // namespace prepbot::coach::offline

#include "coach/offline/schema_reader.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "coach/offline/text.hpp"
#include "util/embedded.hpp"
#include "util/text.hpp"

namespace prepbot::coach::offline {

DataFiles embedded_files(const util::EmbeddedFile* table) {
  DataFiles files;
  for (const util::EmbeddedFile* file = table; file->name != nullptr; ++file)
    files.emplace_back(std::filesystem::path(file->path()).filename().string(), file->contents());
  std::sort(files.begin(), files.end());
  return files;
}

FileTexts directory_files(const std::string& directory) {
  FileTexts files;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(directory, error)) {
    if (entry.path().extension() != ".json") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream contents;
    contents << in.rdbuf();
    files.emplace_back(entry.path().filename().string(), contents.str());
  }
  if (error) throw std::runtime_error(fmt::format("cannot read directory '{}': {}", directory, error.message()));
  std::sort(files.begin(), files.end());
  return files;
}

DataFiles views_of(const FileTexts& files) {
  DataFiles views;
  for (const auto& [name, contents] : files) views.emplace_back(name, contents);
  return views;
}

SchemaReader::json SchemaReader::parse_object(std::string_view contents) {
  json root;
  try {
    root = json::parse(contents);
  } catch (const json::exception& error) {  // parse errors, and numbers too large for a double
    problem("", fmt::format("not valid JSON ({})", error.what()));
    return nullptr;
  }
  if (!root.is_object()) {
    problem("", "the file must hold a JSON object");
    return nullptr;
  }
  return root;
}

std::string SchemaReader::array_problem(const char* key, std::size_t min, std::size_t max) {
  return fmt::format("'{}' must be an array of {}-{} objects", key, min, max);
}

void SchemaReader::problem(const std::string& where, const std::string& what) {
  problems_.push_back(where.empty() ? fmt::format("{}: {}", file_, what) : fmt::format("{}: {}: {}", file_, where, what));
}

std::string SchemaReader::id_of(const json& object) {
  const auto it = object.find("id");
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string SchemaReader::string_field(const json& object, const char* key, const std::string& where, std::size_t min,
                                       std::size_t max) {
  const auto it = object.find(key);
  if (it == object.end() || !it->is_string()) {
    problem(where, fmt::format("'{}' must be a string", key));
    return {};
  }
  auto value = it->get<std::string>();
  const auto length = util::utf8_length(value);
  if (length < min || length > max) problem(where, fmt::format("'{}' must have {}-{} characters", key, min, max));
  return value;
}

std::vector<std::string> SchemaReader::string_list(const json& object, const char* key, const std::string& where,
                                                   std::size_t min, std::size_t max, bool lowercase) {
  std::vector<std::string> out;
  const auto it = object.find(key);
  if (it == object.end() || !it->is_array()) {
    problem(where, fmt::format("'{}' must be an array of strings", key));
    return out;
  }
  out.reserve(it->size());
  for (const auto& item : *it) {
    if (!item.is_string() || item.get_ref<const std::string&>().empty()) {
      problem(where, fmt::format("'{}' must hold non-empty strings", key));
      continue;
    }
    const std::string& text = item.get_ref<const std::string&>();
    if (lowercase && std::any_of(text.begin(), text.end(), [](char c) { return c >= 'A' && c <= 'Z'; }))
      problem(where, fmt::format("'{}' entry '{}' must be lowercase", key, text));
    out.push_back(text);
  }
  if (out.size() < min || out.size() > max) problem(where, fmt::format("'{}' must have {}-{} entries", key, min, max));
  return out;
}

void SchemaReader::add_own_wording(const std::string& claim, std::vector<std::string>& patterns,
                                   std::vector<std::vector<std::string>>& stemmed, std::size_t max_words) {
  const std::vector<std::string> words = words_of(claim);
  if (words.size() < 2 || words.size() > max_words) return;
  std::vector<std::string> stems;
  for (const auto& word : words) stems.push_back(stem_word(word));
  if (std::find(stemmed.begin(), stemmed.end(), stems) != stemmed.end()) return;
  patterns.push_back(fmt::format("{}", fmt::join(words, " ")));
  stemmed.push_back(std::move(stems));
}

std::vector<std::vector<std::string>> SchemaReader::stemmed(const std::vector<std::string>& phrases,
                                                            const std::string& where, std::size_t max_words) {
  std::vector<std::vector<std::string>> out;
  out.reserve(phrases.size());
  for (const auto& phrase : phrases) {
    out.push_back(stem_phrase(phrase));
    std::size_t words = 0;  // as written: "fine-tune" is one word, though it matches as two
    for (std::size_t i = 0; i < phrase.size(); ++i) words += phrase[i] != ' ' && (i == 0 || phrase[i - 1] == ' ');
    if (out.back().empty() || words > max_words) problem(where, fmt::format("'{}' must have 1-{} words", phrase, max_words));
  }
  return out;
}

}  // namespace prepbot::coach::offline

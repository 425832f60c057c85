#pragma once
// A map from key to (version, value), bounded in bytes: a value is served only
// for the version it was made from, so a reader that checks the current version
// first never sees a stale value, whoever changed the data. When a new value
// would pass the budget, the least recently used ones make room; a value larger
// than the whole budget is not kept. Values are strings (or anything with size()).
#include <cstddef>
#include <iterator>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace prepbot::util {

template <class Value>
class VersionedCache {
 public:
  explicit VersionedCache(std::size_t max_bytes) : max_bytes_(max_bytes) {}

  std::shared_ptr<const Value> find(const std::string& key, long long version) {
    std::lock_guard lock(mutex_);
    const auto it = entries_.find(key);
    if (it == entries_.end() || it->second->version != version) return nullptr;
    order_.splice(order_.begin(), order_, it->second);  // now the most recently used
    return it->second->value;
  }

  void put(const std::string& key, long long version, std::shared_ptr<const Value> value) {
    std::lock_guard lock(mutex_);
    remove(key);
    const std::size_t bytes = cost(key, *value);
    if (bytes > max_bytes_) return;
    while (bytes_ + bytes > max_bytes_) remove(order_.back().key);
    order_.push_front({key, version, std::move(value), bytes});
    entries_[key] = order_.begin();
    bytes_ += bytes;
  }

  void erase(const std::string& key) {
    std::lock_guard lock(mutex_);
    remove(key);
  }

  std::size_t bytes() const {
    std::lock_guard lock(mutex_);
    return bytes_;
  }

 private:
  struct Entry {
    std::string key;
    long long version = 0;
    std::shared_ptr<const Value> value;
    std::size_t bytes = 0;
  };

  // What an entry holds: its value, its key twice (list and map) and the bookkeeping.
  static std::size_t cost(const std::string& key, const Value& value) {
    return value.size() + 2 * key.size() + sizeof(Entry) + 64;
  }

  void remove(const std::string& key) {
    const auto it = entries_.find(key);
    if (it == entries_.end()) return;
    bytes_ -= it->second->bytes;
    order_.erase(it->second);
    entries_.erase(it);
  }

  std::size_t max_bytes_;
  std::size_t bytes_ = 0;
  mutable std::mutex mutex_;
  std::list<Entry> order_;  // most recently used first
  std::unordered_map<std::string, typename std::list<Entry>::iterator> entries_;
};

}  // namespace prepbot::util

#pragma once
// A bounded map from key to (version, value): a value is served only for the
// version it was made from, so a reader that checks the current version first
// never sees a stale value, whoever changed the data. When full it starts over.
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace prepbot::util {

template <class Value>
class VersionedCache {
 public:
  explicit VersionedCache(std::size_t capacity) : capacity_(capacity) {}

  std::shared_ptr<const Value> find(const std::string& key, long long version) const {
    std::lock_guard lock(mutex_);
    const auto it = entries_.find(key);
    if (it == entries_.end() || it->second.version != version) return nullptr;
    return it->second.value;
  }

  void put(const std::string& key, long long version, std::shared_ptr<const Value> value) {
    std::lock_guard lock(mutex_);
    if (entries_.size() >= capacity_ && !entries_.count(key)) entries_.clear();
    entries_[key] = {version, std::move(value)};
  }

  void erase(const std::string& key) {
    std::lock_guard lock(mutex_);
    entries_.erase(key);
  }

 private:
  struct Entry {
    long long version = 0;
    std::shared_ptr<const Value> value;
  };
  std::size_t capacity_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace prepbot::util

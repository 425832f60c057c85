#include <filesystem>

#include "store/postgres_store.hpp"
#include "store/session_store.hpp"
#include "store/sqlite_store.hpp"

namespace prepbot::store {

bool is_postgres_url(std::string_view url) {
  return url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0;
}

std::unique_ptr<SessionStore> open_store(const std::string& url, int pool_size) {
  if (is_postgres_url(url)) return open_postgres_store(url, pool_size);
  if (url == "sqlite::memory:") return open_sqlite_store(":memory:");
  if (url.rfind("sqlite:", 0) == 0) {
    const std::filesystem::path path = url.substr(7);
    if (path.empty()) throw StoreError("the sqlite store needs a file name: sqlite:PATH");
    std::error_code error;
    if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), error);
    if (error) throw StoreError("cannot create directory " + path.parent_path().string() + ": " + error.message());
    return open_sqlite_store(path.string());
  }
  throw StoreError("unsupported store URL; use sqlite:PATH, sqlite::memory: or postgresql://…");
}

}  // namespace prepbot::store

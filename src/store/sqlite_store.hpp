#pragma once
#include <memory>
#include <string>

#include "store/session_store.hpp"

namespace prepbot::store {

// SQLite in WAL mode with synchronous=NORMAL: a committed transaction survives a
// crash of the process. `path` is a file name or ":memory:".
std::unique_ptr<SessionStore> open_sqlite_store(const std::string& path);

}  // namespace prepbot::store

#pragma once
#include <memory>
#include <string>

#include "store/session_store.hpp"

namespace prepbot::store {

// PostgreSQL, shared by any number of PrepBot instances. `url` is a libpq
// connection URL (postgresql://user:password@host:port/database?…); at most
// `pool_size` connections are open at once. Every write takes the session's row
// lock first, so two instances writing to one session never lose an answer.
// Migrations run at start-up under an advisory lock: instances starting together
// apply each one exactly once.
std::unique_ptr<SessionStore> open_postgres_store(const std::string& url, int pool_size);

}  // namespace prepbot::store

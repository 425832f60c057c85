#pragma once
// The web app's files: built into the binary, or read from a directory on every
// request (PREPBOT_WEB_DIR, for working on the web app without rebuilding).
#include <map>
#include <optional>
#include <string>

#include "http/exchange.hpp"

namespace prepbot::http {

class StaticFiles {
 public:
  // `directory` empty: the files embedded at build time.
  explicit StaticFiles(std::string directory = "");

  // The response for `path` ("/" is index.html), or nullopt when there is no such file.
  std::optional<Response> get(const std::string& path) const;

 private:
  std::string directory_;
  std::map<std::string, std::string, std::less<>> embedded_;  // "/app.js" → contents
};

// Headers every HTML page gets: a Content-Security-Policy without inline script
// (media from blob: URLs: the web app plays back a spoken answer it recorded).
inline constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; media-src 'self' blob:; connect-src 'self'; "
    "font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

}  // namespace prepbot::http

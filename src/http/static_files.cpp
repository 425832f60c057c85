#include "http/static_files.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "util/embedded.hpp"

namespace prepbot::http {
namespace {

std::string content_type_for(const std::string& path) {
  const auto ext = std::filesystem::path(path).extension().string();
  if (ext == ".html") return "text/html; charset=utf-8";
  if (ext == ".js" || ext == ".mjs") return "text/javascript; charset=utf-8";
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".json") return "application/json";
  if (ext == ".png") return "image/png";
  if (ext == ".ico") return "image/x-icon";
  if (ext == ".webmanifest") return "application/manifest+json";
  if (ext == ".woff2") return "font/woff2";
  return "application/octet-stream";
}

// Only plain relative names: no "..", no hidden files, no backslashes.
bool safe_path(const std::string& path) {
  if (path.empty() || path.front() != '/') return false;
  for (const auto& part : std::filesystem::path(path.substr(1))) {
    const std::string name = part.string();
    if (name.empty() || name.front() == '.' || name.find('\\') != std::string::npos) return false;
  }
  return true;
}

}  // namespace

StaticFiles::StaticFiles(std::string directory) : directory_(std::move(directory)) {
  for (const util::EmbeddedFile* file = prepbot_web_files; file->name != nullptr; ++file) {
    std::string name(file->path());
    if (name.rfind("web/", 0) == 0) embedded_.emplace(name.substr(3), std::string(file->contents()));
  }
}

std::optional<Response> StaticFiles::get(const std::string& requested) const {
  const std::string path = requested == "/" ? "/index.html" : requested;
  if (!safe_path(path)) return std::nullopt;
  Response response;
  if (directory_.empty()) {
    const auto it = embedded_.find(path);
    if (it == embedded_.end()) return std::nullopt;
    response.body = it->second;
  } else {
    std::ifstream file(directory_ + path, std::ios::binary);
    if (!file || std::filesystem::is_directory(directory_ + path)) return std::nullopt;
    std::ostringstream contents;
    contents << file.rdbuf();
    response.body = contents.str();
  }
  response.content_type = content_type_for(path);
  if (response.content_type.rfind("text/html", 0) == 0) response.headers.emplace_back("Content-Security-Policy", kContentSecurityPolicy);
  return response;
}

}  // namespace prepbot::http

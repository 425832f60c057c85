#include "documents/pdf_text.hpp"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <memory>
#include <mutex>

#include "util/text.hpp"

namespace prepbot::documents {

namespace {

// Poppler reports damaged files on stderr; the caller gets our own message instead.
void quiet(const std::string&, void*) {}

bool has_letters(std::string_view text) {
  for (const char c : text)
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (static_cast<unsigned char>(c) >= 0xC0)) return true;
  return false;
}

// Whole lines at most, cut to `chars` characters (UTF-8 aware).
std::string cut_to_chars(const std::string& text, std::size_t chars) {
  std::size_t count = 0, at = 0;
  while (at < text.size() && count < chars) {
    const auto lead = static_cast<unsigned char>(text[at]);
    at += lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    ++count;
  }
  std::string out = text.substr(0, std::min(at, text.size()));
  if (at < text.size()) {
    const auto line = out.rfind('\n');
    if (line != std::string::npos && line > out.size() / 2) out.resize(line);
  }
  return out;
}

}  // namespace

ExtractedText pdf_text(std::string_view bytes) {
  static std::once_flag silenced;
  std::call_once(silenced, [] { poppler::set_debug_error_function(quiet, nullptr); });
  if (bytes.empty()) throw UnreadableDocument("The file is empty; upload a PDF.");
  if (bytes.size() > kMaxPdfBytes) throw UnreadableDocument("The PDF is larger than 5 MB.");
  if (bytes.substr(0, std::min<std::size_t>(bytes.size(), 1024)).find("%PDF-") == std::string_view::npos)
    throw UnreadableDocument("The file is not a PDF; upload a PDF, or paste the text.");
  std::unique_ptr<poppler::document> document(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!document) throw UnreadableDocument("The PDF is damaged and cannot be read; paste the text instead.");
  if (document->is_locked())
    throw UnreadableDocument("The PDF is password-protected; save it without a password, or paste the text.");
  ExtractedText out;
  out.pages = document->pages();
  std::string text;
  for (int i = 0; i < out.pages && i < kMaxPdfPages; ++i) {
    const std::unique_ptr<poppler::page> page(document->create_page(i));
    if (!page) continue;
    const poppler::byte_array utf8 = page->text().to_utf8();
    std::string page_text(utf8.begin(), utf8.end());
    if (!text.empty() && !page_text.empty()) text += "\n\n";
    text += page_text;
    ++out.pages_read;
    if (util::utf8_length(text) > kMaxTextChars) break;
  }
  // Control characters a start request refuses (form feeds between pages, DEL, C1 controls) become
  // line ends or spaces, so the text can be sent as it is.
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte == '\f') text[i] = '\n';
    else if ((byte < 0x20 && byte != '\n' && byte != '\t') || byte == 0x7f) text[i] = ' ';
    else if (byte == 0xc2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) <= 0x9f) text[i] = text[i + 1] = ' ';
  }
  text = std::string(util::trim(text));
  if (!has_letters(text))
    throw UnreadableDocument("The PDF has no text to read (a scan or an image?); paste the text instead.");
  out.truncated = out.pages_read < out.pages || util::utf8_length(text) > kMaxTextChars;
  out.text = util::utf8_length(text) > kMaxTextChars ? cut_to_chars(text, kMaxTextChars) : std::move(text);
  return out;
}

}  // namespace prepbot::documents

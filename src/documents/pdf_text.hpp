#pragma once
// Text out of an uploaded PDF (a résumé or a job posting), with poppler's C++
// library: page by page, in reading order, to paste into a session's start.
// Nothing is written anywhere; the bytes are read in memory and forgotten.
#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>

namespace prepbot::documents {

// Why a PDF gives no text, in words for the person who uploaded it.
struct UnreadableDocument : std::runtime_error {
  using std::runtime_error::runtime_error;
};

inline constexpr std::size_t kMaxPdfBytes = 5 * 1024 * 1024;
inline constexpr int kMaxPdfPages = 50;        // a résumé or a posting is a few pages; more are not read
inline constexpr std::size_t kMaxTextChars = 20000;  // what a start request takes

struct ExtractedText {
  std::string text;   // UTF-8, pages separated by a blank line, at most kMaxTextChars characters
  int pages = 0;      // pages in the document
  int pages_read = 0;
  bool truncated = false;  // cut at kMaxTextChars characters or kMaxPdfPages pages
};

// Throws UnreadableDocument: not a PDF, damaged, password-protected, or no text
// layer (a scan).
ExtractedText pdf_text(std::string_view bytes);

}  // namespace prepbot::documents

#include "documents/pdf_text.hpp"

#include <cairo-pdf.h>
#include <cairo.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "util/text.hpp"

namespace prepbot::documents {
namespace {

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

// A real PDF drawn with cairo: one page per entry, each line of it written as text
// (or, with `as_text` false, only shapes: what a scan without a text layer gives).
std::string make_pdf(const std::vector<std::vector<std::string>>& pages, bool as_text = true) {
  std::string pdf;
  cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(append, &pdf, 595, 842);
  cairo_t* cr = cairo_create(surface);
  for (const auto& lines : pages) {
    double y = 60;
    for (const auto& line : lines) {
      if (as_text) {
        cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
        cairo_set_font_size(cr, 9);
        cairo_move_to(cr, 40, y);
        cairo_show_text(cr, line.c_str());
      } else {
        cairo_rectangle(cr, 40, y - 8, 6.0 * static_cast<double>(line.size()) / 2, 8);
        cairo_fill(cr);
      }
      y += 12;
    }
    cairo_show_page(cr);
  }
  cairo_destroy(cr);
  cairo_surface_destroy(surface);
  return pdf;
}

std::string temp_path(const std::string& name) {
  return (std::filesystem::temp_directory_path() / ("prepbot-pdf-" + std::to_string(::getpid()) + "-" + name)).string();
}

TEST(PdfText, ReadsEveryPageOfAMultiPageDocumentInOrder) {
  const std::string pdf = make_pdf({{"Ada Lovelace", "Senior Backend Engineer", "Kafka, PostgreSQL, Kubernetes"},
                                    {"Projects: a payment ledger with exactly-once delivery"},
                                    {"Education: Analytical Engine Institute"}});
  const ExtractedText out = pdf_text(pdf);
  EXPECT_EQ(out.pages, 3);
  EXPECT_EQ(out.pages_read, 3);
  EXPECT_FALSE(out.truncated);
  const auto first = out.text.find("Senior Backend Engineer");
  const auto second = out.text.find("exactly-once delivery");
  const auto third = out.text.find("Analytical Engine Institute");
  ASSERT_NE(first, std::string::npos) << out.text;
  ASSERT_NE(second, std::string::npos) << out.text;
  ASSERT_NE(third, std::string::npos) << out.text;
  EXPECT_LT(first, second);
  EXPECT_LT(second, third);
  EXPECT_EQ(out.text.find('\f'), std::string::npos) << "no control characters a start request would refuse";
}

TEST(PdfText, ALongDocumentIsCutToWhatAStartRequestTakes) {
  std::vector<std::vector<std::string>> pages;
  for (int p = 0; p < 12; ++p) {
    std::vector<std::string> lines;
    for (int l = 0; l < 60; ++l) lines.push_back("Responsible for building and running distributed data pipelines at scale " + std::to_string(l));
    pages.push_back(lines);
  }
  const ExtractedText out = pdf_text(make_pdf(pages));
  EXPECT_TRUE(out.truncated);
  EXPECT_LE(util::utf8_length(out.text), kMaxTextChars);
  EXPECT_GT(util::utf8_length(out.text), kMaxTextChars / 2);
}

TEST(PdfText, EachUnreadableFileGetsItsOwnPlainReason) {
  auto reason = [](const std::string& bytes) {
    try {
      pdf_text(bytes);
    } catch (const UnreadableDocument& unreadable) {
      return std::string(unreadable.what());
    }
    return std::string("read");
  };
  EXPECT_NE(reason("").find("empty"), std::string::npos);
  EXPECT_NE(reason("Dear hiring manager, I am writing to apply").find("not a PDF"), std::string::npos);
  EXPECT_NE(reason(std::string("\x89PNG\r\n\x1a\n", 8) + std::string(200, 'x')).find("not a PDF"), std::string::npos);
  EXPECT_NE(reason(make_pdf({{"a scanned page", "with no text layer"}}, false)).find("no text"), std::string::npos);
  const std::string whole = make_pdf({{"A posting that is cut off in the middle of the file"}});
  EXPECT_NE(reason(whole.substr(0, 40)), "read") << "a truncated file";
  EXPECT_NE(reason("%PDF-1.7\n" + std::string(3000, '\0')), "read") << "a header and nothing else";
  EXPECT_NE(reason(std::string(kMaxPdfBytes + 1, ' ')).find("5 MB"), std::string::npos);
}

TEST(PdfText, APasswordProtectedPdfIsRefusedPlainly) {
  const std::string plain = temp_path("plain.pdf"), locked = temp_path("locked.pdf");
  std::ofstream(plain, std::ios::binary) << make_pdf({{"Confidential resume"}});
  const std::string command = "qpdf --encrypt secret owner 256 -- " + plain + " " + locked;
  ASSERT_EQ(std::system(command.c_str()), 0) << "qpdf is in the test packages (scripts/deps.sh test)";
  std::stringstream bytes;
  bytes << std::ifstream(locked, std::ios::binary).rdbuf();
  try {
    pdf_text(bytes.str());
    ADD_FAILURE() << "an encrypted PDF was read";
  } catch (const UnreadableDocument& unreadable) {
    EXPECT_NE(std::string(unreadable.what()).find("password"), std::string::npos) << unreadable.what();
  }
  std::filesystem::remove(plain);
  std::filesystem::remove(locked);
}

}  // namespace
}  // namespace prepbot::documents

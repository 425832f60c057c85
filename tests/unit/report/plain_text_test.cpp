#include "report/plain_text.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include <cairo-pdf.h>

#include "report/style.hpp"

namespace prepbot::report {
namespace {

cairo_status_t discard(void*, const unsigned char*, unsigned int) { return CAIRO_STATUS_SUCCESS; }

class PlainTextTest : public testing::Test {
 protected:
  PlainTextTest()
      : surface_(cairo_pdf_surface_create_for_stream(discard, nullptr, 595, 842)), cr_(cairo_create(surface_)), setter_(cr_) {}
  ~PlainTextTest() override {
    cairo_destroy(cr_);
    cairo_surface_destroy(surface_);
  }

  // Pango's lines for the same paragraph: their text (trailing spaces and line breaks
  // dropped) and where each ends.
  std::vector<std::pair<std::string, double>> pango_lines(const std::string& text, double size, bool bold, double width) {
    PangoLayout* layout = make_layout(cr_, text, size, bold, width);
    std::vector<std::pair<std::string, double>> out;
    PangoLayoutIter* iter = pango_layout_get_iter(layout);
    do {
      const PangoLayoutLine* line = pango_layout_iter_get_line_readonly(iter);
      std::string piece = text.substr(static_cast<std::size_t>(line->start_index), static_cast<std::size_t>(line->length));
      while (!piece.empty() && (piece.back() == ' ' || piece.back() == '\n')) piece.pop_back();
      PangoRectangle logical;
      pango_layout_iter_get_line_extents(iter, nullptr, &logical);
      out.emplace_back(piece, static_cast<double>(logical.y + logical.height) / PANGO_SCALE);
    } while (pango_layout_iter_next_line(iter));
    pango_layout_iter_free(iter);
    g_object_unref(layout);
    return out;
  }

  cairo_surface_t* surface_;
  cairo_t* cr_;
  PlainSetter setter_;
};

TEST_F(PlainTextTest, LinesBreakWhereAndAsTallAsPangosDo) {
  std::string long_answer;
  for (int i = 0; i < 9; ++i)
    long_answer += "First I would measure the current latency, then add an index on the lookup column and cache hot reads. ";
  const std::string paragraphs[] = {
      long_answer,
      "A strong answer covers:\n- Measure first\n- Index the lookup\n- Prove it with a load test\n",
      "Client-side rendering, server-side rendering and edge-side includes are three well-known trade-offs; "
      "pick one per page — not per site — and measure its time-to-first-byte, its Largest Contentful Paint "
      "and its cost \u2026 before anything else.",
      "\u2022  Jos\u00e9 \u00d1\u00fa\u00f1ez caught \u201cread-your-writes\u201d in review: 99.9 % of requests under 120 ms.",
      "Short.",
  };
  for (const auto& text : paragraphs)
    for (const auto& [size, bold, width] : {std::tuple{9.5, false, 487.0}, std::tuple{8.5, true, 481.0}, std::tuple{9.0, false, 200.0}}) {
      const auto plain = setter_.lines(text, size, bold, width);
      ASSERT_TRUE(plain.has_value()) << text;
      const auto expected = pango_lines(text, size, bold, width);
      ASSERT_EQ(plain->size(), expected.size()) << text << " at " << width;
      for (std::size_t i = 0; i < expected.size(); ++i) {
        EXPECT_EQ((*plain)[i].text, expected[i].first) << "line " << i << " at " << width;
        EXPECT_NEAR((*plain)[i].bottom, expected[i].second, 0.01) << "line " << i;
        EXPECT_EQ((*plain)[i].glyphs.size(), (*plain)[i].clusters.size());
      }
    }
}

TEST_F(PlainTextTest, AWordWiderThanTheLineIsBrokenToFit) {
  const std::string url = "https://www.postgresql.org/docs/current/indexes-multicolumn-and-partial-and-expression.html";
  const auto lines = setter_.lines(url, 9.5, false, 120);
  ASSERT_TRUE(lines.has_value());
  ASSERT_GT(lines->size(), 2u);
  std::string joined;
  double widest = 0;
  for (const auto& line : *lines) {
    joined += line.text;
    cairo_text_extents_t extents;
    cairo_scaled_font_glyph_extents(line.font, line.glyphs.data(), static_cast<int>(line.glyphs.size()), &extents);
    EXPECT_LE(extents.x_advance, 120.01) << line.text << ": the line's glyphs start at 0, so their advance is its width";
    widest = std::max(widest, extents.x_advance);
  }
  EXPECT_GT(widest, 100) << "the lines are filled, not cut a character at a time";
  EXPECT_EQ(joined, url) << "every character is set once";
}

TEST_F(PlainTextTest, TextThatNeedsShapingOrAFallbackFontIsLeftToPango) {
  for (const std::string text : {"\u0645\u0642\u0627\u0628\u0644\u0629 \u0639\u0645\u0644",  // Arabic: right to left, joined
                                 "PrepBot \u51c6\u5907",                                    // CJK: another font
                                 "cafe\u0301 with a combining accent", "a\ttab", "soft\u00adhyphen", ""})
    EXPECT_FALSE(setter_.lines(text, 9.5, false, 487).has_value()) << text;
  EXPECT_FALSE(setter_.lines("A heading", kKernedSize, true, 487).has_value()) << "large text is kerned, by Pango";
}

}  // namespace
}  // namespace prepbot::report

#include "report/text.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <tuple>

namespace prepbot::report {
namespace {

// Where ink landed on an 8-bit image: left, top, right, bottom (inclusive), or all -1.
std::tuple<int, int, int, int> ink_box(cairo_surface_t* image) {
  cairo_surface_flush(image);
  const unsigned char* data = cairo_image_surface_get_data(image);
  const int width = cairo_image_surface_get_width(image), height = cairo_image_surface_get_height(image);
  const int stride = cairo_image_surface_get_stride(image);
  int left = -1, top = -1, right = -1, bottom = -1;
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x)
      if (data[y * stride + x] > 64) {
        if (left < 0 || x < left) left = x;
        if (top < 0) top = y;
        right = std::max(right, x);
        bottom = y;
      }
  return {left, top, right, bottom};
}

struct Case {
  std::string text;
  double size;
  bool bold;
  double width;
  PangoAlignment align;
};

// Draws `c` at (20, 10) on a fresh image, by Text or by a Pango layout of the same text.
std::tuple<int, int, int, int> drawn(const Case& c, bool with_pango, double* width = nullptr, double* height = nullptr) {
  cairo_surface_t* image = cairo_image_surface_create(CAIRO_FORMAT_A8, 640, 160);
  cairo_t* cr = cairo_create(image);
  if (with_pango) {
    PangoLayout* layout = make_layout(cr, c.text, c.size, c.bold, c.width, c.align);
    cairo_move_to(cr, 20, 10);
    pango_cairo_show_layout(cr, layout);
    if (width) *width = layout_width(layout);
    if (height) *height = layout_height(layout);
    g_object_unref(layout);
  } else {
    const Text text(cr, c.text, c.size, c.bold, c.width, c.align);
    text.draw(20, 10);
    if (width) *width = text.width();
    if (height) *height = text.height();
  }
  const auto box = ink_box(image);
  cairo_destroy(cr);
  cairo_surface_destroy(image);
  return box;
}

TEST(TextTest, LabelsAreMeasuredAndPlacedAsPangoPlacesThem) {
  const Case cases[] = {
      {"Communication", 8, false, 0, PANGO_ALIGN_LEFT},
      {"PrepBot \u00b7 Interview report", 8.5, true, 0, PANGO_ALIGN_LEFT},
      {"Page 3 of 8", 8, false, 487, PANGO_ALIGN_CENTER},
      {"Jos\u00e9 \u00d1\u00fa\u00f1ez", 8.5, false, 487, PANGO_ALIGN_RIGHT},
      {"Two lines,\none of them longer than the other", 9, false, 0, PANGO_ALIGN_CENTER},
      {"A label long enough that it wraps onto a second line at this narrow width", 9, false, 150, PANGO_ALIGN_RIGHT},
      {"5.8", 22, true, 0, PANGO_ALIGN_LEFT},                // a score figure: kerned, by Pango
      {"Jos\u00e9 \u674e\u96f7", 8.5, false, 487, PANGO_ALIGN_RIGHT},  // CJK: the fallback font, by Pango
  };
  for (const auto& c : cases) {
    double text_width = 0, text_height = 0, pango_width = 0, pango_height = 0;
    const auto [l1, t1, r1, b1] = drawn(c, false, &text_width, &text_height);
    const auto [l2, t2, r2, b2] = drawn(c, true, &pango_width, &pango_height);
    ASSERT_GE(l2, 0) << c.text;
    EXPECT_NEAR(l1, l2, 1) << c.text;
    EXPECT_NEAR(r1, r2, 1) << c.text;
    EXPECT_NEAR(t1, t2, 1) << c.text;
    EXPECT_NEAR(b1, b2, 1) << c.text;
    EXPECT_NEAR(text_height, pango_height, 0.01) << c.text;
    if (c.width == 0) {
      EXPECT_NEAR(text_width, pango_width, 0.05) << c.text;
    }
  }
}

TEST(TextTest, DrawTextReturnsTheHeightOfAllItsLines) {
  cairo_surface_t* image = cairo_image_surface_create(CAIRO_FORMAT_A8, 200, 100);
  cairo_t* cr = cairo_create(image);
  const double one = draw_text(cr, "One line", 0, 0, 9, kInk);
  const double three = draw_text(cr, "One\ntwo\nthree", 0, 0, 9, kInk);
  EXPECT_GT(one, 9);
  EXPECT_NEAR(three, 3 * one, 0.01);
  cairo_destroy(cr);
  cairo_surface_destroy(image);
}

}  // namespace
}  // namespace prepbot::report

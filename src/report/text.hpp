#pragma once
// A piece of text to measure and draw: a label, a header, a score. Set without
// shaping (plain_text.hpp) when it can be, by Pango otherwise; both place it alike.
#include <cairo.h>
#include <pango/pangocairo.h>

#include <optional>
#include <string_view>
#include <vector>

#include "report/plain_text.hpp"
#include "report/style.hpp"

namespace prepbot::report {

class Text {
 public:
  // `text` in the given size and weight, wrapped at `width` points (0: no wrapping),
  // its lines aligned within `width` (or within the widest line).
  Text(cairo_t* cr, std::string_view text, double size, bool bold = false, double width = 0,
       PangoAlignment align = PANGO_ALIGN_LEFT);
  ~Text();
  Text(const Text&) = delete;
  Text& operator=(const Text&) = delete;

  double width() const;   // the widest line's
  double height() const;  // all its lines'
  // Draws it with its top-left corner at (x, y), in the current source.
  void draw(double x, double y) const;

 private:
  cairo_t* cr_;
  std::optional<std::vector<PlainLine>> plain_;
  PangoLayout* layout_ = nullptr;  // when plain_ is empty
  double box_ = 0;                 // the width lines are aligned in
  PangoAlignment align_;
};

// Draws `text` with its top-left corner at (x, y); returns its height.
double draw_text(cairo_t* cr, std::string_view text, double x, double y, double size, Color color, bool bold = false,
                 double width = 0, PangoAlignment align = PANGO_ALIGN_LEFT);

}  // namespace prepbot::report

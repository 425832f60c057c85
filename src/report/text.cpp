#include "report/text.hpp"

#include <algorithm>
#include <limits>

namespace prepbot::report {

Text::Text(cairo_t* cr, std::string_view text, double size, bool bold, double width, PangoAlignment align)
    : cr_(cr), align_(align) {
  plain_ = plain_setter(cr).lines(text, size, bold, width > 0 ? width : std::numeric_limits<double>::infinity());
  if (!plain_) {
    layout_ = make_layout(cr, text, size, bold, width, align);
    return;
  }
  box_ = width;
  if (box_ <= 0)
    for (const auto& line : *plain_) box_ = std::max(box_, line.width);
}

Text::~Text() {
  if (layout_ != nullptr) g_object_unref(layout_);
}

double Text::width() const {
  if (layout_ != nullptr) return layout_width(layout_);
  double widest = 0;
  for (const auto& line : *plain_) widest = std::max(widest, line.width);
  return widest;
}

double Text::height() const { return layout_ != nullptr ? layout_height(layout_) : plain_->back().bottom; }

void Text::draw(double x, double y) const {
  if (layout_ == nullptr) return plain_setter(cr_).draw(*plain_, x, y, align_, box_);
  cairo_move_to(cr_, x, y);
  pango_cairo_show_layout(cr_, layout_);
}

double draw_text(cairo_t* cr, std::string_view text, double x, double y, double size, Color color, bool bold, double width,
                 PangoAlignment align) {
  const Text piece(cr, text, size, bold, width, align);
  set_color(cr, color);
  piece.draw(x, y);
  return piece.height();
}

}  // namespace prepbot::report

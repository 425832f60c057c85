#include "report/style.hpp"

#include <string>

namespace prepbot::report {

void set_color(cairo_t* cr, Color color, double alpha) { cairo_set_source_rgba(cr, color.r, color.g, color.b, alpha); }

namespace {

const cairo_user_data_key_t kContextKey{};


// One Pango context per cairo context, made on first use and freed with it. Its glyph
// metrics are unhinted and unrounded: a PDF has no pixel grid, and rounded advances
// made cairo write a position correction for most glyphs.
PangoContext* context_of(cairo_t* cr) {
  if (auto* context = static_cast<PangoContext*>(cairo_get_user_data(cr, &kContextKey))) return context;
  PangoContext* context = pango_cairo_create_context(cr);
  pango_cairo_context_set_resolution(context, 72);
  pango_context_set_round_glyph_positions(context, FALSE);
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options(context, options);
  cairo_font_options_destroy(options);
  cairo_set_user_data(cr, &kContextKey, context, g_object_unref);
  return context;
}

}  // namespace

PangoLayout* make_layout(cairo_t* cr, std::string_view text, double size, bool bold, double width, PangoAlignment align) {
  PangoLayout* layout = pango_layout_new(context_of(cr));
  PangoFontDescription* font = pango_font_description_from_string(kFontFamilies);
  pango_font_description_set_size(font, static_cast<int>(size * PANGO_SCALE));
  pango_font_description_set_weight(font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description(layout, font);
  pango_font_description_free(font);
  if (width > 0) {
    pango_layout_set_width(layout, static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
  }
  pango_layout_set_alignment(layout, align);
  pango_layout_set_auto_dir(layout, TRUE);  // right-to-left paragraphs (Arabic, Hebrew) lay out as such
  pango_layout_set_text(layout, text.data(), static_cast<int>(text.size()));
  if (size < kKernedSize) {
    PangoAttrList* attrs = pango_attr_list_new();
    pango_attr_list_insert(attrs, pango_attr_font_features_new("kern 0, liga 0"));
    pango_layout_set_attributes(layout, attrs);
    pango_attr_list_unref(attrs);
  }
  return layout;
}

double layout_height(PangoLayout* layout) {
  int width = 0, height = 0;
  pango_layout_get_size(layout, &width, &height);
  return static_cast<double>(height) / PANGO_SCALE;
}

double layout_width(PangoLayout* layout) {
  int width = 0, height = 0;
  pango_layout_get_size(layout, &width, &height);
  return static_cast<double>(width) / PANGO_SCALE;
}

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace prepbot::report

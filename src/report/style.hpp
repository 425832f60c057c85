#pragma once
// The look shared by the PDF reports and the SVG charts: fonts, colours, sizes.
#include <cairo.h>
#include <pango/pangocairo.h>

#include <string>
#include <string_view>

namespace prepbot::report {

struct Color {
  double r, g, b;
};

inline constexpr Color kInk{0.13, 0.15, 0.18};
inline constexpr Color kMuted{0.38, 0.41, 0.46};
inline constexpr Color kRule{0.85, 0.87, 0.90};
inline constexpr Color kBrand{0.11, 0.30, 0.49};
inline constexpr Color kTechnical{0.16, 0.47, 0.71};
inline constexpr Color kCommunication{0.90, 0.49, 0.08};
inline constexpr Color kConfidence{0.20, 0.60, 0.35};
inline constexpr Color kPaleBrand{0.93, 0.96, 0.99};

// DejaVu Sans covers Latin, Greek, Cyrillic and Arabic; WenQuanYi Micro Hei covers
// CJK. (Inter was tried: its CFF outlines cost cairo ~10 ms more to subset per
// report, past the 20 ms budget of a ten-question report.)
inline constexpr const char* kFontFamilies = "DejaVu Sans, WenQuanYi Micro Hei";

// Text this size and up (titles, headings, score figures) is kerned and has ligatures,
// where they show. Body text (8-10 points) is set on the fonts' plain advances: its
// shaping then skips the GPOS and GSUB lookups, 9 % of a report's instructions
// (callgrind, 4-question report), and plain_text.hpp can set it without Pango.
inline constexpr double kKernedSize = 12;

void set_color(cairo_t* cr, Color color, double alpha = 1.0);

// A layout of plain `text` (never markup) in the given size and weight, wrapped
// at `width` points (0: no wrapping), at 72 dpi so that sizes are points. Layouts on
// one cairo context share one Pango context, with unhinted glyph metrics (a PDF has no
// pixel grid); text under kKernedSize is set without kerning or ligatures.
PangoLayout* make_layout(cairo_t* cr, std::string_view text, double size, bool bold = false, double width = 0,
                         PangoAlignment align = PANGO_ALIGN_LEFT);

double layout_height(PangoLayout* layout);
double layout_width(PangoLayout* layout);

// Cairo stream writers that append to a std::string (the `closure`).
cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length);

}  // namespace prepbot::report

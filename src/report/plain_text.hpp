#pragma once
// Paragraphs that need no shaping, set without Pango: body text (under kKernedSize,
// so unkerned; see style.hpp) in Latin script with common punctuation, in the
// report's primary font, where every character maps to one glyph at its plain advance.
// That is most of a report, and setting it this way skips Pango's itemizing,
// shaping and line breaking, the largest share of drawing a report. Anything else
// (another script, right-to-left text, combining marks, a character the primary
// font lacks) is left to Pango.
#include <cairo.h>
#include <pango/pangocairo.h>

#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace prepbot::report {

struct PlainLine {
  std::string text;                          // the line's characters, for the PDF's text layer
  std::vector<cairo_glyph_t> glyphs;         // from the line's start (x) and baseline (y = 0)
  std::vector<cairo_text_cluster_t> clusters;  // one character, one glyph
  cairo_scaled_font_t* font = nullptr;       // owned by the PlainSetter that set the line
  double baseline = 0;                       // from the paragraph's top
  double bottom = 0;
  double width = 0;                          // the glyphs' advances, trailing spaces not counted
};

// Sets plain paragraphs for one document (one cairo context); keeps the fonts it loads.
class PlainSetter {
 public:
  explicit PlainSetter(cairo_t* cr) : cr_(cr) {}
  ~PlainSetter();
  PlainSetter(const PlainSetter&) = delete;
  PlainSetter& operator=(const PlainSetter&) = delete;

  // `text` wrapped at `width` points as Pango would wrap it (at spaces, after hyphens and
  // at line breaks, inside a word only when the word alone is wider than a line), or
  // nothing when the text needs Pango (or is kKernedSize or larger).
  std::optional<std::vector<PlainLine>> lines(std::string_view text, double size, bool bold, double width);

  // Draws `lines` (consecutive lines of one paragraph, whose top-left corner is (x, top))
  // in the current source, as one run: the PDF moves to each next line with a short
  // offset instead of starting a text object per line. Centred or right-aligned lines
  // are placed within `box` points, as Pango places them.
  void draw(std::span<const PlainLine> lines, double x, double top, PangoAlignment align = PANGO_ALIGN_LEFT,
            double box = 0) const;

 private:
  struct Glyph {
    unsigned long index = 0;
    double advance = 0;
  };
  struct Face {
    PangoFont* font = nullptr;
    cairo_scaled_font_t* scaled = nullptr;
    double line_height = 0, baseline = 0;         // as Pango stacks the font's lines
    std::unordered_map<gunichar, Glyph> glyphs;  // each character's, from the font's own map, as first met
  };
  Face* face(double size, bool bold);
  const Glyph* glyph(Face& face, const char* character, std::size_t bytes);

  cairo_t* cr_;
  std::map<std::pair<int, bool>, Face> faces_;
};

// The setter kept with `cr` (made on first use, freed with the context), so that every
// paragraph and label drawn on one context shares its fonts.
PlainSetter& plain_setter(cairo_t* cr);

}  // namespace prepbot::report

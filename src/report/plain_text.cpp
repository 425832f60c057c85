#include "report/plain_text.hpp"

#include <cmath>

#include "report/style.hpp"

namespace prepbot::report {
namespace {

// Characters set without shaping: Latin (with Latin-1 and the Latin Extended blocks),
// general punctuation (dashes, quotes, bullet, ellipsis), the euro and trade marks, the
// simple arrows and the report's check and cross marks. No combining mark, no
// right-to-left script, no tab, no soft hyphen (Pango gives those meaning).
bool plain_char(gunichar c) {
  if (c == '\n') return true;
  if (c < 0x20 || (c >= 0x7F && c < 0xA0) || c == 0xAD) return false;
  return c < 0x0250 || (c >= 0x2010 && c <= 0x2027) || (c >= 0x2030 && c <= 0x203A) || c == 0x20AC || c == 0x2122 ||
         (c >= 0x2190 && c <= 0x2193) || c == 0x2713 || c == 0x2717;
}

}  // namespace

PlainSetter::~PlainSetter() {
  for (auto& [key, face] : faces_) g_object_unref(face.font);
}

const PlainSetter::Face* PlainSetter::face(double size, bool bold) {
  const std::pair<int, bool> key{static_cast<int>(std::lround(size * PANGO_SCALE)), bold};
  if (auto it = faces_.find(key); it != faces_.end()) return &it->second;
  // A one-line layout tells where Pango puts a line of this font: its height and baseline.
  PangoLayout* probe = make_layout(cr_, "X", size, bold);
  PangoLayoutIter* iter = pango_layout_get_iter(probe);
  PangoRectangle logical;
  pango_layout_iter_get_line_extents(iter, nullptr, &logical);
  Face face;
  face.line_height = static_cast<double>(logical.height) / PANGO_SCALE;
  face.baseline = static_cast<double>(pango_layout_iter_get_baseline(iter) - logical.y) / PANGO_SCALE;
  pango_layout_iter_free(iter);
  face.font = pango_context_load_font(pango_layout_get_context(probe), pango_layout_get_font_description(probe));
  g_object_unref(probe);
  if (face.font == nullptr) return nullptr;
  face.scaled = pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(face.font));
  if (face.scaled == nullptr || cairo_scaled_font_status(face.scaled) != CAIRO_STATUS_SUCCESS) {
    g_object_unref(face.font);
    return nullptr;
  }
  return &faces_.emplace(key, face).first->second;
}

std::optional<std::vector<PlainLine>> PlainSetter::lines(std::string_view text, double size, bool bold, double width) {
  if (size >= kKernedSize || text.empty() || !g_utf8_validate(text.data(), static_cast<gssize>(text.size()), nullptr)) return std::nullopt;
  std::vector<std::size_t> starts;  // byte offset of each character
  for (const char* p = text.data(); p < text.data() + text.size(); p = g_utf8_next_char(p)) {
    if (!plain_char(g_utf8_get_char(p))) return std::nullopt;
    starts.push_back(static_cast<std::size_t>(p - text.data()));
  }
  const Face* f = face(size, bold);
  if (f == nullptr) return std::nullopt;
  // Every character's glyph and advance, from the font's own map: a trailing space gives the last advance.
  const std::string measured = std::string(text) + " ";
  cairo_glyph_t* glyphs = nullptr;
  int count = 0;
  if (cairo_scaled_font_text_to_glyphs(f->scaled, 0, 0, measured.data(), static_cast<int>(measured.size()), &glyphs, &count,
                                       nullptr, nullptr, nullptr) != CAIRO_STATUS_SUCCESS)
    return std::nullopt;
  const std::vector<cairo_glyph_t> all(glyphs, glyphs + count);
  cairo_glyph_free(glyphs);
  const std::size_t n = starts.size();
  if (all.size() != n + 1) return std::nullopt;
  for (std::size_t i = 0; i < n; ++i)
    if (all[i].index == 0 && text[starts[i]] != '\n') return std::nullopt;  // the primary font lacks it: Pango falls back
  auto is_space = [&](std::size_t i) { return text[starts[i]] == ' '; };
  auto is_newline = [&](std::size_t i) { return text[starts[i]] == '\n'; };
  auto right = [&](std::size_t i) { return all[i + 1].x; };  // where character i ends
  // Greedy filling, as Pango does it: a line takes words while they fit, trailing spaces
  // not counted; a word alone wider than the line is broken between characters.
  std::vector<PlainLine> out;
  auto emit = [&](std::size_t from, std::size_t to) {  // characters [from, to), trailing spaces dropped
    std::size_t end = to;
    while (end > from && (is_space(end - 1) || is_newline(end - 1))) --end;
    PlainLine line;
    line.font = f->scaled;
    const double origin = all[from].x;
    for (std::size_t i = from; i < end; ++i) {
      line.glyphs.push_back({all[i].index, all[i].x - origin, 0});
      const std::size_t bytes = (i + 1 < n ? starts[i + 1] : text.size()) - starts[i];
      line.clusters.push_back({static_cast<int>(bytes), 1});
      line.text.append(text.substr(starts[i], bytes));
    }
    line.baseline = static_cast<double>(out.size()) * f->line_height + f->baseline;
    line.bottom = static_cast<double>(out.size() + 1) * f->line_height;
    out.push_back(std::move(line));
  };
  std::size_t line_start = 0;
  std::size_t last_break = 0;  // a break opportunity after a space or hyphen: the next line starts here
  for (std::size_t i = 0; i < n; ++i) {
    if (is_newline(i)) {
      emit(line_start, i);
      line_start = last_break = i + 1;
      continue;
    }
    if (is_space(i)) {
      last_break = i + 1;
      continue;
    }
    while (right(i) - all[line_start].x > width && i > line_start) {
      if (last_break > line_start) {
        emit(line_start, last_break);
        line_start = last_break;
      } else {  // one word wider than the line
        emit(line_start, i);
        line_start = last_break = i;
      }
    }
    if (text[starts[i]] == '-' && i + 1 < n && !is_space(i + 1) && i > line_start) last_break = i + 1;
  }
  emit(line_start, n);  // the rest, or the empty line after a final line break, as Pango has it
  return out;
}

void PlainSetter::draw(const PlainLine& line, double x, double top) const {
  if (line.glyphs.empty()) return;
  std::vector<cairo_glyph_t> placed = line.glyphs;
  for (auto& glyph : placed) glyph.x += x, glyph.y = top + line.baseline;
  cairo_set_scaled_font(cr_, line.font);
  cairo_show_text_glyphs(cr_, line.text.data(), static_cast<int>(line.text.size()), placed.data(), static_cast<int>(placed.size()),
                         line.clusters.data(), static_cast<int>(line.clusters.size()), static_cast<cairo_text_cluster_flags_t>(0));
}

}  // namespace prepbot::report

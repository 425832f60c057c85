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

namespace {
const cairo_user_data_key_t kSetterKey{};
}  // namespace

PlainSetter& plain_setter(cairo_t* cr) {
  if (auto* setter = static_cast<PlainSetter*>(cairo_get_user_data(cr, &kSetterKey))) return *setter;
  auto* setter = new PlainSetter(cr);
  cairo_set_user_data(cr, &kSetterKey, setter, [](void* data) { delete static_cast<PlainSetter*>(data); });
  return *setter;
}

PlainSetter::Face* PlainSetter::face(double size, bool bold) {
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
  return &faces_.emplace(key, std::move(face)).first->second;
}

// The glyph and advance of the character at `character`, as cairo maps it: the same
// figures cairo_scaled_font_text_to_glyphs adds up along a run.
const PlainSetter::Glyph* PlainSetter::glyph(Face& f, const char* character, std::size_t bytes) {
  const gunichar c = g_utf8_get_char(character);
  if (auto it = f.glyphs.find(c); it != f.glyphs.end()) return &it->second;
  const std::string probe = std::string(character, bytes) + " ";  // the space's position is the character's advance
  cairo_glyph_t* glyphs = nullptr;
  int count = 0;
  if (cairo_scaled_font_text_to_glyphs(f.scaled, 0, 0, probe.data(), static_cast<int>(probe.size()), &glyphs, &count, nullptr,
                                       nullptr, nullptr) != CAIRO_STATUS_SUCCESS)
    return nullptr;
  const bool one = count == 2;
  const Glyph g{one ? glyphs[0].index : 0, one ? glyphs[1].x : 0};
  cairo_glyph_free(glyphs);
  if (!one) return nullptr;
  return &f.glyphs.emplace(c, g).first->second;
}

std::optional<std::vector<PlainLine>> PlainSetter::lines(std::string_view text, double size, bool bold, double width) {
  if (size >= kKernedSize || text.empty() || !g_utf8_validate(text.data(), static_cast<gssize>(text.size()), nullptr)) return std::nullopt;
  Face* f = face(size, bold);
  if (f == nullptr) return std::nullopt;
  // Every character's glyph, and where it starts along one unbroken run.
  std::vector<std::size_t> starts;  // byte offset of each character
  std::vector<unsigned long> index;
  std::vector<double> x{0};  // x[i]: where character i starts; x[n]: where the run ends
  for (const char* p = text.data(); p < text.data() + text.size(); p = g_utf8_next_char(p)) {
    if (!plain_char(g_utf8_get_char(p))) return std::nullopt;
    const std::size_t at = static_cast<std::size_t>(p - text.data());
    const Glyph* g = glyph(*f, p, static_cast<std::size_t>(g_utf8_next_char(p) - p));
    if (g == nullptr || (g->index == 0 && *p != '\n')) return std::nullopt;  // the primary font lacks it: Pango falls back
    starts.push_back(at);
    index.push_back(g->index);
    x.push_back(x.back() + g->advance);
  }
  const std::size_t n = starts.size();
  auto is_space = [&](std::size_t i) { return text[starts[i]] == ' '; };
  auto is_newline = [&](std::size_t i) { return text[starts[i]] == '\n'; };
  // Greedy filling, as Pango does it: a line takes words while they fit, trailing spaces
  // not counted; a word alone wider than the line is broken between characters.
  std::vector<PlainLine> out;
  auto emit = [&](std::size_t from, std::size_t to) {  // characters [from, to), trailing spaces dropped
    std::size_t end = to;
    while (end > from && (is_space(end - 1) || is_newline(end - 1))) --end;
    PlainLine line;
    line.font = f->scaled;
    const std::size_t first_byte = from < n ? starts[from] : text.size();
    const std::size_t end_byte = end < n ? starts[end] : text.size();
    line.text.assign(text.substr(first_byte, end_byte - first_byte));
    line.glyphs.reserve(end - from);
    line.clusters.reserve(end - from);
    for (std::size_t i = from; i < end; ++i) {
      line.glyphs.push_back({index[i], x[i] - x[from], 0});
      line.clusters.push_back({static_cast<int>((i + 1 < n ? starts[i + 1] : text.size()) - starts[i]), 1});
    }
    line.width = x[end] - x[from];
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
    while (x[i + 1] - x[line_start] > width && i > line_start) {
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

void PlainSetter::draw(std::span<const PlainLine> lines, double x, double top, PangoAlignment align, double box) const {
  std::string text;
  std::vector<cairo_glyph_t> placed;
  std::vector<cairo_text_cluster_t> clusters;
  for (const PlainLine& line : lines) {
    const double shift = align == PANGO_ALIGN_RIGHT ? box - line.width : align == PANGO_ALIGN_CENTER ? (box - line.width) / 2 : 0;
    text += line.text;
    for (cairo_glyph_t glyph : line.glyphs) placed.push_back({glyph.index, glyph.x + x + shift, top + line.baseline});
    clusters.insert(clusters.end(), line.clusters.begin(), line.clusters.end());
  }
  if (placed.empty()) return;
  cairo_set_scaled_font(cr_, lines.front().font);  // one paragraph, one font
  cairo_show_text_glyphs(cr_, text.data(), static_cast<int>(text.size()), placed.data(), static_cast<int>(placed.size()),
                         clusters.data(), static_cast<int>(clusters.size()), static_cast<cairo_text_cluster_flags_t>(0));
}

}  // namespace prepbot::report

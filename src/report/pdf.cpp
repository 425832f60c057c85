#include "report/pdf.hpp"

#include <cairo-pdf.h>

#include <algorithm>
#include <functional>
#include <memory>
#include <stdexcept>
#include <vector>

#include <fmt/format.h>

#include "model/levels.hpp"
#include "report/charts.hpp"
#include "report/plain_text.hpp"
#include "report/style.hpp"
#include "report/text.hpp"

namespace prepbot::report {
namespace {

constexpr double kPageWidth = 595.28;  // A4 in points
constexpr double kPageHeight = 841.89;
constexpr double kMargin = 54;
constexpr double kContentTop = 76;
constexpr double kContentBottom = kPageHeight - 56;
constexpr double kContentWidth = kPageWidth - 2 * kMargin;
constexpr double kUnsplitParagraph = 90;  // paragraphs up to this tall are never split across pages

// When the candidate last worked on the session (its latest answer, else its start),
// as cairo wants a PDF date: YYYY-MM-DDThh:mm:ssZ. Stored times are UTC.
std::string last_activity(const model::Session& session) {
  std::string latest = session.created_at;
  for (const auto& answer : session.answers) latest = std::max(latest, answer.answered_at);
  return latest.substr(0, 19) + "Z";
}

struct LayoutDeleter {
  void operator()(PangoLayout* layout) const { g_object_unref(layout); }
};
using LayoutPtr = std::unique_ptr<PangoLayout, LayoutDeleter>;

// One piece of the flow: a paragraph (split across pages at line boundaries when
// it must be) or a drawing of fixed height that is never split.
struct Block {
  LayoutPtr text;                // a paragraph Pango set, or null
  std::vector<PlainLine> plain;  // a paragraph set without shaping (plain_text.hpp)
  Color color = kInk;
  double indent = 0;
  double space_before = 0;
  bool keep_with_next = false;  // headings stay with what follows
  double height = 0;            // a drawing's height
  std::function<void(cairo_t*, double x, double y)> draw;
  std::vector<double> line_bottoms;  // a paragraph's line ends, from its top; none for a drawing

  bool is_paragraph() const { return !line_bottoms.empty(); }
};

// Where a block, or a slice of a paragraph, lands.
struct Placement {
  std::size_t block;
  int page;
  double y;
  double from;  // slice of the paragraph: [from, to) in its own coordinates
  double to;
};

class Document {
 public:
  explicit Document(std::string candidate)
      : candidate_(std::move(candidate)),
        surface_(cairo_pdf_surface_create_for_stream(append_to_string, &pdf_, kPageWidth, kPageHeight)),
        cr_(cairo_create(surface_)) {}
  ~Document() {
    cairo_destroy(cr_);
    cairo_surface_destroy(surface_);
  }
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;

  cairo_t* context() { return cr_; }

  void paragraph(std::string_view text, double size, bool bold = false, Color color = kInk, double space_before = 4,
                 double indent = 0) {
    Block block;
    block.color = color;
    block.indent = indent;
    block.space_before = space_before;
    if (auto lines = plain_setter(cr_).lines(text, size, bold, kContentWidth - indent)) {
      block.plain = std::move(*lines);
      for (const auto& line : block.plain) block.line_bottoms.push_back(line.bottom);
    } else {
      block.text.reset(make_layout(cr_, text, size, bold, kContentWidth - indent));
      PangoLayoutIter* iter = pango_layout_get_iter(block.text.get());
      do {
        PangoRectangle logical;
        pango_layout_iter_get_line_extents(iter, nullptr, &logical);
        block.line_bottoms.push_back(static_cast<double>(logical.y + logical.height) / PANGO_SCALE);
      } while (pango_layout_iter_next_line(iter));
      pango_layout_iter_free(iter);
    }
    blocks_.push_back(std::move(block));
  }

  void heading(std::string_view text, double size, double space_before = 14) {
    paragraph(text, size, true, kBrand, space_before);
    blocks_.back().keep_with_next = true;
  }

  void label(std::string_view text) {
    paragraph(text, 8.5, true, kMuted, 8);
    blocks_.back().keep_with_next = true;
  }

  void drawing(double height, std::function<void(cairo_t*, double x, double y)> draw, double space_before = 6) {
    Block block;
    block.height = height;
    block.draw = std::move(draw);
    block.space_before = space_before;
    blocks_.push_back(std::move(block));
  }

  // Lays the blocks out on pages, draws them with a header and "Page N of M", and returns the PDF.
  // The creation date is the session's, not the clock's: every export of a session,
  // from any instance, is the same file.
  std::string finish(const std::string& title, const model::Session& session) {
    const auto placements = paginate();
    const int pages = placements.empty() ? 1 : placements.back().page + 1;
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_TITLE, title.c_str());
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_AUTHOR, candidate_.c_str());
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATOR, "PrepBot");
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATE_DATE, last_activity(session).c_str());
    std::size_t next = 0;
    for (int page = 0; page < pages; ++page) {
      draw_page_frame(page + 1, pages);
      for (; next < placements.size() && placements[next].page == page; ++next) draw(placements[next]);
      cairo_show_page(cr_);
    }
    cairo_surface_finish(surface_);
    if (cairo_surface_status(surface_) != CAIRO_STATUS_SUCCESS) throw std::runtime_error("cairo could not write the PDF");
    return std::move(pdf_);
  }

 private:
  double block_height(const Block& block) const { return block.is_paragraph() ? block.line_bottoms.back() : block.height; }

  std::vector<Placement> paginate() const {
    std::vector<Placement> out;
    int page = 0;
    double y = kContentTop;
    for (std::size_t i = 0; i < blocks_.size(); ++i) {
      const Block& block = blocks_[i];
      if (y > kContentTop) y += block.space_before;
      // Short paragraphs move whole to the next page rather than split; long ones split at a line.
      const bool splittable = block.is_paragraph() && block_height(block) > kUnsplitParagraph;
      double needed = splittable ? block.line_bottoms.front() : block_height(block);
      if (block.keep_with_next && i + 1 < blocks_.size()) {
        const Block& next = blocks_[i + 1];
        const bool next_splittable = next.is_paragraph() && block_height(next) > kUnsplitParagraph;
        needed = block_height(block) + next.space_before + (next_splittable ? next.line_bottoms.front() : block_height(next));
      }
      if (y + needed > kContentBottom && y > kContentTop) ++page, y = kContentTop;
      if (!block.is_paragraph()) {
        out.push_back({i, page, y, 0, block.height});
        y += block.height;
        continue;
      }
      double from = 0;
      while (true) {  // a paragraph flows over as many pages as it needs, a line at a time
        double to = from;
        for (double bottom : block.line_bottoms)
          if (bottom - from <= kContentBottom - y) to = bottom;
        if (to == from) to = *std::upper_bound(block.line_bottoms.begin(), block.line_bottoms.end(), from);  // one line always fits
        out.push_back({i, page, y, from, to});
        y += to - from;
        from = to;
        if (from >= block.line_bottoms.back()) break;
        ++page, y = kContentTop;
      }
    }
    return out;
  }

  void draw(const Placement& placement) {
    const Block& block = blocks_[placement.block];
    if (!block.is_paragraph()) return block.draw(cr_, kMargin, placement.y);
    set_color(cr_, block.color);
    const double left = kMargin + block.indent, top = placement.y - placement.from;
    if (!block.text) {  // set without shaping: the lines of this slice
      auto first = std::find_if(block.plain.begin(), block.plain.end(), [&](const PlainLine& l) { return l.bottom > placement.from; });
      auto last = std::find_if(first, block.plain.end(), [&](const PlainLine& l) { return l.bottom > placement.to; });
      plain_setter(cr_).draw({first, last}, left, top);
      return;
    }
    if (placement.from == 0 && placement.to >= block.line_bottoms.back()) {
      cairo_move_to(cr_, left, top);
      pango_cairo_show_layout(cr_, block.text.get());
      return;
    }
    // A slice of a split paragraph: only its own lines, so no page carries the glyphs of another.
    PangoLayoutIter* iter = pango_layout_get_iter(block.text.get());
    std::size_t line = 0;
    do {
      const double bottom = block.line_bottoms[line++];
      if (bottom <= placement.from || bottom > placement.to) continue;
      PangoRectangle logical;
      pango_layout_iter_get_line_extents(iter, nullptr, &logical);
      cairo_move_to(cr_, left + static_cast<double>(logical.x) / PANGO_SCALE,
                    top + static_cast<double>(pango_layout_iter_get_baseline(iter)) / PANGO_SCALE);
      pango_cairo_show_layout_line(cr_, pango_layout_iter_get_line_readonly(iter));
    } while (pango_layout_iter_next_line(iter));
    pango_layout_iter_free(iter);
  }

  void draw_page_frame(int page, int pages) {
    draw_text(cr_, "PrepBot \u00b7 Interview report", kMargin, 30, 8.5, kBrand, true);
    draw_text(cr_, candidate_, kMargin, 30, 8.5, kMuted, false, kContentWidth, PANGO_ALIGN_RIGHT);
    set_color(cr_, kRule);
    cairo_set_line_width(cr_, 0.6);
    cairo_move_to(cr_, kMargin, 48);
    cairo_line_to(cr_, kPageWidth - kMargin, 48);
    cairo_stroke(cr_);
    draw_text(cr_, fmt::format("Page {} of {}", page, pages), kMargin, kPageHeight - 36, 8, kMuted, false, kContentWidth,
              PANGO_ALIGN_CENTER);
  }

  std::string candidate_;
  std::string pdf_;
  cairo_surface_t* surface_;  // writes into pdf_
  cairo_t* cr_;
  std::vector<Block> blocks_;
};

const model::FinalReport& final_report_of(const model::Session& session) {
  if (!session.final_report) throw std::logic_error("a report needs a completed session");
  return *session.final_report;
}

std::string who_and_what(const model::Session& session) {
  const auto& meta = session.meta;
  std::string line = meta.role;
  if (meta.domain) line += " \u00b7 " + *meta.domain;
  line += fmt::format(" \u00b7 {} \u00b7 {} interview \u00b7 {}", model::to_string(meta.experience), model::to_string(meta.mode),
                      session.created_at.substr(0, 10));
  line += meta.scoring == model::Scoring::content ? " \u00b7 graded on content only (fair scoring)"
                                                  : " \u00b7 graded on content and delivery";
  return line;
}

// A row of score tiles: overall, then the three dimensions.
void draw_score_tiles(cairo_t* cr, const model::FinalReport& report, double x, double y) {
  struct Tile {
    const char* label;
    double value;
    Color color;
  };
  const Tile tiles[] = {{"Overall", report.overall_score, kBrand},
                        {"Technical", report.avg_technical, kTechnical},
                        {"Communication", report.avg_communication, kCommunication},
                        {"Confidence", report.avg_confidence, kConfidence}};
  const double gap = 10, width = (kContentWidth - 3 * gap) / 4;
  for (const auto& tile : tiles) {
    set_color(cr, kPaleBrand);
    cairo_rectangle(cr, x, y, width, 62);
    cairo_fill(cr);
    set_color(cr, tile.color);
    cairo_rectangle(cr, x, y, 4, 62);
    cairo_fill(cr);
    draw_text(cr, tile.label, x + 12, y + 8, 8.5, kMuted, true);
    const Text value(cr, fmt::format("{:.1f}", tile.value), 22, true);
    set_color(cr, tile.color);
    value.draw(x + 12, y + 22);
    draw_text(cr, "/ 10", x + 16 + value.width(), y + 34, 8.5, kMuted);
    x += width + gap;
  }
}

void draw_charts(Document& doc, const model::Session& session) {
  const model::FinalReport& report = final_report_of(session);
  doc.drawing(200, [&report, &session](cairo_t* cr, double x, double y) {
    draw_radar(cr, report, x - 6, y, 200);
    draw_question_bars(cr, session, x + 214, y + 14, kContentWidth - 214, 180);
  }, 10);
}

// Spoken answers: each one's pace against the band that is easy to follow.
void pace_chart(Document& doc, const model::Session& session) {
  if (!has_spoken_answers(session)) return;
  doc.heading("Pace per question", 13, 18);
  doc.paragraph("Words a minute of each spoken answer; the shaded band, 120 to 160, is easy to follow.", 8.5, false,
                kMuted, 4);
  doc.drawing(130, [&session](cairo_t* cr, double x, double y) { draw_pace_bars(cr, session, x, y, kContentWidth, 130); }, 10);
}

// A practice profile's sessions up to this one: where the scores went.
void progress_chart(Document& doc, const std::vector<ProgressPoint>& progress) {
  if (progress.size() < 2) return;
  const double first = progress.front().overall, last = progress.back().overall;
  doc.heading("Progress over your sessions", 13, 18);
  doc.paragraph(fmt::format("Overall score (thick line) and technical score of each of your {} sessions so far: {:.1f} at the "
                            "first, {:.1f} now ({}).",
                            progress.size(), first, last,
                            last - first >= 0.5 ? "improved" : last - first <= -0.5 ? "lower than at first" : "about the same"),
                8.5, false, kMuted, 4);
  doc.drawing(120, [&progress](cairo_t* cr, double x, double y) { draw_progress_lines(cr, progress, x, y, kContentWidth, 120); },
              10);
}

// The job posting's skills: which questions practised each, and how they went.
void posting_coverage(Document& doc, const model::FinalReport& report) {
  if (report.posting_coverage.empty()) return;
  doc.heading("The job posting's skills", 13, 18);
  for (const auto& c : report.posting_coverage)
    doc.paragraph(c.questions > 0 ? fmt::format("\u2022  {}: {} question{}, technical {:.1f}/10", c.skill, c.questions,
                                                c.questions == 1 ? "" : "s", c.average)
                                  : fmt::format("\u2022  {}: not practised in this session", c.skill),
                  9.5, false, c.questions > 0 ? kInk : kMuted, 2, 6);
}

// An adaptive session's path: each planned question's difficulty and technical score, in order.
void difficulty_path(Document& doc, const model::FinalReport& report) {
  if (report.difficulty_path.empty()) return;
  doc.heading("Difficulty path", 13, 18);
  std::string path;
  for (const auto& step : report.difficulty_path) {
    if (!path.empty()) path += "  \u2192  ";
    path += step.technical > 0 ? fmt::format("{} ({}/10)", step.difficulty, step.technical) : step.difficulty + " (not answered)";
  }
  doc.paragraph(path, 9.5, false, kInk, 2);
  doc.paragraph("Each question was chosen after the answer before it: harder after a strong answer, easier after a weak one.",
                8.5, false, kMuted, 6);
}

void title_block(Document& doc, const model::Session& session, const char* kind) {
  doc.paragraph(kind, 9, true, kMuted, 0);
  doc.paragraph(session.meta.name, 22, true, kInk, 2);
  doc.paragraph(who_and_what(session), 10, false, kMuted, 2);
  const model::FinalReport& report = final_report_of(session);
  doc.drawing(62, [&report](cairo_t* cr, double x, double y) { draw_score_tiles(cr, report, x, y); }, 14);
}

// Up to `limit` items; with `max_chars`, long items are cut at a word so a page's worth stays one page.
void bullet_list(Document& doc, const std::vector<std::string>& items, std::size_t limit, std::size_t max_chars = 0) {
  for (std::size_t i = 0; i < items.size() && i < limit; ++i) {
    std::string item = items[i];
    if (max_chars > 0 && item.size() > max_chars) {
      const auto cut = item.rfind(' ', max_chars);
      item = item.substr(0, cut == std::string::npos ? max_chars : cut) + " \u2026";
    }
    doc.paragraph("\u2022  " + item, 9.5, false, kInk, 3, 6);
  }
}

}  // namespace

std::string full_report_pdf(const model::Session& session, const std::vector<ProgressPoint>& progress) {
  const model::FinalReport& report = final_report_of(session);
  Document doc(session.meta.name);
  title_block(doc, session, "FULL INTERVIEW REPORT");
  draw_charts(doc, session);
  progress_chart(doc, progress);
  pace_chart(doc, session);
  posting_coverage(doc, final_report_of(session));
  difficulty_path(doc, final_report_of(session));

  for (const auto& answer : session.answers) {
    const model::Question* question = session.find_question(answer.question_id);
    const auto& e = answer.evaluation;
    const std::string asked = question && question->parent_id != 0 ? fmt::format("Follow-up to question {}", question->parent_id)
                                                                   : fmt::format("Question {}", answer.question_id);
    doc.heading(fmt::format("{} \u00b7 {} \u00b7 {}", asked, question ? question->type : "", question ? question->difficulty : ""),
                9, 22);
    doc.paragraph(question ? question->text : "", 12, true, kInk, 3);
    doc.label(answer.attempts > 1 ? fmt::format("YOUR ANSWER (attempt {})", answer.attempts) : "YOUR ANSWER");
    doc.paragraph(answer.text.empty() ? "(no answer)" : answer.text, 9.5, false, kInk, 2);
    doc.drawing(16, [scores = e.scores](cairo_t* cr, double x, double y) {
      const std::pair<const char*, std::pair<int, Color>> items[] = {{"Technical", {scores.technical, kTechnical}},
                                                                      {"Communication", {scores.communication, kCommunication}},
                                                                      {"Confidence", {scores.confidence, kConfidence}}};
      for (const auto& [label, value] : items) {
        set_color(cr, value.second);
        cairo_rectangle(cr, x, y + 3, 8, 8);
        cairo_fill(cr);
        draw_text(cr, fmt::format("{} {}/10", label, value.first), x + 12, y, 9.5, kInk, true);
        x += 155;
      }
    }, 8);
    doc.label("FEEDBACK");
    doc.paragraph(e.feedback, 9.5, false, kInk, 2);
    if (!e.examples_or_corrections.empty()) {
      doc.label("A STRONGER ANSWER");
      doc.paragraph(e.examples_or_corrections, 9.5, false, kInk, 2);
    }
    if (!e.evidence.key_points_covered.empty()) {
      doc.label("KEY POINTS COVERED");
      for (const auto& item : e.evidence.key_points_covered) doc.paragraph("\u2713  " + item.point, 9, false, kConfidence, 2, 6);
    }
    if (!e.evidence.key_points_missed.empty()) {
      doc.label("KEY POINTS MISSED");
      for (const auto& item : e.evidence.key_points_missed) doc.paragraph("\u2717  " + item, 9, false, kCommunication, 2, 6);
    }
    if (!e.resources.empty()) {
      doc.label("RESOURCES");
      bullet_list(doc, e.resources, 10);
    }
  }

  doc.heading("Strengths", 14, 24);
  if (report.strengths.empty()) doc.paragraph("Keep practising: strengths show up as scores of 7 and above.", 9.5);
  bullet_list(doc, report.strengths, 20);
  doc.heading("Focus areas", 14, 16);
  if (report.focus_areas.empty()) doc.paragraph("Nothing stands out: every dimension averaged 7 or more.", 9.5);
  bullet_list(doc, report.focus_areas, 20);
  if (!report.resources.empty()) {
    doc.heading("All resources", 14, 16);
    bullet_list(doc, report.resources, 100);
  }
  return doc.finish("PrepBot interview report: " + session.meta.name, session);
}

void warm_up() {
  model::Session session;
  session.meta.name = "PrepBot \u51c6\u5907 \u0645\u0642\u0627\u0628\u0644\u0629";
  session.questions.push_back({1, "Warm-up", "technical", "easy", "", "", {}});
  model::Answer answer;
  answer.question_id = 1;
  answer.evaluation.scores = {5, 5, 5};
  session.answers.push_back(answer);
  model::FinalReport report;
  report.n_questions = 1;
  report.strengths = {"\u2713 \u2717 \u2022 \u2026"};
  session.final_report = report;
  full_report_pdf(session);
}

std::string summary_pdf(const model::Session& session) {
  const model::FinalReport& report = final_report_of(session);
  Document doc(session.meta.name);
  title_block(doc, session, "INTERVIEW SUMMARY");
  draw_charts(doc, session);
  doc.heading("Top focus areas", 13, 18);
  if (report.focus_areas.empty()) doc.paragraph("Nothing stands out: every dimension averaged 7 or more.", 9.5);
  bullet_list(doc, report.focus_areas, 4, 220);
  doc.heading("Strengths", 13, 14);
  if (report.strengths.empty()) doc.paragraph("Keep practising: strengths show up as scores of 7 and above.", 9.5);
  bullet_list(doc, report.strengths, 3, 220);
  doc.paragraph(fmt::format("{} question{} answered. The full report has every answer with its feedback, a stronger "
                            "example answer and resources.",
                            report.n_questions, report.n_questions == 1 ? "" : "s"),
                8.5, false, kMuted, 16);
  return doc.finish("PrepBot interview summary: " + session.meta.name, session);
}

}  // namespace prepbot::report

#include "report/charts.hpp"

#include <cairo-svg.h>

#include <algorithm>
#include <array>
#include <functional>
#include <cmath>
#include <string>

#include <fmt/format.h>

#include "report/style.hpp"
#include "report/text.hpp"

namespace prepbot::report {
namespace {

struct Axis {
  const char* label;
  double value;
  Color color;
};

// Text draws from its top-left corner; this centres a label on (cx, cy),
// shifted as needed to stay inside [left, right] when those are given.
void draw_centered(cairo_t* cr, const std::string& text, double cx, double cy, double size, Color color, bool bold = false,
                   double left = -1e9, double right = 1e9) {
  const Text label(cr, text, size, bold);
  set_color(cr, color);
  const double width = label.width();
  label.draw(std::clamp(cx - width / 2, left, std::max(left, right - width)), cy - label.height() / 2);
}

std::string svg_of(double width, double height, const std::function<void(cairo_t*)>& draw) {
  std::string out;
  cairo_surface_t* surface = cairo_svg_surface_create_for_stream(append_to_string, &out, width, height);
  cairo_t* cr = cairo_create(surface);
  draw(cr);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  cairo_surface_destroy(surface);
  return out;
}

}  // namespace

void draw_radar(cairo_t* cr, const model::FinalReport& averages, double x, double y, double size) {
  const std::array<Axis, 3> axes = {{{"Technical", averages.avg_technical, kTechnical},
                                     {"Communication", averages.avg_communication, kCommunication},
                                     {"Confidence", averages.avg_confidence, kConfidence}}};
  const double cx = x + size / 2, cy = y + size / 2 + size * 0.06;
  const double radius = size * 0.32;
  auto point = [&](std::size_t axis, double value) {
    const double angle = -M_PI / 2 + static_cast<double>(axis) * 2 * M_PI / 3;
    return std::pair{cx + std::cos(angle) * radius * value / 10, cy + std::sin(angle) * radius * value / 10};
  };
  cairo_save(cr);
  cairo_set_line_width(cr, 0.75);
  for (int ring = 2; ring <= 10; ring += 2) {  // the grid: rings at 2, 4, … 10
    for (std::size_t a = 0; a <= axes.size(); ++a) {
      const auto [px, py] = point(a % axes.size(), ring);
      a == 0 ? cairo_move_to(cr, px, py) : cairo_line_to(cr, px, py);
    }
    set_color(cr, kRule);
    cairo_stroke(cr);
  }
  for (std::size_t a = 0; a < axes.size(); ++a) {
    const auto [px, py] = point(a, 10);
    cairo_move_to(cr, cx, cy);
    cairo_line_to(cr, px, py);
    set_color(cr, kRule);
    cairo_stroke(cr);
  }
  for (std::size_t a = 0; a <= axes.size(); ++a) {  // the candidate's shape
    const auto [px, py] = point(a % axes.size(), std::clamp(axes[a % axes.size()].value, 0.0, 10.0));
    a == 0 ? cairo_move_to(cr, px, py) : cairo_line_to(cr, px, py);
  }
  cairo_close_path(cr);
  set_color(cr, kBrand, 0.18);
  cairo_fill_preserve(cr);
  set_color(cr, kBrand);
  cairo_set_line_width(cr, 1.6);
  cairo_stroke(cr);
  for (std::size_t a = 0; a < axes.size(); ++a) {
    const auto [px, py] = point(a, std::clamp(axes[a].value, 0.0, 10.0));
    cairo_arc(cr, px, py, 3, 0, 2 * M_PI);
    set_color(cr, axes[a].color);
    cairo_fill(cr);
    const auto [lx, ly] = point(a, 12.6);
    draw_centered(cr, axes[a].label, lx, ly - 5, size * 0.05, kInk, true, x + 2, x + size - 2);
    draw_centered(cr, fmt::format("{:.1f}", axes[a].value), lx, ly + 7, size * 0.05, axes[a].color, true, x + 2, x + size - 2);
  }
  cairo_restore(cr);
}

void draw_question_bars(cairo_t* cr, const model::Session& session, double x, double y, double width, double height) {
  const std::array<std::pair<const char*, Color>, 3> series = {
      {{"Technical", kTechnical}, {"Communication", kCommunication}, {"Confidence", kConfidence}}};
  cairo_save(cr);
  // Legend across the top.
  double lx = x + 28;
  for (const auto& [label, color] : series) {
    set_color(cr, color);
    cairo_rectangle(cr, lx, y + 3, 8, 8);
    cairo_fill(cr);
    const Text name(cr, label, 8);
    set_color(cr, kMuted);
    name.draw(lx + 11, y + 1);
    lx += 11 + name.width() + 14;
  }
  const double left = x + 22, top = y + 22, bottom = y + height - 16, plot_width = width - 26;
  cairo_set_line_width(cr, 0.5);
  for (int value = 0; value <= 10; value += 2) {
    const double gy = bottom - (bottom - top) * value / 10.0;
    set_color(cr, kRule);
    cairo_move_to(cr, left, gy);
    cairo_line_to(cr, left + plot_width, gy);
    cairo_stroke(cr);
    draw_centered(cr, std::to_string(value), x + 9, gy, 7, kMuted);
  }
  const std::size_t n = std::max<std::size_t>(session.answers.size(), 1);
  const double group = plot_width / static_cast<double>(n);
  const double bar = std::min(14.0, group * 0.8 / 3);
  for (std::size_t i = 0; i < session.answers.size(); ++i) {
    const auto& s = session.answers[i].evaluation.scores;
    const std::array<int, 3> values = {s.technical, s.communication, s.confidence};
    const double start = left + group * static_cast<double>(i) + (group - bar * 3) / 2;
    for (std::size_t k = 0; k < 3; ++k) {
      const double h = (bottom - top) * std::clamp(values[k], 0, 10) / 10.0;
      set_color(cr, series[k].second);
      cairo_rectangle(cr, start + bar * static_cast<double>(k), bottom - h, bar - 1, h);
      cairo_fill(cr);
    }
    draw_centered(cr, fmt::format("Q{}", session.answers[i].question_id), start + bar * 1.5, bottom + 8, 7, kMuted);
  }
  cairo_restore(cr);
}

bool has_spoken_answers(const model::Session& session) {
  return std::any_of(session.answers.begin(), session.answers.end(),
                     [](const model::Answer& a) { return a.evaluation.evidence.delivery.has_value(); });
}

void draw_pace_bars(cairo_t* cr, const model::Session& session, double x, double y, double width, double height) {
  constexpr double kEasyLow = 120, kEasyHigh = 160;  // the guidance speech/delivery.hpp judges by
  double top_value = 200;
  for (const auto& answer : session.answers)
    if (const auto& d = answer.evaluation.evidence.delivery) top_value = std::max(top_value, d->words_per_minute);
  top_value = std::ceil(top_value / 40) * 40;
  cairo_save(cr);
  const double left = x + 26, top = y + 6, bottom = y + height - 16, plot_width = width - 30;
  const auto at = [&](double value) { return bottom - (bottom - top) * std::clamp(value, 0.0, top_value) / top_value; };
  set_color(cr, kCommunication, 0.12);  // the band that is easy to follow
  cairo_rectangle(cr, left, at(kEasyHigh), plot_width, at(kEasyLow) - at(kEasyHigh));
  cairo_fill(cr);
  cairo_set_line_width(cr, 0.5);
  for (double value = 0; value <= top_value; value += 40) {
    set_color(cr, kRule);
    cairo_move_to(cr, left, at(value));
    cairo_line_to(cr, left + plot_width, at(value));
    cairo_stroke(cr);
    draw_centered(cr, fmt::format("{:.0f}", value), x + 11, at(value), 7, kMuted);
  }
  const std::size_t n = std::max<std::size_t>(session.answers.size(), 1);
  const double group = plot_width / static_cast<double>(n);
  const double bar = std::min(22.0, group * 0.6);
  for (std::size_t i = 0; i < session.answers.size(); ++i) {
    const double start = left + group * static_cast<double>(i) + (group - bar) / 2;
    draw_centered(cr, fmt::format("Q{}", session.answers[i].question_id), start + bar / 2, bottom + 8, 7, kMuted);
    const auto& delivery = session.answers[i].evaluation.evidence.delivery;
    if (!delivery) {
      draw_centered(cr, "typed", start + bar / 2, bottom - 6, 7, kMuted);
      continue;
    }
    const double wpm = delivery->words_per_minute;
    set_color(cr, wpm >= kEasyLow && wpm <= kEasyHigh ? kCommunication : kConfidence);
    cairo_rectangle(cr, start, at(wpm), bar, bottom - at(wpm));
    cairo_fill(cr);
    draw_centered(cr, fmt::format("{:.0f}", wpm), start + bar / 2, at(wpm) - 6, 7, kInk);
  }
  cairo_restore(cr);
}

void draw_progress_lines(cairo_t* cr, const std::vector<ProgressPoint>& points, double x, double y, double width,
                         double height) {
  if (points.size() < 2) return;
  cairo_save(cr);
  const double left = x + 26, top = y + 6, bottom = y + height - 16, plot_width = width - 40;
  const auto at_score = [&](double score) { return bottom - (bottom - top) * (std::clamp(score, 1.0, 10.0) - 1) / 9; };
  const auto at_index = [&](std::size_t i) {
    return left + plot_width * static_cast<double>(i) / static_cast<double>(points.size() - 1);
  };
  cairo_set_line_width(cr, 0.5);
  for (int score = 1; score <= 10; score += 3) {
    set_color(cr, kRule);
    cairo_move_to(cr, left, at_score(score));
    cairo_line_to(cr, left + plot_width, at_score(score));
    cairo_stroke(cr);
    draw_centered(cr, std::to_string(score), x + 11, at_score(score), 7, kMuted);
  }
  const struct {
    double ProgressPoint::*value;
    Color color;
    double width;
  } lines[] = {{&ProgressPoint::technical, kTechnical, 1.2}, {&ProgressPoint::overall, kBrand, 2}};
  for (const auto& line : lines) {
    set_color(cr, line.color);
    cairo_set_line_width(cr, line.width);
    for (std::size_t i = 0; i < points.size(); ++i) {
      const double px = at_index(i), py = at_score(points[i].*line.value);
      if (i == 0) cairo_move_to(cr, px, py);
      else cairo_line_to(cr, px, py);
    }
    cairo_stroke(cr);
  }
  // Dates under the first, the last and, with room, every few points between.
  const std::size_t step = std::max<std::size_t>(1, points.size() / 6);
  for (std::size_t i = 0; i < points.size(); i += step)
    if (i + step / 2 < points.size() - 1 || i == 0) draw_centered(cr, points[i].date.substr(5, 5), at_index(i), bottom + 8, 7, kMuted);
  draw_centered(cr, points.back().date.substr(5, 5), at_index(points.size() - 1), bottom + 8, 7, kInk);
  cairo_restore(cr);
}

std::string radar_svg(const model::FinalReport& averages) {
  return svg_of(320, 320, [&](cairo_t* cr) { draw_radar(cr, averages, 0, 0, 320); });
}

std::string question_bars_svg(const model::Session& session) {
  const double width = std::max(320.0, 60.0 + 46.0 * static_cast<double>(session.answers.size()));
  return svg_of(width, 220, [&](cairo_t* cr) { draw_question_bars(cr, session, 4, 4, width - 8, 212); });
}

}  // namespace prepbot::report

#pragma once
// The report's two charts, drawn with cairo so that the same code fills the
// PDF reports and the SVG images the web app shows.
#include <cairo.h>

#include <string>

#include "model/model.hpp"

namespace prepbot::report {

// The averages of the three dimensions on three axes, 0-10, in a size × size square at (x, y).
void draw_radar(cairo_t* cr, const model::FinalReport& averages, double x, double y, double size);

// Every answered question's three scores as grouped bars, in a width × height box at (x, y).
void draw_question_bars(cairo_t* cr, const model::Session& session, double x, double y, double width, double height);

// Each spoken answer's pace in words per minute as bars, with the 120–160 band
// that is easy to follow marked, in a width × height box at (x, y).
void draw_pace_bars(cairo_t* cr, const model::Session& session, double x, double y, double width, double height);
bool has_spoken_answers(const model::Session& session);
// A practice profile's session on the way to a report's: its mean scores.
struct ProgressPoint {
  std::string date;  // the session's start (ISO 8601)
  double technical = 0, communication = 0, confidence = 0, overall = 0;
};
// Overall and technical scores per session as two lines over 1-10, oldest first.
void draw_progress_lines(cairo_t* cr, const std::vector<ProgressPoint>& points, double x, double y, double width,
                         double height);

// The charts as standalone SVG documents.
std::string radar_svg(const model::FinalReport& averages);
std::string question_bars_svg(const model::Session& session);

}  // namespace prepbot::report

#pragma once
// The PDF reports, drawn in memory (no temporary files): the full report with
// every question, answer, score, feedback, evidence and resource, and a one-page
// summary. Fonts are embedded; text in any script is shaped by Pango.
#include <string>
#include <vector>

#include "model/model.hpp"
#include "report/charts.hpp"

namespace prepbot::report {

// Both need a completed session (one with a final report). With two or more
// points of `progress` (a profile's sessions up to this one), the full report
// adds a "Progress over your sessions" chart.
std::string full_report_pdf(const model::Session& session, const std::vector<ProgressPoint>& progress = {});
std::string summary_pdf(const model::Session& session);

// Draws a throwaway report in Latin, CJK and Arabic text. Pango keeps a font map
// per thread, so a thread's first report loads its fonts (tens of milliseconds);
// run this once on each thread that draws reports, before any request does.
void warm_up();

}  // namespace prepbot::report

#include "coach/offline/resume.hpp"

#include <algorithm>

#include "coach/offline/text.hpp"
#include "util/text.hpp"

namespace prepbot::coach::offline {
namespace {

// Verbs a résumé line opens with when it tells what the candidate did.
bool is_action_verb(std::string_view word) {
  static const std::vector<std::string_view> kIrregular = {"led", "built", "ran", "made", "wrote", "drove", "grew",
                                                           "cut", "won", "taught", "set", "shipped", "owned", "took"};
  if (std::find(kIrregular.begin(), kIrregular.end(), word) != kIrregular.end()) return true;
  return word.size() > 4 && word.ends_with("ed");
}

// Lines and sentences: résumés list bullets one per line, or write prose.
std::vector<std::string_view> pieces(std::string_view text) {
  std::vector<std::string_view> out;
  for (std::string_view line : util::split(text, '\n')) {
    line = util::trim(line);
    while (!line.empty() && (line.front() == '-' || line.front() == '*' || line.starts_with("\u2022") || line.starts_with("\u25aa"))) {
      line.remove_prefix(line.front() == '-' || line.front() == '*' ? 1 : 3);
      line = util::trim(line);
    }
    std::size_t start = 0;
    for (std::size_t i = 0; i + 1 < line.size(); ++i)
      if (line[i] == '.' && line[i + 1] == ' ') {
        out.push_back(util::trim(line.substr(start, i + 1 - start)));
        start = i + 2;
      }
    if (start < line.size()) out.push_back(util::trim(line.substr(start)));
  }
  return out;
}

}  // namespace

std::vector<ResumeLine> read_resume(const KnowledgeBase& knowledge, std::string_view text) {
  std::vector<ResumeLine> lines;
  for (const std::string_view piece : pieces(text)) {
    const AnalyzedText analyzed = analyze(piece);
    const std::size_t words = analyzed.tokens.size();
    if (words < 4 || words > 40 || util::utf8_length(piece) > kMaxQuotedChars) continue;  // headings, contact lines, paragraphs
    ResumeLine line;
    line.text = std::string(piece);
    while (!line.text.empty() && (line.text.back() == '.' || line.text.back() == ';' || line.text.back() == ',')) line.text.pop_back();
    for (const auto& mention : knowledge.mentions(analyzed))
      if (mention.weight >= 0.5) line.concepts.push_back(mention.index);
    line.story = is_action_verb(analyzed.tokens.front().word) && words >= 6;
    if (!line.concepts.empty() || line.story) lines.push_back(std::move(line));
  }
  return lines;
}

bool names_subject(const BankQuestion& question, const ResumeLine& line) {
  const auto specific = question.concepts.begin() +
                        static_cast<std::ptrdiff_t>(std::min<std::size_t>(question.concepts.size(), kSpecificConcepts));
  return std::any_of(line.concepts.begin(), line.concepts.end(),
                     [&](std::size_t c) { return std::find(question.concepts.begin(), specific, c) != specific; });
}

std::optional<std::string> quote_for(const BankQuestion& question, std::vector<ResumeLine>& lines) {
  // A technical question takes a line naming one of its most specific concepts.
  // A behavioral one takes a story, one about people and work before one about a technology.
  const auto story_rank = [](const ResumeLine& line) { return line.story ? (line.concepts.empty() ? 2 : 1) : 0; };
  ResumeLine* best = nullptr;
  for (auto& line : lines) {
    if (line.used) continue;
    if (question.type == "behavioral") {
      if (story_rank(line) > (best ? story_rank(*best) : 0)) best = &line;
    } else if (names_subject(question, line)) {
      best = &line;
      break;
    }
  }
  if (!best) return std::nullopt;
  best->used = true;
  return best->text;
}

}  // namespace prepbot::coach::offline

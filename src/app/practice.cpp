#include "app/practice.hpp"

#include <poll.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <future>
#include <optional>

#include <fmt/format.h>

#include "http/request_parsing.hpp"
#include "model/levels.hpp"
#include "util/text.hpp"

namespace prepbot::app {
namespace {

volatile sig_atomic_t g_interrupted = 0;

void on_interrupt(int) { g_interrupted = 1; }

// Lines from the terminal (or a pipe). SIGINT stays blocked except while waiting
// for input (ppoll unblocks it atomically), so Ctrl-C is seen either while
// waiting, at once, or at the next wait, never lost between a check and a read.
class LineReader {
 public:
  enum class Status { line, end, interrupted };

  explicit LineReader(int fd) : fd_(fd) {}

  Status read_line(std::string& line) {
    for (;;) {
      if (g_interrupted) return Status::interrupted;
      if (const auto newline = buffer_.find('\n'); newline != std::string::npos) {
        line = buffer_.substr(0, newline);
        buffer_.erase(0, newline + 1);
        if (!line.empty() && line.back() == '\r') line.pop_back();
        return Status::line;
      }
      if (ended_) {  // Ctrl-D: what was typed before it is the last line; then the input has ended
        ended_ = false;
        if (buffer_.empty()) return Status::end;
        line = std::move(buffer_);
        buffer_.clear();
        pending_end_ = true;
        return Status::line;
      }
      if (pending_end_) {
        pending_end_ = false;
        return Status::end;
      }
      sigset_t while_waiting;
      pthread_sigmask(SIG_SETMASK, nullptr, &while_waiting);
      sigdelset(&while_waiting, SIGINT);
      pollfd waiting{fd_, POLLIN, 0};
      if (ppoll(&waiting, 1, nullptr, &while_waiting) < 0) {
        if (errno == EINTR) continue;
        return Status::end;
      }
      char chunk[4096];
      const ssize_t n = ::read(fd_, chunk, sizeof chunk);
      if (n > 0) buffer_.append(chunk, static_cast<std::size_t>(n));
      else if (n == 0) ended_ = true;
      else if (errno != EINTR && errno != EAGAIN) ended_ = true;
    }
  }

 private:
  int fd_;
  std::string buffer_;
  bool ended_ = false, pending_end_ = false;
};

// Typed text as an answer may hold it: terminal escape sequences (arrow keys) and
// other control characters out, tab and line breaks kept.
std::string clean_typed(std::string_view line) {
  std::string out;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const auto c = static_cast<unsigned char>(line[i]);
    if (c == 0x1b) {  // ESC [ parameters final-byte, or ESC and one character
      if (i + 1 < line.size() && line[i + 1] == '[') {
        i += 2;
        while (i < line.size() && (static_cast<unsigned char>(line[i]) < 0x40 || static_cast<unsigned char>(line[i]) > 0x7e)) ++i;
      } else {
        ++i;
      }
      continue;
    }
    if ((c < 0x20 && c != '\t') || c == 0x7f) continue;
    if (c == 0xc2 && i + 1 < line.size() && static_cast<unsigned char>(line[i + 1]) >= 0x80 &&
        static_cast<unsigned char>(line[i + 1]) <= 0x9f) {  // a C1 control
      ++i;
      continue;
    }
    out.push_back(static_cast<char>(c));
  }
  return out;
}

// Colour and layout, or none of it: --plain, NO_COLOR, TERM=dumb or output that is not a terminal.
class Style {
 public:
  Style(std::FILE* out, bool plain) : plain_(plain) {
    const char* term = std::getenv("TERM");
    color_ = !plain && isatty(fileno(out)) && std::getenv("NO_COLOR") == nullptr && !(term && std::string_view(term) == "dumb");
  }
  bool plain() const { return plain_; }
  std::string bold(std::string_view text) const { return wrap("1", text); }
  std::string dim(std::string_view text) const { return wrap("2", text); }
  std::string score(int value, std::string_view text) const { return wrap(value >= 7 ? "32" : value >= 5 ? "33" : "31", text); }

 private:
  std::string wrap(std::string_view code, std::string_view text) const {
    return color_ ? fmt::format("\x1b[{}m{}\x1b[0m", code, text) : std::string(text);
  }
  bool plain_;
  bool color_ = false;
};

// Waits for an asynchronous call of the service and returns its value (or throws its error).
template <class T, class Start>
T wait_for(Start&& start) {
  std::promise<util::Result<T>> promise;
  auto future = promise.get_future();
  start([&promise](util::Result<T> result) { promise.set_value(std::move(result)); });
  return std::move(future.get().get());
}

enum class Choice { answer, skip, finish, interrupted };

class Practice {
 public:
  Practice(interview::InterviewService& interview, const PracticeOptions& options, int input_fd, std::FILE* out)
      : interview_(interview), options_(options), input_(input_fd), out_(out), style_(out, options.plain) {}

  int run(interview::StartInput start);

 private:
  void print(std::string_view text) {
    std::fputs(std::string(text).c_str(), out_);
    std::fflush(out_);
  }
  Choice read_answer(const model::Question& question, std::string& text);
  Choice after_feedback(bool& retry);
  void show_evaluation(const model::Answer& answer);
  void show_report(const std::string& session_id);
  int leave(const std::string& session_id, bool interrupted);

  interview::InterviewService& interview_;
  const PracticeOptions& options_;
  LineReader input_;
  std::FILE* out_;
  Style style_;
  int answered_ = 0;
};

Choice Practice::read_answer(const model::Question& question, std::string& text) {
  text.clear();
  print(style_.dim("Your answer: an empty line or Ctrl-D sends it. On a line of its own: /hint, /skip, /finish.\n"));
  std::string line;
  for (;;) {
    print(text.empty() ? "> " : "  ");
    const auto status = input_.read_line(line);
    if (status == LineReader::Status::interrupted) return Choice::interrupted;
    if (status == LineReader::Status::end) {
      print("\n");
      return text.empty() ? Choice::finish : Choice::answer;
    }
    const std::string cleaned = clean_typed(line);
    if (!util::is_valid_utf8(cleaned)) {
      print("That line was not UTF-8 text; type it again.\n");
      continue;
    }
    const std::string_view command = util::trim(cleaned);
    if (text.empty()) {
      if (command.empty()) continue;
      if (command == "/hint") {
        print(fmt::format("{} {}\n", style_.bold("Hint:"), question.hint.empty() ? "No hint for this one." : question.hint));
        continue;
      }
      if (command == "/skip") return Choice::skip;
      if (command == "/finish") return Choice::finish;
    } else if (command.empty()) {
      return Choice::answer;
    }
    text += (text.empty() ? "" : "\n") + cleaned;
    if (util::utf8_length(text) > http::kMaxAnswerChars) {
      print(fmt::format("Answers stop at {} characters; this one is sent as it is now.\n", http::kMaxAnswerChars));
      return Choice::answer;
    }
  }
}

Choice Practice::after_feedback(bool& retry) {
  print(style_.dim("Enter: next question. r then Enter: try again. /finish: end now.\n> "));
  std::string line;
  const auto status = input_.read_line(line);
  if (status == LineReader::Status::interrupted) return Choice::interrupted;
  if (status == LineReader::Status::end) return Choice::finish;
  const std::string_view choice = util::trim(line);
  retry = choice == "r" || choice == "R";
  return choice == "/finish" ? Choice::finish : Choice::answer;
}

void Practice::show_evaluation(const model::Answer& answer) {
  const auto& e = answer.evaluation;
  const std::pair<const char*, int> scores[] = {
      {"Technical", e.scores.technical}, {"Communication", e.scores.communication}, {"Confidence", e.scores.confidence}};
  print("\n");
  for (const auto& [label, value] : scores) {
    if (style_.plain()) {
      print(fmt::format("{}: {} out of 10.\n", label, value));
    } else {
      std::string bar;
      for (int i = 1; i <= 10; ++i) bar += i <= value ? "\u2588" : "\u2591";
      print(fmt::format("  {:<14} {} {}\n", label, style_.score(value, bar), style_.bold(fmt::format("{:>2}/10", value))));
    }
  }
  print(fmt::format("{}\n{}\n", style_.bold("\nFeedback"), e.feedback));
  if (!e.examples_or_corrections.empty())
    print(fmt::format("{}\n{}", style_.bold("\nA stronger answer"), e.examples_or_corrections));
  if (e.examples_or_corrections.empty() || e.examples_or_corrections.back() != '\n') print("\n");
  print(style_.dim(fmt::format("Graded by the {} coach.\n\n", e.source)));
}

void Practice::show_report(const std::string& session_id) {
  const model::FinalReport report = interview_.finalize(session_id);
  print(fmt::format("{}\n", style_.bold("Your report")));
  print(fmt::format("Overall {:.1f} out of 10: technical {:.1f}, communication {:.1f}, confidence {:.1f}; {} question{} answered.\n",
                    report.overall_score, report.avg_technical, report.avg_communication, report.avg_confidence,
                    report.n_questions, report.n_questions == 1 ? "" : "s"));
  if (!report.strengths.empty()) print("Strengths:\n");
  for (const auto& strength : report.strengths) print(fmt::format("  + {}\n", strength));
  if (!report.focus_areas.empty()) print("Practise next:\n");
  for (const auto& focus : report.focus_areas) print(fmt::format("  - {}\n", focus));
  const auto pdf = wait_for<std::shared_ptr<const interview::ExportedReport>>(
      [&](auto done) { interview_.export_report(session_id, interview::ReportKind::full, std::move(done)); });
  const std::string path = options_.out.empty() ? fmt::format("prepbot-report-{}.pdf", session_id.substr(0, 8)) : options_.out;
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  file << pdf->pdf;
  file.close();
  if (!file) throw std::runtime_error("cannot write the report to " + path);
  print(fmt::format("The full report (PDF) is in {}\n", path));
}

int Practice::leave(const std::string& session_id, bool interrupted) {
  if (interrupted) print("\nStopped.\n");
  if (answered_ > 0) show_report(session_id);
  else print("No answers, so no report.\n");
  print(fmt::format("Session {} is saved; the web app opens it at #/session/{}\n", session_id, session_id));
  return interrupted ? 130 : 0;
}

int Practice::run(interview::StartInput start) {
  const auto started = wait_for<interview::Started>([&](auto done) { interview_.start(std::move(start), std::move(done)); });
  const model::Session& session = started.session;
  const int total = session.meta.adaptive ? session.meta.planned : static_cast<int>(session.questions.size());
  print(fmt::format("{}\n", style_.bold(fmt::format("PrepBot practice: {} \u00b7 {} \u00b7 {} question{}", session.meta.role,
                                                    model::to_string(session.meta.mode), total, total == 1 ? "" : "s"))));
  if (!started.role_note.empty()) print(started.role_note + "\n");
  if (session.meta.scoring == model::Scoring::content)
    print("Fair scoring: spelling, filler words, hedges and sentence length are not graded.\n");
  // The list grows while the interview runs: a follow-up comes right after its
  // question, an adaptive session's next question at the end.
  std::vector<model::Question> questions = session.questions;
  int planned = 0;
  for (std::size_t i = 0; i < questions.size(); ++i) {
    const model::Question question = questions[i];
    const std::string heading = question.parent_id != 0 ? fmt::format("Follow-up to question {}", planned)
                                                        : fmt::format("Question {} of {}", ++planned, total);
    for (bool retry = true; retry;) {
      retry = false;
      print(fmt::format("\n{} {}\n{}\n", style_.bold(heading),
                        style_.dim(fmt::format("({} \u00b7 {})", question.type, question.difficulty)), question.text));
      std::string text;
      Choice choice = read_answer(question, text);
      if (choice == Choice::interrupted) return leave(session.id, true);
      if (choice == Choice::finish) return leave(session.id, false);
      if (choice == Choice::skip) break;
      print(style_.dim("Grading\u2026\n"));
      const auto graded = wait_for<interview::Answered>(
          [&](auto done) { interview_.answer(session.id, {question.id, text}, std::move(done)); });
      if (graded.answer.attempts == 1) ++answered_;
      show_evaluation(graded.answer);
      if (graded.follow_up) questions.insert(questions.begin() + static_cast<std::ptrdiff_t>(i) + 1, *graded.follow_up);
      if (graded.next_question) questions.push_back(*graded.next_question);
      choice = after_feedback(retry);
      if (choice == Choice::interrupted) return leave(session.id, true);
      if (choice == Choice::finish) return leave(session.id, false);
    }
  }
  print("\nThat was the last question.\n");
  return leave(session.id, false);
}

}  // namespace

int run_practice(interview::InterviewService& interview, const PracticeOptions& options, int input_fd, std::FILE* output) {
  interview::StartInput start;
  start.name = options.name;
  start.role = options.role;
  if (!util::trim(options.domain).empty()) start.domain = options.domain;
  const auto level = model::parse_level(options.experience);
  const auto mode = model::parse_mode(options.mode);
  const auto scoring = model::parse_scoring(options.scoring);
  if (!level || !mode || !scoring || options.questions < 1 || options.questions > 20 || util::trim(options.role).empty()) {
    std::fputs("prepbot practice: --experience must be a level (junior, 3-5 years, …), --mode technical, behavioral or "
               "mixed, --scoring standard or content, --questions 1-20, and --role not empty\n",
               stderr);
    return 2;
  }
  start.experience = *level;
  start.mode = *mode;
  start.scoring = *scoring;
  start.num_questions = options.questions;
  start.follow_ups = options.follow_ups;
  start.adaptive = options.adaptive;

  struct sigaction action {};
  action.sa_handler = on_interrupt;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, nullptr);
  g_interrupted = 0;
  Practice practice(interview, options, input_fd, output);
  return practice.run(std::move(start));
}

}  // namespace prepbot::app

#include "coach/offline/selector.hpp"

#include <algorithm>

#include "util/text.hpp"

namespace prepbot::coach::offline {
namespace {

// Difficulties that fit a level when the candidate did not choose one.
bool usual_difficulty(model::Level level, const std::string& difficulty) {
  switch (level) {
    case model::Level::entry: return difficulty == "easy" || difficulty == "medium";
    case model::Level::junior: return difficulty != "hard";
    case model::Level::mid: return difficulty != "easy";
    case model::Level::senior: return difficulty != "easy";
  }
  return true;
}

struct Candidate {
  const BankQuestion* question;
  int score;
};

// Orders one pool: best-fitting first, at random among equals.
std::vector<const BankQuestion*> rank(std::vector<Candidate> pool, std::mt19937_64& random) {
  std::shuffle(pool.begin(), pool.end(), random);
  std::stable_sort(pool.begin(), pool.end(), [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
  std::vector<const BankQuestion*> out;
  out.reserve(pool.size());
  for (const auto& candidate : pool) out.push_back(candidate.question);
  return out;
}

// How many of the posting's skills a question names (at most two count).
int posting_overlap(const BankQuestion& q, const PostingProfile& posting) {
  int overlap = 0;
  for (const auto& skill : posting.skills)
    overlap += std::find(q.concepts.begin(), q.concepts.end(), skill.concept_index) != q.concepts.end();
  return std::min(overlap, 2);
}

int fit(const BankQuestion& q, const QuestionRequest& request, model::Level level, const Selection& selection) {
  int score = 30 * posting_overlap(q, selection.posting);
  if (q.type == "technical" &&
      std::any_of(selection.resume.begin(), selection.resume.end(), [&](const ResumeLine& line) { return names_subject(q, line); }))
    score += 30;
  if (std::find(request.avoid_ids.begin(), request.avoid_ids.end(), q.id) != request.avoid_ids.end()) score -= 100;
  if (q.suits(level)) score += 20;
  if (!request.focus.empty() && std::find(q.tags.begin(), q.tags.end(), request.focus) != q.tags.end()) score += 25;
  // A difficulty asked for (an adaptive session's next step) outweighs what usually suits the level.
  if (request.difficulty.empty()) score += usual_difficulty(level, q.difficulty) ? 10 : 0;
  else score += q.difficulty == request.difficulty ? 25 : 0;
  if (!q.domains.empty()) {
    const bool wanted = request.domain && std::find(q.domains.begin(), q.domains.end(), *request.domain) != q.domains.end();
    score += wanted ? 15 : -5;  // domain questions only when that domain was asked for
  }
  return score;
}

}  // namespace

std::vector<std::string> targeted_skills(const BankQuestion& question, const PostingProfile& posting) {
  std::vector<std::string> names;
  for (const auto& skill : posting.skills)
    if (std::find(question.concepts.begin(), question.concepts.end(), skill.concept_index) != question.concepts.end())
      names.push_back(skill.name);
  return names;
}

Selection select_questions(const Bank& bank, const QuestionRequest& request, std::mt19937_64& random) {
  Selection selection;
  if (!util::trim(request.job_description).empty()) selection.posting = read_posting(bank, request.job_description);
  if (!util::trim(request.resume).empty()) selection.resume = read_resume(bank.knowledge(), request.resume);
  const PostingProfile& posting = selection.posting;
  const Bank::RoleMatch role = bank.match_role(request.role);
  selection.family = role.family;
  selection.exact_role = role.exact;
  if (!role.exact && posting.family) {  // the posting knows better than a loose match on the title
    selection.family = posting.family;
    selection.exact_role = true;
  }
  if (!request.level_given && posting.level) selection.level = posting.level;
  const model::Level level = selection.level.value_or(request.level);
  std::vector<Candidate> technical, behavioral;
  for (const auto& q : bank.questions()) {
    const bool own_family = q.family == selection.family->name;
    // Another family's technical question joins only for a skill the posting names.
    if (q.type == "technical" && (own_family || posting_overlap(q, posting) > 0))
      technical.push_back({&q, fit(q, request, level, selection) - (own_family ? 0 : 15)});
    if (q.type == "behavioral" && (own_family || q.family == "behavioral"))
      behavioral.push_back({&q, fit(q, request, level, selection) + (own_family ? 3 : 0)});
  }
  const auto ranked_technical = rank(std::move(technical), random);
  const auto ranked_behavioral = rank(std::move(behavioral), random);

  const auto count = static_cast<std::size_t>(std::max(request.count, 0));
  std::size_t t = 0, b = 0;
  while (selection.questions.size() < count && (t < ranked_technical.size() || b < ranked_behavioral.size())) {
    bool take_technical = request.mode == model::Mode::technical;
    if (request.mode == model::Mode::mixed) take_technical = selection.questions.size() % 2 == 0;
    // When the wanted pool runs dry the other one fills the session rather than leaving it short.
    if (take_technical && t >= ranked_technical.size()) take_technical = false;
    if (!take_technical && b >= ranked_behavioral.size()) take_technical = true;
    selection.questions.push_back(take_technical ? ranked_technical[t++] : ranked_behavioral[b++]);
  }
  return selection;
}

}  // namespace prepbot::coach::offline

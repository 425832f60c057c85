#include "coach/offline/selector.hpp"

#include <algorithm>

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

int fit(const BankQuestion& q, const QuestionRequest& request) {
  int score = 0;
  if (std::find(request.avoid_ids.begin(), request.avoid_ids.end(), q.id) != request.avoid_ids.end()) score -= 100;
  if (q.suits(request.level)) score += 20;
  if (!request.focus.empty() && std::find(q.tags.begin(), q.tags.end(), request.focus) != q.tags.end()) score += 25;
  if (request.difficulty.empty() ? usual_difficulty(request.level, q.difficulty) : q.difficulty == request.difficulty)
    score += 10;
  if (!q.domains.empty()) {
    const bool wanted = request.domain && std::find(q.domains.begin(), q.domains.end(), *request.domain) != q.domains.end();
    score += wanted ? 15 : -5;  // domain questions only when that domain was asked for
  }
  return score;
}

}  // namespace

Selection select_questions(const Bank& bank, const QuestionRequest& request, std::mt19937_64& random) {
  Selection selection;
  const Bank::RoleMatch role = bank.match_role(request.role);
  selection.family = role.family;
  selection.exact_role = role.exact;
  std::vector<Candidate> technical, behavioral;
  for (const auto& q : bank.questions()) {
    const bool own_family = q.family == selection.family->name;
    if (q.type == "technical" && own_family) technical.push_back({&q, fit(q, request)});
    if (q.type == "behavioral" && (own_family || q.family == "behavioral"))
      behavioral.push_back({&q, fit(q, request) + (own_family ? 3 : 0)});
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

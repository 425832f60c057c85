#include "coach/offline/validation.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <numeric>
#include <stdexcept>

#include <fmt/format.h>

#include "model/json.hpp"
#include "util/embedded.hpp"

namespace prepbot::coach::offline {
namespace {

using json = nlohmann::json;

// Ranks 1..n, ties sharing their average rank.
std::vector<double> ranks(const std::vector<double>& values) {
  std::vector<std::size_t> order(values.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return values[a] < values[b]; });
  std::vector<double> out(values.size());
  for (std::size_t i = 0; i < order.size();) {
    std::size_t j = i;
    while (j + 1 < order.size() && values[order[j + 1]] == values[order[i]]) ++j;
    const double rank = (static_cast<double>(i) + static_cast<double>(j)) / 2 + 1;
    for (std::size_t k = i; k <= j; ++k) out[order[k]] = rank;
    i = j + 1;
  }
  return out;
}

double pearson(const std::vector<double>& x, const std::vector<double>& y) {
  const double n = static_cast<double>(x.size());
  if (x.size() < 2) return 0;
  const double mx = std::accumulate(x.begin(), x.end(), 0.0) / n, my = std::accumulate(y.begin(), y.end(), 0.0) / n;
  double sxy = 0, sxx = 0, syy = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) * (x[i] - mx);
    syy += (y[i] - my) * (y[i] - my);
  }
  return sxx > 0 && syy > 0 ? sxy / std::sqrt(sxx * syy) : 0;
}

double spearman(const std::vector<double>& x, const std::vector<double>& y) { return pearson(ranks(x), ranks(y)); }

double mean3(const model::Scores& s) { return (s.technical + s.communication + s.confidence) / 3.0; }

model::Evaluation evaluate(const OfflineCoach& coach, const std::string& question, const std::string& type,
                           const std::string& answer, const std::string& bank_id = "", std::string_view hidden = {},
                           const PhrasingModel* phrasing = nullptr) {
  EvaluationRequest request;
  request.question.text = question;
  request.question.type = type;
  request.question.bank_id = bank_id;
  request.answer = answer;
  request.mode = type == "behavioral" ? model::Mode::behavioral : model::Mode::technical;
  return coach.evaluate_now(request, hidden, phrasing);
}

// Share of within-group pairs with different expected values that the returned values order the same way.
struct PairCounter {
  double right = 0;
  int pairs = 0;
  void add(const std::vector<double>& expected, const std::vector<double>& returned) {
    for (std::size_t i = 0; i < expected.size(); ++i)
      for (std::size_t j = i + 1; j < expected.size(); ++j) {
        if (expected[i] == expected[j]) continue;
        ++pairs;
        const double sign = (expected[i] - expected[j]) * (returned[i] - returned[j]);
        right += sign > 0 ? 1 : sign == 0 ? 0.5 : 0;
      }
  }
  double share() const { return pairs ? right / pairs : 0; }
};

}  // namespace

bool in_split(std::string_view id, Split split) {
  if (split == Split::all) return true;
  const auto digits = id.find_last_not_of("0123456789");
  const int number = digits + 1 < id.size() ? std::stoi(std::string(id.substr(digits + 1))) : 0;
  return (number % 2 == 1) == (split == Split::tune);
}

AgreementFigures out_of_bank_agreement(const OfflineCoach& coach, const json& set, Split split,
                                       const std::map<std::string, PhrasingModel>* phrasing_by_batch) {
  AgreementFigures figures;
  std::array<std::vector<double>, 3> expected, returned;
  std::vector<double> lengths, expected_mean;
  PairCounter pairs, length_pairs;
  std::map<std::string, std::pair<double, int>> by_grade;
  for (const auto& q : set.at("questions")) {
    const std::string id = q.at("id");
    if (!in_split(id, split)) continue;
    const PhrasingModel* phrasing = nullptr;
    if (phrasing_by_batch)
      if (const auto found = phrasing_by_batch->find(batch_of(id)); found != phrasing_by_batch->end()) phrasing = &found->second;
    ++figures.questions;
    std::vector<double> e_mean, r_mean, len;
    for (const auto& a : q.at("answers")) {
      ++figures.answers;
      const std::string text = a.at("text");
      const auto evaluation = evaluate(coach, q.at("question"), q.value("type", "technical"), text, "", {}, phrasing);
      const auto& want = a.at("expected");
      const std::array<double, 3> e = {want.at("technical").get<double>(), want.at("communication").get<double>(),
                                       want.at("confidence").get<double>()};
      const std::array<double, 3> r = {static_cast<double>(evaluation.scores.technical),
                                       static_cast<double>(evaluation.scores.communication),
                                       static_cast<double>(evaluation.scores.confidence)};
      for (int d = 0; d < 3; ++d) expected[d].push_back(e[d]), returned[d].push_back(r[d]);
      e_mean.push_back((e[0] + e[1] + e[2]) / 3);
      r_mean.push_back(mean3(evaluation.scores));
      len.push_back(static_cast<double>(text.size()));
      figures.details.push_back({{"id", q.at("id")}, {"grade", a.at("grade")}, {"expected", want},
                                 {"scores", {r[0], r[1], r[2]}}, {"words", evaluation.evidence.word_count},
                                 {"evidence", model::to_json(evaluation.evidence)}, {"feedback", evaluation.feedback}});
      auto& grade = by_grade[a.at("grade").get<std::string>()];
      grade.first += r_mean.back(), ++grade.second;
    }
    pairs.add(e_mean, r_mean);
    length_pairs.add(e_mean, len);
    lengths.insert(lengths.end(), len.begin(), len.end());
    expected_mean.insert(expected_mean.end(), e_mean.begin(), e_mean.end());
  }
  double total = 0, length_total = 0;
  for (int d = 0; d < 3; ++d) {
    figures.spearman[static_cast<std::size_t>(d)] = spearman(returned[static_cast<std::size_t>(d)], expected[static_cast<std::size_t>(d)]);
    total += figures.spearman[static_cast<std::size_t>(d)];
    length_total += spearman(lengths, expected[static_cast<std::size_t>(d)]);
  }
  figures.spearman_mean = total / 3;
  figures.length_spearman = length_total / 3;
  figures.pairwise = pairs.share();
  figures.length_pairwise = length_pairs.share();
  for (const auto& [grade, sum] : by_grade) figures.mean_by_grade[grade] = sum.first / sum.second;
  return figures;
}

std::map<std::string, PhrasingModel> phrasing_left_out(const json& set) {
  const std::vector<PhrasingExample> examples = phrasing_examples(set);
  std::map<std::string, PhrasingModel> models;
  for (const auto& example : examples) models.emplace(example.batch, PhrasingModel{});
  for (auto& [batch, model] : models) {
    std::vector<PhrasingExample> others;
    for (const auto& example : examples)
      if (example.batch != batch) others.push_back(example);
    model = PhrasingModel::train(others);
  }
  return models;
}

LeftOutFigures phrasing_left_out_agreement(const OfflineCoach& coach, const json& set) {
  const auto models = phrasing_left_out(set);
  LeftOutFigures figures;
  for (const auto& entry : models) {
    json one = {{"questions", json::array()}};
    for (const auto& q : set.at("questions"))
      if (batch_of(q.at("id").get<std::string>()) == entry.first) one["questions"].push_back(q);
    figures.by_batch[entry.first] = {out_of_bank_agreement(coach, one, Split::all, &models), out_of_bank_agreement(coach, one, Split::all)};
  }
  figures.all_held = out_of_bank_agreement(coach, set, Split::all, &models);
  return figures;
}

AdversarialFigures out_of_bank_adversarial(const OfflineCoach& coach, const json& set, Split split) {
  AdversarialFigures figures;
  for (const auto& pair : set.at("adversarial")) {
    const std::string id = pair.at("id");
    if (!in_split(id, split)) continue;
    const std::string type = pair.value("type", "technical");
    const auto better = evaluate(coach, pair.at("question"), type, pair.at("better"));
    const auto worse = evaluate(coach, pair.at("question"), type, pair.at("worse"));
    const bool passed = mean3(better.scores) > mean3(worse.scores) && better.scores.technical >= worse.scores.technical;
    auto& [ok, total] = figures.by_category[pair.at("category").get<std::string>()];
    ++total, ++figures.total;
    if (passed) ++ok, ++figures.passed;
    else
      figures.failures.push_back(fmt::format("{} {}: better {}/{}/{} vs worse {}/{}/{}", id, pair.at("category").get<std::string>(),
                                             better.scores.technical, better.scores.communication, better.scores.confidence,
                                             worse.scores.technical, worse.scores.communication, worse.scores.confidence));
  }
  return figures;
}

InBankFigures in_bank_agreement(const OfflineCoach& coach, const Bank& bank, const json& set, bool hide_own) {
  InBankFigures figures;
  auto grade_of = [&](const BankQuestion& q, const std::string& answer) {
    const auto evaluation = hide_own ? evaluate(coach, q.text, q.type, answer, "", q.id) : evaluate(coach, q.text, q.type, answer, q.id);
    const auto& s = evaluation.scores;
    const double overall = q.type == "technical" ? 0.5 * s.technical + 0.25 * s.communication + 0.25 * s.confidence
                                                 : 0.5 * s.communication + 0.3 * s.confidence + 0.2 * s.technical;
    return std::pair{overall, s.technical};
  };
  double right = 0;
  for (const auto& entry : set.at("questions")) {
    const BankQuestion* q = bank.find(entry.at("bank_id").get<std::string>());
    if (q == nullptr) continue;
    std::vector<std::pair<int, double>> graded;
    for (const auto& answer : entry.at("answers")) graded.emplace_back(answer.at("grade").get<int>(), grade_of(*q, answer.at("text")).first);
    for (const auto& [grade_i, score_i] : graded)
      for (const auto& [grade_j, score_j] : graded)
        if (grade_i - grade_j >= 2) ++figures.pairs, right += score_i > score_j ? 1 : 0;
  }
  figures.pairwise = figures.pairs ? right / figures.pairs : 0;
  int caught = 0;
  for (const auto& pair : set.at("adversarial")) {
    const BankQuestion* q = bank.find(pair.at("bank_id").get<std::string>());
    if (q == nullptr) continue;
    const auto bad = grade_of(*q, pair.at("bad"));
    const auto good = grade_of(*q, pair.at("good"));
    ++figures.adversarial_total;
    const bool ok = bad.first < good.first && bad.second <= 3;
    caught += ok;
    if (!ok)
      figures.failures.push_back(fmt::format("{}: bad {:.2f} (technical {}) vs good {:.2f}", pair.at("bank_id").get<std::string>(),
                                             bad.first, bad.second, good.first));
  }
  figures.adversarial = figures.adversarial_total ? static_cast<double>(caught) / figures.adversarial_total : 0;
  return figures;
}

json builtin_labeled_set(std::string_view file_name) {
  for (const util::EmbeddedFile* file = prepbot_labeled_files; file->name != nullptr; ++file)
    if (std::filesystem::path(file->path()).filename() == file_name) return json::parse(file->contents());
  throw std::runtime_error(fmt::format("no labeled set named {}", file_name));
}

std::vector<std::string> wrong_claims_in_true_wording(const OfflineCoach& coach, const Bank& bank) {
  std::vector<std::string> found;
  auto report = [&](const std::string& where, const model::Evaluation& evaluation) {
    for (const auto& wrong : evaluation.evidence.misconceptions)
      found.push_back(fmt::format("{}: wrong claim '{}'{} in \u201c{}\u201d", where, wrong.claim,
                                  wrong.concept_id.empty() ? "" : " of " + wrong.concept_id, wrong.quote));
  };
  for (const auto& q : bank.questions()) {
    if (q.type != "technical") continue;
    std::string answer;
    for (const auto& sentence : q.model_answer) answer += sentence + (sentence.ends_with('.') ? " " : ". ");
    report(q.id + " model answer", evaluate(coach, q.text, q.type, answer, q.id));
    std::string points;
    for (const auto& point : q.key_points) points += point.point + ". ";
    for (const auto& wrong : q.misconceptions) points += wrong.correction + " ";
    report(q.id + " key points", evaluate(coach, q.text, q.type, points, q.id));
  }
  for (const auto& c : bank.knowledge().concepts()) {
    std::string answer;
    for (const auto& claim : c.claims) answer += claim.claim + ". ";
    for (const auto& wrong : c.wrong_claims) answer += wrong.correction + " ";
    report(c.id + " claims", evaluate(coach, fmt::format("What should you know about {}?", c.name), "technical", answer));
  }
  return found;
}

}  // namespace prepbot::coach::offline

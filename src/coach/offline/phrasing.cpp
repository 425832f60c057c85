#include "coach/offline/phrasing.hpp"

#include <algorithm>
#include <bitset>
#include <cmath>
#include <cstdint>
#include <map>
#include <stdexcept>

#include "coach/offline/text.hpp"
#include "util/embedded.hpp"

namespace prepbot::coach::offline {
namespace {

// Training: plain stochastic gradient descent on the log loss, a little L2 on each weight.
constexpr int kEpochs = 30;
constexpr double kLearningRate = 0.1, kL2 = 0.01;
constexpr std::size_t kPhrasesShown = 3;
constexpr std::size_t kMostBatches = 64;
constexpr std::string_view kTrainingSet = "tests/data/out_of_bank_tuning.json";

// Lowercase words (letters and apostrophes), numbers and the punctuation that ends or
// joins a clause, each a token; anything else separates them.
std::vector<std::string> tokens_of(std::string_view text) {
  std::vector<std::string> out;
  std::string word;
  auto flush = [&] {
    if (!word.empty()) out.push_back(std::move(word));
    word.clear();
  };
  auto kind = [](char c) { return c >= 'a' && c <= 'z' ? 1 : c >= '0' && c <= '9' ? 2 : c == '\'' ? 1 : 0; };
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (text.compare(i, 3, "\u2019") == 0) c = '\'', i += 2;  // a typographic apostrophe
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    const int k = kind(c);
    if (k != 0 && !word.empty() && kind(word.back()) != k) flush();
    if (k != 0) {
      word.push_back(c);
    } else {
      flush();
      if (std::string_view(".,;:!?").find(c) != std::string_view::npos) out.emplace_back(1, c);
    }
  }
  flush();
  return out;
}

// Words that give a reason or a condition. Confidently wrong answers lean on them (they
// justify what they claim), but saying why and when is what a good answer does: no sequence
// holding one is learned or read, so an answer is never marked down for explaining itself.
bool gives_reason(std::string_view token) {
  return token == "because" || token == "since" || token == "so" || token == "why" || token == "when";
}

// Calls `take` with each one- and two-token sequence of `tokens` that holds no word giving a
// reason, in order (a two-token one in a buffer that the next one reuses).
template <typename Take>
void each_sequence(const std::vector<std::string>& tokens, Take take) {
  std::string pair;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (gives_reason(tokens[i])) continue;
    take(tokens[i]);
    if (i + 1 < tokens.size() && !gives_reason(tokens[i + 1])) take(pair.assign(tokens[i]).append(" ").append(tokens[i + 1]));
  }
}

// The distinct one- and two-token sequences of a text, none giving a reason.
std::vector<std::string> sequences_of(std::string_view text) {
  std::vector<std::string> out;
  each_sequence(tokens_of(text), [&](const std::string& sequence) { out.push_back(sequence); });
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

double sigmoid(double z) { return 1 / (1 + std::exp(-std::clamp(z, -30.0, 30.0))); }

// A small generator of its own, so the same examples train the same model on every build.
struct SplitMix {
  std::uint64_t state;
  std::uint64_t next() {
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
};

// Whether a sequence says something a candidate can recognise in their answer: a word that is
// not a stopword ("honestly", "that's really"; not "is to" or ". the", which weigh as much).
bool worth_showing(std::string_view sequence) {
  for (std::size_t at = 0; at < sequence.size();) {
    const std::size_t end = std::min(sequence.find(' ', at), sequence.size());
    const std::string_view token = sequence.substr(at, end - at);
    if (token.find_first_of("abcdefghijklmnopqrstuvwxyz") != std::string_view::npos && !is_stopword(token)) return true;
    at = end + 1;
  }
  return false;
}

// Whether one sequence's words hold the other's ("really" in "that's really").
bool overlaps(std::string_view a, std::string_view b) {
  auto holds = [](std::string_view longer, std::string_view shorter) {
    const auto at = longer.find(shorter);
    return at != std::string_view::npos && (at == 0 || longer[at - 1] == ' ') &&
           (at + shorter.size() == longer.size() || longer[at + shorter.size()] == ' ');
  };
  return holds(a, b) || holds(b, a);
}

}  // namespace

PhrasingModel PhrasingModel::train(const std::vector<PhrasingExample>& examples) {
  // The vocabulary: sequences found in at least half of the batches.
  std::vector<std::vector<std::string>> sequences;
  std::map<std::string_view, std::size_t> batches;
  std::unordered_map<std::string_view, std::bitset<kMostBatches>> batches_using;
  for (const auto& example : examples) {
    const std::size_t batch = batches.emplace(example.batch, batches.size()).first->second;
    if (batch >= kMostBatches) throw std::invalid_argument("the phrasing model's examples come in too many batches");
    sequences.push_back(sequences_of(example.text));
    for (const auto& sequence : sequences.back()) batches_using[sequence].set(batch);
  }
  std::unordered_map<std::string_view, std::uint32_t> index;
  std::vector<std::string_view> names;
  for (const auto& [sequence, used] : batches_using)
    if (2 * used.count() >= batches.size()) names.push_back(sequence);
  std::sort(names.begin(), names.end());  // the same examples give the same model
  for (std::size_t f = 0; f < names.size(); ++f) index.emplace(names[f], static_cast<std::uint32_t>(f));
  std::vector<std::vector<std::uint32_t>> features(examples.size());
  for (std::size_t i = 0; i < examples.size(); ++i)
    for (const auto& sequence : sequences[i])
      if (const auto found = index.find(sequence); found != index.end()) features[i].push_back(found->second);

  std::vector<double> weights(names.size(), 0.0);
  double bias = 0;
  std::vector<std::size_t> order(examples.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  for (int epoch = 0; epoch < kEpochs; ++epoch) {
    SplitMix random{static_cast<std::uint64_t>(epoch)};
    for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[random.next() % i]);
    for (const std::size_t i : order) {
      double z = bias;
      for (const std::uint32_t f : features[i]) z += weights[f];
      const double error = sigmoid(z) - (examples[i].confidently_wrong ? 1.0 : 0.0);
      bias -= kLearningRate * error;
      for (const std::uint32_t f : features[i]) weights[f] -= kLearningRate * (error + kL2 * weights[f]);
    }
  }
  PhrasingModel model;
  model.bias_ = bias;
  for (std::size_t f = 0; f < names.size(); ++f)
    if (weights[f] != 0) model.weights_.emplace(names[f], weights[f]);
  return model;
}

PhrasingModel PhrasingModel::builtin() {
  for (const util::EmbeddedFile* file = prepbot_labeled_files; file->name != nullptr; ++file)
    if (file->path() == kTrainingSet) return train(phrasing_examples(nlohmann::json::parse(file->contents())));
  return {};
}

PhrasingModel::Reading PhrasingModel::read(std::string_view answer) const {
  Reading reading;
  if (!trained()) return reading;
  // The learned sequences the answer holds, each once, in the order sequences_of gives them
  // (the sum is the same to the last bit), without keeping every sequence as a string.
  std::vector<const std::pair<const std::string, double>*> held;
  each_sequence(tokens_of(answer), [&](const std::string& sequence) {
    if (const auto found = weights_.find(sequence); found != weights_.end()) held.push_back(&*found);
  });
  std::sort(held.begin(), held.end(), [](const auto* a, const auto* b) { return a->first < b->first; });
  held.erase(std::unique(held.begin(), held.end()), held.end());
  double z = bias_;
  std::vector<std::pair<double, const std::string*>> toward;
  for (const auto* entry : held) {
    z += entry->second;
    if (entry->second > 0 && worth_showing(entry->first)) toward.emplace_back(entry->second, &entry->first);
  }
  reading.probability = sigmoid(z);
  std::stable_sort(toward.begin(), toward.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  for (const auto& weighed : toward) {
    const std::string& sequence = *weighed.second;
    if (reading.phrases.size() == kPhrasesShown) break;
    if (std::none_of(reading.phrases.begin(), reading.phrases.end(), [&](const std::string& shown) { return overlaps(shown, sequence); }))
      reading.phrases.push_back(sequence);
  }
  return reading;
}

std::string batch_of(std::string_view question_id) { return std::string(question_id.substr(0, question_id.rfind('-'))); }

std::vector<PhrasingExample> phrasing_examples(const nlohmann::json& set) {
  std::vector<PhrasingExample> examples;
  for (const auto& q : set.at("questions"))
    for (const auto& a : q.at("answers"))
      examples.push_back({a.at("text").get<std::string>(), a.at("grade") == "poor", batch_of(q.at("id").get<std::string>())});
  return examples;
}

}  // namespace prepbot::coach::offline

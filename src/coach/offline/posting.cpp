#include "coach/offline/posting.hpp"

#include <algorithm>
#include <map>
#include <regex>

#include "coach/offline/text.hpp"
#include "model/levels.hpp"
#include "util/text.hpp"

namespace prepbot::coach::offline {
namespace {

// The level that "N years" of experience asks for.
model::Level level_for_years(int years) {
  if (years >= 5) return model::Level::senior;
  if (years >= 3) return model::Level::mid;
  if (years >= 1) return model::Level::junior;
  return model::Level::entry;
}

// Seniority the text states: its title's words, then "N+ years", then words in the text.
std::optional<model::Level> stated_level(std::string_view title, const std::string& lowered) {
  if (const auto from_title = model::parse_job_title(title).level) return from_title;
  static const std::regex kYears(R"((\d{1,2})\s*\+?\s*(?:-\s*\d{1,2}\s*)?(?:years|yrs))");
  std::optional<int> most;
  for (auto it = std::sregex_iterator(lowered.begin(), lowered.end(), kYears); it != std::sregex_iterator(); ++it) {
    const int years = std::stoi((*it)[1].str());
    if (years <= 30) most = std::max(most.value_or(0), years);
  }
  if (most) return level_for_years(*most);
  for (const char* word : {"senior", "staff engineer", "principal", "tech lead"})
    if (lowered.find(word) != std::string::npos) return model::Level::senior;
  for (const char* word : {"junior", "graduate", "entry-level", "entry level", "internship", "new grad"})
    if (lowered.find(word) != std::string::npos) return model::Level::entry;
  return std::nullopt;
}

// A title's head, before the team or stack that follows a comma, a bracket, a bar or
// a spaced dash ("Product Manager, Growth", "SRE \u2014 Payments"); the title when there is none.
std::string_view title_head(std::string_view title) {
  std::size_t cut = title.find_first_of(",(|");
  for (const std::string_view dash : {" - ", " \u2013 ", " \u2014 "}) cut = std::min(cut, title.find(dash));
  return util::trim(title.substr(0, cut));
}

std::string_view first_line(std::string_view text) {
  text = util::trim(text);
  const auto end = text.find('\n');
  return util::trim(text.substr(0, end == std::string_view::npos ? text.size() : end));
}

}  // namespace

PostingProfile read_posting(const Bank& bank, std::string_view text) {
  PostingProfile profile;
  const auto& knowledge = bank.knowledge();
  const AnalyzedText analyzed = analyze(text);
  auto mentions = knowledge.mentions(analyzed);
  std::stable_sort(mentions.begin(), mentions.end(), [](const auto& a, const auto& b) { return a.weight > b.weight; });

  // Family votes: each skill votes for the families that use it, split between them.
  std::map<std::string, double> votes;
  for (const auto& mention : mentions) {
    if (mention.weight < 0.5) continue;
    const Concept& c = knowledge.concepts()[mention.index];
    if (profile.skills.size() < kMaxPostingSkills) profile.skills.push_back({mention.index, c.name, mention.weight});
    for (const auto& family : c.families)
      votes[family] += mention.weight / static_cast<double>(c.families.size());
  }
  // The title line, when it names a family, outweighs everything else; a loose match counts a little.
  // Titles carry a team or a stack after a comma, a dash or a bracket ("Product Manager, Growth").
  const std::string_view title = first_line(text).substr(0, 120);
  if (!title.empty()) {
    Bank::RoleMatch by_title = bank.match_role(title);
    if (const std::string_view head = title_head(title); !by_title.exact && !head.empty() && head != title)
      if (const auto by_head = bank.match_role(head); by_head.exact) by_title = by_head;
    votes[by_title.family->name] += by_title.exact ? 100 : 1.5;
  }
  double best = 0;
  for (const Family& family : bank.families())
    if (const auto it = votes.find(family.name); it != votes.end() && it->second > best) {
      best = it->second;
      profile.family = &family;
    }
  if (best < 2) profile.family = nullptr;  // too little to go on: a loose title alone, or a skill or two
  profile.level = stated_level(title, util::to_lower_ascii(text));
  return profile;
}

}  // namespace prepbot::coach::offline

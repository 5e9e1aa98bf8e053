#include "books/classify.hpp"

#include "books/fund.hpp"
#include "storage/queries.hpp"
#include "util/text.hpp"

namespace cfund::books {

namespace {

bool holds_any(const std::string& text, const std::vector<std::string>& words) {
  for (const auto& word : words) {
    if (text.find(word) != std::string::npos) return true;
  }
  return false;
}

bool words_match(const import::ClassifyRule& rule, const import::Record& row) {
  if (rule.words.empty()) return true;
  for (const auto& field : rule.fields) {
    const std::string* text = import::record_text(row, field);
    if (text != nullptr && holds_any(*text, rule.words)) return true;
  }
  return false;
}

bool counterparty_matches(const import::ClassifyRule& rule, const import::Record& row, const OwnNames& own) {
  switch (rule.counterparty) {
    case import::CounterpartyIs::own:
      return own.is_own(row.counterparty);
    case import::CounterpartyIs::own_or_empty:
      return row.counterparty.empty() || own.is_own(row.counterparty);
    case import::CounterpartyIs::any:
      break;
  }
  return true;
}

bool direction_matches(const import::ClassifyRule& rule, bool money_in) {
  return rule.direction == import::RuleDirection::both || (rule.direction == import::RuleDirection::in) == money_in;
}

}  // namespace

OwnNames::OwnNames(const model::FundSettings& settings, const std::vector<model::Account>& accounts) {
  for (const auto* name : {&settings.name, &settings.organisation}) {
    if (!util::comparable_name(*name).empty()) names_.push_back(util::comparable_name(*name));
  }
  for (const auto& account : accounts) {
    if (account.kind == model::kGoodsKind) continue;
    const std::string key = util::comparable_name(account.name);
    if (key.empty()) continue;
    names_.push_back(key);
    accounts_.emplace_back(key, account);
  }
}

OwnNames OwnNames::of(storage::FundFile& file) { return OwnNames(load_settings(file), storage::accounts(file)); }

bool OwnNames::is_own(const std::string& counterparty) const {
  const std::string key = util::comparable_name(counterparty);
  if (key.empty()) return false;
  for (const auto& name : names_) {
    if (name == key) return true;
  }
  return false;
}

std::optional<model::Account> OwnNames::account_named(const std::string& counterparty) const {
  const std::string key = util::comparable_name(counterparty);
  for (const auto& [name, account] : accounts_) {
    if (!key.empty() && name == key) return account;
  }
  return std::nullopt;
}

const import::ClassifyRule* matching_rule(const import::Profile& profile, const import::Record& row, bool money_in,
                                          const OwnNames& own) {
  for (const auto& rule : profile.classify) {
    if (direction_matches(rule, money_in) && counterparty_matches(rule, row, own) && words_match(rule, row)) {
      return &rule;
    }
  }
  return nullptr;
}

}  // namespace cfund::books

#include "books/registry.hpp"

#include <algorithm>
#include <iterator>
#include <limits>

#include "books/fund.hpp"
#include "error.hpp"
#include "model/categories.hpp"
#include "model/settings.hpp"
#include "storage/audit_queries.hpp"
#include "storage/notice_queries.hpp"
#include "storage/project_queries.hpp"
#include "storage/queries.hpp"
#include "storage/registry_queries.hpp"
#include "util/clock.hpp"
#include "util/money.hpp"
#include "util/text.hpp"

namespace cfund::books {

namespace {

namespace subject {
const std::string setting = "setting";
const std::string account = "account";
const std::string designation = "designation";
const std::string donor = "donor";
}  // namespace subject

// The facts of one registry entry, as its detail rows in order.
class Facts {
 public:
  Facts& fact(const std::string& about, std::optional<std::int64_t> id, const std::string& field,
              const std::string& value) {
    storage::Row row;
    row.set("seq", std::int64_t{++seq_})
        .set("subject", about)
        .set("subject_id", id ? storage::Value{*id} : storage::Value{})
        .set("field", field)
        .set("value", value);
    rows_.push_back(std::move(row));
    return *this;
  }
  Facts& setting(const std::string& key, const std::string& value) { return fact(subject::setting, {}, key, value); }
  Facts& account(const model::Account& a) {
    fact(subject::account, a.id, "code", a.code).fact(subject::account, a.id, "name", a.name);
    fact(subject::account, a.id, "kind", a.kind);
    return a.closed_on.empty() ? *this : fact(subject::account, a.id, "closed_on", a.closed_on);
  }
  Facts& designation(const model::Designation& d) {
    fact(subject::designation, d.id, "code", d.code).fact(subject::designation, d.id, "name", d.name);
    fact(subject::designation, d.id, "kind", d.kind)
        .fact(subject::designation, d.id, "restricted", d.restricted ? "1" : "0");
    return d.closed_on.empty() ? *this : fact(subject::designation, d.id, "closed_on", d.closed_on);
  }
  bool empty() const { return rows_.empty(); }
  std::vector<storage::Row> rows() const { return rows_; }

 private:
  std::vector<storage::Row> rows_;
  std::int64_t seq_ = 0;
};

void apply(RegistryState& state, const storage::RegistryFact& fact) {
  const std::int64_t id = fact.subject_id.value_or(0);
  if (fact.subject == subject::setting) {
    state.settings[fact.field] = fact.value;
  } else if (fact.subject == subject::account) {
    auto& a = state.accounts[id];
    a.id = id;
    if (fact.field == "code") a.code = fact.value;
    if (fact.field == "name") a.name = fact.value;
    if (fact.field == "kind") a.kind = fact.value;
    if (fact.field == "closed_on") a.closed_on = fact.value;
  } else if (fact.subject == subject::designation) {
    auto& d = state.designations[id];
    d.id = id;
    if (fact.field == "code") d.code = fact.value;
    if (fact.field == "name") d.name = fact.value;
    if (fact.field == "kind") d.kind = fact.value;
    if (fact.field == "restricted") d.restricted = fact.value == "1";
    if (fact.field == "closed_on") d.closed_on = fact.value;
  } else if (fact.subject == subject::donor) {
    auto& [name, kind] = state.donors[id];
    if (fact.field == "name") name = fact.value;
    if (fact.field == "kind") kind = fact.value;
  }
}

// The facts up to the cut-off, or the first statement when the cut-off comes before it.
std::vector<storage::RegistryFact> facts_as_of(storage::FundFile& file, std::int64_t cutoff, bool& stated,
                                               const std::string& about = "") {
  const auto first = storage::first_registry_entry(file);
  stated = first.has_value();
  return storage::registry_facts(file, first && *first > cutoff ? *first : cutoff, about);
}

// Donors as the donations give them: the latest gift's name, and its kind when it
// carries one and is later than the last fact about the donor (else the facts' kind).
void add_donors_as_given(storage::FundFile& file, const std::vector<storage::RegistryFact>& facts,
                         RegistryState& state) {
  std::map<std::int64_t, std::pair<std::int64_t, std::string>> stated;  // donor -> last fact's entry, kind
  for (const auto& fact : facts) {
    if (fact.subject != subject::donor) continue;
    const std::int64_t id = fact.subject_id.value_or(0);
    const auto known = state.donors.find(id);
    stated[id] = {fact.entry_id, known == state.donors.end() ? "" : known->second.second};
  }
  // A donor's element in state.donors and its facts (null: none), looked up in the two
  // trees at its first gift only (a donor gives many times), kept by id while the ids
  // are about as many as the donors (else looked up at every gift).
  struct Places {
    std::pair<std::string, std::string>* donor = nullptr;
    const std::pair<std::int64_t, std::string>* facts = nullptr;
  };
  const storage::DonorIds ids = storage::donor_ids(file);
  std::vector<Places> by_id(ids.largest <= 2 * ids.count + 1024 ? ids.largest + 1 : 0);
  const auto places_of = [&state, &stated](std::int64_t id) {
    Places found{&state.donors[id], nullptr};
    const auto facts_of = stated.find(id);
    if (facts_of != stated.end()) found.facts = &facts_of->second;
    return found;
  };
  // Gifts in entry order: each one's values replace the earlier ones', the latest's stay.
  storage::for_each_donor_as_given(file, [&](storage::DonorAsGiven&& given) {
    Places at;
    if (given.id >= 0 && static_cast<std::size_t>(given.id) < by_id.size()) {
      Places& kept = by_id[static_cast<std::size_t>(given.id)];
      if (kept.donor == nullptr) kept = places_of(given.id);
      at = kept;
    } else {
      at = places_of(given.id);
    }
    auto& [name, kind] = *at.donor;
    name = std::move(given.name);
    const bool after_facts = at.facts == nullptr || given.entry_id > at.facts->first;
    if (!given.kind.empty() && after_facts) {
      kind = std::move(given.kind);
    } else {
      kind = at.facts == nullptr ? "" : at.facts->second;
    }
  });
}

// The first day an entry may be dated: today, or after the last closed month.
util::Date first_open_day(storage::FundFile& file, const util::Date& today) {
  const auto closed = storage::latest_closed_month(file);
  if (!closed) return today;
  const auto month = util::parse_period(*closed);
  return month && !(month->last < today) ? month->last.plus_days(1) : today;
}

void require_decision(const RegistryChange& change) {
  if (util::trim(change.decision).empty()) {
    throw InputError(bilingual("--decision：登记事项的变更须写明议事会决议编号",
                               "--decision: a change of the fund's registries needs the council decision number"));
  }
}

// Appends one registry entry with `facts`, in the caller's transaction.
std::int64_t append_facts(storage::FundFile& file, const Recorder& recorder, const Facts& facts,
                          const RegistryChange& change) {
  EntryDraft draft;
  draft.kind = model::entry_kind::registry;
  draft.date = change.date;
  draft.memo = change.memo;
  draft.approval_ref = util::trim(change.decision);
  draft.details = facts.rows();
  return append_entry(file, recorder, draft);
}

// "没有这项设置", with the nearest keys there are.
Message unknown_setting(const std::string& key) {
  std::vector<std::string> keys;
  for (const auto& definition : model::setting_definitions()) keys.push_back(definition.key);
  for (const auto& category : model::payment_category_ids()) {
    if (model::find_setting(model::approval_threshold_key(category)))
      keys.push_back(model::approval_threshold_key(category));
  }
  const auto near = util::nearest(key, keys);
  Message message = bilingual("没有设置“{0}”", "there is no setting '{0}'", key);
  std::string zh, en;
  for (const auto& name : near) {
    zh += (zh.empty() ? "" : "、") + name;
    en += (en.empty() ? "" : ", ") + name;
  }
  if (!near.empty()) {
    message.zh += "，是不是要写 " + zh + "？";
    message.en += "; did you mean " + en + "?";
  }
  message.zh += "（cfund fund settings 列出全部设置）";
  message.en += " (cfund fund settings lists every setting)";
  return message;
}

// A money account's or a special fund's new name.
std::string checked_name(const std::string& typed, const char* what_zh, const char* what_en) {
  const std::string name = util::trim(typed);
  if (name.empty() || !util::is_single_line(name) || util::display_width(name) > 60) {
    throw InputError(bilingual("--name：{0}名称应为一行不空的文字，最长 60 个字符宽",
                               "--name: {1} name is one line of text, not empty, at most 60 columns", what_zh,
                               what_en));
  }
  return name;
}

// The account or special fund must hold nothing when it is closed.
void require_empty(storage::FundFile& file, storage::Side side, std::int64_t id, const std::string& code) {
  const Fen balance = storage::balance(file, side, id);
  if (balance != 0) {
    throw Refused(bilingual("“{0}”还有余额 {1}：先转出（cfund transfer / reallocate）再注销",
                            "'{0}' still holds {1}: move it out first (cfund transfer / reallocate), then close it",
                            code, util::format_amount(balance)));
  }
}

model::Designation special_fund(storage::FundFile& file, const std::string& code_or_name) {
  const auto designation = find_designation(file, code_or_name);
  if (designation.kind != "special") {
    throw InputError(bilingual("“{0}”不是专项基金：这里只能改专项基金（项目有自己的命令，非限定性资金不能改）",
                               "'{0}' is not a special fund: only special funds change here (projects have their own "
                               "commands; the general fund cannot change)",
                               code_or_name));
  }
  return designation;
}

}  // namespace

RegistryState registry_as_of(storage::FundFile& file, std::int64_t cutoff, bool with_donors) {
  RegistryState state;
  // Without the donors, only the other subjects' facts are read (a fund states thousands
  // of donors); facts about different subjects never override each other.
  std::vector<storage::RegistryFact> facts;
  if (with_donors) {
    facts = facts_as_of(file, cutoff, state.stated);
  } else {
    for (const auto* about : {&subject::setting, &subject::account, &subject::designation}) {
      auto some = facts_as_of(file, cutoff, state.stated, *about);
      facts.insert(facts.end(), std::make_move_iterator(some.begin()), std::make_move_iterator(some.end()));
    }
  }
  for (const auto& fact : facts) apply(state, fact);
  for (const auto& project : storage::project_rows(file)) {
    if (project.entry_id > cutoff) continue;
    state.designations[project.designation_id] = {
        project.designation_id, project.code, project.name, "project", true, ""};
  }
  if (with_donors) add_donors_as_given(file, facts, state);
  return state;
}

model::FundSettings settings_as_of(storage::FundFile& file, std::int64_t cutoff) {
  bool stated = false;
  std::map<std::string, std::string> values;
  for (const auto& fact : facts_as_of(file, cutoff, stated, subject::setting)) values[fact.field] = fact.value;
  // A fund from before schema 8 whose registries are not stated yet: its table.
  return model::settings_from(stated ? values : storage::stored_settings(file));
}

SettingsHistory::SettingsHistory(storage::FundFile& file) {
  std::map<std::string, std::string> values;
  std::int64_t entry = 0;
  for (const auto& fact : storage::registry_facts(file, storage::kNoCutoff, subject::setting)) {
    if (entry != 0 && fact.entry_id != entry) states_.emplace_back(entry, model::settings_from(values));
    values[fact.field] = fact.value;
    entry = fact.entry_id;
  }
  if (entry != 0) states_.emplace_back(entry, model::settings_from(values));
  if (states_.empty()) states_.emplace_back(0, settings_as_of(file, 0));  // registries not stated yet
}

const model::FundSettings& SettingsHistory::at(std::int64_t entry_id) const {
  // The last state set at or before the entry; before the first, the first (the earliest known).
  auto after = std::upper_bound(states_.begin(), states_.end(), entry_id,
                                [](std::int64_t id, const auto& state) { return id < state.first; });
  return after == states_.begin() ? states_.front().second : std::prev(after)->second;
}

util::Fen SettingsHistory::lowest_threshold() const {
  util::Fen lowest = states_.front().second.approval_threshold;
  for (const auto& [entry, settings] : states_) {
    lowest = std::min(lowest, settings.approval_threshold);
    for (const auto& [category, threshold] : settings.approval_thresholds) lowest = std::min(lowest, threshold);
  }
  return lowest;
}

namespace {

class Differences {
 public:
  void field(const std::string& about, std::int64_t id, const std::string& field, const std::string& on_chain,
             const std::string& in_table) {
    if (on_chain != in_table) found_.push_back({about, id, field, on_chain, in_table});
  }
  // Both sides' rows by id: a row on one side only is one difference, else each field.
  template <typename Row, typename Fields>
  void rows(const std::string& about, const std::map<std::int64_t, Row>& chain,
            const std::map<std::int64_t, Row>& table, Fields fields) {
    for (const auto& [id, row] : chain) {
      const auto other = table.find(id);
      if (other == table.end()) {
        field(about, id, "row", fields(row).front().second, "");
        continue;
      }
      const auto ours = fields(row);
      const auto theirs = fields(other->second);
      for (std::size_t i = 0; i < ours.size(); ++i) field(about, id, ours[i].first, ours[i].second, theirs[i].second);
    }
    for (const auto& [id, row] : table) {
      if (chain.count(id) == 0) field(about, id, "row", "", fields(row).front().second);
    }
  }
  void add(std::vector<RegistryDifference> more) {
    found_.insert(found_.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
  }
  std::vector<RegistryDifference> take() { return std::move(found_); }

 private:
  std::vector<RegistryDifference> found_;
};

using Fields = std::vector<std::pair<std::string, std::string>>;

Fields account_fields(const model::Account& a) {
  return {{"code", a.code}, {"name", a.name}, {"kind", a.kind}, {"closed_on", a.closed_on}};
}
Fields designation_fields(const model::Designation& d) {
  return {{"code", d.code},
          {"name", d.name},
          {"kind", d.kind},
          {"restricted", d.restricted ? "1" : "0"},
          {"closed_on", d.closed_on}};
}

}  // namespace

std::vector<SettingLine> setting_lines(storage::FundFile& file) {
  std::map<std::string, std::pair<std::int64_t, std::string>> stated;  // key -> entry, date
  std::map<std::int64_t, std::string> dates;
  for (const auto& fact : storage::registry_facts(file, storage::kNoCutoff, subject::setting)) {
    auto& date = dates[fact.entry_id];
    if (date.empty()) date = storage::entry_stamp(file, fact.entry_id)->date;
    stated[fact.field] = {fact.entry_id, date};
  }
  std::vector<SettingLine> lines;
  for (const auto& [key, value] : model::settings_to_map(load_settings(file))) {
    const auto found = stated.find(key);
    lines.push_back({key, value, found == stated.end() ? 0 : found->second.first,
                     found == stated.end() ? "" : found->second.second});
  }
  return lines;
}

std::vector<RegistryDifference> registry_differences(storage::FundFile& file) {
  const RegistryState chain = registry_as_of(file, storage::kNoCutoff, true);
  Differences found;
  std::map<std::string, std::string> table;
  for (const auto& [key, value] : storage::stored_settings(file)) {
    if (!model::is_internal_key(key)) table[key] = value;
  }
  for (const auto& [key, value] : chain.settings) found.field(subject::setting, 0, key, value, table[key]);
  for (const auto& [key, value] : table) {
    if (chain.settings.count(key) == 0) found.field(subject::setting, 0, key, "", value);
  }
  std::map<std::int64_t, model::Account> accounts;
  for (const auto& a : storage::accounts(file)) accounts[a.id] = a;
  found.rows(subject::account, chain.accounts, accounts, account_fields);
  std::map<std::int64_t, model::Designation> designations;
  for (const auto& d : storage::designations(file)) designations[d.id] = d;
  found.rows(subject::designation, chain.designations, designations, designation_fields);
  // The donors table, thousands of rows, read in turn beside the chain's (both by id),
  // reported in the order of Differences::rows: the chain's rows, then the table's own.
  Differences table_only;
  auto stated = chain.donors.begin();
  const auto stated_only_before = [&](std::int64_t id) {
    for (; stated != chain.donors.end() && stated->first < id; ++stated) {
      found.field(subject::donor, stated->first, "row", stated->second.first, "");
    }
  };
  storage::for_each_donor(file, [&](storage::DonorRow&& d) {
    stated_only_before(d.id);
    if (stated == chain.donors.end() || stated->first != d.id) {
      table_only.field(subject::donor, d.id, "row", "", d.name);
      return;
    }
    found.field(subject::donor, d.id, "name", stated->second.first, d.name);
    found.field(subject::donor, d.id, "kind", stated->second.second, d.kind);
    ++stated;
  });
  stated_only_before(std::numeric_limits<std::int64_t>::max());
  found.add(table_only.take());
  return found.take();
}

std::int64_t state_registries(storage::FundFile& file, JournalAppender& journal, const util::Date& date,
                              const std::string& memo) {
  Facts facts;
  for (const auto& [key, value] : storage::stored_settings(file)) {
    if (!model::is_internal_key(key)) facts.setting(key, value);
  }
  for (const auto& account : storage::accounts(file)) facts.account(account);
  for (const auto& designation : storage::designations(file)) {
    if (designation.kind != "project") facts.designation(designation);  // a project's proposal states it
  }
  for (const auto& donor : storage::donors(file)) {
    facts.fact(subject::donor, donor.id, "name", donor.name).fact(subject::donor, donor.id, "kind", donor.kind);
  }
  EntryDraft draft;
  draft.kind = model::entry_kind::registry;
  draft.date = first_open_day(file, date);
  draft.memo = memo;
  draft.details = facts.rows();
  return journal.append(draft);
}

bool registries_stated(storage::FundFile& file) { return storage::first_registry_entry(file).has_value(); }

void state_registries_once(storage::FundFile& file, const Recorder& recorder) {
  if (registries_stated(file) || file.read_only()) return;
  storage::FundFile::WriteTransaction tx(file);
  if (registries_stated(file)) return;  // another process stated them while we waited
  JournalAppender journal(file, recorder);
  state_registries(file, journal, recorder.now.today,
                   "登记事项记入哈希链：本账套由较早版本的 cfund 建立，此前的设置、资金账户、资金用途和捐赠人类别"
                   "以此条为准 / the registries put on the hash chain: the values the fund held before");
  journal.finish();
  tx.commit();
}

std::int64_t change_setting(storage::FundFile& file, const Recorder& recorder, const std::string& key,
                            const std::string& value, const RegistryChange& change) {
  const model::SettingDef* definition = model::find_setting(key);
  if (definition == nullptr) throw InputError(unknown_setting(key));
  const auto stored = model::normalise_setting(key, value);
  if (!stored) throw InputError(bilingual("{0}：{1}", "{0}: {2}", key, stored.error().zh, stored.error().en));
  require_decision(change);
  storage::FundFile::WriteTransaction tx(file);
  const auto now = file.setting(key);
  if (now.value_or(definition->default_value) == *stored && now) {
    throw InputError(bilingual("设置 {0} 已经是“{1}”", "the setting {0} is already '{1}'", key, *stored));
  }
  const std::int64_t id = append_facts(file, recorder, Facts().setting(key, *stored), change);
  file.set_setting(key, *stored);
  tx.commit();
  return id;
}

std::int64_t add_account(storage::FundFile& file, const Recorder& recorder, const model::Account& account,
                         const RegistryChange& change) {
  require_decision(change);
  model::Account added = account;
  check_code(added.code, bilingual("账户", "account"));
  added.name = added.name.empty() ? added.code : checked_name(added.name, "账户", "an account's");
  const model::AccountKind* kind = model::find_account_kind(added.kind);
  if (kind == nullptr || !kind->money) {
    const Message choices = model::account_kind_choices();
    throw InputError(bilingual("--kind：“{0}”无效：应为 {1}", "--kind: '{0}' is not valid: expected {2}", added.kind,
                               choices.zh, choices.en));
  }
  storage::FundFile::WriteTransaction tx(file);
  for (const auto& known : storage::accounts(file)) {
    if (known.code == added.code || known.name == added.name) {
      throw Refused(bilingual("已有代码或名称为“{0}”的账户", "there is already an account with the code or name '{0}'",
                              known.code == added.code ? added.code : added.name));
    }
  }
  added.id = storage::insert_account(file, added);
  const std::int64_t id = append_facts(file, recorder, Facts().account(added), change);
  tx.commit();
  return id;
}

std::int64_t rename_account(storage::FundFile& file, const Recorder& recorder, const std::string& code_or_name,
                            const std::string& name, const RegistryChange& change) {
  require_decision(change);
  const std::string renamed = checked_name(name, "账户", "an account's");
  storage::FundFile::WriteTransaction tx(file);
  auto account = find_account(file, code_or_name);
  for (const auto& known : storage::accounts(file)) {
    if (known.id != account.id && (known.name == renamed || known.code == renamed)) {
      throw Refused(bilingual("已有名为“{0}”的账户", "there is already an account named '{0}'", renamed));
    }
  }
  if (account.name == renamed)
    throw InputError(bilingual("账户已叫“{0}”", "the account is already named '{0}'", renamed));
  account.name = renamed;
  const std::int64_t id =
      append_facts(file, recorder, Facts().fact(subject::account, account.id, "name", renamed), change);
  storage::update_account(file, account);
  tx.commit();
  return id;
}

std::int64_t close_account(storage::FundFile& file, const Recorder& recorder, const std::string& code_or_name,
                           const RegistryChange& change) {
  require_decision(change);
  storage::FundFile::WriteTransaction tx(file);
  auto account = find_account(file, code_or_name);
  require_empty(file, storage::Side::account, account.id, account.code);
  int open = 0;
  for (const auto& known : storage::accounts(file)) open += known.kind != model::kGoodsKind && known.closed_on.empty();
  if (open <= 1) {
    throw Refused(bilingual(
        "“{0}”是最后一个资金账户，不能注销：先开新账户（cfund account add）",
        "'{0}' is the last money account and cannot be closed: add another first (cfund account add)", account.code));
  }
  account.closed_on = change.date.iso();
  const std::int64_t id =
      append_facts(file, recorder, Facts().fact(subject::account, account.id, "closed_on", account.closed_on), change);
  storage::update_account(file, account);
  tx.commit();
  return id;
}

std::int64_t add_special_fund(storage::FundFile& file, const Recorder& recorder, const model::Designation& designation,
                              const RegistryChange& change) {
  require_decision(change);
  model::Designation added = designation;
  check_code(added.code, bilingual("专项基金", "special fund"));
  added.name = added.name.empty() ? added.code : checked_name(added.name, "专项基金", "a special fund's");
  added.kind = "special";
  added.restricted = true;
  storage::FundFile::WriteTransaction tx(file);
  for (const auto& known : storage::designations(file)) {
    if (known.code == added.code || known.name == added.name) {
      throw Refused(bilingual("已有代码或名称为“{0}”的资金用途（专项基金或项目）",
                              "there is already a designation (special fund or project) with the code or name '{0}'",
                              known.code == added.code ? added.code : added.name));
    }
  }
  added.id = storage::insert_designation(file, added);
  const std::int64_t id = append_facts(file, recorder, Facts().designation(added), change);
  tx.commit();
  return id;
}

std::int64_t rename_special_fund(storage::FundFile& file, const Recorder& recorder, const std::string& code_or_name,
                                 const std::string& name, const RegistryChange& change) {
  require_decision(change);
  const std::string renamed = checked_name(name, "专项基金", "a special fund's");
  storage::FundFile::WriteTransaction tx(file);
  auto designation = special_fund(file, code_or_name);
  for (const auto& known : storage::designations(file)) {
    if (known.id != designation.id && (known.name == renamed || known.code == renamed)) {
      throw Refused(bilingual("已有名为“{0}”的资金用途", "there is already a designation named '{0}'", renamed));
    }
  }
  if (designation.name == renamed) {
    throw InputError(bilingual("专项基金已叫“{0}”", "the special fund is already named '{0}'", renamed));
  }
  designation.name = renamed;
  const std::int64_t id =
      append_facts(file, recorder, Facts().fact(subject::designation, designation.id, "name", renamed), change);
  storage::update_designation(file, designation);
  tx.commit();
  return id;
}

std::int64_t close_special_fund(storage::FundFile& file, const Recorder& recorder, const std::string& code_or_name,
                                const RegistryChange& change) {
  require_decision(change);
  storage::FundFile::WriteTransaction tx(file);
  auto designation = special_fund(file, code_or_name);
  require_empty(file, storage::Side::designation, designation.id, designation.code);
  designation.closed_on = change.date.iso();
  const std::int64_t id = append_facts(
      file, recorder, Facts().fact(subject::designation, designation.id, "closed_on", designation.closed_on), change);
  storage::update_designation(file, designation);
  tx.commit();
  return id;
}

}  // namespace cfund::books

#include "report/warehouse.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "books/fund.hpp"
#include "books/journal.hpp"
#include "books/ratios.hpp"
#include "books/verification.hpp"
#include "model/types.hpp"
#include "privacy/mask.hpp"
#include "report/notice.hpp"
#include "report/secrets.hpp"
#include "storage/notice_queries.hpp"
#include "storage/project_queries.hpp"
#include "storage/rows.hpp"
#include "storage/warehouse_queries.hpp"
#include "util/sha256.hpp"

namespace cfund::report {

namespace {

WarehouseTable table(std::string name, std::vector<WarehouseColumn> columns, std::vector<std::string> key,
                     std::vector<std::vector<std::string>> indexes = {}) {
  columns.insert(columns.begin(), {"fund_key", "text"});
  key.insert(key.begin(), "fund_key");
  for (auto& index : indexes) index.insert(index.begin(), "fund_key");
  return {std::move(name), std::move(columns), std::move(key), std::move(indexes)};
}

// Text columns that may name a beneficiary or an anonymous donor: masked.
const std::vector<std::string> kFreeText = {"memo",    "reason",  "approval_ref", "payee",
                                            "purpose", "voucher", "item",         "name"};

bool is_free_text(const std::string& table, const std::string& column) {
  if (column == "name") return table == "projects";
  return std::find(kFreeText.begin(), kFreeText.end(), column) != kFreeText.end();
}

std::string beneficiary_code(const std::string& number) { return fmt::format("B{:04d}", std::stoll(number)); }

// The funds table's one row: the fund's settings and chain.
WarehouseCells fund_row(storage::FundFile& file, const std::string& fund_key) {
  const auto s = books::load_settings(file);
  const auto head = books::recorded_chain_head(file);
  const std::int64_t cutoff = storage::last_entry_before_publications(file);
  const auto stamp = cutoff > 0 ? storage::entry_stamp(file, cutoff) : std::nullopt;
  auto flag = [](bool on) { return std::string(on ? "true" : "false"); };
  const auto slash = file.path().find_last_of('/');
  return {fund_key,
          s.name,
          s.organisation,
          s.host,
          s.region,
          s.town,
          slash == std::string::npos ? file.path() : file.path().substr(slash + 1),
          std::to_string(head.length),
          head.hash,
          books::verification_code(stamp ? stamp->hash : books::kGenesisHash),
          flag(s.audit.charitable_ratio_check),
          std::to_string(s.audit.charitable_ratio_min),
          flag(s.audit.management_ratio_check),
          std::to_string(s.audit.management_ratio_max),
          std::to_string(s.audit.management_ratio_floor)};
}

// The projects as the books stand now (report::load_project_progress, the notice's).
void project_rows(storage::FundFile& file, const std::string& fund_key,
                  const std::function<void(const WarehouseCells&)>& visit) {
  const util::Period always{util::Date{1901, 1, 1}, util::Date{9998, 12, 31}, ""};
  const auto progress = load_project_progress(file, always, storage::last_entry_id(file));
  std::map<std::string, const ProjectProgress*> by_code;
  for (const auto& project : progress) by_code[project.code] = &project;
  const privacy::MentionMasker scrub(fund_secrets(file));
  storage::warehouse_rows(file, "projects", [&](storage::WarehouseRow& row) {
    const std::string code = *row.at("project_code");
    const ProjectProgress* found = by_code.count(code) ? by_code[code] : nullptr;
    auto amount = [&](Fen value) { return found ? std::optional<std::string>(std::to_string(value)) : std::nullopt; };
    visit({fund_key, code, row.at("designation_id"), scrub(*row.at("name")), row.at("category"),
           found ? std::optional<std::string>(found->stage) : std::nullopt, amount(found ? found->budget : 0),
           amount(found ? found->spent : 0),
           found && found->people_served ? std::optional<std::string>(std::to_string(*found->people_served))
                                         : std::nullopt,
           row.at("proposed_on")});
  });
}

// What cfund derives for a row, beside what the file stores.
void derive(const std::string& name, storage::WarehouseRow& row) {
  if (name == "postings") {
    const auto role = books::ratio_role(row.at("flow_kind").value_or(""), row.at("flow_sort").value_or(""),
                                        row.at("on_goods").value_or("0") == "1");
    const std::string id = row.at("designation_id") ? books::ratio_role_id(role) : "";  // designations only
    row.at("on_goods") = id.empty() ? std::nullopt : std::optional<std::string>(id);    // becomes ratio_role
  } else if (name == "donations") {
    if (row.at("anonymous") == std::optional<std::string>("1")) row.at("donor_name").reset();
    row.at("receipt_year") =
        model::receipt_number(std::stoi(*row.at("receipt_year")), std::stoll(*row.at("receipt_seq")));
  } else if ((name == "payments" || name == "beneficiaries") && row.at("beneficiary_number")) {
    row.at("beneficiary_number") = beneficiary_code(*row.at("beneficiary_number"));
  }
}

// The warehouse column a source column becomes (renamed where cfund derived it).
std::string warehouse_name(const std::string& table, const std::string& source) {
  if (table == "postings" && source == "on_goods") return "ratio_role";
  if (table == "donations" && source == "receipt_year") return "receipt_no";
  if (source == "beneficiary_number") return "beneficiary_code";
  return source;
}

}  // namespace

const std::vector<WarehouseTable>& warehouse_tables() {
  static const std::vector<WarehouseTable> tables = {
      table("funds",
            {{"name", "text"},
             {"organisation", "text"},
             {"host", "text"},
             {"region", "text"},
             {"town", "text"},
             {"file_name", "text"},
             {"entries", "bigint"},
             {"chain_head", "text"},
             {"verification_code", "text"},
             {"charitable_ratio_check", "boolean"},
             {"charitable_ratio_min", "integer"},
             {"management_ratio_check", "boolean"},
             {"management_ratio_max", "integer"},
             {"management_ratio_floor_fen", "bigint"}},
            {}, {{"town"}}),
      table("accounts", {{"account_id", "bigint"}, {"code", "text"}, {"name", "text"}, {"kind", "text"}},
            {"account_id"}),
      table("designations",
            {{"designation_id", "bigint"},
             {"code", "text"},
             {"name", "text"},
             {"kind", "text"},
             {"restricted", "boolean"}},
            {"designation_id"}),
      table("entries",
            {{"entry_id", "bigint"},
             {"kind", "text"},
             {"date", "date"},
             {"recorded_at", "text"},
             {"operator", "text"},
             {"memo", "text"},
             {"approval_ref", "text"},
             {"reason", "text"},
             {"voids_entry", "bigint"},
             {"flow_kind", "text"},
             {"flow_sort", "text"},
             {"hash", "text"}},
            {"entry_id"}, {{"date"}, {"flow_kind", "date"}}),
      table("postings",
            {{"entry_id", "bigint"},
             {"seq", "integer"},
             {"account_id", "bigint"},
             {"designation_id", "bigint"},
             {"amount_fen", "bigint"},
             {"date", "date"},
             {"flow_kind", "text"},
             {"flow_sort", "text"},
             {"ratio_role", "text"}},
            {"entry_id", "seq"}, {{"designation_id", "date"}, {"date"}}),
      table("donations",
            {{"entry_id", "bigint"},
             {"receipt_no", "text"},
             {"donor_name", "text"},
             {"anonymous", "boolean"},
             {"form", "text"},
             {"amount_fen", "bigint"},
             {"account_id", "bigint"},
             {"designation_id", "bigint"},
             {"item", "text"},
             {"quantity", "text"},
             {"unit", "text"}},
            {"entry_id"}),
      table("payments",
            {{"entry_id", "bigint"},
             {"category", "text"},
             {"amount_fen", "bigint"},
             {"account_id", "bigint"},
             {"designation_id", "bigint"},
             {"payee", "text"},
             {"purpose", "text"},
             {"beneficiary_code", "text"},
             {"voucher", "text"}},
            {"entry_id"}, {{"category"}}),
      table("beneficiaries", {{"beneficiary_code", "text"}, {"category", "text"}}, {"beneficiary_code"}),
      table("projects",
            {{"project_code", "text"},
             {"designation_id", "bigint"},
             {"name", "text"},
             {"category", "text"},
             {"stage", "text"},
             {"budget_fen", "bigint"},
             {"spent_fen", "bigint"},
             {"people_served", "bigint"},
             {"proposed_on", "date"}},
            {"project_code"}, {{"stage"}}),
  };
  return tables;
}

std::string warehouse_fund_key(storage::FundFile& file) {
  const auto first = storage::stored_hash(file, 1);
  const auto s = books::load_settings(file);
  return util::sha256_hex("cfund-fund:" + first.value_or("") + "\n" + s.name + "\n" + s.town + "\n" + s.region)
      .substr(0, 16);
}

void warehouse_rows(storage::FundFile& file, const std::string& fund_key, const WarehouseTable& table,
                    const std::function<void(const WarehouseCells&)>& visit) {
  if (table.name == "funds") return visit(fund_row(file, fund_key));
  if (table.name == "projects") return project_rows(file, fund_key, visit);
  const privacy::MentionMasker scrub(fund_secrets(file));
  WarehouseCells cells(table.columns.size());
  cells[0] = fund_key;
  std::vector<std::size_t> place;  // source column i goes to cells[place[i]]; npos: dropped
  storage::warehouse_rows(file, table.name, [&](storage::WarehouseRow& row) {
    if (place.empty()) {
      for (const auto& source : row.names) {
        const std::string name = warehouse_name(table.name, source);
        std::size_t at = std::string::npos;
        for (std::size_t i = 0; i < table.columns.size(); ++i)
          if (table.columns[i].name == name) at = i;
        place.push_back(at);
      }
    }
    derive(table.name, row);
    for (std::size_t i = 0; i < row.names.size(); ++i) {
      if (place[i] == std::string::npos) continue;
      auto& cell = row.cells[i];
      if (cell && is_free_text(table.name, table.columns[place[i]].name)) cell = scrub(*cell);
      cells[place[i]] = std::move(cell);
    }
    visit(cells);
  });
}

}  // namespace cfund::report

#include "books/goods.hpp"

#include <algorithm>
#include <limits>
#include <map>
#include <set>
#include <tuple>

#include "books/fund.hpp"
#include "books/projects.hpp"
#include "books/rules.hpp"
#include "error.hpp"
#include "storage/queries.hpp"
#include "util/quantity.hpp"
#include "util/text.hpp"

namespace cfund::books {

namespace {

using util::Milli;

// One change to the stock of an item: a movement, or the void of one on its own date.
struct StockEvent {
  std::string date;
  std::int64_t id = 0;
  Milli quantity = 0;
  Fen value = 0;
};

Milli stored_quantity(const std::string& text) {
  auto parsed = util::parse_quantity(text);
  return parsed ? *parsed : 0;  // only a raw edit stores anything else; the chain check reports it
}

std::vector<StockEvent> events_of(const model::GoodsMovement& movement) {
  const Milli quantity = stored_quantity(movement.quantity);
  const std::int64_t sign = movement.in ? 1 : -1;
  std::vector<StockEvent> events = {{movement.date, movement.entry_id, sign * quantity, sign * movement.value}};
  if (movement.voided_by) {
    events.push_back({movement.void_date, *movement.voided_by, -sign * quantity, -sign * movement.value});
  }
  return events;
}

bool by_date_and_entry(const StockEvent& a, const StockEvent& b) {
  return std::tie(a.date, a.id) < std::tie(b.date, b.id);
}

// Every change to the stock of one item, in date and entry order.
std::vector<StockEvent> item_events(storage::FundFile& file, const std::string& item, const std::string& unit) {
  std::vector<StockEvent> events;
  for (const auto& movement : storage::goods_movements(file, "0000-01-01", "9999-12-31")) {
    if (movement.item != item || movement.unit != unit) continue;
    for (auto& event : events_of(movement)) events.push_back(std::move(event));
  }
  std::sort(events.begin(), events.end(), by_date_and_entry);
  return events;
}

model::StockLine on_hand(const std::vector<StockEvent>& events, const std::string& date_iso) {
  model::StockLine line;
  for (const auto& event : events) {
    if (event.date > date_iso) break;
    line.quantity += event.quantity;
    line.value += event.value;
  }
  return line;
}

std::string described(const std::string& item, const std::string& unit) {
  return unit.empty() ? item : item + "（" + unit + "）";
}

// The item and unit as the stock knows them. With no unit given, the item's only unit.
std::pair<std::string, std::string> resolve_item(storage::FundFile& file, const std::string& typed_item,
                                                 const std::string& typed_unit) {
  const std::string item = util::trim(typed_item);
  const std::string unit = util::trim(typed_unit);
  if (item.empty()) throw InputError(bilingual("--item：请写物资名称", "--item: say which goods"));
  std::set<std::string> units;
  std::set<std::string> items;
  for (const auto& movement : storage::goods_movements(file, "0000-01-01", "9999-12-31")) {
    items.insert(movement.item);
    if (movement.item == item) units.insert(movement.unit);
  }
  if (units.empty()) {
    std::string known;
    for (const auto& name : items) known += (known.empty() ? "" : "、") + name;
    throw InputError(bilingual("--item：库存中没有物资“{0}”（已有：{1}）",
                               "--item: there are no goods '{0}' in stock (there are: {1})", item,
                               known.empty() ? "-" : known));
  }
  if (!unit.empty()) {
    if (units.count(unit) == 0) {
      throw InputError(bilingual("--unit：物资“{0}”没有以“{1}”为单位的库存",
                                 "--unit: goods '{0}' are not kept in '{1}'", item, unit));
    }
    return {item, unit};
  }
  if (units.size() > 1) {
    std::string known;
    for (const auto& name : units) known += (known.empty() ? "" : "、") + name;
    throw InputError(bilingual("--unit：物资“{0}”有多种单位（{1}），请写明",
                               "--unit: goods '{0}' are kept in several units ({1}): name one", item, known));
  }
  return {item, *units.begin()};
}

Milli quantity_option(const std::string& text) {
  auto quantity = util::parse_quantity(text);
  if (!quantity)
    throw InputError(bilingual("--quantity：{0}", "--quantity: {1}", quantity.error().zh, quantity.error().en));
  return *quantity;
}

// The quantity and value that leave the stock on `date`, refused beyond what is on hand.
StockChange taken_out(storage::FundFile& file, const std::string& typed_item, const std::string& typed_unit,
                      const std::string& typed_quantity, const util::Date& date) {
  const auto [item, unit] = resolve_item(file, typed_item, typed_unit);
  const Milli quantity = quantity_option(typed_quantity);
  const model::StockLine stock = on_hand(item_events(file, item, unit), date.iso());
  if (quantity > stock.quantity) {
    throw Refused(bilingual("库存不足：{0}在 {1} 有 {2}，本次要出库 {3}",
                            "not enough in stock: {0} holds {2} on {1}, this takes {3}", described(item, unit),
                            date.iso(), util::format_quantity(std::max<Milli>(stock.quantity, 0)),
                            util::format_quantity(quantity)));
  }
  const Fen value = util::share_of(stock.value, quantity, stock.quantity);
  StockChange change{item, unit, -quantity, -value};
  require_stock(file, change, date);
  return change;
}

void add_goods_postings(EntryDraft& draft, const storage::GoodsTargets& goods, Fen value) {
  if (value == 0) return;  // a share that rounds to nothing moves nothing
  draft.postings.push_back({PostingDraft::Side::designation, goods.designation_id, value});
  draft.postings.push_back({PostingDraft::Side::account, goods.account_id, -value});
}

void set_goods_detail(EntryDraft& draft, const StockChange& change) {
  draft.detail.set("item", change.item)
      .set_text("unit", change.unit)
      .set("quantity", util::format_quantity(-change.quantity))
      .set("value", -change.value);
}

}  // namespace

std::vector<model::StockLine> goods_stock(storage::FundFile& file, const std::string& date_iso, std::int64_t cutoff) {
  std::map<std::pair<std::string, std::string>, model::StockLine> stock;
  for (const auto& movement : storage::goods_movements(file, "0000-01-01", date_iso, cutoff)) {
    auto& line = stock[{movement.item, movement.unit}];
    line.item = movement.item;
    line.unit = movement.unit;
    for (const auto& event : events_of(movement)) {
      if (event.date > date_iso) continue;  // a void dated later
      line.quantity += event.quantity;
      line.value += event.value;
    }
  }
  std::vector<model::StockLine> lines;
  for (auto& [key, line] : stock) {
    if (line.quantity != 0 || line.value != 0) lines.push_back(std::move(line));
  }
  return lines;
}

void require_stock(storage::FundFile& file, const StockChange& change, const util::Date& date) {
  auto events = item_events(file, change.item, change.unit);
  events.push_back({date.iso(), std::numeric_limits<std::int64_t>::max(), change.quantity, change.value});
  std::stable_sort(events.begin(), events.end(), by_date_and_entry);
  Milli quantity = 0;
  Fen value = 0;
  for (const auto& event : events) {
    quantity += event.quantity;
    value += event.value;
    if (event.date < date.iso()) continue;
    if (quantity < 0) {
      throw Refused(
          bilingual("库存不足：这样记账后{0}在 {1} 的库存将为 {2}（物资不能发出比收到的多）",
                    "not enough in stock: {0} would stand at {2} on {1} (no more goods can leave than came in)",
                    described(change.item, change.unit), event.date, "-" + util::format_quantity(-quantity)));
    }
    if (value < 0 || (quantity == 0 && value != 0)) {
      throw Refused(
          bilingual("{0}在 {1} 的库存估价将不一致（数量 {2}，估价 {3}）：请先红冲其后的物资发放或义卖，再更正",
                    "the stock of {0} would be valued inconsistently on {1} (quantity {2}, value {3}): void the "
                    "goods given out or sold after it first, then correct",
                    described(change.item, change.unit), event.date,
                    util::format_quantity(std::max<Milli>(quantity, 0)), util::format_amount(value)));
    }
  }
}

std::optional<StockChange> stock_reversal(storage::FundFile& file, std::int64_t entry_id) {
  const auto movement = storage::goods_movement(file, entry_id);
  if (!movement) return std::nullopt;
  const std::int64_t sign = movement->in ? -1 : 1;
  return StockChange{movement->item, movement->unit, sign * stored_quantity(movement->quantity),
                     sign * movement->value};
}

std::int64_t give_goods(storage::FundFile& file, const Recorder& recorder, const GiveInput& input) {
  const int named = (input.beneficiary ? 1 : 0) + (util::trim(input.project).empty() ? 0 : 1) +
                    (util::trim(input.recipient).empty() ? 0 : 1);
  if (named != 1) {
    throw InputError(
        bilingual("请用 --to-beneficiary、--to-project 或 --to 中的一个写明物资发给谁",
                  "say who receives the goods with exactly one of --to-beneficiary, --to-project or --to"));
  }
  storage::FundFile::WriteTransaction tx(file);
  EntryDraft draft;
  draft.kind = model::entry_kind::goods_given;
  draft.date = input.date;
  draft.memo = input.memo;
  draft.approval_ref = util::trim(input.approval_ref);
  std::optional<std::int64_t> project_id;
  if (input.beneficiary && !storage::beneficiary_by_number(file, *input.beneficiary)) {
    throw InputError(bilingual("--to-beneficiary：没有编号为 B{0:04d} 的受助对象",
                               "--to-beneficiary: there is no beneficiary B{0:04d}", *input.beneficiary));
  }
  if (!util::trim(input.project).empty()) {
    const model::Designation project = find_designation(file, util::trim(input.project));
    if (project.kind != "project") {
      throw InputError(bilingual("--to-project：“{0}”不是公益项目（cfund project list）",
                                 "--to-project: '{0}' is not a project (cfund project list)", input.project));
    }
    require_project_at_work(file, project, input.date);
    project_id = project.id;
  }
  const StockChange change = taken_out(file, input.item, input.unit, input.quantity, input.date);
  add_goods_postings(draft, storage::goods_targets(file), -change.value);
  set_goods_detail(draft, change);
  draft.detail.set("beneficiary", input.beneficiary ? storage::Value{*input.beneficiary} : storage::Value{})
      .set("project_id", project_id ? storage::Value{*project_id} : storage::Value{})
      .set_text("recipient", util::trim(input.recipient))
      .set_text("purpose", util::trim(input.purpose));
  const std::int64_t id = append_entry(file, recorder, draft);
  tx.commit();
  return id;
}

std::int64_t sell_goods(storage::FundFile& file, const Recorder& recorder, const SaleInput& input) {
  if (input.amount <= 0) {
    throw InputError(bilingual("--amount：义卖所得必须大于零", "--amount: the price received must be above zero"));
  }
  storage::FundFile::WriteTransaction tx(file);
  const model::Account into = find_account(file, input.account);
  const model::Designation to = find_designation(file, input.designation);
  require_project_accepts_money(file, to);
  const StockChange change = taken_out(file, input.item, input.unit, input.quantity, input.date);
  EntryDraft draft;
  draft.kind = model::entry_kind::goods_sale;
  draft.date = input.date;
  draft.memo = input.memo;
  draft.postings = {{PostingDraft::Side::account, into.id, input.amount},
                    {PostingDraft::Side::designation, to.id, -input.amount}};
  add_goods_postings(draft, storage::goods_targets(file), -change.value);
  set_goods_detail(draft, change);
  draft.detail.set("amount", input.amount)
      .set("account_id", into.id)
      .set("designation_id", to.id)
      .set_text("buyer", util::trim(input.buyer))
      .set_text("external_ref", util::trim(input.external_ref));
  const std::int64_t id = append_entry(file, recorder, draft);
  tx.commit();
  return id;
}

std::vector<model::GoodsMovement> list_goods(storage::FundFile& file, const util::Period& period) {
  return storage::goods_movements(file, period.first.iso(), period.last.iso());
}

}  // namespace cfund::books

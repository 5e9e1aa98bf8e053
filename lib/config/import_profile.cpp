// Import profiles from TOML: the built-in ones (lib/import/profiles/*.toml, embedded)
// and the user's own files. Every key is documented in the built-in files and in
// docs/imports.md.

#include <toml++/toml.h>
#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "config/embedded_profiles.hpp"
#include "error.hpp"
#include "import/profile.hpp"
#include "model/categories.hpp"
#include "util/text.hpp"

namespace cfund::config {

namespace {

// Errors about one key of one profile file, with the line it is on.
class ProfileReader {
 public:
  explicit ProfileReader(std::string file) : file_(std::move(file)) {}

  [[noreturn]] void fail(const toml::node* node, const std::string& key, const Message& why) const {
    const auto line = node != nullptr ? node->source().begin.line : 0;
    if (line > 0) {
      throw InputError(bilingual("导入格式文件 {0} 第 {1} 行，键 {2}：{3}", "import profile {0} line {1}, key {2}: {4}",
                                 file_, line, key, why.zh, why.en));
    }
    throw InputError(
        bilingual("导入格式文件 {0}，键 {1}：{2}", "import profile {0}, key {1}: {3}", file_, key, why.zh, why.en));
  }

  // Only the listed keys may appear in the table: a misspelt key is an error, not a
  // setting silently left at its default.
  void only_keys(const toml::table& table, const std::string& prefix, const std::set<std::string>& keys) const {
    for (const auto& [key, node] : table) {
      const std::string name(key.str());
      if (keys.count(name) == 0) {
        std::string known;
        for (const auto& k : keys) known += (known.empty() ? "" : ", ") + k;
        const auto near = util::nearest(name, std::vector<std::string>(keys.begin(), keys.end()));
        if (!near.empty()) {
          fail(&node, prefix + name,
               bilingual("未知的键，是不是 {0}？（可用：{1}）", "unknown key: did you mean {0}? (known: {1})",
                         near.front(), known));
        }
        fail(&node, prefix + name, bilingual("未知的键（可用：{0}）", "unknown key (known: {0})", known));
      }
    }
  }

  // Refuses a control, direction or zero-width character, naming the key and line.
  void clean(const toml::node* node, const std::string& name, const std::string& value) const {
    if (const auto cp = util::first_forbidden_character(value, false); cp >= 0) {
      fail(node, name, util::forbidden_character_problem(cp));
    }
  }

  const toml::table* table(const toml::table& parent, const std::string& key) const {
    const toml::node* node = parent.get(key);
    if (node == nullptr) return nullptr;
    const auto* t = node->as_table();
    if (t == nullptr) fail(node, key, bilingual("应写成 [{0}] 表", "expected a [{1}] table", key, key));
    return t;
  }

  std::string text(const toml::table& parent, const std::string& key, const std::string& name,
                   const std::string& fallback) const {
    const toml::node* node = parent.get(key);
    if (node == nullptr) return fallback;
    const auto* value = node->as_string();
    if (value == nullptr)
      fail(node, name, bilingual("应为文字（用双引号括起）", "expected a text value (in double quotes)"));
    if (!util::is_valid_utf8(value->get()))
      fail(node, name, bilingual("不是有效的 UTF-8 文字", "not valid UTF-8 text"));
    clean(node, name, value->get());
    return util::trim(value->get());
  }

  std::string choice(const toml::table& parent, const std::string& key, const std::string& name,
                     const std::vector<std::string>& allowed) const {
    const std::string value = text(parent, key, name, allowed.front());
    if (std::find(allowed.begin(), allowed.end(), value) == allowed.end()) {
      std::string list;
      for (const auto& a : allowed) list += (list.empty() ? "" : " / ") + a;
      fail(parent.get(key), name, bilingual("“{0}”无效：应为 {1}", "'{0}' is not valid: expected {1}", value, list));
    }
    return value;
  }

  // A list of texts; a single text is taken as a list of one. Values keep their
  // inner spaces but not their padding ("" is allowed: it stands for an empty cell).
  std::vector<std::string> texts(const toml::table& parent, const std::string& key, const std::string& name) const {
    const toml::node* node = parent.get(key);
    if (node == nullptr) return {};
    std::vector<std::string> out;
    auto take = [&](const toml::node& item) {
      const auto* value = item.as_string();
      if (value == nullptr) {
        fail(&item, name,
             bilingual("应为文字列表，如 [\"收入\", \"已收钱\"]",
                       "expected a list of texts, e.g. [\"收入\", \"已收钱\"]"));
      }
      if (!util::is_valid_utf8(value->get()))
        fail(&item, name, bilingual("不是有效的 UTF-8 文字", "not valid UTF-8 text"));
      clean(&item, name, value->get());
      out.push_back(util::trim(value->get()));
    };
    if (const auto* array = node->as_array()) {
      for (const auto& item : *array) take(item);
    } else {
      take(*node);
    }
    return out;
  }

  std::int64_t integer(const toml::table& parent, const std::string& key, const std::string& name, std::int64_t low,
                       std::int64_t high) const {
    const toml::node* node = parent.get(key);
    if (node == nullptr) return 0;
    const auto* value = node->as_integer();
    if (value == nullptr || value->get() < low || value->get() > high) {
      fail(node, name, bilingual("应为 {0} 到 {1} 之间的整数", "expected a whole number from {0} to {1}", low, high));
    }
    return value->get();
  }

  bool boolean(const toml::table& parent, const std::string& key, const std::string& name, bool fallback) const {
    const toml::node* node = parent.get(key);
    if (node == nullptr) return fallback;
    const auto* value = node->as_boolean();
    if (value == nullptr) fail(node, name, bilingual("应为 true 或 false", "expected true or false"));
    return value->get();
  }

  const std::string& file() const { return file_; }

 private:
  std::string file_;
};

void read_table(const ProfileReader& read, const toml::table& root, import::Profile& p) {
  const auto* table = read.table(root, "table");
  if (table == nullptr) return;
  read.only_keys(*table, "table.", {"skip_lines", "header_starts", "footer_starts", "required"});
  p.skip_lines = static_cast<int>(read.integer(*table, "skip_lines", "table.skip_lines", 0, 10000));
  p.header_starts = read.texts(*table, "header_starts", "table.header_starts");
  p.footer_starts = read.texts(*table, "footer_starts", "table.footer_starts");
  p.required = read.texts(*table, "required", "table.required");
  const auto& fields = import::profile_fields();
  for (const auto& field : p.required) {
    if (std::find(fields.begin(), fields.end(), field) == fields.end()) {
      read.fail(table->get("required"), "table.required",
                bilingual("“{0}”不是可用的字段", "'{0}' is not a field", field));
    }
  }
  for (const char* key : {"header_starts", "footer_starts"}) {
    const auto& starts = std::string(key) == "header_starts" ? p.header_starts : p.footer_starts;
    if (std::find(starts.begin(), starts.end(), "") != starts.end()) {
      read.fail(table->get(key), std::string("table.") + key, bilingual("不能有空文字", "may not hold an empty text"));
    }
  }
}

void read_columns(const ProfileReader& read, const toml::table& root, import::Profile& p) {
  const toml::table* columns = read.table(root, "columns");
  if (columns == nullptr) read.fail(&root, "columns", bilingual("缺少 [columns] 表", "the [columns] table is missing"));
  const auto& fields = import::profile_fields();
  for (const auto& [key, node] : *columns) {
    const std::string field(key.str());
    if (std::find(fields.begin(), fields.end(), field) == fields.end()) {
      std::string known;
      for (const auto& f : fields) known += (known.empty() ? "" : ", ") + f;
      read.fail(&node, "columns." + field, bilingual("未知的字段（可用：{0}）", "unknown field (known: {0})", known));
    }
    auto headers = read.texts(*columns, field, "columns." + field);
    if (headers.empty() || std::find(headers.begin(), headers.end(), "") != headers.end()) {
      read.fail(&node, "columns." + field, bilingual("应列出至少一个非空的列名", "list at least one non-empty header"));
    }
    p.columns.push_back(import::ColumnNames{field, std::move(headers)});
  }
  if (p.kind == import::ProfileKind::beneficiaries) {
    if (p.headers_of("name") == nullptr)
      read.fail(columns, "columns.name", bilingual("缺少姓名列", "the name column is missing"));
    if (p.required.empty()) p.required = {"name"};
  } else {
    const bool has_amount = p.headers_of("amount") != nullptr;
    const bool has_sides = p.headers_of("credit") != nullptr && p.headers_of("debit") != nullptr;
    if (p.headers_of("date") == nullptr)
      read.fail(columns, "columns.date", bilingual("缺少日期列", "the date column is missing"));
    if (!has_amount && !has_sides) {
      read.fail(columns, "columns.amount",
                bilingual("应给出 amount（金额），或 credit 与 debit（收入金额、支出金额）两列",
                          "give amount, or both credit and debit (separate money-in and money-out columns)"));
    }
    if (has_amount && (p.headers_of("credit") != nullptr || p.headers_of("debit") != nullptr)) {
      read.fail(columns, "columns.amount",
                bilingual("amount 与 credit/debit 只能二选一", "give either amount or credit and debit, not both"));
    }
    if (p.required.empty()) p.required = {"date", "amount"};
  }
  for (const auto& field : p.required) {
    if (field != "amount" && p.headers_of(field) == nullptr) {
      read.fail(columns, "columns." + field,
                bilingual("table.required 要求此列，但没有给出列名",
                          "table.required asks for this column but it has no headers"));
    }
  }
}

void read_amount_and_direction(const ProfileReader& read, const toml::table& root, import::Profile& p) {
  if (const auto* amount = read.table(root, "amount")) {
    read.only_keys(*amount, "amount.", {"sign", "positive"});
    p.amount_sign = read.choice(*amount, "sign", "amount.sign", {"signed", "unsigned"}) == "signed"
                        ? import::AmountSign::signed_amount
                        : import::AmountSign::unsigned_amount;
    p.positive_is_in = read.choice(*amount, "positive", "amount.positive", {"unspecified", "in"}) == "in";
  }
  if (const auto* direction = read.table(root, "direction")) {
    read.only_keys(*direction, "direction.", {"in", "out", "leave", "other"});
    p.direction_in = read.texts(*direction, "in", "direction.in");
    p.direction_out = read.texts(*direction, "out", "direction.out");
    p.direction_leave = read.texts(*direction, "leave", "direction.leave");
    p.direction_other_is_bad = read.choice(*direction, "other", "direction.other", {"bad", "leave"}) == "bad";
  }
  if (p.headers_of("direction") != nullptr && (p.direction_in.empty() || p.direction_out.empty())) {
    read.fail(root.get("columns"), "direction.in",
              bilingual("有收/支列时，[direction] 表须给出 in 和 out 的取值",
                        "with a direction column, [direction] must list the in and out values"));
  }
}

// The tables of an array of tables ([[filter]], [[classify]]), each with its key prefix.
std::vector<std::pair<const toml::table*, std::string>> table_array(const ProfileReader& read, const toml::table& root,
                                                                    const std::string& key) {
  std::vector<std::pair<const toml::table*, std::string>> tables;
  const toml::node* node = root.get(key);
  if (node == nullptr) return tables;
  const auto* array = node->as_array();
  if (array == nullptr || !array->is_array_of_tables()) {
    read.fail(node, key, bilingual("应写成 [[{0}]] 表的列表", "expected a list of [[{0}]] tables", key));
  }
  for (std::size_t i = 0; i < array->size(); ++i) {
    tables.emplace_back(array->get(i)->as_table(), fmt::format("{}[{}].", key, i + 1));
  }
  return tables;
}

void read_filters(const ProfileReader& read, const toml::table& root, import::Profile& p) {
  for (const auto& [table, prefix] : table_array(read, root, "filter")) {
    read.only_keys(*table, prefix, {"column", "take", "leave", "prefix", "optional"});
    import::RowFilter filter;
    filter.column = read.texts(*table, "column", prefix + "column");
    filter.take = read.texts(*table, "take", prefix + "take");
    filter.leave = read.texts(*table, "leave", prefix + "leave");
    filter.prefix = read.boolean(*table, "prefix", prefix + "prefix", false);
    filter.optional = read.boolean(*table, "optional", prefix + "optional", false);
    if (filter.column.empty())
      read.fail(table, prefix + "column", bilingual("缺少列名", "the column's header is missing"));
    if (filter.take.empty() && filter.leave.empty()) {
      read.fail(table, prefix + "take",
                bilingual("应给出 take 或 leave 的取值", "list the values to take or to leave"));
    }
    p.filters.push_back(std::move(filter));
  }
}

// `as = "income:interest"` and the rest; what the rule books a row as.
void read_booking(const ProfileReader& read, const toml::table& table, const std::string& prefix,
                  import::ClassifyRule& rule) {
  const std::string as = read.text(table, "as", prefix + "as", "");
  const std::string income = "income:";
  if (as == "donation") {
    rule.as = import::BookAs::donation;
  } else if (as.rfind(income, 0) == 0 && model::find_income_kind(as.substr(income.size())) != nullptr) {
    rule.as = import::BookAs::income;
    rule.income_kind = as.substr(income.size());
  } else if (as == "fee") {
    rule.as = import::BookAs::fee;
  } else if (as == "transfer") {
    rule.as = import::BookAs::transfer;
  } else if (as == "skip") {
    rule.as = import::BookAs::skip;
  } else {
    const Message kinds = model::income_kind_choices();
    read.fail(table.get("as") != nullptr ? table.get("as") : &table, prefix + "as",
              bilingual("“{0}”无效：应为 donation、income:收入类别（{1}）、fee、transfer 或 skip",
                        "'{0}' is not valid: expected donation, income:KIND ({2}), fee, transfer or skip", as, kinds.zh,
                        kinds.en));
  }
  rule.account = read.text(table, "account", prefix + "account", "");
  rule.source = read.text(table, "source", prefix + "source", "");
  rule.reason = read.text(table, "reason", prefix + "reason", "");
  const auto only = [&](const char* key, bool allowed, const Message& why) {
    if (!allowed && table.get(key) != nullptr) read.fail(table.get(key), prefix + key, why);
  };
  only("account", rule.as == import::BookAs::transfer,
       bilingual("只有 as = \"transfer\" 的规则才写 account", "only a rule with as = \"transfer\" names an account"));
  only("source", rule.as == import::BookAs::income,
       bilingual("只有 as = \"income:…\" 的规则才写 source", "only a rule with as = \"income:…\" names a source"));
  if (rule.as == import::BookAs::skip && rule.reason.empty()) {
    read.fail(&table, prefix + "reason",
              bilingual("as = \"skip\" 的规则须写明 reason（略过的原因，显示在导入结果中）",
                        "a rule with as = \"skip\" needs a reason (shown in the import report)"));
  }
  only("reason", rule.as == import::BookAs::skip,
       bilingual("只有 as = \"skip\" 的规则才写 reason", "only a rule with as = \"skip\" gives a reason"));
}

// The way a rule's booking allows money to go: donations and income come in, fees go out.
void read_rule_direction(const ProfileReader& read, const toml::table& table, const std::string& prefix,
                         import::ClassifyRule& rule) {
  const std::string direction = read.choice(table, "direction", prefix + "direction", {"both", "in", "out"});
  rule.direction = direction == "in"    ? import::RuleDirection::in
                   : direction == "out" ? import::RuleDirection::out
                                        : import::RuleDirection::both;
  const bool money_in = rule.as == import::BookAs::donation || rule.as == import::BookAs::income;
  const auto implied = money_in                         ? import::RuleDirection::in
                       : rule.as == import::BookAs::fee ? import::RuleDirection::out
                                                        : import::RuleDirection::both;
  if (implied == import::RuleDirection::both) return;
  if (rule.direction != import::RuleDirection::both && rule.direction != implied) {
    read.fail(table.get("direction"), prefix + "direction",
              bilingual("与 as 不符：捐赠和收入是收入（in），手续费是支出（out）",
                        "contradicts as: donations and income are money in, fees money out"));
  }
  rule.direction = implied;
}

// The fields a rule looks in: those it names, each known and mapped to a column (else
// the rule could never match); by default the summary and the note, as mapped.
std::vector<std::string> rule_fields(const ProfileReader& read, const toml::table& table, const std::string& prefix,
                                     const import::Profile& p) {
  std::vector<std::string> fields = read.texts(table, "field", prefix + "field");
  const auto& known = import::classify_fields();
  for (const auto& field : fields) {
    if (std::find(known.begin(), known.end(), field) == known.end()) {
      std::string list;
      for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
      read.fail(table.get("field"), prefix + "field",
                bilingual("“{0}”不是可用的字段（可用：{1}）", "'{0}' is not a field rules look in (known: {1})", field,
                          list));
    }
    if (p.headers_of(field) == nullptr) {
      read.fail(table.get("field"), prefix + "field",
                bilingual("字段 {0} 在 [columns] 中没有列名，规则永远不会用到",
                          "the field {0} has no headers in [columns]: the rule could never match", field));
    }
  }
  if (table.get("field") != nullptr) return fields;
  for (const char* field : {"summary", "note"}) {
    if (p.headers_of(field) != nullptr) fields.emplace_back(field);
  }
  return fields;
}

void read_classify(const ProfileReader& read, const toml::table& root, import::Profile& p) {
  for (const auto& [table, prefix] : table_array(read, root, "classify")) {
    read.only_keys(*table, prefix,
                   {"field", "words", "counterparty", "direction", "as", "account", "source", "reason"});
    import::ClassifyRule rule;
    rule.fields = rule_fields(read, *table, prefix, p);
    rule.words = read.texts(*table, "words", prefix + "words");
    if (std::find(rule.words.begin(), rule.words.end(), "") != rule.words.end())
      read.fail(table->get("words"), prefix + "words", bilingual("不能有空文字", "may not hold an empty text"));
    if (!rule.words.empty() && rule.fields.empty()) {
      read.fail(table, prefix + "field",
                bilingual("规则没有可查找的字段：请用 field 写明（如 [\"note\"]）",
                          "the rule has no field to look in: name one with field (e.g. [\"note\"])"));
    }
    const std::string counterparty =
        read.choice(*table, "counterparty", prefix + "counterparty", {"any", "own", "own_or_empty"});
    rule.counterparty = counterparty == "own"            ? import::CounterpartyIs::own
                        : counterparty == "own_or_empty" ? import::CounterpartyIs::own_or_empty
                                                         : import::CounterpartyIs::any;
    if (rule.words.empty() && rule.counterparty == import::CounterpartyIs::any) {
      read.fail(table, prefix + "words",
                bilingual("规则须给出 words（所含的字），或 counterparty = \"own\"",
                          "a rule needs words to look for, or counterparty = \"own\""));
    }
    read_booking(read, *table, prefix, rule);
    read_rule_direction(read, *table, prefix, rule);
    p.classify.push_back(std::move(rule));
  }
}

void read_closing(const ProfileReader& read, const toml::table& root, import::Profile& p) {
  const auto* closing = read.table(root, "closing");
  if (closing == nullptr) return;
  read.only_keys(*closing, "closing.", {"labels"});
  p.closing_labels = read.texts(*closing, "labels", "closing.labels");
  if (p.headers_of("amount") == nullptr && !p.closing_labels.empty()) {
    read.fail(closing, "closing.labels",
              bilingual("期末余额行需要 amount 列", "a closing line needs an amount column"));
  }
}

toml::table parse_profile(const std::string& file, const std::string& content) {
  try {
    return toml::parse(content, file);
  } catch (const toml::parse_error& e) {
    throw InputError(bilingual("导入格式文件 {0} 第 {1} 行：TOML 格式错误：{2}",
                               "import profile {0} line {1}: not valid TOML: {2}", file, e.source().begin.line,
                               std::string(e.description())));
  }
}

import::Profile read_profile(const std::string& name, const std::string& file,
                             const std::string& content){const toml::table root = parse_profile(file, content);
ProfileReader read(file);
read.only_keys(root, "",
               {"kind", "description", "account", "designation", "table", "columns", "amount", "direction", "filter",
                "closing", "anonymous_counterparties", "organisation_words", "classify"});
import::Profile p;
p.name = name;
p.kind = read.choice(root, "kind", "kind", {"statement", "beneficiaries"}) == "beneficiaries"
             ? import::ProfileKind::beneficiaries
             : import::ProfileKind::statement;
p.description = read.text(root, "description", "description", "");
p.account = read.text(root, "account", "account", "");
p.designation = read.text(root, "designation", "designation", "");
p.anonymous_counterparties = read.texts(root, "anonymous_counterparties", "anonymous_counterparties");
p.organisation_words = read.texts(root, "organisation_words", "organisation_words");
if (std::find(p.organisation_words.begin(), p.organisation_words.end(), "") != p.organisation_words.end()) {
  read.fail(root.get("organisation_words"), "organisation_words",
            bilingual("不能有空文字", "may not hold an empty text"));
}
read_table(read, root, p);
read_columns(read, root, p);
read_amount_and_direction(read, root, p);
read_filters(read, root, p);
read_classify(read, root, p);
read_closing(read, root, p);
if (p.kind == import::ProfileKind::beneficiaries && !p.classify.empty()) {
  read.fail(root.get("classify"), "classify",
            bilingual("受助对象名册（kind = \"beneficiaries\"）没有分类规则",
                      "a register of beneficiaries (kind = \"beneficiaries\") has no classify rules"));
}
return p;
}  // namespace

bool is_path(const std::string& name) {
  return name.find('/') != std::string::npos || (name.size() > 5 && name.compare(name.size() - 5, 5, ".toml") == 0);
}

}  // namespace cfund::config

import::Profile load_import_profile(const std::string& name_or_path){
    if (is_path(name_or_path)){std::ifstream in(name_or_path, std::ios::binary);
if (!in) {
  throw InputError(bilingual("无法读取导入格式文件“{0}”", "cannot read the import profile '{0}'", name_or_path));
}
std::stringstream content;
content << in.rdbuf();
return read_profile(name_or_path, name_or_path, content.str());
}
for (const auto& builtin : embedded_import_profiles()) {
  if (builtin.name == name_or_path) return read_profile(builtin.name, builtin.name + ".toml", builtin.text);
}
std::string names;
for (const auto& n : builtin_import_profiles()) names += (names.empty() ? "" : ", ") + n;
throw InputError(
    bilingual("没有名为“{0}”的导入格式（内置：{1}；自己编写的格式请给出 .toml 文件的路径）",
              "there is no import profile '{0}' (built in: {1}; for your own, give the path of its .toml file)",
              name_or_path, names));
}

std::vector<std::string> builtin_import_profiles() {
  // The order users read about them in: cfund's own CSV first.
  std::vector<std::string> names;
  for (const char* preferred : {"cfund", "wechat", "alipay", "bank", "beneficiaries"}) {
    for (const auto& builtin : embedded_import_profiles()) {
      if (builtin.name == preferred) names.push_back(builtin.name);
    }
  }
  for (const auto& builtin : embedded_import_profiles()) {
    if (std::find(names.begin(), names.end(), builtin.name) == names.end()) names.push_back(builtin.name);
  }
  return names;
}

}  // namespace cfund::config

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
        const std::string near = util::nearest(name, std::vector<std::string>(keys.begin(), keys.end()));
        if (!near.empty()) {
          fail(&node, prefix + name,
               bilingual("未知的键，是不是 {0}？（可用：{1}）", "unknown key: did you mean {0}? (known: {1})", near,
                         known));
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

import::Profile read_profile(const std::string& name, const std::string& file,
                             const std::string& content){toml::table root;
try {
  root = toml::parse(content, file);
} catch (const toml::parse_error& e) {
  throw InputError(bilingual("导入格式文件 {0} 第 {1} 行：TOML 格式错误：{2}",
                             "import profile {0} line {1}: not valid TOML: {2}", file, e.source().begin.line,
                             std::string(e.description())));
}
ProfileReader read(file);
read.only_keys(root, "",
               {"description", "account", "designation", "table", "columns", "amount", "direction", "filter", "closing",
                "anonymous_counterparties", "organisation_words"});

import::Profile p;
p.name = name;
p.description = read.text(root, "description", "description", "");
p.account = read.text(root, "account", "account", "");
p.designation = read.text(root, "designation", "designation", "");
p.anonymous_counterparties = read.texts(root, "anonymous_counterparties", "anonymous_counterparties");
p.organisation_words = read.texts(root, "organisation_words", "organisation_words");
for (const auto& word : p.organisation_words) {
  if (word.empty())
    read.fail(root.get("organisation_words"), "organisation_words",
              bilingual("不能有空文字", "may not hold an empty text"));
}

if (const auto* table = read.table(root, "table")) {
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
  for (const auto& start : p.header_starts) {
    if (start.empty())
      read.fail(table->get("header_starts"), "table.header_starts",
                bilingual("不能有空文字", "may not hold an empty text"));
  }
  for (const auto& start : p.footer_starts) {
    if (start.empty())
      read.fail(table->get("footer_starts"), "table.footer_starts",
                bilingual("不能有空文字", "may not hold an empty text"));
  }
}

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
for (const auto& field : p.required) {
  if (field != "amount" && p.headers_of(field) == nullptr) {
    read.fail(columns, "columns." + field,
              bilingual("table.required 要求此列，但没有给出列名",
                        "table.required asks for this column but it has no headers"));
  }
}

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
  read.fail(columns, "direction.in",
            bilingual("有收/支列时，[direction] 表须给出 in 和 out 的取值",
                      "with a direction column, [direction] must list the in and out values"));
}

if (const toml::node* node = root.get("filter")) {
  const auto* array = node->as_array();
  if (array == nullptr || !array->is_array_of_tables()) {
    read.fail(node, "filter", bilingual("应写成 [[filter]] 表的列表", "expected a list of [[filter]] tables"));
  }
  for (std::size_t i = 0; i < array->size(); ++i) {
    const auto& table = *array->get(i)->as_table();
    const std::string prefix = fmt::format("filter[{}].", i + 1);
    read.only_keys(table, prefix, {"column", "take", "leave", "prefix", "optional"});
    import::RowFilter filter;
    filter.column = read.texts(table, "column", prefix + "column");
    filter.take = read.texts(table, "take", prefix + "take");
    filter.leave = read.texts(table, "leave", prefix + "leave");
    filter.prefix = read.boolean(table, "prefix", prefix + "prefix", false);
    filter.optional = read.boolean(table, "optional", prefix + "optional", false);
    if (filter.column.empty())
      read.fail(&table, prefix + "column", bilingual("缺少列名", "the column's header is missing"));
    if (filter.take.empty() && filter.leave.empty()) {
      read.fail(&table, prefix + "take",
                bilingual("应给出 take 或 leave 的取值", "list the values to take or to leave"));
    }
    p.filters.push_back(std::move(filter));
  }
}

if (const auto* closing = read.table(root, "closing")) {
  read.only_keys(*closing, "closing.", {"labels"});
  p.closing_labels = read.texts(*closing, "labels", "closing.labels");
  if (p.headers_of("amount") == nullptr && !p.closing_labels.empty()) {
    read.fail(closing, "closing.labels",
              bilingual("期末余额行需要 amount 列", "a closing line needs an amount column"));
  }
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
  for (const char* preferred : {"cfund", "wechat", "alipay", "bank"}) {
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

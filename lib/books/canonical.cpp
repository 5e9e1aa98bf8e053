#include "books/canonical.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <nlohmann/json.hpp>

#include "books/journal.hpp"
#include "util/sha256.hpp"
#include "util/text.hpp"

namespace cfund::books {

namespace {

// Columns of a row as a JSON object; NULLs are left out, and so are the columns the
// encoding must not contain (the entry's own hash, the link back to the entry).
nlohmann::json encode_row(const storage::Row& row, const std::string& skip) {
  nlohmann::json object = nlohmann::json::object();
  for (const auto& [column, value] : row.columns) {
    if (column == skip) continue;
    if (const auto* number = std::get_if<std::int64_t>(&value)) {
      object[column] = *number;
    } else if (const auto* text = std::get_if<std::string>(&value)) {
      object[column] = *text;
    }
  }
  return object;
}

}  // namespace

namespace {

// A JSON string as nlohmann::json::dump(-1, ' ', false) writes it: ", \ and the
// control characters escaped, everything else (UTF-8 included) as it is. False for
// text that is not valid UTF-8: the caller then takes nlohmann's own path.
bool append_json_string(std::string& out, std::string_view text) {
  if (!util::is_valid_utf8(text)) return false;
  out += '"';
  std::size_t plain = 0;  // the start of the characters not yet copied, which need no escape
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (static_cast<unsigned char>(c) >= 0x20 && c != '"' && c != '\\') continue;
    out.append(text, plain, i - plain);
    plain = i + 1;
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        out += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
    }
  }
  out.append(text, plain, std::string::npos);
  out += '"';
  return true;
}

// A row as encode_row(...).dump() writes it: keys sorted, NULLs and `skip` left out.
bool append_json_row(std::string& out, const storage::Row& row, const std::string& skip) {
  std::vector<const std::pair<std::string, storage::Value>*> columns;
  columns.reserve(row.columns.size());
  for (const auto& column : row.columns) {
    if (column.first != skip && !std::holds_alternative<std::monostate>(column.second)) columns.push_back(&column);
  }
  std::sort(columns.begin(), columns.end(), [](const auto* a, const auto* b) { return a->first < b->first; });
  out += '{';
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (i > 0 && columns[i]->first == columns[i - 1]->first) return false;  // json keeps the last: not worth copying
    if (i > 0) out += ',';
    if (!append_json_string(out, columns[i]->first)) return false;
    out += ':';
    if (const auto* number = std::get_if<std::int64_t>(&columns[i]->second)) {
      out += std::to_string(*number);
    } else if (!append_json_string(out, std::get<std::string>(columns[i]->second))) {
      return false;
    }
  }
  out += '}';
  return true;
}

bool append_json_rows(std::string& out, const std::vector<storage::Row>& rows, const std::string& skip) {
  out += '[';
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (i > 0) out += ',';
    if (!append_json_row(out, rows[i], skip)) return false;
  }
  out += ']';
  return true;
}

// Whether the encoding holds a detail part. An entry without a detail row (a transfer
// recorded before its kind had a detail table) was hashed without one.
bool has_detail(const storage::EntryRows& rows) { return !rows.detail_table.empty() && !rows.detail.empty(); }

// The canonical encoding written directly (keys in sorted order: detail, detail_table,
// entry, postings). Empty when some text is not valid UTF-8.
std::string direct_encoding(const storage::EntryRows& rows) {
  std::string out;
  out.reserve(1024);
  out += '{';
  if (has_detail(rows)) {
    out += "\"detail\":";
    if (!append_json_rows(out, rows.detail, "entry_id")) return {};
    out += ",\"detail_table\":";
    if (!append_json_string(out, rows.detail_table)) return {};
    out += ',';
  }
  out += "\"entry\":";
  if (!append_json_row(out, rows.entry, "hash")) return {};
  out += ",\"postings\":";
  if (!append_json_rows(out, rows.postings, "entry_id")) return {};
  out += '}';
  return out;
}

}  // namespace

std::string canonical_encoding(const storage::EntryRows& rows) {
  // Written once for every entry appended and once for every entry verified: the
  // direct writer gives the same bytes as nlohmann below, several times faster.
  if (std::string direct = direct_encoding(rows); !direct.empty()) return direct;
  nlohmann::json encoding;
  encoding["entry"] = encode_row(rows.entry, "hash");
  encoding["postings"] = nlohmann::json::array();
  for (const auto& posting : rows.postings) encoding["postings"].push_back(encode_row(posting, "entry_id"));
  if (has_detail(rows)) {
    encoding["detail_table"] = rows.detail_table;
    encoding["detail"] = nlohmann::json::array();
    for (const auto& detail : rows.detail) encoding["detail"].push_back(encode_row(detail, "entry_id"));
  }
  // Invalid UTF-8 can only come from a raw edit (append_entry refuses it); replacing it keeps the hash
  // computable, and the hash then no longer matches.
  return encoding.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string chain_hash(const std::string& previous_hash, const std::string& canonical) {
  return util::sha256_hex(previous_hash + canonical);
}

void CanonicalWriter::entry(const storage::RawRow& row) {
  valid_ = true;
  detail_rows_ = 0;
  entry_.clear();
  postings_.clear();
  detail_.clear();
  append_row(entry_, row, "hash");
}

void CanonicalWriter::posting(const storage::RawRow& row) {
  if (!postings_.empty()) postings_ += ',';
  append_row(postings_, row, "entry_id");
}

void CanonicalWriter::detail(const storage::RawRow& row) {
  if (detail_rows_++ > 0) detail_ += ',';
  append_row(detail_, row, "entry_id");
}

// The JSON string of the detail table's name, made once while the name stays the same.
std::string_view CanonicalWriter::detail_table_json(const std::string& detail_table) {
  if (detail_table != table_ || table_json_.empty()) {
    table_ = detail_table;
    table_json_.clear();
    if (!append_json_string(table_json_, detail_table)) table_json_.clear();
  }
  if (table_json_.empty()) valid_ = false;
  return table_json_;
}

void CanonicalWriter::feed(util::Sha256& sha, const std::string& detail_table) {
  sha.update("{");
  if (!detail_table.empty() && detail_rows_ > 0) {
    sha.update("\"detail\":[");
    sha.update(detail_);
    sha.update("],\"detail_table\":");
    sha.update(detail_table_json(detail_table));
    sha.update(",");
  }
  sha.update("\"entry\":");
  sha.update(entry_);
  sha.update(",\"postings\":[");
  sha.update(postings_);
  sha.update("]}");
}

const CanonicalWriter::Layout& CanonicalWriter::layout_for(const storage::RawRow& row, std::string_view skip) {
  const auto found = layouts_.find(&row.names());
  if (found != layouts_.end()) return found->second;
  const auto& names = row.names();
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (names[i] != skip) order.push_back(i);
  }
  std::sort(order.begin(), order.end(), [&names](std::size_t a, std::size_t b) { return names[a] < names[b]; });
  Layout layout;
  for (std::size_t i = 0; i < order.size(); ++i) {
    if (i > 0 && names[order[i]] == names[order[i - 1]]) layout.valid = false;
    std::string key;
    if (!append_json_string(key, names[order[i]])) layout.valid = false;
    layout.keys.emplace_back(order[i], key + ':');
  }
  return layouts_.emplace(&names, std::move(layout)).first->second;
}

// As append_json_row: keys sorted, NULLs and `skip` left out.
void CanonicalWriter::append_row(std::string& out, const storage::RawRow& row, std::string_view skip) {
  const Layout& layout = layout_for(row, skip);
  if (!layout.valid) valid_ = false;
  out += '{';
  bool first = true;
  for (const auto& [column, key] : layout.keys) {
    const auto type = row.type(column);
    if (type == storage::RawRow::Type::null) continue;
    if (!first) out += ',';
    first = false;
    out += key;
    if (type == storage::RawRow::Type::integer) {
      char digits[24];
      const auto end = std::to_chars(digits, digits + sizeof digits, row.integer_value(column)).ptr;
      out.append(digits, end);
    } else if (!append_json_string(out, row.text(column))) {
      valid_ = false;
    }
  }
  out += '}';
}

}  // namespace cfund::books

// The export as JSON: one object, with one line per account and per entry so that
// two exports compare line by line. Amounts are integer fen.

#include <nlohmann/json.hpp>
#include <ostream>

#include "render/export.hpp"

namespace cfund::render {

namespace {

const char* type_name(report::ExportAccount::Type type) {
  switch (type) {
    case report::ExportAccount::Type::asset:
      return "asset";
    case report::ExportAccount::Type::funds:
      return "designation";
    case report::ExportAccount::Type::income:
      return "income";
    case report::ExportAccount::Type::expense:
      return "expense";
  }
  return "asset";
}

nlohmann::json account_json(const report::ExportAccount& a) {
  nlohmann::json line = {{"path", a.path},
                         {"code", a.code},
                         {"name", a.name},
                         {"kind", a.kind},
                         {"type", type_name(a.type)},
                         {"restricted", a.restricted}};
  if (a.type == report::ExportAccount::Type::asset || a.designation()) {
    line["opening"] = a.opening;
    line["closing"] = a.closing;
  }
  if (!a.suffix.empty()) line["suffix"] = a.suffix;
  return line;
}

nlohmann::json entry_json(const report::ExportEntry& e) {
  nlohmann::json meta = nlohmann::json::object();
  for (const auto& item : e.meta) meta[item.key] = item.value;
  nlohmann::json postings = nlohmann::json::array();
  for (const auto& posting : e.postings) postings.push_back({{"account", posting.path}, {"amount", posting.amount}});
  nlohmann::json json = {{"id", e.id},     {"kind", e.kind},   {"date", e.date},
                         {"code", e.code}, {"payee", e.payee}, {"narration", e.narration},
                         {"meta", meta},   {"link", e.link},   {"postings", postings}};
  if (!e.declare.empty()) {
    json["declare"] = nlohmann::json::array();
    for (const auto& account : e.declare) json["declare"].push_back(account_json(account));
  }
  return json;
}

std::string dump(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

class JsonWriter : public report::ExportSink {
 public:
  explicit JsonWriter(std::ostream& out) : out_(out) {}

  void begin(const report::ExportHeader& h) override {
    out_ << "{\"format\":\"cfund-export\",\"version\":1,\"currency\":\"CNY\",\"unit\":\"fen\",\n"
         << "\"fund\":" << dump(h.fund_name) << ",\n"
         << "\"period\":" << (h.period_label.empty() ? "null" : dump(h.period_label)) << ",\n"
         << "\"first_date\":" << dump(h.first_date) << ",\"last_date\":" << dump(h.last_date) << ",\n"
         << "\"accounts\":[";
    bool first = true;
    for (const auto& a : h.accounts) {
      out_ << (first ? "\n" : ",\n") << dump(account_json(a));
      first = false;
    }
    out_ << "],\n\"opening\":" << (h.opening ? dump(entry_json(*h.opening)) : "null") << ",\n\"entries\":[";
  }

  void entry(const report::ExportEntry& e) override {
    out_ << (first_entry_ ? "\n" : ",\n") << dump(entry_json(e));
    first_entry_ = false;
  }

  void end(const report::ExportHeader&) override { out_ << "]}\n"; }

 private:
  std::ostream& out_;
  bool first_entry_ = true;
};

}  // namespace

std::unique_ptr<report::ExportSink> json_writer(std::ostream& out) { return std::make_unique<JsonWriter>(out); }

}  // namespace cfund::render

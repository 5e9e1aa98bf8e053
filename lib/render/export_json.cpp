// The export as JSON: one object, with one line per account and per entry so that
// two exports compare line by line. Amounts are integer fen.

#include <nlohmann/json.hpp>
#include <ostream>

#include "render/export.hpp"

namespace cfund::render {

namespace {

nlohmann::json entry_json(const report::ExportEntry& e) {
  nlohmann::json meta = nlohmann::json::object();
  for (const auto& item : e.meta) meta[item.key] = item.value;
  nlohmann::json postings = nlohmann::json::array();
  for (const auto& posting : e.postings) postings.push_back({{"account", posting.path}, {"amount", posting.amount}});
  return {{"id", e.id},     {"kind", e.kind},   {"date", e.date},
          {"code", e.code}, {"payee", e.payee}, {"narration", e.narration},
          {"meta", meta},   {"link", e.link},   {"postings", postings}};
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
      nlohmann::json line = {{"path", a.path},
                             {"code", a.code},
                             {"name", a.name},
                             {"kind", a.kind},
                             {"side", a.designation ? "designation" : "account"},
                             {"restricted", a.restricted},
                             {"opening", a.opening},
                             {"closing", a.closing}};
      out_ << (first ? "\n" : ",\n") << dump(line);
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

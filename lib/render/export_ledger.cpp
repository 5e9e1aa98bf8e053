// The export as a ledger-cli journal (also read by hledger).

#include <ostream>

#include "render/export.hpp"
#include "util/money.hpp"
#include "util/text.hpp"

namespace cfund::render {

namespace {

std::string amount_text(util::Fen amount) { return util::format_plain(amount) + " CNY"; }

std::string posting_line(const std::string& path, util::Fen amount) {
  const std::string money = amount_text(amount);
  const std::size_t width = path.size() + 2 < 52 ? 52 - path.size() : 2;
  return "    " + path + std::string(width >= money.size() + 2 ? width - money.size() : 2, ' ') + money + "\n";
}

// "payee | narration", the form hledger reads as payee and note; ledger keeps it whole.
std::string description(const report::ExportEntry& entry) {
  if (entry.payee.empty()) return journal_text(entry.narration);
  return journal_text(entry.payee) + " | " + journal_text(entry.narration);
}

class LedgerWriter : public report::ExportSink {
 public:
  explicit LedgerWriter(std::ostream& out) : out_(out) {}

  void begin(const report::ExportHeader& h) override {
    const bool en = h.lang == Lang::en;
    out_ << "; " << journal_text(h.fund_name)
         << (en ? " — exported by cfund (ledger-cli / hledger journal)\n"
                : " — cfund 导出（ledger-cli / hledger 账本）\n");
    if (h.period_label.empty()) {
      out_ << (en ? "; the whole journal" : "; 全部分录");
    } else {
      out_ << (en ? "; period " : "; 期间 ") << h.period_label;
    }
    if (!h.first_date.empty()) out_ << " (" << h.first_date << " .. " << h.last_date << ")";
    out_ << "\n"
         << (en ? "; Assets are the accounts and the goods in stock. A designation's postings go to Income:,\n"
                  "; Expenses: or Funds: accounts ending in its suffix (:Restricted:Elderly); its balance is minus\n"
                  "; their sum. Entries that move no money are comments.\n"
                : "; Assets 为资金账户和库存物资。资金用途的过账记入以其后缀（如 :Restricted:Elderly）结尾的\n"
                  "; Income:（收入）、Expenses:（费用）或 "
                  "Funds:（净资产结转、调整）账户，其余额为这些账户合计的相反数。\n"
                  "; 不涉及资金的分录（受助对象登记、项目进展、结账、公示等）写作注释。\n")
         << "\ncommodity CNY\n\n";
    for (const auto& account : h.accounts) declare(account);
    if (h.opening) entry(*h.opening);
  }

  void entry(const report::ExportEntry& e) override {
    if (!e.declare.empty()) out_ << "\n";
    for (const auto& account : e.declare) declare(account);
    if (e.postings.empty()) {
      out_ << "\n; " << e.date << " #" << e.id << " " << description(e) << "\n";
      return;
    }
    out_ << "\n" << e.date << " *";
    if (!e.code.empty() && e.code.find_first_of("()") == std::string::npos) out_ << " (" << e.code << ")";
    out_ << " " << description(e) << "\n";
    for (const auto& meta : e.meta) out_ << "    ; " << meta.key << ": " << journal_text(meta.value) << "\n";
    for (const auto& posting : e.postings) out_ << posting_line(posting.path, posting.amount);
  }

  void end(const report::ExportHeader& h) override {
    if (h.assert_date.empty()) return;
    out_ << "\n; " << (h.lang == Lang::en ? "balances according to cfund at the end of " : "cfund 记录的期末余额（")
         << h.last_date << (h.lang == Lang::en ? ":\n" : " 日终）：\n");
    for (const auto& account : h.accounts) {
      const std::string path = account.designation() ? "*:" + account.suffix : account.path;
      out_ << ";   " << path << "  " << amount_text(account.ledger_closing()) << "\n";
    }
  }

 private:
  void declare(const report::ExportAccount& account) {
    out_ << "account " << account.path << "\n    note " << journal_text(account.name) << " (" << account.code << ", "
         << account.kind << ")\n";
  }

  std::ostream& out_;
};

}  // namespace

std::string journal_text(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == ';') {
      out += "；";
    } else {
      out += c;
    }
  }
  return out;
}

std::unique_ptr<report::ExportSink> ledger_writer(std::ostream& out) { return std::make_unique<LedgerWriter>(out); }

std::unique_ptr<report::ExportSink> export_writer(const std::string& format, std::ostream& out) {
  if (format == "ledger") return ledger_writer(out);
  if (format == "beancount") return beancount_writer(out);
  if (format == "json") return json_writer(out);
  return nullptr;
}

}  // namespace cfund::render

// The export as a beancount file (checked by bean-check). The designations' root is
// named "Funds" (option name_equity): they are the fund's net assets, held for a use.

#include <ostream>

#include "render/export.hpp"
#include "util/money.hpp"

namespace cfund::render {

namespace {

std::string quoted(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string amount_text(util::Fen amount) { return util::format_plain(amount) + " CNY"; }

std::string posting_line(const std::string& path, util::Fen amount) {
  const std::string money = amount_text(amount);
  const std::size_t width = path.size() + 2 < 50 ? 50 - path.size() : 2;
  return "  " + path + std::string(width >= money.size() + 2 ? width - money.size() : 2, ' ') + money + "\n";
}

class BeancountWriter : public report::ExportSink {
 public:
  explicit BeancountWriter(std::ostream& out) : out_(out) {}

  void begin(const report::ExportHeader& h) override {
    const bool en = h.lang == Lang::en;
    out_ << "; " << h.fund_name << (en ? " — exported by cfund (beancount)\n" : " — cfund 导出（beancount）\n");
    if (h.period_label.empty()) {
      out_ << (en ? "; the whole journal" : "; 全部分录");
    } else {
      out_ << (en ? "; period " : "; 期间 ") << h.period_label;
    }
    if (!h.first_date.empty()) out_ << " (" << h.first_date << " .. " << h.last_date << ")";
    out_
        << "\n"
        << (en ? "; Assets are the accounts and the goods in stock. A designation's postings go to Income:,\n"
                 "; Expenses: or Funds: accounts ending in its suffix; its balance is minus their sum.\n"
                 "; Entries that move no money are comments; the assets' closing balances are asserted at the end.\n"
               : "; Assets 为资金账户和库存物资。资金用途的过账记入以其后缀结尾的 Income:、Expenses: 或 Funds: 账户，\n"
                 "; 其余额为这些账户合计的相反数。不涉及资金的分录写作注释；文件末尾以 balance "
                 "断言核对资产的期末余额。\n")
        << "\noption \"title\" " << quoted(h.fund_name) << "\n"
        << "option \"operating_currency\" \"CNY\"\n"
        << "option \"name_equity\" \"Funds\"\n";
    if (h.open_date.empty()) return;  // an empty journal: nothing to open
    out_ << "\n";
    open_date_ = h.open_date;
    for (const auto& account : h.accounts) open(account);
    if (h.opening) entry(*h.opening);
  }

  void entry(const report::ExportEntry& e) override {
    if (!e.declare.empty()) out_ << "\n";
    for (const auto& account : e.declare) open(account);
    if (e.postings.empty()) {
      out_ << "\n; " << e.date << " #" << e.id << " " << (e.payee.empty() ? "" : e.payee + " | ") << e.narration
           << "\n";
      return;
    }
    out_ << "\n" << e.date << " *";
    if (!e.payee.empty()) out_ << " " << quoted(e.payee);
    out_ << " " << quoted(e.narration);
    if (!e.link.empty()) out_ << " ^" << e.link;
    out_ << "\n";
    for (const auto& meta : e.meta) out_ << "  " << meta.key << ": " << quoted(meta.value) << "\n";
    for (const auto& posting : e.postings) out_ << posting_line(posting.path, posting.amount);
  }

  void end(const report::ExportHeader& h) override {
    if (h.assert_date.empty()) return;
    out_ << "\n; " << (h.lang == Lang::en ? "cfund's balances at the end of " : "cfund 记录的期末余额（") << h.last_date
         << (h.lang == Lang::en ? "\n" : " 日终）\n");
    for (const auto& account : h.accounts) {
      if (account.designation()) {
        out_ << "; "
             << "*:" << account.suffix << "  " << amount_text(account.ledger_closing()) << "\n";
      } else {
        out_ << h.assert_date << " balance " << account.path << "  " << amount_text(account.ledger_closing()) << "\n";
      }
    }
  }

 private:
  // Opened on the export's first day, whatever line it is written on: beancount sorts by date.
  void open(const report::ExportAccount& account) {
    out_ << open_date_ << " open " << account.path << " CNY\n"
         << "  name: " << quoted(account.name) << "\n"
         << "  code: " << quoted(account.code) << "\n"
         << "  kind: " << quoted(account.kind) << "\n";
  }
  std::string open_date_;

  std::ostream& out_;
};

}  // namespace

std::unique_ptr<report::ExportSink> beancount_writer(std::ostream& out) {
  return std::make_unique<BeancountWriter>(out);
}

}  // namespace cfund::render

// cfund_generate: a deterministic generator of realistic community funds, for the
// benchmark (make bench) and for the export test.
//
//   cfund_generate --donations N --out DIR [--seed S] [--shape classic|few-donors|many-donors]
//                  [--mode import|commands]
//
// Three years (2023–2025) of a fund with five accounts (bank, cash, wechat, alipay,
// other), four special funds and eight projects at every stage of their lifecycle:
// N donations (Chinese donor names, individuals and firms, some anonymous, amounts
// skewed small) and about 15% as many payments (relief to beneficiaries, project
// costs, management and fundraising), never overdrawing an account or a designation
// on any day, never spending on a project outside its approval or beyond its budget,
// never paying the same beneficiary twice inside the fund's relief window.
//
// --mode import (default) writes what the benchmark imports:
//   DIR/fund.toml          cfund init --config
//   DIR/setup.sh           beneficiaries and projects up to their start (run before the import)
//   DIR/donations.csv      cfund CSV: date,amount,donor,donor_type,anonymous,reference,account,designation,memo
//   DIR/disbursements.csv  cfund CSV: date,amount,payee,category,purpose,beneficiary,approval_ref,reference,
//                          account,designation,memo
//   DIR/finish.sh          the projects' endings (complete, evaluate, close), after the import
// --mode commands writes DIR/fund.toml and DIR/commands.sh: every event as one cfund
// command in date order, with opening balances, voids, goods given out and sold, interest,
// grants and matching funds, bank fees, transfers, reallocations and official
// receipt numbers too (a few hundred entries make a varied fund for tests).
// The scripts call a shell function `cfund` that the caller defines.
//
// Same arguments, same bytes: the random numbers come from std::mt19937_64 (whose
// output the C++ standard fixes) through this file's own arithmetic, never through
// the library's distributions (which differ between implementations).

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <random>
#include <string>
#include <vector>

namespace {

using Fen = std::int64_t;

class Random {
 public:
  explicit Random(std::uint64_t seed) : engine_(seed) {}
  // Uniform in [0, n).
  std::uint64_t below(std::uint64_t n) { return engine_() % n; }
  // Uniform in [low, high].
  std::int64_t between(std::int64_t low, std::int64_t high) {
    return low + static_cast<std::int64_t>(below(static_cast<std::uint64_t>(high - low + 1)));
  }
  bool chance(int per_thousand) { return below(1000) < static_cast<std::uint64_t>(per_thousand); }
  template <typename T>
  const T& pick(const std::vector<T>& items) {
    return items[below(items.size())];
  }
  // An index drawn with the given weights.
  std::size_t weighted(const std::vector<int>& weights) {
    int total = 0;
    for (int w : weights) total += w;
    int roll = static_cast<int>(below(static_cast<std::uint64_t>(total)));
    for (std::size_t i = 0; i < weights.size(); ++i) {
      if (roll < weights[i]) return i;
      roll -= weights[i];
    }
    return weights.size() - 1;
  }

 private:
  std::mt19937_64 engine_;
};

// Civil date arithmetic (days since 1970-01-01), enough for three years.
struct Day {
  int y, m, d;
};
long days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}
Day civil_from_days(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {static_cast<int>(yoe + era * 400 + (m <= 2)), m, d};
}
std::string iso(long day) {
  const Day c = civil_from_days(day);
  return fmt::format("{:04d}-{:02d}-{:02d}", c.y, c.m, c.d);
}
std::string compact(long day) {
  const Day c = civil_from_days(day);
  return fmt::format("{:04d}{:02d}{:02d}", c.y, c.m, c.d);
}
long day_of(int y, int m, int d) { return days_from_civil(y, m, d); }

std::string yuan(Fen fen) { return fmt::format("{}.{:02d}", fen / 100, fen % 100); }

const std::vector<std::string> kSurnames = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴",   "周",  "徐", "孙",
                                            "马", "朱", "胡", "郭", "何", "高", "林", "罗", "郑",   "梁",  "谢", "宋",
                                            "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "欧阳", "司马"};
const std::vector<std::string> kGiven = {"伟",   "芳",   "娜",   "敏",   "静",   "丽",   "强",   "磊",
                                         "军",   "洋",   "勇",   "艳",   "杰",   "娟",   "涛",   "明",
                                         "超",   "秀英", "霞",   "平",   "刚",   "桂英", "建华", "玉兰",
                                         "志强", "海燕", "小雨", "子涵", "浩然", "欣怡", "宇轩", "梓萱"};
// Characters of given names and of firms' brand names (the shapes with many donors).
constexpr const char* kGivenChars =
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂英建华玉兰志海燕小雨子涵浩然欣怡宇轩梓萱秀红梅婷雪琳晨阳鹏飞俊凯文博"
    "佳慧嘉颖思琪雅诗语晓东国庆春生德福永康金宝淑珍凤芬丹瑞祥安宁和顺兴旺荣昌盛利达通远鑫源恒泰隆丰益新";
const std::vector<std::string> kPlaces = {"青溪", "桂花里", "临江", "东湖", "南山", "西城", "北苑", "凤凰"};
const std::vector<std::string> kTrades = {"建材", "超市", "物业", "餐饮", "医药",
                                          "五金", "印务", "科技", "物流", "茶叶"};
const std::vector<std::string> kFirmForms = {"有限公司", "商行", "股份有限公司", "合作社"};
const std::vector<std::string> kBeneficiaryCategories = {"独居老人", "困难学生", "残疾人", "隐形困难人群", "大病患者"};

struct Account {
  std::string code, name, kind, prefix;
};
const std::vector<Account> kAccounts = {{"bank", "青溪农商银行 基本户", "bank", "BK"},
                                        {"cash", "现金", "cash", "CA"},
                                        {"wechat", "微信支付商户号", "wechat", "WX"},
                                        {"alipay", "支付宝收款码", "alipay", "AP"},
                                        {"other", "邮政汇款", "other", "PO"}};

struct Special {
  std::string code, name;
};
const std::vector<Special> kSpecials = {{"elderly", "独居老人关爱微基金"},
                                        {"students", "困难学生助学专项基金"},
                                        {"disability", "助残微基金"},
                                        {"medical", "大病救助专项基金"}};

// A project and the dates of its lifecycle (0: never).
struct Project {
  std::string code, name, category;
  Fen budget = 0;
  long propose = 0, review = 0, approve = 0, reject = 0, start = 0, complete = 0, evaluate = 0, close = 0;
  Fen spent = 0;
  // Money is accepted from the proposal until the project ends; spent from approval
  // until completion.
  long money_until(long end_of_books) const {
    if (reject != 0) return reject;
    if (complete != 0) return complete;
    return end_of_books + 1;
  }
};

// How the donations vary (--shape). classic is the generator as it always was (the same
// bytes for the same seed); the others vary like the funds issue 22 measured: how many
// distinct donors give again and again, statements with or without a reference on each
// line, firms and individuals mixed, and months skewed towards Spring Festival
// (January, February) and 99 Giving Day (7–9 September).
struct Shape {
  std::string name = "classic";
  int donors_permille = 0;  // distinct donors per thousand donations; 0: names from short lists
  int firms_permille = 120;
  int references_permille = 1000;
  bool festive_months = false;
};

const std::vector<Shape> kShapes = {
    {"classic", 0, 120, 1000, false},
    {"few-donors", 50, 60, 1000, true},    // about 5% distinct donors, regulars, every line referenced
    {"many-donors", 390, 250, 400, true},  // about 30% distinct donors, a quarter firms, 60% of lines without reference
};

struct Options {
  Shape shape = kShapes[0];
  long donations = 1000;
  std::uint64_t seed = 20250301;
  std::string out;
  bool commands = false;
  // The roll-up's funds (make bench, examples): their names and places, and a mix of
  // donors, channels and payment categories drawn from the seed (--vary), so that
  // no two funds are alike.
  std::string name = "临江街道凤凰社区慈善基金";
  std::string region;
  std::string town;
  bool vary = false;
};

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::cerr << "cfund_generate: " << arg << " needs a value\n";
        std::exit(2);
      }
      return argv[++i];
    };
    if (arg == "--donations") {
      o.donations = std::stol(value());
    } else if (arg == "--seed") {
      o.seed = std::stoull(value());
    } else if (arg == "--out") {
      o.out = value();
    } else if (arg == "--name") {
      o.name = value();
    } else if (arg == "--region") {
      o.region = value();
    } else if (arg == "--town") {
      o.town = value();
    } else if (arg == "--vary") {
      o.vary = true;
    } else if (arg == "--shape") {
      const std::string name = value();
      const auto found =
          std::find_if(kShapes.begin(), kShapes.end(), [&name](const Shape& shape) { return shape.name == name; });
      if (found == kShapes.end()) {
        std::cerr << "cfund_generate: --shape is classic, few-donors or many-donors\n";
        std::exit(2);
      }
      o.shape = *found;
    } else if (arg == "--mode") {
      const std::string mode = value();
      if (mode != "import" && mode != "commands") {
        std::cerr << "cfund_generate: --mode is import or commands\n";
        std::exit(2);
      }
      o.commands = mode == "commands";
    } else {
      std::cerr << "usage: cfund_generate --donations N --out DIR [--seed S] [--shape S] [--mode import|commands] "
                   "[--name NAME] [--region R] [--town T] [--vary]\n";
      std::exit(2);
    }
  }
  if (o.out.empty() || o.donations < 1) {
    std::cerr << "usage: cfund_generate --donations N --out DIR [--seed S] [--shape S] [--mode import|commands]\n";
    std::exit(2);
  }
  return o;
}

// The shares that make a fund what it is (per thousand, or weights).
struct Mix {
  int organisations = 120;  // donations from firms
  int anonymous = 80;       // of the individuals' donations
  std::vector<int> person_accounts = {15, 15, 45, 20, 5};
  std::vector<int> categories = {50, 37, 9, 4};  // relief, project, management, fundraising
};

Mix mix_for(const Options& o) {
  Mix mix;
  if (!o.vary) return mix;
  Random draw(o.seed ^ 0x5deece66dULL);
  mix.organisations = static_cast<int>(draw.between(40, 300));
  mix.anonymous = static_cast<int>(draw.between(20, 200));
  for (auto& weight : mix.person_accounts) weight = static_cast<int>(draw.between(1, 50));
  mix.categories = {static_cast<int>(draw.between(20, 70)), static_cast<int>(draw.between(10, 50)),
                    static_cast<int>(draw.between(3, 20)), static_cast<int>(draw.between(1, 8))};
  return mix;
}

class Generator {
 public:
  explicit Generator(const Options& options) : o_(options), random_(options.seed), mix_(mix_for(options)) {}

  void run() {
    std::filesystem::create_directories(o_.out);
    write_fund_toml();
    plan_projects();
    open_outputs();
    register_beneficiaries();
    simulate();
    close_outputs();
  }

 private:
  static constexpr Fen kThreshold = 500000;     // ¥5,000.00: payments above it need a decision number
  static constexpr int kReliefWindow = 30;      // days
  static constexpr Fen kOpeningBank = 1000000;  // ¥10,000.00 brought forward (commands mode)

  void write_fund_toml() {
    std::ofstream toml(o_.out + "/fund.toml");
    toml << "# A generated fund (cfund_generate, seed " << o_.seed << "); every name is fictional.\n"
         << "[fund]\nname = \"" << o_.name << "\"\norganisation = \"凤凰社区居民委员会\"\n"
         << "host = \"临江街道慈善会\"\nsupervision_phone = \"0571-8000-1234\"\noperator = \"凤凰社区\"\n"
         << "report_language = \"zh\"\napproval_threshold = \"" << yuan(kThreshold) << "\"\n"
         << "relief_window_days = " << kReliefWindow << "\n";
    if (!o_.region.empty()) toml << "region = \"" << o_.region << "\"\n";
    if (!o_.town.empty()) toml << "town = \"" << o_.town << "\"\n";
    toml << "\n";
    for (const auto& a : kAccounts) {
      toml << "[[accounts]]\ncode = \"" << a.code << "\"\nname = \"" << a.name << "\"\nkind = \"" << a.kind << "\"\n\n";
    }
    for (const auto& s : kSpecials)
      toml << "[[special_funds]]\ncode = \"" << s.code << "\"\nname = \"" << s.name << "\"\n\n";
    if (!o_.commands) return;
    // A fund that existed before it kept its books in cfund: balances and goods brought forward.
    toml << "[opening]\ndate = \"2022-12-31\"\n\n[[opening.balances]]\naccount = \"bank\"\namount = \""
         << yuan(kOpeningBank) << "\"\n\n[[opening.goods]]\nitem = \"大米\"\nunit = \"袋\"\nquantity = \"40\"\n"
         << "value = \"2,400.00\"\n";
    balance_[0] += kOpeningBank;
    designation_["general"] += kOpeningBank;
    rice_ = 40;
    next_entry_ += 2;  // the opening balance and the opening goods
  }

  void plan_projects() {
    const Fen scale = std::max<Fen>(2000000, o_.donations * 150);
    auto budget = [&](int percent) { return scale * percent / 100; };
    auto make = [&](const char* name, const char* category, int percent) {
      Project p;
      p.code = fmt::format("P{:03d}", projects_.size() + 1);
      p.name = name;
      p.category = category;
      p.budget = budget(percent);
      projects_.push_back(p);
      return &projects_.back();
    };
    projects_.reserve(8);
    Project* p = make("老旧小区晾衣架更新", "社区营造", 60);  // closed
    p->propose = day_of(2023, 1, 10), p->review = day_of(2023, 1, 16), p->approve = day_of(2023, 2, 1);
    p->start = day_of(2023, 2, 10), p->complete = day_of(2024, 6, 28), p->evaluate = day_of(2024, 7, 15);
    p->close = day_of(2024, 7, 31);
    p = make("一米花园", "环境保护", 80);  // evaluated
    p->propose = day_of(2023, 3, 1), p->review = day_of(2023, 3, 8), p->approve = day_of(2023, 3, 20);
    p->start = day_of(2023, 4, 1), p->complete = day_of(2025, 6, 30), p->evaluate = day_of(2025, 7, 20);
    p = make("四点半课堂", "教科文卫体", 100);  // completed
    p->propose = day_of(2023, 6, 1), p->review = day_of(2023, 6, 10), p->approve = day_of(2023, 6, 20);
    p->start = day_of(2023, 7, 1), p->complete = day_of(2025, 11, 28);
    p = make("独居老人助餐", "关爱帮扶", 120);  // in progress
    p->propose = day_of(2024, 1, 5), p->review = day_of(2024, 1, 12), p->approve = day_of(2024, 2, 1);
    p->start = day_of(2024, 3, 1);
    p = make("楼道照明改造", "社区营造", 40);  // approved
    p->propose = day_of(2025, 3, 1), p->review = day_of(2025, 3, 10), p->approve = day_of(2025, 5, 6);
    p = make("社区议事厅", "社会组织培育", 30);  // under review
    p->propose = day_of(2025, 9, 1), p->review = day_of(2025, 9, 15);
    p = make("家庭医生健康助理", "扶贫济困", 30);  // proposed
    p->propose = day_of(2025, 11, 3);
    p = make("全职妈妈增能", "社会组织培育", 20);  // rejected
    p->propose = day_of(2024, 4, 1), p->review = day_of(2024, 4, 8), p->reject = day_of(2024, 5, 6);
  }

  void open_outputs() {
    if (o_.commands) {
      commands_.open(o_.out + "/commands.sh");
      commands_ << "# Generated by cfund_generate (seed " << o_.seed << ", " << o_.donations
                << " donations): run with a shell function `cfund` defined.\n";
      return;
    }
    setup_.open(o_.out + "/setup.sh");
    finish_.open(o_.out + "/finish.sh");
    donations_.open(o_.out + "/donations.csv");
    disbursements_.open(o_.out + "/disbursements.csv");
    setup_ << "# Generated by cfund_generate (seed " << o_.seed << "): before the import.\n";
    finish_ << "# Generated by cfund_generate (seed " << o_.seed << "): after the import.\n";
    donations_ << "date,amount,donor,donor_type,anonymous,reference,account,designation,memo\n";
    disbursements_
        << "date,amount,payee,category,purpose,beneficiary,approval_ref,reference,account,designation,memo\n";
  }

  void close_outputs() {
    for (auto* out : {&commands_, &setup_, &finish_, &donations_, &disbursements_}) {
      if (!out->is_open()) continue;
      out->close();
      if (!*out) {
        std::cerr << "cfund_generate: cannot write into " << o_.out << "\n";
        std::exit(1);
      }
    }
  }

  // A command that records `entries` entries; in import mode it goes before or after the import.
  void command(const std::string& line, int entries, bool after_import = false) {
    next_entry_ += entries;
    if (o_.commands) {
      commands_ << "cfund " << line << "\n";
    } else {
      (after_import ? finish_ : setup_) << "cfund " << line << "\n";
    }
  }

  std::string person() { return random_.pick(kSurnames) + random_.pick(kGiven); }
  std::string firm() { return random_.pick(kPlaces) + random_.pick(kTrades) + random_.pick(kFirmForms); }

  // A donor of the shape's pool: donors_permille of the donations make the pool, firms
  // and individuals in the shape's proportion; half the gifts come from the first fifth
  // of each pool (the regulars). Pool members have distinct names.
  std::string regular_donor(bool organisation) {
    const long pool = std::max<long>(1, o_.donations * o_.shape.donors_permille / 1000);
    const long firms = std::max<long>(1, pool * o_.shape.firms_permille / 1000);
    const long size = organisation ? firms : std::max<long>(1, pool - firms);
    const long regulars = std::max<long>(1, size / 5);
    const long index =
        static_cast<long>(random_.below(static_cast<std::uint64_t>(random_.chance(500) ? regulars : size)));
    return organisation ? firm_named(index) : person_named(index);
  }

  // The index-th of all the names the lists make, in a scrambled but one-to-one order.
  static std::uint64_t scrambled(long index, std::uint64_t combinations) {
    return (static_cast<std::uint64_t>(index) * 1000003ULL + 7) % combinations;  // 1000003 is prime
  }
  std::string person_named(long index) const {
    const auto& chars = given_chars();
    const std::uint64_t n = chars.size();
    std::uint64_t k = scrambled(index, kSurnames.size() * n * (n + 1));
    std::string name = kSurnames[k % kSurnames.size()];
    k /= kSurnames.size();
    name += chars[k % n];
    k /= n;
    if (k < n) name += chars[k];  // k == n: a one-character given name
    return name;
  }
  std::string firm_named(long index) const {
    const auto& chars = given_chars();
    const std::uint64_t n = chars.size();
    std::uint64_t k = scrambled(index, kPlaces.size() * n * n * kTrades.size() * kFirmForms.size());
    std::string name = kPlaces[k % kPlaces.size()];
    k /= kPlaces.size();
    name += chars[k % n];
    k /= n;
    name += chars[k % n];
    k /= n;
    name += kTrades[k % kTrades.size()];
    k /= kTrades.size();
    return name + kFirmForms[k % kFirmForms.size()];
  }
  // The characters of kGivenChars, each once.
  static const std::vector<std::string>& given_chars() {
    static const std::vector<std::string> chars = [] {
      std::vector<std::string> list;
      const std::string all = kGivenChars;
      for (std::size_t i = 0; i < all.size();) {
        const auto lead = static_cast<unsigned char>(all[i]);
        const std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        const std::string c = all.substr(i, length);
        if (std::find(list.begin(), list.end(), c) == list.end()) list.push_back(c);
        i += length;
      }
      return list;
    }();
    return chars;
  }

  void register_beneficiaries() {
    const long count = std::clamp<long>(o_.donations / 300, 12, 1000);
    for (long i = 0; i < count; ++i) {
      const std::string category = random_.pick(kBeneficiaryCategories);
      command(fmt::format("beneficiary add --name {} --category {} --phone 139{:08d}", person(), category,
                          random_.below(100000000)),
              1);
      beneficiaries_.push_back({category, -1000});
    }
  }

  // The day's project steps, in lifecycle order.
  void project_steps(long day) {
    for (auto& p : projects_) {
      const std::string date = iso(day);
      if (p.propose == day) {
        command(fmt::format("project propose {} --code {} --category {} --budget {} --proposer 凤凰社区居民 --date {}",
                            p.name, p.code, p.category, yuan(p.budget), date),
                1);
      }
      if (p.review == day) command(fmt::format("project review {} --date {}", p.code, date), 1);
      if (p.approve == day) {
        command(fmt::format("project approve {} --decision 议-{}-{:02d} --date {}", p.code, civil_from_days(day).y,
                            ++decisions_, date),
                1);
      }
      if (p.reject == day) {
        command(fmt::format("project reject {} --reason 与街道同类项目重复 --date {}", p.code, date), 1);
      }
      if (p.start == day) command(fmt::format("project start {} --date {}", p.code, date), 1);
      if (p.complete == day) command(fmt::format("project complete {} --date {}", p.code, date), 1, true);
      if (p.evaluate == day) {
        command(
            fmt::format("project evaluate {} --summary 按计划完成，居民满意 --people-served {} --score {} --date {}",
                        p.code, 50 + random_.below(400), 4 + random_.below(2), date),
            1, true);
      }
      if (p.close == day) {
        const Fen remainder = designation_[p.code];
        if (remainder > 0) {
          command(fmt::format("project close {} --return-to general --approval 议-{}-{:02d} --date {}", p.code,
                              civil_from_days(day).y, ++decisions_, date),
                  2, true);
          designation_["general"] += remainder;
          designation_[p.code] = 0;
        } else {
          command(fmt::format("project close {} --date {}", p.code, date), 1, true);
        }
      }
    }
  }

  // Amounts skewed small: most gifts are a few dozen yuan, a few are large.
  Fen donation_amount(bool organisation) {
    const std::size_t band = organisation ? random_.weighted({30, 40, 25, 5}) : random_.weighted({60, 30, 9, 1});
    static const std::array<std::pair<Fen, Fen>, 4> bands = {{{1, 100}, {100, 1000}, {1000, 10000}, {10000, 100000}}};
    Fen whole = random_.between(bands[band].first, bands[band].second);
    if (band > 0 && random_.chance(700)) whole = whole / 10 * 10;  // round sums
    Fen fen = whole * 100;
    if (band == 0 && random_.chance(300)) fen += random_.between(1, 99);  // 6.66, 8.88 by phone
    return fen;
  }

  void donation(long day) {
    // A shape (--shape) sets the share of firms and draws donors from a pool; classic
    // keeps the fund's mix (--vary) and the short name lists.
    const Shape& shape = o_.shape;
    const bool organisation = random_.chance(shape.donors_permille > 0 ? shape.firms_permille : mix_.organisations);
    const bool anonymous = !organisation && random_.chance(mix_.anonymous);
    const std::string donor = anonymous                   ? ""
                              : shape.donors_permille > 0 ? regular_donor(organisation)
                              : organisation              ? firm()
                                                          : person();
    const Fen amount = donation_amount(organisation);
    const std::size_t account =
        organisation ? random_.weighted({85, 0, 5, 5, 5}) : random_.weighted(mix_.person_accounts);
    // General fund 60%, special funds 25%, projects open for money 15%.
    std::string designation;
    const std::size_t where = random_.weighted({60, 25, 15});
    if (where == 1) designation = random_.pick(kSpecials).code;
    if (where == 2) {
      std::vector<const Project*> open;
      for (const auto& p : projects_) {
        if (p.propose != 0 && p.propose <= day && day < p.money_until(last_day_) && p.reject == 0) open.push_back(&p);
      }
      if (!open.empty()) designation = random_.pick(open)->code;
    }
    std::string reference = fmt::format("{}{}{:08d}", kAccounts[account].prefix, compact(day), ++references_);
    if (shape.references_permille < 1000 && !random_.chance(shape.references_permille)) reference.clear();
    const std::string memo = random_.chance(30) ? "春节慰问" : random_.chance(30) ? "99公益日" : "";
    balance_[account] += amount;
    designation_[designation.empty() ? "general" : designation] += amount;

    if (!o_.commands) {
      donations_ << iso(day) << "," << yuan(amount) << "," << donor << ","
                 << (organisation ? "organisation" : "individual") << "," << (anonymous ? 1 : 0) << "," << reference
                 << "," << kAccounts[account].code << "," << designation << "," << memo << "\n";
      return;
    }
    std::string line = "donate add";
    if (anonymous) {
      line += " --anonymous";
    } else {
      line += " --donor " + donor;
      if (organisation) line += " --donor-type organisation";
    }
    line += fmt::format(" --amount {} --account {} --date {} --ref {}", yuan(amount), kAccounts[account].code, iso(day),
                        reference);
    if (!designation.empty()) line += " --to " + designation;
    if (!memo.empty()) line += " --memo " + memo;
    const std::int64_t id = next_entry_ + 1;
    command(line, 1);
    if (random_.chance(15)) {  // entered wrongly, voided the same day
      command(fmt::format("donate void {} --reason 金额录错 --date {}", id, iso(day)), 1);
      balance_[account] -= amount;
      designation_[designation.empty() ? "general" : designation] -= amount;
    } else if (random_.chance(20)) {
      command(fmt::format("donate host-receipt {} LJCS-{}-{:05d}", id, civil_from_days(day).y, ++host_receipts_), 1);
    }
  }

  void goods(long day) {
    const std::string designation = random_.pick(kSpecials).code;
    const auto quantity = 5 + random_.below(30);
    command(fmt::format("donate add --donor {} --donor-type organisation --goods --item 大米 --quantity {} --unit 袋 "
                        "--value {} --to {} --date {}",
                        firm(), quantity, yuan(random_.between(200, 3000) * 100), designation, iso(day)),
            1);
    rice_ += static_cast<long>(quantity);
  }

  // Commands mode: the rest of a fund's economy. Quarterly bank interest and a fee, a
  // yearly town grant and matching funds for the 99 giving day, rice given out to
  // beneficiaries or sold at a charity sale, never more than is in stock.
  void economy(long day) {
    if (!o_.commands) return;
    const auto date = civil_from_days(day);
    if (date.d == 21 && date.m % 3 == 0) {
      const Fen interest = random_.between(500, 9000);
      command(fmt::format("income add --kind interest --source 临江农商银行 --amount {} --account bank --date {} "
                          "--ref JX{}{:02d}",
                          yuan(interest), iso(day), date.y, date.m),
              1);
      balance_[0] += interest;
      designation_["general"] += interest;
      if (designation_["general"] >= 500 && balance_[0] >= 500) {
        command(fmt::format("disburse add --amount 5 --account bank --category fee --payee 临江农商银行 "
                            "--purpose 网银年费 --date {}",
                            iso(day)),
                1);
        balance_[0] -= 500;
        designation_["general"] -= 500;
      }
    }
    if (date.m == 3 && date.d == 2) {
      const Fen grant = random_.between(100, 400) * 10000;
      command(fmt::format("income add --kind grant --source 临江街道办事处 --amount {} --account bank --date {}",
                          yuan(grant), iso(day)),
              1);
      balance_[0] += grant;
      designation_["general"] += grant;
    }
    if (date.m == 9 && date.d == 20) {
      const Fen matching = random_.between(20, 80) * 10000;
      command(fmt::format("income add --kind matching --source 临江街道慈善会 --amount {} --account bank --to elderly "
                          "--matches 99公益日 --date {}",
                          yuan(matching), iso(day)),
              1);
      balance_[0] += matching;
      designation_["elderly"] += matching;
    }
    if (rice_ > 10 && random_.chance(15)) {
      const long quantity = 1 + static_cast<long>(random_.below(static_cast<std::uint64_t>(rice_ / 2)));
      if (random_.chance(300)) {
        command(fmt::format("goods sell --item 大米 --quantity {} --amount {} --account cash --buyer 社区义卖会 "
                            "--date {}",
                            quantity, yuan(quantity * 5000), iso(day)),
                1);
        balance_[1] += quantity * 5000;
        designation_["general"] += quantity * 5000;
      } else {
        command(
            fmt::format("goods give --item 大米 --quantity {} --to-beneficiary B{:04d} --purpose 节日慰问 --date {}",
                        quantity, 1 + random_.below(beneficiaries_.size()), iso(day)),
            1);
      }
      rice_ -= quantity;
    }
  }

  // One payment, if the books can afford it; returns whether one was written.
  bool disbursement(long day) {
    const std::size_t category = random_.weighted(mix_.categories);
    std::string designation = "general";
    std::string category_code, payee, purpose, beneficiary;
    Fen amount = 0;
    Project* project = nullptr;
    std::size_t helped = 0;
    long helped_before = 0;
    if (category == 0) {
      category_code = "relief";
      // The beneficiary longest without relief, if the window allows.
      std::size_t chosen = 0;
      for (std::size_t i = 1; i < beneficiaries_.size(); ++i) {
        if (beneficiaries_[i].second < beneficiaries_[chosen].second) chosen = i;
      }
      if (day - beneficiaries_[chosen].second < kReliefWindow) return false;
      const std::string& kind = beneficiaries_[chosen].first;
      if (kind == "独居老人") designation = "elderly";
      if (kind == "困难学生") designation = "students";
      if (kind == "残疾人") designation = "disability";
      if (kind == "大病患者") designation = "medical";
      if (designation_[designation] < 20000) designation = "general";
      amount = random_.between(5, 50) * 10000;
      if (random_.chance(50)) amount = random_.between(100, 300) * 10000;  // a serious illness
      beneficiary = fmt::format("B{:04d}", chosen + 1);
      purpose = kind == "困难学生" ? "助学金" : kind == "大病患者" ? "医疗救助金" : "生活救助金";
      helped = chosen;
      helped_before = beneficiaries_[chosen].second;
      beneficiaries_[chosen].second = day;
    } else if (category == 1) {
      category_code = "project";
      std::vector<Project*> spending;
      for (auto& p : projects_) {
        if (p.approve != 0 && p.approve <= day && (p.complete == 0 || day < p.complete) && p.spent < p.budget &&
            designation_[p.code] > 0) {
          spending.push_back(&p);
        }
      }
      if (spending.empty()) return false;
      project = spending[random_.below(spending.size())];
      designation = project->code;
      amount = std::min<Fen>(
          {random_.between(10, 1500) * 1000, project->budget - project->spent, designation_[designation]});
      payee = firm();
      purpose = project->name + (random_.chance(500) ? "材料费" : "服务费");
    } else {
      category_code = category == 2 ? "management" : "fundraising";
      amount = random_.between(5, 120) * 1000;
      payee = category == 2 ? random_.pick(kPlaces) + "印务有限公司" : random_.pick(kPlaces) + "文化传播有限公司";
      purpose = category == 2 ? "公示栏海报印制" : "99公益日宣传物料";
    }
    // Paid from the bank, small relief in cash, else whichever account holds enough.
    std::size_t account = 0;
    if (category == 0 && amount <= 50000 && balance_[1] >= amount) account = 1;
    if (balance_[account] < amount) {
      for (std::size_t i = 0; i < kAccounts.size(); ++i) {
        if (balance_[i] >= amount) {
          account = i;
          break;
        }
      }
    }
    if (amount <= 0 || balance_[account] < amount || designation_[designation] < amount) {
      if (category == 0) beneficiaries_[helped].second = helped_before;
      return false;
    }
    balance_[account] -= amount;
    designation_[designation] -= amount;
    if (project != nullptr) project->spent += amount;
    const std::string approval =
        amount > kThreshold ? fmt::format("议-{}-{:02d}", civil_from_days(day).y, ++decisions_ % 90 + 10) : "";
    const std::string reference = fmt::format("PAY{}{:08d}", compact(day), ++references_);
    const std::string shown_designation = designation == "general" ? "" : designation;

    if (!o_.commands) {
      disbursements_ << iso(day) << "," << yuan(amount) << "," << payee << "," << category_code << "," << purpose << ","
                     << beneficiary << "," << approval << "," << reference << "," << kAccounts[account].code << ","
                     << shown_designation << ",\n";
      return true;
    }
    std::string line =
        fmt::format("disburse add --amount {} --account {} --category {} --purpose {} --date {} --ref {}", yuan(amount),
                    kAccounts[account].code, category_code, purpose, iso(day), reference);
    if (!shown_designation.empty()) line += " --from " + shown_designation;
    if (!beneficiary.empty()) line += " --beneficiary " + beneficiary;
    if (!payee.empty()) line += " --payee " + payee;
    if (!approval.empty()) line += " --approval " + approval;
    const std::int64_t id = next_entry_ + 1;
    command(line, 1);
    if (random_.chance(20)) {  // paid twice by mistake, voided two days later
      command(fmt::format("disburse void {} --reason 重复支付已退回 --date {}", id, iso(day + 2)), 1);
      pending_refunds_.push_back({day + 2, account, designation, amount});
    }
    return true;
  }

  // Cash goes to the bank every week; now and then the council re-purposes money.
  void movements(long day) {
    if (!o_.commands) return;
    if (civil_from_days(day).d % 7 == 0 && balance_[1] > 200000) {
      const Fen amount = balance_[1] / 100 * 80;
      command(fmt::format("transfer --from cash --to bank --amount {} --date {} --memo 现金存入银行", yuan(amount),
                          iso(day)),
              1);
      balance_[1] -= amount;
      balance_[0] += amount;
    }
    if (civil_from_days(day).d == 15 && civil_from_days(day).m % 4 == 0 && designation_["medical"] > 100000) {
      const Fen amount = designation_["medical"] / 1000 * 300;
      command(fmt::format("reallocate --from medical --to elderly --amount {} --reason 捐赠人同意改用于独居老人 "
                          "--approval 议-{}-{:02d} --date {}",
                          yuan(amount), civil_from_days(day).y, ++decisions_ % 90 + 10, iso(day)),
              1);
      designation_["medical"] -= amount;
      designation_["elderly"] += amount;
    }
  }

  void simulate() {
    const long first = day_of(2023, 1, 1);
    last_day_ = day_of(2025, 12, 31);
    const long days = last_day_ - first + 1;
    // Spread the donations over the days: every day gets its share, and the
    // remainder goes to days drawn at random (more around Spring Festival and 99 Giving Day).
    std::vector<long> per_day = o_.shape.festive_months ? festive_days(first, days) : even_days(days);
    double owed_payments = 0;
    for (long day = first; day <= last_day_; ++day) {
      project_steps(day);
      settle_refunds(day);
      const long count = per_day[static_cast<std::size_t>(day - first)];
      for (long i = 0; i < count; ++i) donation(day);
      if (o_.commands && random_.chance(20)) goods(day);
      economy(day);
      owed_payments += 0.15 * static_cast<double>(count);
      for (int tries = 0; owed_payments >= 1.0 && tries < 50; ++tries) {
        if (disbursement(day)) owed_payments -= 1.0;
      }
      movements(day);
    }
  }

  std::vector<long> even_days(long days) {
    std::vector<long> per_day(static_cast<std::size_t>(days), o_.donations / days);
    for (long left = o_.donations % days; left > 0; --left) {
      per_day[random_.below(static_cast<std::uint64_t>(days))] += 1;
    }
    return per_day;
  }

  // Each day's share by weight: January and February (Spring Festival) twice an
  // ordinary day, 7–9 September (99 Giving Day) eight times, the rest of September
  // one and a half, December 1.3; the remainder to days drawn at random.
  std::vector<long> festive_days(long first, long days) {
    std::vector<long> weight(static_cast<std::size_t>(days));
    long total = 0;
    for (long i = 0; i < days; ++i) {
      const Day c = civil_from_days(first + i);
      long w = 10;
      if (c.m <= 2) w = 20;
      if (c.m == 9) w = (c.d >= 7 && c.d <= 9) ? 80 : 15;
      if (c.m == 12) w = 13;
      weight[static_cast<std::size_t>(i)] = w;
      total += w;
    }
    std::vector<long> per_day(static_cast<std::size_t>(days));
    long given = 0;
    for (std::size_t i = 0; i < per_day.size(); ++i) {
      per_day[i] = o_.donations * weight[i] / total;
      given += per_day[i];
    }
    for (long left = o_.donations - given; left > 0; --left) {
      per_day[random_.below(static_cast<std::uint64_t>(days))] += 1;
    }
    return per_day;
  }

  // A void of a payment gives the money back on its own date.
  void settle_refunds(long day) {
    for (auto it = pending_refunds_.begin(); it != pending_refunds_.end();) {
      if (it->day > day) {
        ++it;
        continue;
      }
      balance_[it->account] += it->amount;
      designation_[it->designation] += it->amount;
      for (auto& p : projects_) {
        if (p.code == it->designation) p.spent -= it->amount;
      }
      it = pending_refunds_.erase(it);
    }
  }

  struct Refund {
    long day;
    std::size_t account;
    std::string designation;
    Fen amount;
  };

  Options o_;
  Random random_;
  Mix mix_;
  std::vector<Project> projects_;
  std::vector<std::pair<std::string, long>> beneficiaries_;  // category, day of the last relief
  std::array<Fen, 5> balance_{};
  std::map<std::string, Fen> designation_;
  std::vector<Refund> pending_refunds_;
  long last_day_ = 0;
  std::int64_t next_entry_ = 1;  // the last entry id the commands so far have recorded (1: init's setup)
  long references_ = 0;
  int decisions_ = 0;
  int host_receipts_ = 0;
  long rice_ = 0;  // bags of rice in stock (commands mode)
  std::ofstream commands_, setup_, finish_, donations_, disbursements_;
};

}  // namespace

int main(int argc, char** argv) {
  Generator(parse(argc, argv)).run();
  return 0;
}

#include "model/types.hpp"

#include <algorithm>

namespace cfund::model {

bool is_account_kind(const std::string& kind) {
  return std::find(kAccountKinds.begin(), kAccountKinds.end(), kind) != kAccountKinds.end();
}

Message account_kind_name(const std::string& kind) {
  if (kind == "bank") return {"银行账户", "bank account"};
  if (kind == "cash") return {"现金", "cash"};
  if (kind == "wechat") return {"微信支付", "WeChat Pay"};
  if (kind == "alipay") return {"支付宝", "Alipay"};
  if (kind == "other") return {"其他", "other"};
  return {kind, kind};
}

}  // namespace cfund::model

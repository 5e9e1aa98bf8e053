#include "model/types.hpp"

#include <algorithm>

namespace cfund::model {

bool is_account_kind(const std::string& kind) {
  return std::find(kAccountKinds.begin(), kAccountKinds.end(), kind) != kAccountKinds.end();
}

}  // namespace cfund::model

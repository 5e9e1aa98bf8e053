#pragma once
// A message in both of the languages cfund speaks. The library builds messages in
// both; the command line picks one when it prints (Chinese unless --lang en).

#include <string>
#include <utility>

#include <fmt/format.h>

namespace cfund {

enum class Lang { zh, en };

struct Message {
  std::string zh;
  std::string en;

  const std::string& in(Lang lang) const { return lang == Lang::en ? en : zh; }
};

// Formats both templates with the same arguments. Use indexed fields ({0}, {1})
// where the two languages order them differently.
template <typename... Args>
Message bilingual(std::string_view zh, std::string_view en, Args&&... args) {
  return Message{fmt::format(fmt::runtime(zh), args...), fmt::format(fmt::runtime(en), args...)};
}

}  // namespace cfund

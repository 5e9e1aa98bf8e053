#pragma once
// Small pieces every list view shares (books_views, economy_views). Private to lib/render.

#include <cstdint>
#include <optional>
#include <string>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "model/types.hpp"
#include "util/message.hpp"

namespace cfund::render::detail {

inline std::string pick(Lang lang, const char* zh, const char* en) { return lang == Lang::en ? en : zh; }

inline std::string voided_mark(const std::optional<std::int64_t>& voided_by, Lang lang) {
  if (!voided_by) return "";
  return lang == Lang::en ? fmt::format("voided by #{}", *voided_by) : fmt::format("已红冲(#{})", *voided_by);
}

// The general fund is created by cfund with a Chinese name; English readers get theirs.
inline std::string designation_shown(const std::string& code, const std::string& name, Lang lang) {
  return lang == Lang::en && code == model::kGeneralFund ? "General fund" : name;
}

inline nlohmann::json optional_json(const std::optional<std::int64_t>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

}  // namespace cfund::render::detail

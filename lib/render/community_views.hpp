#pragma once
// How the community side's lists are shown to the community worker: as aligned text
// (in Chinese or English) or as JSON for scripts. Beneficiaries and households appear
// masked, volunteers' phones too, except in a registry's own --full view.

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "books/community.hpp"
#include "books/households.hpp"
#include "books/points.hpp"
#include "books/volunteers.hpp"
#include "model/community.hpp"
#include "util/message.hpp"

namespace cfund::render {

std::string wishes_text(const std::vector<model::Wish>& wishes, Lang lang);
nlohmann::json wishes_json(const std::vector<model::Wish>& wishes);

std::string volunteers_text(const std::vector<model::Volunteer>& volunteers, bool full, Lang lang);
nlohmann::json volunteers_json(const std::vector<model::Volunteer>& volunteers, bool full);

std::string services_text(const std::vector<model::Service>& rows, Lang lang);
nlohmann::json services_json(const std::vector<model::Service>& rows);
std::string service_import_text(const books::ServiceImportReport& report, Lang lang);
nlohmann::json service_import_json(const books::ServiceImportReport& report);

std::string points_account_text(const books::PointsAccount& account, const std::string& date, Lang lang);
nlohmann::json points_account_json(const books::PointsAccount& account, const std::string& date);
std::string points_list_text(const std::vector<books::PointsAccount>& accounts, const std::string& date, Lang lang);
nlohmann::json points_list_json(const std::vector<books::PointsAccount>& accounts, const std::string& date);

std::string households_text(const std::vector<books::HouseholdView>& households, bool full, Lang lang);
nlohmann::json households_json(const std::vector<books::HouseholdView>& households, bool full);

// `cfund fund show`: the community side at a glance, after the money (nothing for a
// fund that records none of it and has no points rules).
std::string community_overview_text(const books::CommunityOverview& view, Lang lang);
nlohmann::json community_overview_json(const books::CommunityOverview& view);

// The points rules of the fund, in words: 每捐 1 元得 1 分；每服务 1 小时得 10 分；积分 24 个月后过期.
std::string points_rules_text(const model::PointsSettings& rules, Lang lang);

}  // namespace cfund::render

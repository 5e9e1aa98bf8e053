#pragma once
// The lists of the kinds beyond donations and payments (`cfund income list`,
// `cfund opening list`, `cfund goods list`, `cfund goods stock`), as aligned text in
// the reader's language or as JSON for scripts. Goods given to a beneficiary show the
// beneficiary masked, as payments do.

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/types.hpp"
#include "util/message.hpp"

namespace cfund::render {

std::string income_text(const std::vector<model::IncomeRow>& rows, Lang lang);
nlohmann::json income_json(const std::vector<model::IncomeRow>& rows);

std::string openings_text(const std::vector<model::OpeningRow>& rows, Lang lang);
nlohmann::json openings_json(const std::vector<model::OpeningRow>& rows);

std::string goods_text(const std::vector<model::GoodsMovement>& rows, Lang lang);
nlohmann::json goods_json(const std::vector<model::GoodsMovement>& rows);

std::string stock_text(const std::vector<model::StockLine>& stock, const std::string& date, Lang lang);
nlohmann::json stock_json(const std::vector<model::StockLine>& stock, const std::string& date);

}  // namespace cfund::render

#include <catch2/catch.hpp>

#include <string>

#include <nlohmann/json.hpp>

#include "render/books_views.hpp"

using cfund::render::JsonListText;

// `donate list --json` writes its rows one at a time; scripts read the same bytes the
// whole array's dump(2) gave.
TEST_CASE("a JSON list written a row at a time is the whole array's dump", "[render][lists]") {
  const nlohmann::json rows = {
      {{"entry", 12}, {"donor", "王芳"}, {"memo", "第一行\n第二行"}, {"voided_by", nullptr}},
      {{"entry", 13}, {"nested", {{"a", {1, 2}}, {"b", nlohmann::json::object()}}}, {"empty", ""}},
      nlohmann::json::object(),
  };
  for (std::size_t count = 0; count <= rows.size(); ++count) {
    nlohmann::json whole = nlohmann::json::array();
    JsonListText list;
    for (std::size_t i = 0; i < count; ++i) {
      whole.push_back(rows[i]);
      list.add(rows[i]);
    }
    CHECK(list.finish() == whole.dump(2) + "\n");
  }
}

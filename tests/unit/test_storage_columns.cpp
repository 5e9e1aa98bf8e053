#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include <stdexcept>

#include "fund_fixture.hpp"
#include "storage/columns.hpp"
#include "storage/fund_file.hpp"
#include "storage/row_readers.hpp"

using namespace cfund;
using cfund::testing::TempFund;

TEST_CASE("a column is found by its name, and a select without it or with two is refused", "[storage]") {
  SQLite::Database db(":memory:", SQLite::OPEN_READWRITE);
  SQLite::Statement q(db, "SELECT 1 AS one, 2 AS two, 3 AS three");
  CHECK(storage::column_at(q, "one") == 0);
  CHECK(storage::column_at(q, "three") == 2);
  CHECK_THROWS_AS(storage::column_at(q, "four"), std::logic_error);
  // SQLiteCpp's own lookup would give the second `date` and hide the first.
  SQLite::Statement twice(db, "SELECT 'entry' AS date, 'void' AS date");
  CHECK_THROWS_AS(storage::column_at(twice, "date"), std::logic_error);
}

TEST_CASE("every donation and payment select names each column the readers read, once", "[storage]") {
  TempFund fund;
  auto file = fund.open();
  using storage::detail::RowColumns;
  for (const auto columns : {RowColumns::all, RowColumns::notice, RowColumns::listed}) {
    SQLite::Statement donations(file.db(), storage::detail::donation_select(storage::detail::kAnyVoid, columns));
    CHECK_NOTHROW(storage::detail::DonationColumnsAt(donations));
    SQLite::Statement payments(file.db(), storage::detail::disbursement_select(storage::detail::kAnyVoid, columns));
    CHECK_NOTHROW(storage::detail::DisbursementColumnsAt(payments));
  }
}

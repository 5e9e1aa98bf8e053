#include <catch2/catch.hpp>

#include "books/journal.hpp"
#include "books/verification.hpp"

using namespace cfund;

TEST_CASE("verification codes are short, stable and read back as typed", "[verification]") {
  const std::string code = books::verification_code(books::kGenesisHash);
  REQUIRE(code.size() == 17);
  CHECK(code.rfind("CF-", 0) == 0);
  CHECK(books::verification_code(books::kGenesisHash) == code);
  CHECK(books::verification_code(std::string(63, '0') + "1") != code);
  std::string typed = code.substr(3);
  for (char& c : typed) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  CHECK(books::normalise_verification_code(typed) == code);
  CHECK(books::normalise_verification_code(" " + code + " ") == code);
  CHECK(books::normalise_verification_code("CF-0000-0000-000O") == "CF-0000-0000-0000");
  CHECK(books::normalise_verification_code("CF-1234") == "");
  CHECK(books::normalise_verification_code("CF-UUUU-UUUU-UUUU") == "");
}

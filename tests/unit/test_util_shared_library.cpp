#include <catch2/catch.hpp>

#include <unistd.h>

#include "error.hpp"
#include "util/shared_library.hpp"

using cfund::InputError;
using cfund::util::SharedLibrary;

TEST_CASE("a library opened when needed gives its functions, and says which library and package when it cannot",
          "[util]") {
  SECTION("a function of a library that is there") {
    const SharedLibrary libc("libc.so.6", "libc6");
    const auto own_pid = reinterpret_cast<decltype(&::getpid)>(libc.address("getpid"));
    CHECK(own_pid() == ::getpid());
  }
  SECTION("a library that is not installed") {
    try {
      SharedLibrary("libcfund-not-installed.so.7", "libcfund-not-installed-dev");
      FAIL("no error");
    } catch (const InputError& e) {
      CHECK_THAT(e.message().zh, Catch::Contains("libcfund-not-installed.so.7") &&
                                     Catch::Contains("libcfund-not-installed-dev") && Catch::Contains("make deps"));
      CHECK_THAT(e.message().en, Catch::Contains("cannot open the system library libcfund-not-installed.so.7") &&
                                     Catch::Contains("libcfund-not-installed-dev"));
    }
  }
  SECTION("a function the library lacks") {
    const SharedLibrary libc("libc.so.6", "libc6");
    try {
      libc.address("cfund_no_such_function");
      FAIL("no error");
    } catch (const InputError& e) {
      CHECK_THAT(e.message().zh, Catch::Contains("libc.so.6") && Catch::Contains("cfund_no_such_function"));
      CHECK_THAT(e.message().en, Catch::Contains("has no function cfund_no_such_function"));
    }
  }
}

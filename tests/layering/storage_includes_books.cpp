// A probe that must NOT compile: lib/storage is below lib/books, so its target does
// not see books' headers. The test layering.enforced builds this file with the
// include directories of cfund_storage and expects the compiler to refuse it.
#include "books/journal.hpp"
#include "storage/fund_file.hpp"

int layering_probe() { return 0; }

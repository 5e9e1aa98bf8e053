#include "import/spreadsheet_libraries.hpp"

// The sonames come from the build: CMakeLists.txt reads them from the libraries it found.

namespace cfund::import {

CFUND_DEFINE_LIBRARY(Zip, libzip, CFUND_LIBZIP_SONAME, "libzip-dev", CFUND_ZIP_FUNCTIONS)
CFUND_DEFINE_LIBRARY(Expat, libexpat, CFUND_EXPAT_SONAME, "libexpat1-dev", CFUND_EXPAT_FUNCTIONS)
CFUND_DEFINE_LIBRARY(FreeXl, libfreexl, CFUND_FREEXL_SONAME, "libfreexl-dev", CFUND_FREEXL_FUNCTIONS)

}  // namespace cfund::import

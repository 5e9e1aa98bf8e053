#include "render/writer_libraries.hpp"

// The sonames come from the build: CMakeLists.txt reads them from the libraries it found.

namespace cfund::render {

CFUND_DEFINE_LIBRARY(XlsxWriter, libxlsxwriter, CFUND_XLSXWRITER_SONAME, "libxlsxwriter-dev",
                     CFUND_XLSXWRITER_FUNCTIONS)
CFUND_DEFINE_LIBRARY(QrEncode, libqrencode, CFUND_QRENCODE_SONAME, "libqrencode-dev", CFUND_QRENCODE_FUNCTIONS)

}  // namespace cfund::render

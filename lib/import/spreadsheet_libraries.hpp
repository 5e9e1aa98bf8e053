#pragma once
// The libraries that read spreadsheets, opened the first time a spreadsheet is read
// (util/shared_library.hpp says why): libzip and expat for .xlsx, libfreexl for .xls.
// Call them as libzip().zip_open(...), libexpat().XML_Parse(...), libfreexl().freexl_open(...).

#include <expat.h>
#include <freexl.h>
#include <zip.h>

#include "util/shared_library.hpp"

namespace cfund::import {

// clang-format off
#define CFUND_ZIP_FUNCTIONS(X) \
  X(zip_open) \
  X(zip_discard) \
  X(zip_name_locate) \
  X(zip_stat_init) \
  X(zip_stat) \
  X(zip_fopen) \
  X(zip_fread) \
  X(zip_fclose) \
  X(zip_strerror) \
  X(zip_file_strerror) \
  X(zip_error_init_with_code) \
  X(zip_error_strerror) \
  X(zip_error_fini)
// clang-format on
struct Zip {
  CFUND_ZIP_FUNCTIONS(CFUND_LIBRARY_FUNCTION)
};
const Zip& libzip();

// clang-format off
#define CFUND_EXPAT_FUNCTIONS(X) \
  X(XML_ParserCreate) \
  X(XML_ParserFree) \
  X(XML_SetUserData) \
  X(XML_SetElementHandler) \
  X(XML_SetCharacterDataHandler) \
  X(XML_SetStartDoctypeDeclHandler) \
  X(XML_Parse) \
  X(XML_StopParser) \
  X(XML_ResumeParser) \
  X(XML_GetErrorCode) \
  X(XML_ErrorString) \
  X(XML_GetCurrentLineNumber)
// clang-format on
struct Expat {
  CFUND_EXPAT_FUNCTIONS(CFUND_LIBRARY_FUNCTION)
};
const Expat& libexpat();

// clang-format off
#define CFUND_FREEXL_FUNCTIONS(X) \
  X(freexl_open) \
  X(freexl_close) \
  X(freexl_get_info) \
  X(freexl_get_worksheet_name) \
  X(freexl_select_active_worksheet) \
  X(freexl_worksheet_dimensions) \
  X(freexl_get_cell_value)
// clang-format on
struct FreeXl {
  CFUND_FREEXL_FUNCTIONS(CFUND_LIBRARY_FUNCTION)
};
const FreeXl& libfreexl();

}  // namespace cfund::import

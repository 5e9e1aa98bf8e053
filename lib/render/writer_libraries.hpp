#pragma once
// The libraries that write spreadsheets and draw QR codes, opened the first time a
// notice needs them (util/shared_library.hpp says why): libxlsxwriter for .xlsx,
// libqrencode for the verification code's QR image. Call them as
// libxlsxwriter().workbook_new(...), libqrencode().QRcode_encodeString8bit(...).

#include <qrencode.h>
#include <xlsxwriter.h>

#include "util/shared_library.hpp"

namespace cfund::render {

// clang-format off
#define CFUND_XLSXWRITER_FUNCTIONS(X) \
  X(workbook_new) \
  X(workbook_new_opt) \
  X(workbook_set_properties) \
  X(workbook_add_format) \
  X(workbook_add_worksheet) \
  X(workbook_close) \
  X(worksheet_write_string) \
  X(worksheet_write_number) \
  X(worksheet_set_column) \
  X(worksheet_freeze_panes) \
  X(format_set_bold) \
  X(format_set_font_size) \
  X(format_set_bg_color) \
  X(format_set_num_format) \
  X(format_set_bottom) \
  X(lxw_strerror)
// clang-format on
struct XlsxWriter {
  CFUND_XLSXWRITER_FUNCTIONS(CFUND_LIBRARY_FUNCTION)
};
const XlsxWriter& libxlsxwriter();

// clang-format off
#define CFUND_QRENCODE_FUNCTIONS(X) \
  X(QRcode_encodeString8bit) \
  X(QRcode_free)
// clang-format on
struct QrEncode {
  CFUND_QRENCODE_FUNCTIONS(CFUND_LIBRARY_FUNCTION)
};
const QrEncode& libqrencode();

}  // namespace cfund::render

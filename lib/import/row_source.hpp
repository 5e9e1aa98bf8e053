#pragma once
// Private to lib/import: where the rows of a statement come from. A CSV file (libcsv,
// iconv), an .xlsx workbook (libzip + expat, the sheet streamed) or a legacy .xls
// workbook (libfreexl) each yield the same raw rows — every cell as text, in column
// order, with the line (CSV) or sheet row number it came from — so that the reader
// (reader.cpp) applies an import profile the same way to all of them.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "import/reader.hpp"

namespace cfund::import {

// A row as its source hands it over. The strings are reused from row to row.
struct RawRow {
  int line = 0;  // CSV: the physical line the row starts on; spreadsheets: the sheet's row number
  std::vector<std::string> fields;
  std::size_t count = 0;
  std::string_view cell(std::size_t i) const { return i < count ? std::string_view(fields[i]) : std::string_view(); }
  // Sets cell i (growing the row with empty cells as needed).
  void set(std::size_t i, std::string_view text);
  void clear() { count = 0; }
};

// A bad row the source found itself (malformed CSV, a file cut off inside a quote).
struct SourceProblem {
  int line = 0;
  Message why;
};

class RowSource {
 public:
  virtual ~RowSource() = default;
  // The next row; nullptr at the end. The row stays valid until the next call.
  virtual RawRow* next() = 0;
  // Problems found since the last call (only reported once the table has begun).
  virtual std::vector<SourceProblem> take_problems() { return {}; }
  // How far along the file the reading is, in bytes of the file's size, for a progress bar.
  virtual std::uint64_t bytes_consumed() const = 0;
  // CSV: the physical lines read so far; a spreadsheet: the last row number read.
  virtual int lines() const = 0;
  // Told once the header row has been read: later problems are bad rows.
  virtual void table_started() {}
};

// Opens the file, works out what it is from its first bytes (a zip: .xlsx; an OLE
// compound file: .xls, or a password-protected .xlsx; else text: CSV) and fills the
// summary's format, sheet, sha256, bytes and (for CSV) encoding. `sheet` picks a
// worksheet by name ("" = the first); it must be "" for a CSV file. Throws InputError
// naming the file for anything it cannot read.
std::unique_ptr<RowSource> open_row_source(const std::string& path, std::size_t chunk_bytes, const std::string& sheet,
                                           ReadSummary& summary);

std::unique_ptr<RowSource> open_csv_source(const std::string& path, std::size_t chunk_bytes, ReadSummary& summary);
std::unique_ptr<RowSource> open_xlsx_source(const std::string& path, const std::string& sheet, ReadSummary& summary);
std::unique_ptr<RowSource> open_xls_source(const std::string& path, const std::string& sheet, ReadSummary& summary);

// "wechat.xlsx" and "wechat.xlsx 工作表“Sheet1”" alike: how messages name the place.
Message file_and_sheet(const std::string& path, const std::string& sheet);

// The error for an encrypted workbook (a password set in Excel or WPS).
Message password_protected(const std::string& path);

// The error for a sheet that is not in the workbook, listing those that are.
Message missing_sheet(const std::string& path, const std::string& sheet, const std::vector<std::string>& sheets);

}  // namespace cfund::import

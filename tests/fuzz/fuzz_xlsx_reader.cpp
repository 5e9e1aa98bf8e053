// Fuzz target: the .xlsx reader (libzip + expat) behind the statement reader. The
// first byte picks the built-in profile; when its high bit is set, the rest is a
// worksheet's XML, packed here into an otherwise valid workbook (shared strings and
// date styles included), so that the fuzzer works on the sheet parser rather than on
// the zip container; else the rest is the whole file. Every row it returns is clean;
// every bad row names its line; everything else is an InputError naming the file.

#include <zip.h>

#include <string>

#include "statement_checks.hpp"

namespace {

const char* const kParts[][2] = {
    {"[Content_Types].xml",
     "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"},
    {"_rels/.rels",
     "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" "
     "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
     "Target=\"xl/workbook.xml\"/></Relationships>"},
    {"xl/workbook.xml",
     "<workbook xmlns:r=\"r\"><sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"},
    {"xl/_rels/workbook.xml.rels",
     "<Relationships><Relationship Id=\"rId1\" Type=\"x/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
     "<Relationship Id=\"rId2\" Type=\"x/sharedStrings\" Target=\"sharedStrings.xml\"/>"
     "<Relationship Id=\"rId3\" Type=\"x/styles\" Target=\"styles.xml\"/></Relationships>"},
    {"xl/sharedStrings.xml",
     "<sst><si><t>交易时间</t></si><si><t>金额(元)</t></si><si><t>收/支</t></si><si><t>交易单号</t></si>"
     "<si><t>收入</t></si><si><t>日期</t></si><si><t>金额</t></si><si><r><t>张</t></r><r><t>伟</t></r></si></sst>"},
    {"xl/styles.xml",
     "<styleSheet><numFmts><numFmt numFmtId=\"164\" formatCode=\"yyyy-mm-dd hh:mm:ss\"/></numFmts>"
     "<cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"164\"/><xf numFmtId=\"21\"/></cellXfs>"
     "</styleSheet>"},
};

// Packs the sheet's XML into a workbook at path; false if libzip refuses.
bool pack_workbook(const std::string& path, const std::uint8_t* sheet, std::size_t size) {
  int error = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  if (archive == nullptr) return false;
  auto add = [archive](const char* name, const void* data, std::size_t length) {
    zip_source_t* source = zip_source_buffer(archive, data, length, 0);
    if (source != nullptr && zip_file_add(archive, name, source, ZIP_FL_ENC_UTF_8) < 0) zip_source_free(source);
  };
  for (const auto& part : kParts) add(part[0], part[1], std::char_traits<char>::length(part[1]));
  add("xl/worksheets/sheet1.xml", sheet, size);
  if (zip_close(archive) == 0) return true;
  zip_discard(archive);
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const auto names = cfund::config::builtin_import_profiles();
  if (size == 0) return 0;
  const auto profile = cfund::config::load_import_profile(names[data[0] % names.size()]);
  cfund::fuzz::InputFile file(data + 1, size - 1, ".xlsx");
  if ((data[0] & 0x80) != 0 && !pack_workbook(file.path(), data + 1, size - 1)) return 0;
  cfund::fuzz::read_and_check(file.path(), profile, true);
  return 0;
}

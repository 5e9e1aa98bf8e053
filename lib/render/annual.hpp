#pragma once
// The annual accounts and work report (report/annual.hpp) in one language, as the
// sections and tables of a NoticeDocument, so that the notice's Markdown, CSV and
// print HTML renderers lay it out as they lay out a notice; annual_xlsx.cpp writes
// the same document as a workbook with one sheet per statement. All the words of the
// annual report, in Chinese and English, live in annual_document.cpp.

#include <string>
#include <vector>

#include "render/notice_document.hpp"
#include "report/annual.hpp"

namespace cfund::render {

NoticeDocument annual_document(const report::AnnualModel& model, Lang lang);

// One sheet per section (业务活动表, 资产负债表, 现金流量表, 年度工作报告), its tables one
// under another; amounts as numbers. Throws std::runtime_error if libxlsxwriter fails.
std::vector<RenderedFile> annual_xlsx(const NoticeDocument& doc);

// The formats by name: md, csv, html, xlsx. CSV is one file per table
// (annual-2025-activities.csv, ...), the others one file each (annual-2025.md).
inline const std::vector<std::string> kAnnualFormats = {"md", "csv", "html", "xlsx"};
std::vector<RenderedFile> render_annual(const NoticeDocument& doc, const std::string& format);

}  // namespace cfund::render

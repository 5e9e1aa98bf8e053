#pragma once
// The roll-up of many funds (report/rollup.hpp) in one language, as the sections and
// tables of a NoticeDocument, so that the notice's Markdown, CSV, print HTML and
// workbook renderers lay it out. All the roll-up's words, in Chinese and English,
// live in rollup_document.cpp.

#include <string>
#include <vector>

#include "render/notice_document.hpp"
#include "report/rollup.hpp"

namespace cfund::render {

NoticeDocument rollup_document(const report::RollupModel& model, Lang lang);

// The formats by name: md, csv (one file per table), html, xlsx (one sheet per table).
inline const std::vector<std::string> kRollupFormats = {"md", "csv", "html", "xlsx"};
std::vector<RenderedFile> render_rollup(const NoticeDocument& doc, const std::string& format);

// What a fund's status and check say, in a few words ("通过" / "哈希链断裂").
std::string rollup_status_words(const report::FundRollupRow& row, Lang lang);

}  // namespace cfund::render

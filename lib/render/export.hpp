#pragma once
// The export of the journal (report/export.hpp) laid out for other tools: a
// ledger-cli / hledger journal, a beancount file, or JSON. Each writer is a sink that
// writes entries as they come, so a large journal is never held in memory.

#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

#include "report/export.hpp"

namespace cfund::render {

inline const std::vector<std::string> kExportFormats = {"ledger", "beancount", "json"};

std::unique_ptr<report::ExportSink> ledger_writer(std::ostream& out);
std::unique_ptr<report::ExportSink> beancount_writer(std::ostream& out);
std::unique_ptr<report::ExportSink> json_writer(std::ostream& out);

// One of the above by its name in kExportFormats; nullptr for another name.
std::unique_ptr<report::ExportSink> export_writer(const std::string& format, std::ostream& out);

// Text that stays inside one field of a journal line: ';' (a comment in ledger and
// hledger) becomes '；'. Export text is already on one line.
std::string journal_text(const std::string& text);

}  // namespace cfund::render

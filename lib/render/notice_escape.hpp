#pragma once
// Escaping for the notice formats: whatever a name contains (| < > = newlines ...),
// it stays text and cannot break the table or the page around it.

#include <string>
#include <string_view>

namespace cfund::render {

// Markdown: one line; \ | * _ ` [ ] ~ escaped with a backslash (# + - only at the
// start, where they would make a heading or a list); < > & as entities.
// `paragraph`: the text starts a line (a paragraph, a heading), not a table cell.
std::string markdown_escape(std::string_view text, bool paragraph = false);

// HTML text and attribute values: & < > " ' as entities; control characters dropped.
std::string html_escape(std::string_view text);

// A CSV field (RFC 4180, one line). Text fields starting with = + - @ or a tab / CR
// get a leading ' so that Excel and WPS do not run them as formulas; amounts are
// written by the caller as plain numbers and never neutralised.
std::string csv_text_field(std::string_view text);
std::string csv_number_field(std::string_view number);

}  // namespace cfund::render

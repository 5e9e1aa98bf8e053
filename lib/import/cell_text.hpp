#pragma once
// Private to lib/import: a spreadsheet cell's value as the text a CSV export of it
// would hold, so that the profile's parsers (amounts, dates) apply unchanged. Numbers
// stay decimal text (money never goes through a double here); dates stored as serial
// numbers become "2025-03-01 09:12:45".

#include <optional>
#include <string>
#include <string_view>

namespace cfund::import {

// What a cell's number format shows: a plain number, or a date and/or a time.
enum class DateKind { none, date, time, date_time };

// The kind of an .xlsx number format: Excel's built-in ids (14–22 and 45–47, and the
// Chinese built-ins 27–36 and 50–58), or a custom format code read for its y, m, d,
// h and s tokens (quoted text, escaped characters and [..] sections are no tokens).
DateKind number_format_kind(int id, std::string_view code);

// A number's text as a plain decimal: float noise rounded away at 15 significant
// digits (what Excel shows and keeps), trailing zeros and any exponent gone:
// "12.300000000000001" → "12.3", "1.5E+3" → "1500", "-0.50" → "-0.5". Text that is
// not a number comes back unchanged.
std::string decimal_text(std::string_view number);

// An Excel date serial (days since 1899-12-30, with Excel's 1900-02-29; or since
// 1904-01-01) as "YYYY-MM-DD", "HH:MM:SS" or "YYYY-MM-DD HH:MM:SS" for the kind;
// nullopt when the text is no serial a date can have.
std::optional<std::string> serial_date_text(std::string_view serial, DateKind kind, bool date1904);

}  // namespace cfund::import

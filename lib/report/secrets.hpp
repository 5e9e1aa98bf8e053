#pragma once
// What no published or exported text may show in full (SPEC §6): the beneficiaries'
// names, ID numbers, phones and addresses, the names given with anonymous donations,
// households' names and addresses, and volunteers' phones. The notice and the export
// mask free text with these.

#include "privacy/mask.hpp"
#include "storage/fund_file.hpp"

namespace cfund::report {

privacy::Secrets fund_secrets(storage::FundFile& file);

}  // namespace cfund::report

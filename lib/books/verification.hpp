#pragma once
// The verification code (校验码) printed on every notice. It is derived from the
// hash-chain head at the notice's cut-off entry only, so anyone holding the fund
// file can find which entry it stands for (and so which entries the notice covered),
// and any later change to those entries changes the code.

#include <string>

namespace cfund::books {

// "CF-7K3Q-9XW2-M4TD": 12 characters of Crockford base32 taken from
// SHA-256("cfund-notice:" + chain_hash), grouped by four. The empty journal's head
// (kGenesisHash) has a code too.
std::string verification_code(const std::string& chain_hash);

// Accepts a code as a person types it back: any case, with or without the "CF-"
// prefix, dashes and spaces; O/o read as 0 and I/i/L/l as 1 (Crockford). Returns the
// canonical form, or "" when it cannot be a code.
std::string normalise_verification_code(const std::string& typed);

}  // namespace cfund::books

#pragma once
// The privacy rules of SPEC §6, in one place: every output a notice can be made of
// shows beneficiaries only through these functions.

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace cfund::privacy {

// Names keep the first and, for three or more characters, the last character:
// 张三明 → 张*明, 王英 → 王*, 欧阳娜娜 → 欧**娜, "Li Hua" → "L****a" (each hidden
// character becomes one *; a one-character name becomes "*").
std::string mask_name(std::string_view name);

// ID numbers keep at most the first 3 and last 4 characters: 110105194912310021 →
// 110***********0021. Shorter values are masked harder so that at least half is hidden.
std::string mask_id_number(std::string_view id_number);

// Phones keep the first 3 and last 4 digits: 13812345678 → 138****5678. Separators
// (spaces, dashes) are dropped first; short numbers show at most their last 2 digits.
std::string mask_phone(std::string_view phone);

// What must never appear in a published text in full.
struct Secrets {
  std::vector<std::string> names;   // shown masked (mask_name) where they occur
  std::vector<std::string> hidden;  // ID numbers, phones, addresses: replaced by "***"
};

// Masks every occurrence of the secrets inside free text (a purpose, a reason, an
// item) typed by a person who may have named someone: the notice's last line of
// defence. Longer secrets are replaced first; empty ones are ignored.
std::string mask_mentions(std::string_view text, const Secrets& secrets);

// mask_mentions for many texts with the same secrets: prepares the replacements once
// and finds which secrets a text holds through a table of their first bytes, so that
// masking one text costs about its length, not the number of secrets (an export of a
// million entries against a thousand beneficiaries).
class MentionMasker {
 public:
  explicit MentionMasker(const Secrets& secrets);
  std::string operator()(std::string_view text) const;

 private:
  std::vector<std::pair<std::string, std::string>> replacements_;          // secret, shown; longest first
  std::vector<std::size_t> prefix_lengths_;                                // distinct key lengths, in bytes
  std::unordered_map<std::uint64_t, std::vector<std::size_t>> by_prefix_;  // first bytes (as a key) -> replacements
  std::array<bool, 256> starts_{};  // whether some secret starts with this byte: most positions are passed by
};

}  // namespace cfund::privacy

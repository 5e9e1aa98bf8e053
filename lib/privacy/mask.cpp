#include "privacy/mask.hpp"

#include <algorithm>
#include <vector>

#include "util/text.hpp"

namespace cfund::privacy {

namespace {

// The first `head` and last `tail` characters, one '*' for each character between.
// Requires head + tail <= chars.size().
std::string keep_ends(const std::vector<std::string_view>& chars, std::size_t head, std::size_t tail) {
  std::string out;
  for (std::size_t i = 0; i < head; ++i) out += chars[i];
  out.append(chars.size() - head - tail, '*');
  for (std::size_t i = chars.size() - tail; i < chars.size(); ++i) out += chars[i];
  return out;
}

}  // namespace

std::string mask_name(std::string_view name) {
  const std::string trimmed = util::trim(name);
  const auto chars = util::utf8_characters(trimmed);
  const std::size_t n = chars.size();
  if (n == 0) return {};
  if (n <= 2) return keep_ends(chars, n - 1, 0);  // "*" or first + "*"
  return keep_ends(chars, 1, 1);
}

std::string mask_id_number(std::string_view id_number) {
  const std::string trimmed = util::trim(id_number);
  const auto chars = util::utf8_characters(trimmed);
  const std::size_t n = chars.size();
  if (n == 0) return {};
  // From 14 characters on, 3 + 4 shown leaves at least half hidden. Below that we
  // show n / 2 (rounded down, so at least half stays hidden), split between head and
  // tail in the same 3 : 4 proportion, the tail rounded up:
  //   13, 12 → 2 + 4;  11, 10 → 2 + 3;  9, 8 → 1 + 3;  7, 6 → 1 + 2;
  //   5, 4 → 0 + 2;    3, 2 → 0 + 1;    1 → "*".
  const std::size_t shown = std::min<std::size_t>(7, n / 2);
  const std::size_t tail = std::min<std::size_t>(4, (shown * 4 + 6) / 7);
  return keep_ends(chars, shown - tail, tail);
}

std::string mask_phone(std::string_view phone) {
  // Full-width digits and spaces act as ASCII ones; separators go.
  const std::string folded = util::fold_full_width(phone);
  std::string compact;
  for (char c : folded) {
    if (c != ' ' && c != '-' && c != '\t') compact += c;
  }
  // The country code of mainland China, written "+86" or "86" before an 11-digit
  // mobile number: 13 digits in all.
  std::string_view number = compact;
  if (number.substr(0, 1) == "+") {
    const std::string_view rest = number.substr(1);
    if (rest.size() == 13 && rest.substr(0, 2) == "86" &&
        std::all_of(rest.begin(), rest.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      number = rest;
    }
  }
  if (number.size() == 13 && number.substr(0, 2) == "86" &&
      std::all_of(number.begin(), number.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    number.remove_prefix(2);
  }

  const auto chars = util::utf8_characters(number);
  const std::size_t n = chars.size();
  if (n == 0) return {};
  if (n >= 11) return keep_ends(chars, 3, 4);  // mobiles and landlines with area code
  if (n >= 8) return keep_ends(chars, 0, 4);   // 3 + 4 would show nearly all of it
  // Short numbers: at most the last 2, and never more than half.
  return keep_ends(chars, 0, std::min<std::size_t>(2, n / 2));
}

std::string mask_mentions(std::string_view text, const Secrets& secrets) { return MentionMasker(secrets)(text); }

namespace {
constexpr std::size_t kPrefixBytes = 6;  // two Chinese characters, or six digits

// A secret's first bytes (at most kPrefixBytes) and how many they are, as one number:
// looked up at nearly every character of the text, without building a string.
std::uint64_t prefix_key(std::string_view bytes) {
  std::uint64_t key = bytes.size();
  for (const char c : bytes) key = (key << 8) | static_cast<unsigned char>(c);
  return key;
}
}  // namespace

MentionMasker::MentionMasker(const Secrets& secrets) {
  for (const auto& name : secrets.names) {
    const std::string trimmed = util::trim(name);
    if (!trimmed.empty()) replacements_.emplace_back(trimmed, mask_name(trimmed));
  }
  for (const auto& hidden : secrets.hidden) {
    const std::string trimmed = util::trim(hidden);
    if (!trimmed.empty()) replacements_.emplace_back(trimmed, "***");
  }
  std::stable_sort(replacements_.begin(), replacements_.end(),
                   [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  for (std::size_t i = 0; i < replacements_.size(); ++i) {
    const std::size_t length = std::min(kPrefixBytes, replacements_[i].first.size());
    by_prefix_[prefix_key(std::string_view(replacements_[i].first).substr(0, length))].push_back(i);
    starts_[static_cast<unsigned char>(replacements_[i].first.front())] = true;
    if (std::find(prefix_lengths_.begin(), prefix_lengths_.end(), length) == prefix_lengths_.end()) {
      prefix_lengths_.push_back(length);
    }
  }
}

std::string MentionMasker::operator()(std::string_view text) const {
  if (text.empty() || replacements_.empty()) return std::string(text);
  // Which secrets occur in the text at all.
  std::vector<std::size_t> present;
  for (std::size_t pos = 0; pos < text.size(); ++pos) {
    if (!starts_[static_cast<unsigned char>(text[pos])]) continue;
    for (const std::size_t length : prefix_lengths_) {
      if (pos + length > text.size()) continue;
      auto found = by_prefix_.find(prefix_key(text.substr(pos, length)));
      if (found == by_prefix_.end()) continue;
      for (const std::size_t index : found->second) {
        if (text.compare(pos, replacements_[index].first.size(), replacements_[index].first) == 0) {
          present.push_back(index);
        }
      }
    }
  }
  if (present.empty()) return std::string(text);
  std::sort(present.begin(), present.end());
  present.erase(std::unique(present.begin(), present.end()), present.end());
  // Then the same replacements as always, longest secret first.
  std::string out(text);
  for (const std::size_t index : present) {
    const auto& [secret, shown] = replacements_[index];
    for (std::size_t pos = out.find(secret); pos != std::string::npos; pos = out.find(secret, pos + shown.size())) {
      out.replace(pos, secret.size(), shown);
    }
  }
  return out;
}

}  // namespace cfund::privacy

#include "books/verification.hpp"

#include <cctype>

#include "util/sha256.hpp"

namespace cfund::books {

namespace {

constexpr char kAlphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";  // Crockford base32
constexpr int kCodeLength = 12;

std::string grouped(const std::string& body) {
  return "CF-" + body.substr(0, 4) + "-" + body.substr(4, 4) + "-" + body.substr(8, 4);
}

}  // namespace

std::string verification_code(const std::string& chain_hash) {
  const std::string digest = util::sha256_hex("cfund-notice:" + chain_hash);
  // 12 base32 characters = 60 bits = the first 15 hex digits.
  unsigned long long bits = std::stoull(digest.substr(0, 15), nullptr, 16);
  std::string body(kCodeLength, '0');
  for (int i = kCodeLength - 1; i >= 0; --i) {
    body[static_cast<std::size_t>(i)] = kAlphabet[bits & 31U];
    bits >>= 5U;
  }
  return grouped(body);
}

std::string normalise_verification_code(const std::string& typed) {
  std::string text;
  for (char c : typed) {
    if (c == '-' || c == ' ') continue;
    text.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  }
  if (text.rfind("CF", 0) == 0 && text.size() == kCodeLength + 2) text.erase(0, 2);
  if (text.size() != kCodeLength) return "";
  for (char& c : text) {
    if (c == 'O') c = '0';
    if (c == 'I' || c == 'L') c = '1';
    if (std::string(kAlphabet).find(c) == std::string::npos) return "";
  }
  return grouped(text);
}

}  // namespace cfund::books

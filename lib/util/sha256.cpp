#include "util/sha256.hpp"

#include <nettle/sha2.h>

#include <cstdint>

namespace cfund::util {

namespace {

constexpr char kHexDigits[] = "0123456789abcdef";

std::string to_hex(const std::uint8_t* digest, std::size_t length) {
  std::string out;
  out.reserve(length * 2);
  for (std::size_t i = 0; i < length; ++i) {
    out.push_back(kHexDigits[digest[i] >> 4]);
    out.push_back(kHexDigits[digest[i] & 0xF]);
  }
  return out;
}

const std::uint8_t* bytes_of(std::string_view bytes) { return reinterpret_cast<const std::uint8_t*>(bytes.data()); }

}  // namespace

// Nettle rather than OpenSSL: no provider to fetch and nothing to initialise, which
// cost OpenSSL about 1 ms in every command that hashed at all (and its library 0.8 ms
// to load); Nettle picks the CPU's SHA instructions itself.
std::string sha256_hex(std::string_view bytes) {
  sha256_ctx context;
  sha256_init(&context);
  sha256_update(&context, bytes.size(), bytes_of(bytes));
  std::uint8_t digest[SHA256_DIGEST_SIZE];
  sha256_digest(&context, SHA256_DIGEST_SIZE, digest);
  return to_hex(digest, SHA256_DIGEST_SIZE);
}

struct Sha256::Context {
  sha256_ctx state;
};

Sha256::Sha256() : context_(std::make_unique<Context>()) { sha256_init(&context_->state); }

Sha256::~Sha256() = default;

void Sha256::update(std::string_view bytes) { sha256_update(&context_->state, bytes.size(), bytes_of(bytes)); }

std::string Sha256::finish_hex() {
  std::uint8_t digest[SHA256_DIGEST_SIZE];
  sha256_digest(&context_->state, SHA256_DIGEST_SIZE, digest);
  return to_hex(digest, SHA256_DIGEST_SIZE);
}

bool Sha256::finish_matches(std::string_view hex) {
  std::uint8_t digest[SHA256_DIGEST_SIZE];
  sha256_digest(&context_->state, SHA256_DIGEST_SIZE, digest);
  if (hex.size() != 2 * SHA256_DIGEST_SIZE) return false;
  for (std::size_t i = 0; i < SHA256_DIGEST_SIZE; ++i) {
    if (hex[2 * i] != kHexDigits[digest[i] >> 4] || hex[2 * i + 1] != kHexDigits[digest[i] & 0xF]) return false;
  }
  return true;
}

void Sha256::restart() { sha256_init(&context_->state); }

}  // namespace cfund::util

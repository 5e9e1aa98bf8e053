#include "util/sha256.hpp"

#include <openssl/evp.h>

#include <memory>
#include <stdexcept>

namespace cfund::util {

namespace {

std::string to_hex(const unsigned char* digest, unsigned int length) {
  static const char hex[] = "0123456789abcdef";
  std::string out;
  out.reserve(length * 2);
  for (unsigned int i = 0; i < length; ++i) {
    out.push_back(hex[digest[i] >> 4]);
    out.push_back(hex[digest[i] & 0xF]);
  }
  return out;
}

// The algorithm fetched from OpenSSL's provider once, and one context per thread used
// again: EVP_Digest fetches and allocates on every call, which costs as much as hashing
// an entry (the chain's check hashes every entry of the file).
struct Hasher {
  struct Free {
    void operator()(EVP_MD* md) const { EVP_MD_free(md); }
    void operator()(EVP_MD_CTX* context) const { EVP_MD_CTX_free(context); }
  };
  std::unique_ptr<EVP_MD_CTX, Free> context{EVP_MD_CTX_new()};
  static const EVP_MD* algorithm() {
    static const std::unique_ptr<EVP_MD, Free> md{EVP_MD_fetch(nullptr, "SHA256", nullptr)};
    return md.get();
  }
};

}  // namespace

std::string sha256_hex(std::string_view bytes) {
  thread_local Hasher hasher;
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_MD_CTX* context = hasher.context.get();
  if (context == nullptr || Hasher::algorithm() == nullptr ||
      EVP_DigestInit_ex(context, Hasher::algorithm(), nullptr) != 1 ||
      EVP_DigestUpdate(context, bytes.data(), bytes.size()) != 1 || EVP_DigestFinal_ex(context, digest, &length) != 1) {
    throw std::runtime_error("OpenSSL SHA-256 failed");
  }
  return to_hex(digest, length);
}

struct Sha256::Context {
  EVP_MD_CTX* md = nullptr;
};

Sha256::Sha256() : context_(std::make_unique<Context>()) {
  context_->md = EVP_MD_CTX_new();
  if (context_->md == nullptr || EVP_DigestInit_ex(context_->md, EVP_sha256(), nullptr) != 1) {
    EVP_MD_CTX_free(context_->md);
    throw std::runtime_error("OpenSSL EVP_DigestInit_ex(SHA-256) failed");
  }
}

Sha256::~Sha256() { EVP_MD_CTX_free(context_->md); }

void Sha256::update(std::string_view bytes) {
  if (EVP_DigestUpdate(context_->md, bytes.data(), bytes.size()) != 1) {
    throw std::runtime_error("OpenSSL EVP_DigestUpdate(SHA-256) failed");
  }
}

std::string Sha256::finish_hex() {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_DigestFinal_ex(context_->md, digest, &length) != 1) {
    throw std::runtime_error("OpenSSL EVP_DigestFinal_ex(SHA-256) failed");
  }
  return to_hex(digest, length);
}

}  // namespace cfund::util

#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace cfund::util {

// Lower-case hex SHA-256 of the bytes (Nettle).
std::string sha256_hex(std::string_view bytes);

// SHA-256 fed piece by piece, for files read in chunks (Nettle).
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  void update(std::string_view bytes);
  // Lower-case hex digest of everything fed so far; the object is spent afterwards.
  std::string finish_hex();
  // Whether that digest is `hex` (no string made: the chain's walk asks once per entry).
  // The object is spent afterwards too.
  bool finish_matches(std::string_view hex);
  // Makes a spent object new, to be fed again.
  void restart();

 private:
  struct Context;
  std::unique_ptr<Context> context_;
};

}  // namespace cfund::util

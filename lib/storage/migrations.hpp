#pragma once
// The schema migrations of schemas/NNNN_what.sql, embedded at build time
// (cmake/embed_schemas.cmake). Migration N brings a fund file to user_version N.

#include <string>
#include <vector>

namespace cfund::storage {

struct Migration {
  int version;
  std::string name;
  std::string sql;
};

// In ascending version order, without gaps, starting at 1.
const std::vector<Migration>& migrations();

inline int latest_schema_version() { return migrations().empty() ? 0 : migrations().back().version; }

}  // namespace cfund::storage

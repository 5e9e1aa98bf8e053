#pragma once
// Import profiles: how to read one kind of statement export. Built-in profiles
// (cfund, wechat, alipay, bank) are TOML files embedded in cfund; a user may write
// their own and pass `--profile FILE`. docs/imports.md documents every key.

#include <string>
#include <vector>

namespace cfund::import {

struct Profile {
  std::string name;         // "cfund", "wechat", "alipay", "bank", or the profile file's path
  std::string description;  // one line, Chinese
  std::string account;      // default account (code or name) for rows that name none; "" = the command must say
  std::string designation;  // default designation; "" = the general fund
  // How to find the table, map its columns, clean and filter its rows: the
  // settings the reader needs (import/reader.cpp); filled in by the loader.
  // (see the struct members added with the reader)
};

}  // namespace cfund::import

namespace cfund::config {

// The built-in profile of that name, or (when the name contains a '/' or ends in
// ".toml") the profile file at that path. Throws InputError naming the file, line
// and key for a bad profile file, and listing the built-in names for an unknown one.
import::Profile load_import_profile(const std::string& name_or_path);

// "cfund", "wechat", "alipay", "bank".
std::vector<std::string> builtin_import_profiles();

}  // namespace cfund::config

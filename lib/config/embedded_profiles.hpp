#pragma once
// The built-in import profiles, lib/import/profiles/*.toml, embedded at build time
// (cmake/embed_texts.cmake). Read through config::load_import_profile.

#include <string>
#include <vector>

namespace cfund::config {

struct EmbeddedText {
  std::string name;  // the file name without .toml: "cfund", "wechat", ...
  std::string text;
};

// In file-name order.
const std::vector<EmbeddedText>& embedded_import_profiles();

}  // namespace cfund::config

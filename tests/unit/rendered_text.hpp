#pragma once
// What a rendered notice file says, for tests that look for text in every format: the
// bytes themselves, or for an .xlsx workbook (a zip) its parts unpacked (libzip), so
// that the sheets' text (shared strings, inline strings) can be searched like the
// other formats'.

#include <zip.h>

#include <string>

#include "render/notice_document.hpp"

namespace cfund::test {

inline std::string rendered_text(const render::RenderedFile& file) {
  if (file.name.size() < 5 || file.name.compare(file.name.size() - 5, 5, ".xlsx") != 0) return file.bytes;
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(file.bytes.data(), file.bytes.size(), 0, &error);
  zip_t* archive = source != nullptr ? zip_open_from_source(source, ZIP_RDONLY, &error) : nullptr;
  zip_error_fini(&error);
  if (archive == nullptr) {
    if (source != nullptr) zip_source_free(source);
    return "(not a zip: " + file.name + ")";
  }
  std::string text;
  for (zip_int64_t i = 0; i < zip_get_num_entries(archive, 0); ++i) {
    zip_file_t* part = zip_fopen_index(archive, static_cast<zip_uint64_t>(i), 0);
    if (part == nullptr) continue;
    char buffer[16384];
    for (zip_int64_t got; (got = zip_fread(part, buffer, sizeof buffer)) > 0;)
      text.append(buffer, static_cast<std::size_t>(got));
    zip_fclose(part);
    text += "\n";
  }
  zip_discard(archive);
  return text;
}

}  // namespace cfund::test

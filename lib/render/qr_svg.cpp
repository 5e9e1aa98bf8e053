#include "render/qr_svg.hpp"

#include <memory>
#include <stdexcept>

#include <fmt/format.h>

#include "render/notice_escape.hpp"
#include "render/writer_libraries.hpp"

namespace cfund::render {

std::string qr_svg(const std::string& text, double size_mm, const std::string& label) {
  const auto& qr = libqrencode();
  const std::unique_ptr<QRcode, decltype(&QRcode_free)> code(qr.QRcode_encodeString8bit(text.c_str(), 0, QR_ECLEVEL_M),
                                                             qr.QRcode_free);
  if (!code) throw std::runtime_error("libqrencode could not encode the verification code");
  constexpr int kQuiet = 4;  // the blank border scanners need, in modules
  const int width = code->width;
  const int whole = width + 2 * kQuiet;
  std::string path;
  // Each run of dark modules in a row as one rectangle (bit 0 of a byte: the module is dark).
  const auto dark = [&](int x, int y) { return (code->data[y * width + x] & 1) != 0; };
  for (int y = 0; y < width; ++y) {
    for (int x = 0; x < width; ++x) {
      if (!dark(x, y)) continue;
      int run = 1;
      while (x + run < width && dark(x + run, y)) ++run;
      path += fmt::format("M{} {}h{}v1h-{}z", x + kQuiet, y + kQuiet, run, run);
      x += run - 1;
    }
  }
  return fmt::format(
      "<svg class=\"qr\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}mm\" height=\"{0}mm\" viewBox=\"0 0 {1} {1}\" "
      "shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"{2}\"><rect width=\"{1}\" height=\"{1}\" "
      "fill=\"#fff\"/>"
      "<path fill=\"#000\" d=\"{3}\"/></svg>\n",
      size_mm, whole, html_escape(label), path);
}

}  // namespace cfund::render

#pragma once
// A QR code as an inline SVG element (libqrencode makes the code; this draws it),
// so that the print notice stays one self-contained file.

#include <string>

namespace cfund::render {

// The text as a QR code (error correction level M) drawn as one SVG path of dark
// modules with the 4-module quiet zone, `size_mm` wide; `label` is its accessible
// name. Throws std::runtime_error if libqrencode cannot encode the text.
std::string qr_svg(const std::string& text, double size_mm, const std::string& label);

}  // namespace cfund::render

// Decodes a PNG (through libpng) for the browser tests, to tell a rendered page from a blank one.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <vector>

namespace filmscope::testing {

struct RgbaImage {
  std::size_t width = 0;
  std::size_t height = 0;
  std::vector<std::uint8_t> pixels;  // RGBA, row by row
};

std::optional<RgbaImage> read_png(const std::filesystem::path& path);

struct ImageStats {
  std::size_t distinct_colours = 0;
  double non_white_fraction = 0.0;  // pixels that are not (near) white
};

// Over the rows [first_row, last_row) (clamped to the image).
ImageStats image_stats(const RgbaImage& image, std::size_t first_row = 0, std::size_t last_row = SIZE_MAX);

}  // namespace filmscope::testing

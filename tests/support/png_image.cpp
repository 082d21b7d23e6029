#include "support/png_image.h"

#include <png.h>

#include <algorithm>
#include <cstring>
#include <unordered_set>

namespace filmscope::testing {

std::optional<RgbaImage> read_png(const std::filesystem::path& path) {
  png_image image;
  std::memset(&image, 0, sizeof image);
  image.version = PNG_IMAGE_VERSION;
  if (!png_image_begin_read_from_file(&image, path.c_str())) return std::nullopt;
  image.format = PNG_FORMAT_RGBA;
  RgbaImage out;
  out.width = image.width;
  out.height = image.height;
  out.pixels.resize(PNG_IMAGE_SIZE(image));
  if (!png_image_finish_read(&image, nullptr, out.pixels.data(), 0, nullptr)) {
    png_image_free(&image);
    return std::nullopt;
  }
  return out;
}

ImageStats image_stats(const RgbaImage& image, std::size_t first_row, std::size_t last_row) {
  ImageStats stats;
  last_row = std::min(last_row, image.height);
  if (first_row >= last_row || image.width == 0) return stats;
  std::unordered_set<std::uint32_t> colours;
  std::size_t non_white = 0, total = 0;
  for (std::size_t row = first_row; row < last_row; ++row) {
    const std::uint8_t* p = image.pixels.data() + row * image.width * 4;
    for (std::size_t x = 0; x < image.width; ++x, p += 4) {
      colours.insert(static_cast<std::uint32_t>(p[0]) << 16 | static_cast<std::uint32_t>(p[1]) << 8 | p[2]);
      if (p[0] < 235 || p[1] < 235 || p[2] < 235) ++non_white;
      ++total;
    }
  }
  stats.distinct_colours = colours.size();
  stats.non_white_fraction = static_cast<double>(non_white) / static_cast<double>(total);
  return stats;
}

}  // namespace filmscope::testing

#include "language/model_file.h"

#include <stdexcept>
#include <string>

namespace brainhost::regions {

std::ifstream OpenModelFile(const std::filesystem::path& path, std::string_view header,
                            std::string_view what) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot open " + std::string(what) + " " + path.string());
  std::string line;
  if (!std::getline(in, line) || line != header) {
    throw std::runtime_error(path.string() + ": not a brainhost " + std::string(what) +
                             " (expected '" + std::string(header) +
                             "'); regenerate it with `brainhost train language`");
  }
  return in;
}

}  // namespace brainhost::regions

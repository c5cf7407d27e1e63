// Opening a file of models/language: each starts with a version line ("# brainhost unigram
// v1"), so an old or foreign file is refused before a row of it is read.
#ifndef BRAINHOST_REGIONS_LANGUAGE_MODEL_FILE_H
#define BRAINHOST_REGIONS_LANGUAGE_MODEL_FILE_H

#include <filesystem>
#include <fstream>
#include <string_view>

namespace brainhost::regions {

// path opened and past its version line, which must be header. what names the file's kind in
// the std::runtime_error thrown when it cannot be opened or is not one ("unigram model").
std::ifstream OpenModelFile(const std::filesystem::path& path, std::string_view header,
                            std::string_view what);

}  // namespace brainhost::regions

#endif  // BRAINHOST_REGIONS_LANGUAGE_MODEL_FILE_H

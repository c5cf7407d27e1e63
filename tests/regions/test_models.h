// The language models every region test uses: the committed models/language (MODELS_DIR),
// the same files the plugins load.
#ifndef BRAINHOST_TESTS_REGIONS_TEST_MODELS_H
#define BRAINHOST_TESTS_REGIONS_TEST_MODELS_H

#include "language/language_models.h"

namespace brainhost::regions {

// Loaded once; shared, so tests must run on one thread (doctest does).
LanguageModels& TestModels();

}  // namespace brainhost::regions

#endif  // BRAINHOST_TESTS_REGIONS_TEST_MODELS_H

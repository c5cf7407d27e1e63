#include "test_models.h"

namespace brainhost::regions {

LanguageModels& TestModels() {
  static LanguageModels models = LanguageModels::Load(MODELS_DIR);
  return models;
}

}  // namespace brainhost::regions

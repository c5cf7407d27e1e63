// AssignVariant: which variant of an A/B experiment a session runs.
//
// The assignment is a pure function of the experiment's name and the session id, so a session
// keeps its variant across turns and restarts with nothing stored, every turn can be logged with
// it, and `brainhost ab report` can recompute it. Changing the hash would move running sessions
// to other variants: experiment_test.cc pins a few assignments for that reason.
#ifndef BRAINHOST_HOST_GRAPH_EXPERIMENT_H
#define BRAINHOST_HOST_GRAPH_EXPERIMENT_H

#include <string_view>

#include "graph/graph_config.h"

namespace brainhost {

// Returns the variant of `e` that `session_id` is assigned to: each variant receives a share of
// sessions proportional to its weight. The reference lives as long as `e`.
// REQUIRES: e.variants is non-empty and every weight is > 0 (as LoadGraphConfig ensures).
const VariantDecl& AssignVariant(const ExperimentDecl& e, std::string_view session_id);

}  // namespace brainhost

#endif  // BRAINHOST_HOST_GRAPH_EXPERIMENT_H

#include "graph/validate.h"

#include <cassert>
#include <string>
#include <string_view>

namespace brainhost {

namespace {

const RegionInfo* FindInstalled(const std::vector<RegionInfo>& installed, std::string_view id) {
  for (const RegionInfo& info : installed) {
    if (info.id == id) return &info;
  }
  return nullptr;
}

Status Fail(const SourcePos& pos, const std::string& message) {
  return Status::InvalidArgument(pos.ToString() + ": " + message);
}

// `subject` names the region for the message: "fallback 'fallback'".
// REQUIRES: every region of g has an installed plugin.
Status CheckCanAnswer(const GraphConfig& g, const std::vector<RegionInfo>& installed,
                      const std::string& name, const SourcePos& pos, const std::string& subject) {
  const RegionInfo* info = FindInstalled(installed, g.FindRegion(name)->plugin);
  assert(info != nullptr);
  if ((info->capabilities & BH_CAP_ANSWER) != 0) return Status::OK();
  return Fail(pos, subject + " uses plugin '" + info->id +
                       "', which cannot answer (its descriptor lacks BH_CAP_ANSWER)");
}

Status CheckConditionSlots(const GraphConfig& g, const std::vector<RegionInfo>& installed) {
  for (const EdgeDecl& edge : g.edges) {
    for (const SlotInfo& read : edge.when.Reads()) {
      std::string other_kind;
      bool written = false;
      for (const RegionDecl& region : g.regions) {
        for (const SlotInfo& write : FindInstalled(installed, region.plugin)->writes) {
          if (write.name != read.name) continue;
          if (write.kind == read.kind) written = true;
          else other_kind = SlotKindName(write.kind);
        }
      }
      if (written) continue;
      std::string message = "condition reads " + std::string(SlotKindName(read.kind)) + " '" +
                            read.name + "', which no region in the graph writes";
      if (!other_kind.empty()) message += " (a region writes it as a " + other_kind + ")";
      return Fail(edge.pos, message);
    }
  }
  return Status::OK();
}

}  // namespace

Status ValidateGraph(const GraphConfig& g, const std::vector<RegionInfo>& installed) {
  for (const RegionDecl& region : g.regions) {
    if (FindInstalled(installed, region.plugin) == nullptr) {
      return Fail(region.pos, "region '" + region.name + "' uses plugin '" + region.plugin +
                                  "', which is not installed");
    }
  }
  Status s = CheckCanAnswer(g, installed, g.fallback, g.fallback_pos,
                            "fallback '" + g.fallback + "'");
  if (s.ok()) s = CheckConditionSlots(g, installed);
  if (!s.ok() || !g.experiment.has_value()) return s;
  for (const VariantDecl& variant : g.experiment->variants) {
    if (variant.graph) s = ValidateGraph(*variant.graph, installed);
    const GraphConfig& runs = variant.graph ? *variant.graph : g;
    for (const auto& [node, target] : variant.swap) {
      if (!s.ok()) break;
      if (node != runs.fallback) continue;
      s = CheckCanAnswer(runs, installed, target, variant.pos,
                         "region '" + target + "', swapped in for the fallback by variant '" +
                             variant.name + "',");
    }
    if (!s.ok()) return s;
  }
  return Status::OK();
}

}  // namespace brainhost

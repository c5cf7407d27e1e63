#include "turn/router.h"

#include <spdlog/spdlog.h>

#include <chrono>
#include <set>

#include "graph/condition.h"

namespace brainhost {

namespace {

// What an edge condition sees: the blackboard plus the result of the node it leaves.
class EdgeFeatures : public TurnFeatures {
 public:
  EdgeFeatures(const Blackboard& blackboard, bool answered, double confidence)
      : blackboard_(blackboard), answered_(answered), confidence_(confidence) {}
  bool HasTag(std::string_view name) const override { return blackboard_.HasTag(name); }
  bool HasText(std::string_view name) const override { return blackboard_.Text(name) != nullptr; }
  std::optional<double> Signal(std::string_view name) const override {
    return blackboard_.Signal(name);
  }
  bool Answered() const override { return answered_; }
  double Confidence() const override { return answered_ ? confidence_ : 0.0; }

 private:
  const Blackboard& blackboard_;
  bool answered_;
  double confidence_;
};

bool Contains(const std::vector<std::string>& names, const std::string& name) {
  for (const std::string& n : names) {
    if (n == name) return true;
  }
  return false;
}

}  // namespace

Status Router::Create(const GraphConfig& graph, const VariantDecl* variant,
                      const PluginRegistry& registry, const RegionServices& services,
                      std::unique_ptr<Router>* out) {
  std::unique_ptr<Router> router(new Router(graph));
  std::set<std::string> nodes{graph.entry, graph.fallback};
  for (const EdgeDecl& edge : graph.edges) {
    nodes.insert(edge.from);
    nodes.insert(edge.to);
  }
  for (const std::string& node : nodes) {
    std::unique_ptr<RegionInstance>& slot = router->nodes_[node];
    if (variant != nullptr && Contains(variant->disable, node)) {
      spdlog::info("region {} is switched off in variant {}", node, variant->name);
      continue;
    }
    std::string instance_name = node;
    if (variant != nullptr) {
      for (const auto& [from, to] : variant->swap) {
        if (from == node) instance_name = to;
      }
    }
    const RegionDecl* decl = graph.FindRegion(instance_name);
    if (decl == nullptr) return Status::InvalidArgument("unknown region '" + instance_name + "'");
    const PluginRegistry::Entry* entry = registry.Find(decl->plugin);
    if (entry == nullptr) {
      return Status::NotFound(decl->pos.ToString() + ": plugin '" + decl->plugin +
                              "' is not installed");
    }
    Status s = RegionInstance::Create(entry->library, entry->index, instance_name,
                                      decl->settings, services, &slot);
    if (!s.ok()) {
      spdlog::error("plugin {} refused: region {} ({}): {}", entry->library->path(),
                    instance_name, decl->plugin, s.message());
    }
  }
  *out = std::move(router);
  return Status::OK();
}

Router::NodeResult Router::RunNode(const std::string& node, const TurnInput& input,
                                   Blackboard* blackboard, TurnOutcome* outcome) {
  RegionInstance* instance = nodes_.at(node).get();
  if (instance == nullptr) {
    outcome->events.push_back({node, "skipped", "switched off or failed to start"});
    return {};
  }
  TurnView view(blackboard, instance->info(), input);
  const auto start = std::chrono::steady_clock::now();
  Status s = instance->RunTurn(view.turn());
  outcome->node_ms.emplace_back(
      node, std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                .count());
  if (!s.ok()) {
    spdlog::warn("region {} failed turn {} of session {}: {}", node, input.index,
                 input.session_id, s.message());
    outcome->events.push_back({node, "error", s.message()});
    return {};
  }
  return {view.answer()};
}

std::string Router::NextNode(const std::string& node, const Blackboard& blackboard,
                             const NodeResult& result) const {
  EdgeFeatures features(blackboard, result.answer.has_value(),
                        result.answer ? result.answer->confidence : 0.0);
  for (const EdgeDecl& edge : graph_.edges) {
    if (edge.from == node && edge.when.Eval(features)) return edge.to;
  }
  return {};
}

TurnOutcome Router::Run(const TurnInput& input) {
  Blackboard blackboard;
  TurnOutcome outcome = Walk(input, &blackboard);
  outcome.signals = blackboard.signals();
  return outcome;
}

TurnOutcome Router::Walk(const TurnInput& input, Blackboard* board) {
  TurnOutcome outcome;
  Blackboard& blackboard = *board;
  std::set<std::string> ran;
  NodeResult fallback;  // the fallback's result, if the walk ran it
  // The graph is acyclic (checked at load), so the walk ends; `ran` guards it all the same.
  for (std::string node = graph_.entry; !node.empty() && ran.insert(node).second;) {
    NodeResult result = RunNode(node, input, &blackboard, &outcome);
    const RegionDecl* decl = graph_.FindRegion(node);
    if (result.answer && result.answer->confidence >= graph_.MinConfidenceOf(*decl)) {
      outcome.reply = result.answer->text;
      outcome.region = node;
      outcome.confidence = result.answer->confidence;
      return outcome;
    }
    if (result.answer) {
      outcome.events.push_back({node, "answer", "below min_confidence: " + result.answer->text});
    }
    if (node == graph_.fallback) fallback = result;
    node = NextNode(node, blackboard, result);
  }
  if (ran.count(graph_.fallback) == 0) {
    fallback = RunNode(graph_.fallback, input, &blackboard, &outcome);
  }
  // The fallback's word is final whatever its confidence: it is the graph's last resort.
  if (fallback.answer) {
    outcome.reply = fallback.answer->text;
    outcome.region = graph_.fallback;
    outcome.confidence = fallback.answer->confidence;
    return outcome;
  }
  outcome.reply = kNoRegionReply;
  return outcome;
}

}  // namespace brainhost

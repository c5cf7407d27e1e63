#include "graph/graph_config.h"

#include <toml++/toml.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <set>
#include <sstream>

#include "graph/graph_check.h"
#include "graph/settings.h"

namespace brainhost {

namespace fs = std::filesystem;

namespace {

int LineOf(const toml::node& node) { return static_cast<int>(node.source().begin.line); }

bool IsInstanceName(std::string_view name) {
  return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
           return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
         });
}

// `relative` joined to the directory of `file`; absolute paths are kept. Not made absolute, so
// messages show the path the way the user wrote the command line.
std::string ResolveAgainst(const std::string& file, const std::string& relative) {
  fs::path p(relative);
  if (p.is_absolute()) return p.lexically_normal().string();
  return (fs::path(file).parent_path() / p).lexically_normal().string();
}

size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// Set when the file being loaded is the graph of a variant of another file.
struct VariantContext {
  std::string description;                // "variant 'off' at ab.toml:20"
  std::vector<std::string> swap_targets;  // exempt from the reachability check
};

Status LoadFile(const std::string& path, const VariantContext* variant, GraphConfig* out);

// Turns one parsed TOML document into a GraphConfig. Every error names file_ and a line.
class GraphFileParser {
 public:
  GraphFileParser(const std::string& file, const VariantContext* variant)
      : file_(file), variant_(variant) {}

  Status Parse(const toml::table& root, GraphConfig* g) {
    g->path = file_;
    Status s = CheckFields(root, "at the top level",
                           {"host", "regions", "graph", "experiment", "sleep"});
    if (s.ok()) s = ParseHost(root, g);
    if (s.ok()) s = ParseSleep(root, g);
    if (s.ok()) s = ParseRegions(root, g);
    if (s.ok()) s = ParseGraph(root, g);
    if (s.ok()) s = ParseExperiment(root, g);
    if (s.ok()) s = CheckAcyclic(*g);
    if (s.ok()) s = CheckReachable(*g, ReachabilityExemptions(*g));
    return s;
  }

 private:
  Status Fail(int line, const std::string& message) const {
    return Status::InvalidArgument(file_ + ":" + std::to_string(line) + ": " + message);
  }
  Status Fail(const toml::node& at, const std::string& message) const {
    return Fail(LineOf(at), message);
  }

  // Fails on the first key of `table` not in `known`; `where` places it: "in [graph]".
  Status CheckFields(const toml::table& table, const std::string& where,
                     std::initializer_list<std::string_view> known) const {
    for (auto&& [key, value] : table) {
      if (std::find(known.begin(), known.end(), key.str()) != known.end()) continue;
      std::string expected;
      for (std::string_view k : known) expected += (expected.empty() ? "" : ", ") + std::string(k);
      return Fail(value, "unknown field '" + std::string(key.str()) + "' " + where +
                             " (expected one of: " + expected + ")");
    }
    return Status::OK();
  }

  // Reads string `key` of `table` into *out and its line into *line. A missing key is an error
  // only when `required`; then it points at the table's line.
  Status GetString(const toml::table& table, std::string_view key, const std::string& where,
                   bool required, std::string* out, int* line = nullptr) const {
    const toml::node* node = table.get(key);
    if (node == nullptr) {
      if (!required) return Status::OK();
      return Fail(table, where + " is missing required key '" + std::string(key) + "'");
    }
    if (!node->is_string()) return Fail(*node, where + " " + std::string(key) + " must be a string");
    *out = node->as_string()->get();
    if (required && out->empty()) {
      return Fail(*node, where + " " + std::string(key) + " must not be empty");
    }
    if (line != nullptr) *line = LineOf(*node);
    return Status::OK();
  }

  Status GetNumber(const toml::table& table, std::string_view key, const std::string& where,
                   std::optional<double>* out) const {
    const toml::node* node = table.get(key);
    if (node == nullptr) return Status::OK();
    if (!node->is_number()) return Fail(*node, where + " " + std::string(key) + " must be a number");
    *out = node->value<double>();
    return Status::OK();
  }

  Status GetConfidence(const toml::table& table, const std::string& where,
                       std::optional<double>* out) const {
    Status s = GetNumber(table, "min_confidence", where, out);
    if (s.ok() && out->has_value() && !(**out >= 0 && **out <= 1)) {
      const toml::node& node = *table.get("min_confidence");
      return Fail(node, where + " min_confidence must be in [0, 1], not " + TomlText(node));
    }
    return s;
  }

  Status GetStringArray(const toml::table& table, std::string_view key, const std::string& where,
                        std::vector<std::pair<std::string, int>>* out) const {
    const toml::node* node = table.get(key);
    if (node == nullptr) return Status::OK();
    std::string message = where + " " + std::string(key) + " must be an array of strings";
    if (!node->is_array()) return Fail(*node, message);
    for (const toml::node& element : *node->as_array()) {
      if (!element.is_string()) return Fail(element, message);
      out->emplace_back(element.as_string()->get(), LineOf(element));
    }
    return Status::OK();
  }

  // The tables of array-of-tables `key`, e.g. [[graph.edge]]; empty when the key is absent.
  Status GetTables(const toml::table& table, std::string_view key, const std::string& where,
                   std::vector<const toml::table*>* out) const {
    const toml::node* node = table.get(key);
    if (node == nullptr) return Status::OK();
    std::string message = where + " " + std::string(key) + " must be an array of tables";
    if (!node->is_array()) return Fail(*node, message);
    for (const toml::node& element : *node->as_array()) {
      if (!element.is_table()) return Fail(element, message);
      out->push_back(element.as_table());
    }
    return Status::OK();
  }

  // Fails unless `name` is a region declared in `g`.
  Status CheckRegionRef(const GraphConfig& g, const std::string& name, int line,
                        const std::string& what) const {
    if (g.FindRegion(name) != nullptr) return Status::OK();
    std::string message = what + ": unknown region '" + name + "'";
    if (g.path != file_) message += " in " + g.path;
    const RegionDecl* closest = nullptr;
    size_t best = 3;  // suggest only near misses: a typo, not a different name
    for (const RegionDecl& r : g.regions) {
      size_t d = EditDistance(name, r.name);
      if (d < best && d < r.name.size()) {
        best = d;
        closest = &r;
      }
    }
    if (closest != nullptr) message += " (did you mean '" + closest->name + "'?)";
    return Fail(line, message);
  }

  Status ParseHost(const toml::table& root, GraphConfig* g) const {
    const toml::node* node = root.get("host");
    if (node == nullptr) return Status::OK();
    if (!node->is_table()) return Fail(*node, "host must be a table");
    const toml::table& host = *node->as_table();
    Status s = CheckFields(host, "in [host]", {"plugin_path", "brain"});
    std::vector<std::pair<std::string, int>> dirs;
    if (s.ok()) s = GetStringArray(host, "plugin_path", "[host]", &dirs);
    if (s.ok()) s = GetString(host, "brain", "[host]", false, &g->brain_path);
    for (const auto& [dir, line] : dirs) g->plugin_path.push_back(ResolveAgainst(file_, dir));
    return s;
  }

  Status ParseSleep(const toml::table& root, GraphConfig* g) const {
    const toml::node* node = root.get("sleep");
    if (node == nullptr) return Status::OK();
    if (!node->is_table()) return Fail(*node, "sleep must be a table");
    const toml::table& table = *node->as_table();
    SleepConfig& c = g->sleep;
    Status s = CheckFields(table, "in [sleep]",
                           {"auto", "fatigue_tokens", "mode", "epochs", "max_steps", "lr",
                            "base_share", "lock_share", "max_ppl_rise", "base_bytes"});
    if (!s.ok()) return s;
    if (const toml::node* a = table.get("auto")) {
      if (!a->is_boolean()) return Fail(*a, "[sleep] auto must be true or false");
      c.auto_sleep = a->as_boolean()->get();
    }
    if (s = GetString(table, "mode", "[sleep]", false, &c.mode); !s.ok()) return s;
    if (c.mode != "none" && c.mode != "replay" && c.mode != "lock" && c.mode != "both") {
      return Fail(*table.get("mode"),
                  "[sleep] mode must be \"none\", \"replay\", \"lock\" or \"both\"");
    }
    // Each number, and what it must be.
    struct Number {
      const char* key;
      double* value;
      bool (*ok)(double);
      const char* rule;
    };
    auto whole = [](double v) { return v >= 1 && v <= 1e12 && v == std::floor(v); };
    auto corpus = [](double v) { return v >= 4096 && v <= 1e10 && v == std::floor(v); };
    auto share = [](double v) { return v >= 0 && v <= 0.95; };
    double fatigue = double(c.fatigue_tokens), max_steps = c.max_steps,
           base_bytes = double(c.base_bytes);
    const Number numbers[] = {
        {"fatigue_tokens", &fatigue, whole, "a whole number >= 1"},
        {"epochs", &c.epochs, [](double v) { return v > 0 && v <= 1000; }, "in (0, 1000]"},
        {"max_steps", &max_steps, whole, "a whole number >= 1"},
        {"base_bytes", &base_bytes, corpus, "a whole number >= 4096"},
        {"lr", &c.lr, [](double v) { return v > 0 && v <= 1; }, "in (0, 1]"},
        {"base_share", &c.base_share, share, "in [0, 0.95]"},
        {"lock_share", &c.lock_share, share, "in [0, 0.95]"},
        {"max_ppl_rise", &c.max_ppl_rise, [](double v) { return v >= 0 && v <= 10; },
         "in [0, 10]"}};
    for (const Number& n : numbers) {
      std::optional<double> v;
      if (s = GetNumber(table, n.key, "[sleep]", &v); !s.ok()) return s;
      if (!v) continue;
      if (!n.ok(*v)) {
        return Fail(*table.get(n.key), std::string("[sleep] ") + n.key + " must be " + n.rule +
                                           ", not " + TomlText(*table.get(n.key)));
      }
      *n.value = *v;
    }
    c.fatigue_tokens = static_cast<int64_t>(fatigue);
    c.max_steps = static_cast<int>(max_steps);
    c.base_bytes = static_cast<int64_t>(base_bytes);
    return Status::OK();
  }

  Status ParseRegions(const toml::table& root, GraphConfig* g) const {
    const toml::node* node = root.get("regions");
    if (node == nullptr) return Status::OK();
    if (!node->is_table()) return Fail(*node, "regions must be a table");
    for (auto&& [key, value] : *node->as_table()) {
      RegionDecl r;
      r.name = std::string(key.str());
      std::string where = "[regions." + r.name + "]";
      if (!IsInstanceName(r.name)) {
        return Fail(value, "region name '" + r.name + "' must match [a-z0-9_-]+");
      }
      if (!value.is_table()) return Fail(value, "regions." + r.name + " must be a table");
      const toml::table& table = *value.as_table();
      r.pos = SourcePos{file_, LineOf(table)};
      Status s = CheckFields(table, "in " + where, {"plugin", "min_confidence", "settings"});
      if (s.ok()) s = GetString(table, "plugin", where, true, &r.plugin);
      if (s.ok()) s = GetConfidence(table, where, &r.min_confidence);
      if (!s.ok()) return s;
      if (const toml::node* settings = table.get("settings")) {
        if (!settings->is_table()) return Fail(*settings, where + " settings must be a table");
        FlattenSettings(*settings->as_table(), &r.settings);
      }
      g->regions.push_back(std::move(r));
    }
    // toml++ keeps a table's keys sorted; the file's order is the one people expect to see.
    std::stable_sort(g->regions.begin(), g->regions.end(),
                     [](const RegionDecl& a, const RegionDecl& b) { return a.pos.line < b.pos.line; });
    return Status::OK();
  }

  Status ParseGraph(const toml::table& root, GraphConfig* g) const {
    const toml::node* node = root.get("graph");
    if (node == nullptr) return Fail(root, "missing required table [graph]");
    if (!node->is_table()) return Fail(*node, "graph must be a table");
    const toml::table& graph = *node->as_table();
    Status s = CheckFields(graph, "in [graph]", {"entry", "fallback", "min_confidence", "edge"});
    if (s.ok()) s = GetString(graph, "entry", "[graph]", true, &g->entry, &g->entry_pos.line);
    if (s.ok()) s = CheckRegionRef(*g, g->entry, g->entry_pos.line, "[graph] entry");
    if (s.ok()) {
      s = GetString(graph, "fallback", "[graph]", true, &g->fallback, &g->fallback_pos.line);
    }
    if (s.ok()) s = CheckRegionRef(*g, g->fallback, g->fallback_pos.line, "[graph] fallback");
    std::optional<double> min_confidence;
    if (s.ok()) s = GetConfidence(graph, "[graph]", &min_confidence);
    std::vector<const toml::table*> edges;
    if (s.ok()) s = GetTables(graph, "edge", "[graph]", &edges);
    if (!s.ok()) return s;
    g->entry_pos.file = g->fallback_pos.file = file_;
    g->min_confidence = min_confidence.value_or(g->min_confidence);
    for (const toml::table* edge : edges) {
      s = ParseEdge(*edge, g);
      if (!s.ok()) return s;
    }
    return Status::OK();
  }

  Status ParseEdge(const toml::table& table, GraphConfig* g) const {
    const std::string where = "[[graph.edge]]";
    EdgeDecl e;
    e.pos = SourcePos{file_, LineOf(table)};
    int from_line = 0, to_line = 0, when_line = 0;
    std::string when;
    Status s = CheckFields(table, "in " + where, {"from", "to", "when"});
    if (s.ok()) s = GetString(table, "from", where, true, &e.from, &from_line);
    if (s.ok()) s = CheckRegionRef(*g, e.from, from_line, where + " from");
    if (s.ok()) s = GetString(table, "to", where, true, &e.to, &to_line);
    if (s.ok()) s = CheckRegionRef(*g, e.to, to_line, where + " to");
    if (s.ok()) s = GetString(table, "when", where, false, &when, &when_line);
    if (!s.ok()) return s;
    if (table.contains("when")) {
      s = ParseCondition(when, &e.when);
      if (!s.ok()) return Fail(when_line, where + " when: " + s.message());
    }
    g->edges.push_back(std::move(e));
    return Status::OK();
  }

  Status ParseExperiment(const toml::table& root, GraphConfig* g) const {
    const toml::node* node = root.get("experiment");
    if (node == nullptr) return Status::OK();
    if (variant_ != nullptr) {
      return Fail(*node, "a variant's graph must not declare its own [experiment] (" +
                             variant_->description + " uses this file)");
    }
    if (!node->is_table()) return Fail(*node, "experiment must be a table");
    const toml::table& table = *node->as_table();
    ExperimentDecl e;
    e.pos = SourcePos{file_, LineOf(table)};
    std::vector<const toml::table*> variants;
    Status s = CheckFields(table, "in [experiment]", {"name", "variant"});
    if (s.ok()) s = GetString(table, "name", "[experiment]", true, &e.name);
    if (s.ok()) s = GetTables(table, "variant", "[experiment]", &variants);
    if (!s.ok()) return s;
    if (variants.empty()) {
      return Fail(table, "[experiment] '" + e.name +
                             "' has no variants (add at least one [[experiment.variant]])");
    }
    for (const toml::table* variant : variants) {
      VariantDecl v;
      s = ParseVariant(*variant, *g, &v);
      if (!s.ok()) return s;
      for (const VariantDecl& other : e.variants) {
        if (other.name == v.name) {
          return Fail(v.pos.line, "duplicate variant name '" + v.name + "' (first declared at " +
                                      other.pos.ToString() + ")");
        }
      }
      e.variants.push_back(std::move(v));
    }
    g->experiment = std::move(e);
    return Status::OK();
  }

  Status ParseVariant(const toml::table& table, const GraphConfig& g, VariantDecl* v) const {
    std::string where = "[[experiment.variant]]";
    v->pos = SourcePos{file_, LineOf(table)};
    Status s = CheckFields(table, "in " + where, {"name", "weight", "disable", "swap", "graph"});
    if (s.ok()) s = GetString(table, "name", where, true, &v->name);
    if (!s.ok()) return s;
    where += " '" + v->name + "'";

    std::optional<double> weight;
    s = GetNumber(table, "weight", where, &weight);
    if (!s.ok()) return s;
    if (!weight.has_value()) return Fail(table, where + " is missing required key 'weight'");
    if (!(*weight > 0) || !std::isfinite(*weight)) {
      const toml::node& node = *table.get("weight");
      return Fail(node, where + " weight must be > 0 and finite, not " + TomlText(node));
    }
    v->weight = *weight;

    struct Swap {
      std::string node, target;
      int line;
    };
    std::vector<Swap> swaps;
    if (const toml::node* node = table.get("swap")) {
      std::string message = where + " swap must be a table of region names";
      if (!node->is_table()) return Fail(*node, message);
      for (auto&& [key, target] : *node->as_table()) {
        if (!target.is_string()) return Fail(target, message);
        swaps.push_back(Swap{std::string(key.str()), target.as_string()->get(), LineOf(target)});
      }
    }

    int graph_line = 0;
    s = GetString(table, "graph", where, false, &v->graph_path, &graph_line);
    if (!s.ok()) return s;
    if (!v->graph_path.empty()) {
      v->graph_path = ResolveAgainst(file_, v->graph_path);
      VariantContext context;
      context.description = "variant '" + v->name + "' at " + v->pos.ToString();
      for (const Swap& swap : swaps) context.swap_targets.push_back(swap.target);
      auto graph = std::make_shared<GraphConfig>();
      s = LoadFile(v->graph_path, &context, graph.get());
      // Errors inside the other file name that file's lines; only "cannot read it" needs the
      // line here that points at it.
      if (s.IsNotFound() || s.IsIOError()) return Fail(graph_line, where + " graph: " + s.message());
      if (!s.ok()) return s;
      v->graph = std::move(graph);
    }
    const GraphConfig& target = v->graph ? *v->graph : g;

    std::vector<std::pair<std::string, int>> disabled;
    s = GetStringArray(table, "disable", where, &disabled);
    if (!s.ok()) return s;
    for (const auto& [name, line] : disabled) {
      s = CheckRegionRef(target, name, line, where + " disable");
      if (!s.ok()) return s;
      if (name == target.fallback) {
        return Fail(line, where + " disables the fallback '" + name +
                              "', which every turn that nobody answers needs");
      }
      v->disable.push_back(name);
    }
    for (const Swap& swap : swaps) {
      s = CheckRegionRef(target, swap.node, swap.line, where + " swap");
      if (s.ok()) s = CheckRegionRef(target, swap.target, swap.line, where + " swap");
      if (!s.ok()) return s;
      if (swap.node == swap.target) {
        return Fail(swap.line, where + " swaps '" + swap.node + "' for itself");
      }
      if (std::find(v->disable.begin(), v->disable.end(), swap.node) != v->disable.end()) {
        return Fail(swap.line, where + " both disables and swaps '" + swap.node + "'");
      }
      v->swap.emplace_back(swap.node, swap.target);
    }
    return Status::OK();
  }

  // Regions only swapped in by a variant need no edge leading to them, nor does the fallback.
  std::set<std::string> ReachabilityExemptions(const GraphConfig& g) const {
    std::set<std::string> exempt{g.fallback};
    if (variant_ != nullptr) {
      exempt.insert(variant_->swap_targets.begin(), variant_->swap_targets.end());
    }
    if (g.experiment.has_value()) {
      for (const VariantDecl& v : g.experiment->variants) {
        if (v.graph) continue;  // its swaps name regions of its own file
        for (const auto& [node, target] : v.swap) exempt.insert(target);
      }
    }
    return exempt;
  }

  const std::string& file_;
  const VariantContext* variant_;
};

Status ReadFile(const std::string& path, std::string* contents) {
  std::error_code ec;
  fs::file_status status = fs::status(path, ec);
  if (status.type() == fs::file_type::not_found) return Status::NotFound(path + ": no such file");
  if (ec) return Status::IOError(path + ": " + ec.message());
  if (fs::is_directory(status)) return Status::IOError(path + ": is a directory");
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError(path + ": cannot open: " + std::strerror(errno));
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return Status::IOError(path + ": read failed: " + std::strerror(errno));
  *contents = buffer.str();
  return Status::OK();
}

Status LoadFile(const std::string& path, const VariantContext* variant, GraphConfig* out) {
  std::string contents;
  Status s = ReadFile(path, &contents);
  if (!s.ok()) return s;
  toml::table root;
  try {
    root = toml::parse(std::string_view(contents), std::string_view(path));
  } catch (const toml::parse_error& e) {
    return Status::InvalidArgument(path + ":" + std::to_string(e.source().begin.line) +
                                   ": malformed TOML at column " +
                                   std::to_string(e.source().begin.column) + ": " +
                                   std::string(e.description()));
  }
  GraphConfig g;
  s = GraphFileParser(path, variant).Parse(root, &g);
  if (s.ok()) *out = std::move(g);
  return s;
}

}  // namespace

std::string SourcePos::ToString() const { return file + ":" + std::to_string(line); }

const RegionDecl* GraphConfig::FindRegion(std::string_view name) const {
  for (const RegionDecl& r : regions) {
    if (r.name == name) return &r;
  }
  return nullptr;
}

double GraphConfig::MinConfidenceOf(const RegionDecl& region) const {
  return region.min_confidence.value_or(min_confidence);
}

GraphConfig WithOnlyVariant(const GraphConfig& graph, std::string experiment,
                            std::string variant, std::vector<std::string> disable) {
  GraphConfig g = graph;
  VariantDecl v;
  v.name = std::move(variant);
  v.disable = std::move(disable);
  g.experiment = ExperimentDecl{std::move(experiment), {std::move(v)}, {}};
  return g;
}

Status LoadGraphConfig(const std::string& path, GraphConfig* out) {
  return LoadFile(path, nullptr, out);
}

}  // namespace brainhost

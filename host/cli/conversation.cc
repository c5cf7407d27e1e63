#include "cli/conversation.h"

#include <spdlog/spdlog.h>
#include <utf8.h>

#include <nlohmann/json.hpp>

namespace brainhost {

namespace {

// A reply is one line on the terminal or in a pipe, whatever a region put in it.
std::string OneLine(std::string text) {
  for (char& c : text) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  return text;
}

std::string_view Trim(std::string_view s) {
  const char* space = " \t\r";
  size_t begin = s.find_first_not_of(space);
  if (begin == std::string_view::npos) return {};
  return s.substr(begin, s.find_last_not_of(space) - begin + 1);
}

}  // namespace

std::string Conversation::Reply(std::string_view line, bool* done) {
  *done = false;
  if (line.size() > kMaxLineBytes) {
    return Refuse("that line is too long (" + std::to_string(line.size()) +
                  " bytes; the limit is " + std::to_string(kMaxLineBytes) +
                  "); nothing was stored");
  }
  if (!utf8::is_valid(line.begin(), line.end())) {
    return Refuse("that line is not valid UTF-8; nothing was stored");
  }
  std::string_view text = Trim(line);
  if (text.empty()) return jsonl_ ? Refuse("empty line") : "";
  if (text.front() == '/') return Command(text, done);
  if (session_ == nullptr) {  // a sleep could not start it again
    *done = true;
    return Refuse("the session could not go on after sleep; start a new chat");
  }

  TurnResult result;
  if (Status s = session_->Say(text, &result); !s.ok()) {
    spdlog::error("turn not recorded: {}", s.ToString());
    return Refuse("the brain could not record this turn: " + s.message());
  }
  std::string reply = OneLine(result.outcome.reply);
  if (fatigue_ != nullptr) {
    fatigue_->Heard(std::string(text), reply);
    if (!suggested_ && fatigue_->tokens() >= fatigue_tokens_) {
      suggested_ = true;
      note_ = std::to_string(fatigue_->tokens()) +
              " tokens since the last sleep; /sleep consolidates them into the cortex";
    }
  }
  if (!jsonl_) return reply;
  nlohmann::json j;
  j["session"] = session_->id();
  j["turn"] = result.turn_index;
  j["reply"] = reply;
  j["region"] = result.outcome.region ? nlohmann::json(*result.outcome.region) : nullptr;
  j["confidence"] =
      result.outcome.confidence ? nlohmann::json(*result.outcome.confidence) : nullptr;
  j["variant"] = result.variant;
  j["latency_ms"] = result.latency_ms;
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string Conversation::Refuse(const std::string& why) const {
  spdlog::warn("{}", why);
  if (!jsonl_) return "(" + why + ")";
  return nlohmann::json{{"error", why}}.dump();
}

std::string Conversation::Command(std::string_view command, bool* done) {
  std::string reply;
  if ((command == "/good" || command == "/bad") && session_ != nullptr) {
    const Status s = session_->Rate(command == "/good");
    reply = !s.ok()               ? s.message()
            : command == "/good" ? "noted: that reply will be replayed more in sleep"
                                 : "noted: that reply will hardly be replayed in sleep";
  } else if (command == "/sleep") {
    if (!sleeper_) {
      reply = "sleep is not available here";
    } else {
      reply = OneLine(sleeper_(&session_));
      suggested_ = false;
    }
  } else if (command == "/exit" || command == "/quit") {
    *done = true;
    reply = "bye";
  } else if (command == "/regions" && session_ != nullptr) {
    for (const auto& [node, instance] : session_->router().nodes()) {
      if (!reply.empty()) reply += ", ";
      reply += node + " (" + (instance ? instance->info().id : std::string("off")) + ")";
    }
    reply = "regions: " + reply;
  } else if (command == "/help") {
    reply = "commands: /good and /bad rate the last reply, /sleep consolidates this brain's "
            "conversations into its cortex, /regions lists this session's regions, /exit ends "
            "the chat";
  } else {
    reply = "unknown command " + std::string(command) + "; /help lists them";
  }
  if (!jsonl_) return reply;
  return nlohmann::json{{"command", std::string(command)}, {"reply", reply}}.dump();
}

}  // namespace brainhost

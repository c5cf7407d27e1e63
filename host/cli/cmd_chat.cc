// `brainhost chat` and `brainhost demo`: a session over lines from a terminal, a pipe, or a
// script.
#include <editline/readline.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <optional>
#include <vector>

#include "brain/brain.h"
#include "cli/commands.h"
#include "cli/conversation.h"
#include "cli/sleep.h"

namespace brainhost {

namespace {

namespace fs = std::filesystem;

// Everything a conversation needs, opened in dependency order and closed in reverse.
struct Chat {
  Context context;
  std::unique_ptr<Brain> brain;
  std::unique_ptr<Session> session;
};

int OpenChat(const GlobalOptions& global, std::string session_id, Chat* chat) {
  if (Status s = LoadContext(global, &chat->context); !s.ok()) {
    std::cerr << "brainhost: " << s.message() << "\n";
    return kExitUsage;
  }
  if (Status s = Brain::Open(chat->context.brain_path, &chat->brain); !s.ok()) {
    std::cerr << "brainhost: " << s.message() << "\n";
    return kExitFailure;
  }
  if (session_id.empty()) session_id = NewSessionId();
  if (Status s = Session::Start(chat->context.graph, chat->context.registry, chat->brain.get(),
                                session_id, &chat->session);
      !s.ok()) {
    std::cerr << "brainhost: " << s.message() << "\n";
    return kExitFailure;
  }
  return kExitOk;
}

// A note beside the replies, on stderr so a script's reply lines stay paired with its lines.
void PrintNote(Conversation* conversation) {
  if (std::string note = conversation->TakeNote(); !note.empty()) {
    std::cerr << "(brainhost: " << note << ")\n";
  }
}

void PipeLoop(Conversation* conversation) {
  std::string line;
  bool done = false;
  while (!done && std::getline(std::cin, line)) {
    // Flushed per line: a program driving us waits for each reply before its next line.
    std::cout << conversation->Reply(line, &done) << std::endl;
    PrintNote(conversation);
  }
}

std::string HistoryPath() {
  const char* home = std::getenv("HOME");
  return home != nullptr ? std::string(home) + "/.brainhost_history" : "";
}

void TerminalLoop(Conversation* conversation, const Session& session) {
  std::cerr << "brainhost: session " << session.id()
            << (session.variant().empty() ? "" : ", variant " + session.variant())
            << ". /help lists commands; Ctrl-D or /exit ends.\n";
  std::string history = HistoryPath();
  using_history();
  if (!history.empty()) read_history(history.c_str());
  bool done = false;
  while (!done) {
    char* raw = readline("you> ");
    if (raw == nullptr) break;
    std::string line = raw;
    std::free(raw);
    if (!line.empty()) add_history(line.c_str());
    std::cout << "bh > " << conversation->Reply(line, &done) << std::endl;
    PrintNote(conversation);
  }
  if (!history.empty()) write_history(history.c_str());
}

// One conversation chatted twice, each time in a fresh brain: with the memory on, and with
// the hippo and the episodic store switched off, so the frozen cortex replies alone.
int MemoryOnAndOff(const GlobalOptions& global, const std::vector<std::string>& lines) {
  struct Side {
    std::string name;
    std::vector<std::string> disable;
    GraphConfig graph;  // outlives the session, as Session::Start requires
    std::unique_ptr<Brain> brain;
    std::unique_ptr<Session> session;
  };
  Context context;
  if (Status s = LoadContext(global, &context); !s.ok()) {
    std::cerr << "brainhost: " << s.message() << "\n";
    return kExitUsage;
  }
  const fs::path dir =
      fs::temp_directory_path() / ("brainhost-demo-memory-" + std::to_string(getpid()));
  fs::create_directories(dir);
  Side sides[] = {{"on", {}, {}, nullptr, nullptr},
                  {"off", {"hippo", "episodic"}, {}, nullptr, nullptr}};
  Status s;
  for (Side& side : sides) {
    const fs::path path = dir / (side.name + ".db");
    fs::remove(path);
    s = Brain::Open(path.string(), &side.brain);
    if (!s.ok()) break;
    side.graph = WithOnlyVariant(context.graph, "memory-demo", side.name, side.disable);
    s = Session::Start(side.graph, context.registry, side.brain.get(), "demo-memory-" + side.name,
                       &side.session);
    if (!s.ok()) break;
  }
  for (std::size_t i = 0; s.ok() && i < lines.size(); ++i) {
    std::cout << "you : " << lines[i] << "\n";
    for (Side& side : sides) {
      TurnResult result;
      s = side.session->Say(lines[i], &result);
      if (!s.ok()) break;
      std::cout << "  " << side.name << (side.name.size() < 3 ? " " : "") << " : "
                << result.outcome.reply << "   [" << result.outcome.region.value_or("host")
                << "]\n";
    }
  }
  for (Side& side : sides) {
    side.session.reset();
    side.brain.reset();
  }
  fs::remove_all(dir);
  if (!s.ok()) {
    std::cerr << "brainhost: " << s.message() << "\n";
    return kExitFailure;
  }
  return kExitOk;
}

// Sleeps chat's brain: the session's regions are closed first (they hold the old cortex
// version) and started again after, so the conversation goes on with what sleep consolidated.
std::string SleepChat(Chat* chat, Fatigue* fatigue, Session** session) {
  const std::string id = chat->session->id();
  chat->session.reset();
  SleepJob job{chat->context.graph.sleep, ResolveModelsDir(), 1,
               isatty(STDERR_FILENO) != 0};
  SleepReport report;
  const Status slept = SleepBrain(chat->brain.get(), job, &report);
  std::string told = slept.ok() ? DescribeSleep(report) : "sleep failed: " + slept.message();
  const Status started = Session::Start(chat->context.graph, chat->context.registry,
                                        chat->brain.get(), id, &chat->session);
  if (!started.ok()) {
    spdlog::error("{}", started.message());
    *session = nullptr;
    return told + "; the session could not start again: " + started.message();
  }
  if (fatigue != nullptr) {
    if (Status s = fatigue->Count(chat->brain.get()); !s.ok()) spdlog::warn("{}", s.message());
  }
  *session = chat->session.get();
  return told;
}

}  // namespace

int RunChat(const GlobalOptions& global, const ChatOptions& options) {
  Chat chat;
  if (int rc = OpenChat(global, options.session_id, &chat); rc != kExitOk) return rc;
  // Fatigue needs the cortex's tokenizer; a brain without one just never suggests sleeping.
  std::optional<Fatigue> fatigue;
  try {
    fatigue.emplace(ResolveModelsDir());
    if (Status s = fatigue->Count(chat.brain.get()); !s.ok()) {
      spdlog::warn("{}", s.message());
      fatigue.reset();
    }
  } catch (const std::exception& e) {
    spdlog::warn("no fatigue count: {}", e.what());
    fatigue.reset();
  }
  Fatigue* counter = fatigue ? &*fatigue : nullptr;
  const SleepConfig& config = chat.context.graph.sleep;
  Conversation conversation(
      chat.session.get(), options.jsonl,
      [&](Session** session) { return SleepChat(&chat, counter, session); }, counter,
      config.fatigue_tokens);
  if (!options.jsonl && isatty(STDIN_FILENO) && isatty(STDOUT_FILENO)) {
    TerminalLoop(&conversation, *chat.session);
  } else {
    PipeLoop(&conversation);
  }
  // [sleep] auto: sleep between sessions, once the session has tired the brain enough.
  if (config.auto_sleep && counter != nullptr && chat.session != nullptr &&
      counter->tokens() >= config.fatigue_tokens) {
    Session* ignored = nullptr;
    std::cerr << "brainhost: " << counter->tokens()
              << " tokens since the last sleep; sleeping ([sleep] auto)\n"
              << SleepChat(&chat, nullptr, &ignored) << "\n";
  }
  return kExitOk;
}

int RunDemo(const GlobalOptions& global) {
  GlobalOptions demo = global;
  if (demo.brain.empty()) {
    // A fresh brain each run, so the demo shows the same thing every time.
    fs::path dir = fs::temp_directory_path() / ("brainhost-demo-" + std::to_string(getpid()));
    fs::create_directories(dir);
    demo.brain = (dir / "brain.db").string();
    fs::remove(demo.brain);
  }
  // Two sessions on one brain file, with the program's state thrown away in between: what
  // the second session knows, it read back from the file.
  const std::vector<std::vector<std::string>> sessions = {
      {"hello there!", "my name is Gary", "my dog is named Buddy", "i work at the hospital",
       "how is the weather today?", "what time is it?", "what is 2891 + 7354?",
       "what is my dog's name?", "where do i work?"},
      {"what is my name?", "no wait it's Garrett", "what is my name?", "am i a nurse?",
       "is my dog named Rex?", "what do you remember about me?", "forget my dog",
       "what is my dog's name?", "what is your name?", "what day is it today?"},
  };
  std::string brain_path;
  for (size_t i = 0; i < sessions.size(); ++i) {
    Chat chat;
    if (int rc = OpenChat(demo, "demo-" + std::to_string(i + 1), &chat); rc != kExitOk) return rc;
    brain_path = chat.context.brain_path;
    if (i == 0) {
      std::cout << "brainhost demo: graph " << chat.context.graph.path << ", brain "
                << brain_path << "\n";
    } else {
      std::cout << "\n... the program is restarted: everything above is gone but the brain "
                   "file ...\n";
    }
    std::cout << "\n";
    for (const std::string& line : sessions[i]) {
      TurnResult result;
      if (Status s = chat.session->Say(line, &result); !s.ok()) {
        std::cerr << "brainhost: " << s.message() << "\n";
        return kExitFailure;
      }
      std::cout << "you : " << line << "\n"
                << "bh  : " << result.outcome.reply << "   ["
                << result.outcome.region.value_or("host") << "]\n";
    }
  }
  std::cout << "\nMemory on and off, side by side: one conversation in two fresh brains, the "
               "second\nwith the hippo and the episodic store switched off (the cortex alone).\n\n";
  // Teach, two distractors (one a question), ask: the hippo's case, a fact said in passing.
  const std::vector<std::string> memory_script = {
      "i just adopted a ferret, Mirabel Okafor", "how is the weather today?",
      "do you like music?", "what's the name of my ferret?"};
  if (int rc = MemoryOnAndOff(demo, memory_script); rc != kExitOk) return rc;
  std::cout << "\nEvery turn and every fact is in the brain. See what it remembers and why:\n"
            << "  brainhost sql --brain " << brain_path
            << " \"SELECT subject, relation, value, superseded FROM v_facts\"\n"
            << "  brainhost sql --brain " << brain_path
            << " \"SELECT turn_index, user_text, reply, value, score FROM v_why\"\n";
  return kExitOk;
}

}  // namespace brainhost

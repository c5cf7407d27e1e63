// A brainhost process driven line by line through pipes, as a script would drive it.
#ifndef BRAINHOST_TESTS_HOST_TEST_PROCESS_H
#define BRAINHOST_TESTS_HOST_TEST_PROCESS_H

#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <string>
#include <vector>

namespace brainhost::testing {

// A brainhost chat with our end of its stdin and stdout.
struct Child {
  pid_t pid = -1;
  FILE* in = nullptr;   // its stdin
  FILE* out = nullptr;  // its stdout
};

inline Child Spawn(const std::vector<std::string>& args) {
  int to_child[2], from_child[2];
  REQUIRE(pipe(to_child) == 0);
  REQUIRE(pipe(from_child) == 0);
  pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    dup2(to_child[0], STDIN_FILENO);
    dup2(from_child[1], STDOUT_FILENO);
    close(to_child[1]);
    close(from_child[0]);
    std::vector<char*> argv{const_cast<char*>(BRAINHOST_BIN)};
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(BRAINHOST_BIN, argv.data());
    _exit(127);
  }
  close(to_child[0]);
  close(from_child[1]);
  return {pid, fdopen(to_child[1], "w"), fdopen(from_child[0], "r")};
}

inline std::string Ask(Child& c, const std::string& line) {
  std::fprintf(c.in, "%s\n", line.c_str());
  std::fflush(c.in);
  char buffer[4096];
  REQUIRE(std::fgets(buffer, sizeof(buffer), c.out) != nullptr);
  std::string reply = buffer;
  if (!reply.empty() && reply.back() == '\n') reply.pop_back();
  return reply;
}

// Closes its stdin (end of conversation) and returns its exit status.
inline int Finish(Child& c) {
  std::fclose(c.in);
  int status = 0;
  waitpid(c.pid, &status, 0);
  std::fclose(c.out);
  return status;
}

}  // namespace brainhost::testing

#endif  // BRAINHOST_TESTS_HOST_TEST_PROCESS_H

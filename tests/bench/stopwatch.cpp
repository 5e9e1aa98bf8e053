// cfund_stopwatch RESULT COMMAND [ARG...]: the benchmark's clock (tests/bench/run.sh).
//
// Runs COMMAND with the caller's output streams and writes "<wall microseconds> <peak RSS
// in KiB>" to the file RESULT. The clock is read just before the fork and just after the
// child is reaped, so the figure is the command's own start-up and work, and nothing of a
// shell, `date` or /usr/bin/time around it: those cost a few milliseconds a run, which
// would dilute the ratios of commands that take ten. Exits with COMMAND's status (128 +
// the signal when it was killed, 127 when it could not start).
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: cfund_stopwatch RESULT COMMAND [ARG...]\n");
    return 2;
  }
  const auto start = std::chrono::steady_clock::now();
  const pid_t child = fork();
  if (child < 0) {
    std::perror("cfund_stopwatch: fork");
    return 2;
  }
  if (child == 0) {
    execvp(argv[2], argv + 2);
    std::fprintf(stderr, "cfund_stopwatch: %s: %s\n", argv[2], std::strerror(errno));
    _exit(127);
  }
  int status = 0;
  rusage usage{};
  while (wait4(child, &status, 0, &usage) < 0) {
    if (errno != EINTR) {
      std::perror("cfund_stopwatch: wait4");
      return 2;
    }
  }
  const auto end = std::chrono::steady_clock::now();
  const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(end - start).count();
  std::FILE* result = std::fopen(argv[1], "w");
  if (result == nullptr) {
    std::fprintf(stderr, "cfund_stopwatch: %s: %s\n", argv[1], std::strerror(errno));
    return 2;
  }
  std::fprintf(result, "%lld %ld\n", static_cast<long long>(micros), usage.ru_maxrss);
  std::fclose(result);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return WEXITSTATUS(status);
}

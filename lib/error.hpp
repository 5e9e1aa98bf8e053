#pragma once
// The small exception hierarchy of cfund. Each kind maps to one documented exit
// code (docs/exit-codes.md); cli/main.cpp has the one catch that does the mapping.

#include <stdexcept>

#include "util/message.hpp"

namespace cfund {

enum class ExitCode : int {
  ok = 0,
  findings = 1,   // audit found errors
  usage = 2,      // bad command line or bad input value: nothing was done
  refused = 3,    // a rule of the books refused the operation: nothing was done
  fund_file = 4,  // the fund file is missing, not a fund, too new, locked or cannot be written
  internal = 5,   // a bug in cfund
};

class Error : public std::runtime_error {
 public:
  Error(ExitCode code, Message message) : std::runtime_error(message.en), code_(code), message_(std::move(message)) {}
  ExitCode code() const { return code_; }
  const Message& message() const { return message_; }

 private:
  ExitCode code_;
  Message message_;
};

// Bad input from the user: an option value, a file line, a config field.
class InputError : public Error {
 public:
  explicit InputError(Message message) : Error(ExitCode::usage, std::move(message)) {}
};

// The input was well-formed but a rule of the books forbids it.
class Refused : public Error {
 public:
  explicit Refused(Message message) : Error(ExitCode::refused, std::move(message)) {}
};

// The fund file cannot be used: missing, not a fund, newer schema, I/O failure.
class FundFileError : public Error {
 public:
  explicit FundFileError(Message message) : Error(ExitCode::fund_file, std::move(message)) {}
};

}  // namespace cfund

#pragma once
// A value or the reason there is none: for failures the caller is expected to
// handle, such as a parser meeting bad input. Unexpected failures throw (error.hpp).

#include <cassert>
#include <utility>
#include <variant>

#include "util/message.hpp"

namespace cfund {

template <typename T>
class Expected {
 public:
  Expected(T value) : state_(std::move(value)) {}        // NOLINT: implicit on purpose
  Expected(Message error) : state_(std::move(error)) {}  // NOLINT: implicit on purpose

  bool ok() const { return std::holds_alternative<T>(state_); }
  explicit operator bool() const { return ok(); }

  const T& value() const& {
    assert(ok());
    return std::get<T>(state_);
  }
  T&& value() && {
    assert(ok());
    return std::get<T>(std::move(state_));
  }
  const T& operator*() const& { return value(); }
  const T* operator->() const { return &value(); }

  const Message& error() const {
    assert(!ok());
    return std::get<Message>(state_);
  }

 private:
  std::variant<T, Message> state_;
};

}  // namespace cfund

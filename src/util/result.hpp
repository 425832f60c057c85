#pragma once
// Result<T>: the value of an asynchronous operation or the exception that ended it.
// Callbacks receive one; get() returns the value or rethrows the typed error, so
// the one place that maps errors to responses sees the same exceptions whether
// the work ran on the caller's thread or elsewhere.
#include <exception>
#include <functional>
#include <optional>
#include <utility>
#include <variant>

namespace prepbot::util {

template <class T>
class Result {
 public:
  Result(T value) : state_(std::move(value)) {}  // NOLINT(google-explicit-constructor)
  static Result failure(std::exception_ptr error) { return Result(std::move(error)); }

  bool ok() const { return std::holds_alternative<T>(state_); }
  T& get() {
    if (auto* error = std::get_if<std::exception_ptr>(&state_)) std::rethrow_exception(*error);
    return std::get<T>(state_);
  }

 private:
  explicit Result(std::exception_ptr error) : state_(std::move(error)) {}
  std::variant<T, std::exception_ptr> state_;
};

template <class T>
using Callback = std::function<void(Result<T>)>;

// Runs `work` and hands its value, or the exception it threw, to `done`.
template <class T, class Work>
void complete(const Callback<T>& done, Work&& work) {
  std::optional<Result<T>> result;
  try {
    result.emplace(work());
  } catch (...) {
    result.emplace(Result<T>::failure(std::current_exception()));
  }
  done(std::move(*result));
}

}  // namespace prepbot::util

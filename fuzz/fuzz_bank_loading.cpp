// Bank files as written by anyone: loading either succeeds or throws BankError
// listing the problems, never anything else.
#include <cstddef>
#include <cstdint>
#include <string>

#include "coach/offline/bank.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string contents(reinterpret_cast<const char*>(data), size);
  try {
    prepbot::coach::offline::Bank::parse({{"backend.json", contents}});
  } catch (const prepbot::coach::offline::BankError&) {
  }
  return 0;
}

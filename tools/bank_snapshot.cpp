// bank_snapshot: a build step. Analyses the question bank and knowledge base built into
// prepbot_core and writes the result as a snapshot (coach::offline::Bank::snapshot), which
// the build links into the server so that it starts without analysing them again.
//
//   bank_snapshot OUTPUT
#include <cstdio>
#include <exception>
#include <fstream>

#include "coach/offline/bank.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: bank_snapshot OUTPUT\n");
    return 2;
  }
  try {
    const std::string bytes = prepbot::coach::offline::Bank::parse_embedded().snapshot();
    std::ofstream out(argv[1], std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) {
      std::fprintf(stderr, "bank_snapshot: cannot write %s\n", argv[1]);
      return 1;
    }
  } catch (const std::exception& error) {
    std::fprintf(stderr, "bank_snapshot: %s\n", error.what());
    return 1;
  }
  return 0;
}

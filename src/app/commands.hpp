#pragma once
// The subcommands of the prepbot binary. All wiring of the parts happens here.
#include <string>

#include "config/config.hpp"

namespace prepbot::app {

// prepbot serve: returns the process exit code.
int serve(const config::Config& config);

// prepbot bank check: validates the bank (the built-in one, or `directory`) and
// prints its coverage; returns 0 when it is valid.
int bank_check(const std::string& directory);

}  // namespace prepbot::app

# Compiler settings shared by every target, kept in INTERFACE targets.
add_library(prepbot_warnings INTERFACE)
target_compile_options(prepbot_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast
  -Wcast-align -Woverloaded-virtual -Wimplicit-fallthrough
  # GCC 12 reports std::string concatenation at -O3 as overlapping memcpy (GCC bug 105329).
  $<$<CXX_COMPILER_ID:GNU>:-Wno-restrict>
  $<$<BOOL:${PREPBOT_WERROR}>:-Werror>)

add_library(prepbot_settings INTERFACE)
if(PREPBOT_SANITIZE)
  target_compile_options(prepbot_settings INTERFACE
    -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
    # GCC's uninitialized-use analysis misfires on sanitizer-instrumented standard headers.
    $<$<CXX_COMPILER_ID:GNU>:-Wno-maybe-uninitialized>)
  target_link_options(prepbot_settings INTERFACE -fsanitize=address,undefined)
endif()
if(PREPBOT_TSAN)
  target_compile_options(prepbot_settings INTERFACE -fsanitize=thread -fno-omit-frame-pointer
    # asio calls std::atomic_thread_fence, which GCC's ThreadSanitizer cannot model; it says so.
    $<$<CXX_COMPILER_ID:GNU>:-Wno-tsan>)
  target_link_options(prepbot_settings INTERFACE -fsanitize=thread)
endif()

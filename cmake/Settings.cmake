# Compiler settings shared by every target, kept in INTERFACE targets.
add_library(prepbot_warnings INTERFACE)
target_compile_options(prepbot_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast
  -Wcast-align -Woverloaded-virtual -Wimplicit-fallthrough
  # GCC 12 reports std::string concatenation at -O3 as overlapping memcpy (GCC bug 105329).
  $<$<CXX_COMPILER_ID:GNU>:-Wno-restrict>
  # GCC 12 at -O3 reports util::Result's std::variant<T, std::exception_ptr> as
  # "maybe uninitialized" when a callback taking one is inlined (a false positive
  # of its uninitialized-use analysis on variant storage).
  $<$<CXX_COMPILER_ID:GNU>:-Wno-maybe-uninitialized>
  $<$<BOOL:${PREPBOT_WERROR}>:-Werror>)

add_library(prepbot_settings INTERFACE)
if(PREPBOT_SANITIZE)
  target_compile_options(prepbot_settings INTERFACE
    -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
  target_link_options(prepbot_settings INTERFACE -fsanitize=address,undefined)
endif()
if(PREPBOT_TSAN)
  target_compile_options(prepbot_settings INTERFACE -fsanitize=thread -fno-omit-frame-pointer
    # asio calls std::atomic_thread_fence, which GCC's ThreadSanitizer cannot model; it says so.
    $<$<CXX_COMPILER_ID:GNU>:-Wno-tsan>)
  target_link_options(prepbot_settings INTERFACE -fsanitize=thread)
endif()

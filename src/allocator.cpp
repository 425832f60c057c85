// jemalloc's settings, read by jemalloc itself before the first allocation (the
// MALLOC_CONF environment variable still overrides them). Linked only into the
// binary and the benchmarks, with jemalloc (see prepbot_allocator in CMakeLists.txt).
//
// Transparent huge pages for the heap and jemalloc's own metadata: start-up reads
// the bank and knowledge base into about 90 MB of small objects, and on these
// machines faulting that in 4 KiB at a time takes longer than reading them (a
// median cold start of about 140 ms with huge pages, 415 ms without).
// Where the kernel's transparent huge pages are off ("never"), this changes nothing.
extern "C" {
extern const char* malloc_conf;
const char* malloc_conf = "thp:always,metadata_thp:always";
}

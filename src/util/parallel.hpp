#pragma once
// Spreading independent pieces of one job, such as the data files read at start-up,
// over the machine's cores.
#include <cstddef>
#include <functional>

namespace prepbot::util {

// Calls work(i) once for every i in [0, count), on the calling thread and on helper
// threads (one per further core), and returns when every call has. Calls run in no
// set order, so each must write only what belongs to its own i. The first exception
// a call throws is rethrown here, once every call under way has ended.
//
// The helpers live as long as the process, so what a thread caches for itself stays
// warm from one call to the next. A call made from inside
// `work` runs on the thread that makes it.
void for_each_index(std::size_t count, const std::function<void(std::size_t)>& work);

}  // namespace prepbot::util

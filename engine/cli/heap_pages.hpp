// How the caucus process asks glibc and the kernel for its heap.
#pragma once

namespace caucus::cli {

// Call first thing in main(), before the heap is used much. Documents and their JSON are
// large and short-lived: kept on the heap, not mapped and unmapped for each. And the heap's
// first growth asks for transparent huge pages, where the kernel gives them on request: on
// this class of machine (a paravirtualised VM) a page fault costs about 13 µs, and loading
// the shipped rules writes megabytes of new heap. An empty run's page faults fell from
// 4,100 to 2,700 with it, its CPU time from 127 to 105 ms.
void tune_heap();

// Hands the free memory of every thread's heap back to the system. Called after a long
// document's pipeline, before the writer (another thread, another arena) makes its record:
// the record's buffers came on top of the pipeline's freed working memory otherwise (2 MB of
// a 12 MB document's peak). Kept heaps save page faults; a long document is worth one trim.
void release_free_heap();

}  // namespace caucus::cli

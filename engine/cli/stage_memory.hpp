// The peak resident memory of a stretch of work (one stage of caucus bench), on Linux.
//
// getrusage() gives the process's peak over its whole life. To see each stage's, the heap
// first hands what it holds free back to the system (malloc_trim) and the kernel's high-water
// mark is reset to the present resident size (/proc/self/clear_refs, "5"); after the stage,
// the mark (VmHWM in /proc/self/status) is what was live when it began plus what it added.
#pragma once

namespace caucus::cli {

class StageMemory {
 public:
  // False where the high-water mark cannot be reset (not Linux, or /proc not writable).
  static bool available();
  // Starts a stretch: returns the heap's free memory and resets the high-water mark.
  static void start();
  // The highest resident size since start(), in MB.
  static double peak_mb();
};

}  // namespace caucus::cli

#include "stage_memory.hpp"

#include <fstream>
#include <string>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace caucus::cli {
namespace {

bool reset_high_water_mark() {
  std::ofstream clear("/proc/self/clear_refs");
  clear << "5";
  clear.flush();
  return static_cast<bool>(clear);
}

}  // namespace

bool StageMemory::available() {
  static const bool works = reset_high_water_mark() && peak_mb() > 0;
  return works;
}

void StageMemory::start() {
#if defined(__GLIBC__)
  malloc_trim(0);
#endif
  reset_high_water_mark();
}

double StageMemory::peak_mb() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return std::stod(line.substr(6)) / 1024.0;  // "VmHWM:   13500 kB"
  }
  return 0;
}

}  // namespace caucus::cli

// TOML files read and parsed on a thread of their own while a pipeline loads.
//
// The TOML parser takes a quarter of the time of loading the shipped pipeline, and the
// rule files are read one after the other, each when its step is configured. Pipeline::parse()
// names the TOML files its steps will read (every setting that names an existing ".toml"
// file) to a TomlPrefetch, which reads and parses them in step order on a background thread;
// the readers of rule and lexicon files take them from it (load_toml_file() in toml_util.hpp)
// and parse only what it does not hold. Results and errors are those of parsing in place.
#pragma once

#include <toml++/toml.h>

#include <condition_variable>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace caucus {

// A TOML text parsed: its table, or what the parser said of its syntax error and where.
struct ParsedToml {
  std::optional<toml::table> table;  // nothing: a syntax error, described below
  std::string error;
  toml::source_position error_at{};
};

// Parses `text` (read from `path`); a syntax error is returned, not thrown, so that a thread
// that cannot report it yet can hand it on.
ParsedToml parse_toml_text(const std::string& text, const std::string& path);

struct PrefetchedToml {
  std::string text;
  ParsedToml parsed;
};

class TomlPrefetch {
 public:
  // Starts reading and parsing `paths`, in order, on a background thread. Until destroyed,
  // this is the prefetch take() asks on the thread that made it.
  explicit TomlPrefetch(const std::vector<std::string>& paths);
  ~TomlPrefetch();  // waits for the background thread; what nobody took is dropped
  TomlPrefetch(const TomlPrefetch&) = delete;
  TomlPrefetch& operator=(const TomlPrefetch&) = delete;

  // The file at `path` as the current prefetch of this thread read and parsed it (waiting
  // for it if need be), once; nothing if there is none, it does not hold that file, or it
  // could not read it (the caller then reads it itself, and reports what is wrong).
  static std::optional<PrefetchedToml> take(const std::string& path);

  // Frees `table`, which its reader is done with, on the background thread of this thread's
  // prefetch (freeing the shipped rules' tables was a tenth of a load's work on the loading
  // thread), or here if there is none.
  static void dispose(toml::table&& table);

 private:
  struct Slot {
    std::string path;  // lexically normal, as take() looks it up
    std::optional<PrefetchedToml> file;
    bool done = false;
  };
  void run();

  std::vector<Slot> slots_;
  std::vector<toml::table> disposed_;  // tables to free, once the files are parsed
  bool stopping_ = false;
  std::mutex mutex_;
  std::condition_variable parsed_, to_free_;
  TomlPrefetch* outer_ = nullptr;  // the prefetch this one stands in front of, on this thread
  std::thread thread_;
};

// Disposes of a table (TomlPrefetch::dispose) when it goes out of scope: declared before
// anything that reads the table, it outlives them.
class DisposeOnExit {
 public:
  explicit DisposeOnExit(toml::table* table) : table_(table) {}
  ~DisposeOnExit() {
    if (table_) TomlPrefetch::dispose(std::move(*table_));
  }
  DisposeOnExit(const DisposeOnExit&) = delete;
  DisposeOnExit& operator=(const DisposeOnExit&) = delete;

 private:
  toml::table* table_;
};

}  // namespace caucus

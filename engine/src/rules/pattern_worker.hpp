// Finishing rule patterns (the choice of their shared or written-out form, JIT compiling) on a
// spare core, while the rules are still read and while the first documents run.
//
// pcre2_jit_compile() is more than half the cost of loading the shipped rules, and nothing
// needs a pattern's machine code until the pattern first matches. So compile_pattern() hands
// each pattern to one background thread and goes on with the next rule, and Pipeline::load()
// does not wait for the queue: the worker goes on through it while the documents are matched.
// A match of a pattern not yet finished finishes it there and then, taking it out of the
// queue (or waits if the worker is on it), so that no thread ever waits for patterns it does
// not need, and every match runs the finished, JIT-compiled code: the results do not depend on
// which thread compiled what, or when. Load waits only to save the pattern cache: when this
// load compiled patterns the cache lacked (their finishing chooses the code the cache keeps).
// On a machine with one core each pattern is finished at once.
#pragma once

#include <memory>

namespace caucus {

struct CompiledPattern;

class PatternWorker {
 public:
  // Finishes `pattern` (CompiledPattern::finish()) here, on one core, or on the background
  // thread; `pattern.ready` is false until then.
  static void submit(std::shared_ptr<CompiledPattern> pattern);
  // Returns once `pattern` is finished: on this thread if the worker has not started on it.
  static void make_ready(const CompiledPattern& pattern);
  // Returns once every pattern submitted so far is finished, taking queued ones on this thread.
  static void wait_all();
  // The same, but only if a pattern the pattern cache lacked is still to finish.
  static void wait_for_cache_entries();
};

}  // namespace caucus

// JIT compiling rule patterns on a spare core while the rule files are still being read.
//
// pcre2_jit_compile() is four tenths of the cost of loading the shipped rules. Nothing needs a
// pattern's machine code until it first matches, so compile_pattern() hands the JIT work to one
// background thread and goes on with the next rule; Pipeline::load() waits for the queue to
// drain before it returns (a loaded pipeline is a compiled one), compiling what is left in the
// queue itself meanwhile, and a pattern asked to match
// before its turn waits for it (CompiledPattern::match()). On a machine with one core the
// JIT compiling is done at once, as before.
#pragma once

#include <memory>

namespace caucus {

struct CompiledPattern;

class JitWorker {
 public:
  // Finishes `pattern` (CompiledPattern::finish(): the choice of its shared or written-out
  // form, and JIT compiling; it must not be matched from another thread until it is done)
  // here or on the background thread; `pattern.jit_pending` is true until then.
  static void submit(std::shared_ptr<CompiledPattern> pattern);
  // Returns once `pattern` is JIT-compiled (or JIT compiling failed: it then runs in the
  // interpreter).
  static void wait_for(const CompiledPattern& pattern);
  // Returns once every pattern submitted so far is done, taking queued ones on this thread.
  static void wait_all();
};

}  // namespace caucus

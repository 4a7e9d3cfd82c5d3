// The trie of a list of names (strings of byte symbols), built from the names in sorted order.
//
// A name shares with the one before it the nodes of their common prefix and adds one node per
// symbol after it, so that no table of nodes x symbols is made: the shipped lexicons' names make
// some twenty thousand nodes. The two tries that find lexicon names (name_starts.hpp,
// lexicon_matcher.hpp) are built with it and pack it each in its own layout.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace caucus {

class SortedTrie {
 public:
  struct Edge {
    uint32_t parent;
    unsigned char symbol;
    uint32_t child;
  };
  explicit SortedTrie(const std::vector<std::string>& names);

  // Node 0 is the root; a parent is numbered before its children.
  std::size_t node_count() const { return first_.size() - 1; }
  // The node where names[k] ends (the root for an empty name).
  uint32_t end_of(std::size_t k) const { return end_of_[k]; }
  // The edges from `node` to its children, in symbol order.
  std::span<const Edge> children(uint32_t node) const {
    return std::span<const Edge>(edges_).subspan(first_[node], first_[node + 1] - first_[node]);
  }

 private:
  std::vector<Edge> edges_;      // grouped by parent
  std::vector<uint32_t> first_;  // node -> its first edge in edges_; one more at the end
  std::vector<uint32_t> end_of_;
};

}  // namespace caucus

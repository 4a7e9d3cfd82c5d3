#include "sorted_trie.hpp"

#include <algorithm>
#include <numeric>

namespace caucus {

SortedTrie::SortedTrie(const std::vector<std::string>& names) : end_of_(names.size(), 0) {
  std::vector<uint32_t> order(names.size());
  std::iota(order.begin(), order.end(), uint32_t{0});
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return names[a] < names[b]; });
  std::vector<Edge> made;
  uint32_t nodes = 1;
  std::vector<uint32_t> path{0};  // the nodes of the name before: path[d] after d symbols
  const std::string* previous = nullptr;
  for (const uint32_t k : order) {
    const std::string& name = names[k];
    std::size_t shared = 0;
    if (previous) {
      while (shared < name.size() && shared < previous->size() && name[shared] == (*previous)[shared]) ++shared;
    }
    path.resize(shared + 1);
    for (std::size_t d = shared; d < name.size(); ++d) {
      made.push_back({path[d], static_cast<unsigned char>(name[d]), nodes});
      path.push_back(nodes++);
    }
    end_of_[k] = path[name.size()];
    previous = &name;
  }
  // The edges by parent (a counting sort; in the order made, so by symbol within a parent).
  first_.assign(nodes + 1, 0);
  for (const Edge& edge : made) ++first_[edge.parent + 1];
  std::partial_sum(first_.begin(), first_.end(), first_.begin());
  edges_.resize(made.size());
  std::vector<uint32_t> at(first_.begin(), first_.end() - 1);
  for (const Edge& edge : made) edges_[at[edge.parent]++] = edge;
}

}  // namespace caucus

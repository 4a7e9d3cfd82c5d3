// A plugin built for another version of the plugin interface: caucus must refuse it (P011).
#include "caucus/plugin.h"

extern "C" CAUCUS_PLUGIN_EXPORT const caucus_plugin* caucus_plugin_entry(void) {
  static const caucus_plugin plugin = {CAUCUS_PLUGIN_ABI_VERSION + 41, "from-the-future", 0, nullptr};
  return &plugin;
}

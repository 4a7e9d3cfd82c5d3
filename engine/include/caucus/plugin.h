/* The C entry point of third-party annotator plugins.
 *
 * A plugin is a shared library built against the caucus headers. It exports one function,
 * caucus_plugin_entry, which returns a description of the annotators it provides. caucus
 * checks abi_version before it uses anything else, so a plugin built for another version of
 * the interface is refused with a clear message instead of crashing.
 *
 *   extern "C" CAUCUS_PLUGIN_EXPORT const caucus_plugin* caucus_plugin_entry(void) {
 *     static const caucus_annotator_entry annotators[] = {
 *       {"shouting", "Marks words in capitals", &create_shouting, &destroy_shouting},
 *     };
 *     static const caucus_plugin plugin = {CAUCUS_PLUGIN_ABI_VERSION, "example", 1, annotators};
 *     return &plugin;
 *   }
 *
 * See examples/plugin/ for a complete plugin and docs/plugins.md for the rules.
 */
#ifndef CAUCUS_PLUGIN_H
#define CAUCUS_PLUGIN_H

#include <stdint.h>

/* Bumped whenever caucus::Annotator, Document, AnnotationStore or Config change layout. */
#define CAUCUS_PLUGIN_ABI_VERSION 3u
#define CAUCUS_PLUGIN_ENTRY_SYMBOL "caucus_plugin_entry"

#if defined(_WIN32)
#define CAUCUS_PLUGIN_EXPORT __declspec(dllexport)
#else
#define CAUCUS_PLUGIN_EXPORT __attribute__((visibility("default")))
#endif

#ifdef __cplusplus
namespace caucus {
class Annotator;
}
typedef caucus::Annotator caucus_annotator;
extern "C" {
#else
typedef struct caucus_annotator caucus_annotator;
#endif

typedef struct caucus_annotator_entry {
  const char* name;        /* name used in pipeline files: [[step]] annotator = "name" */
  const char* description; /* one line, shown by `caucus annotators` */
  caucus_annotator* (*create)(void);
  void (*destroy)(caucus_annotator*);
} caucus_annotator_entry;

typedef struct caucus_plugin {
  uint32_t abi_version; /* CAUCUS_PLUGIN_ABI_VERSION of the headers the plugin was built with */
  const char* plugin_name;
  uint32_t annotator_count;
  const caucus_annotator_entry* annotators;
} caucus_plugin;

typedef const caucus_plugin* (*caucus_plugin_entry_fn)(void);

#ifdef __cplusplus
}
#endif

#endif /* CAUCUS_PLUGIN_H */

/* gr_dump.h — graph views for people: Graphviz DOT, SVG rendered through
 * libgvc, and a static HTML page that steps through the passes of each
 * optimized function (--dump-graphs=DIR, --graph-filter=NAME), attached
 * to the optimizing tier's compiles (backend/be_tier.c) by gr_watch_install.
 */
#ifndef GR_DUMP_H
#define GR_DUMP_H

#include <stdbool.h>
#include "ir/ir.h"
#include "passes/pass.h"

/* Graphs above this many nodes get the cheap layout (nslimit, mclimit,
 * straight edges); above GR_MAX_SVG_NODES no SVG is rendered at all. */
#define GR_CHEAP_LAYOUT_NODES 400
#define GR_MAX_SVG_NODES 2500

/* DOT text of g (malloc'd). changed: per node id, 1 to highlight (may be NULL). */
char *gr_graph_to_dot(const Graph *g, const uint8_t *changed, const char *title);
/* Renders DOT to SVG with libgvc's dot layout (malloc'd, NULL on failure). */
char *gr_dot_to_svg(const char *dot, uint32_t nodes);

/* One function's dump: begin, pass gr_dump_observe as the pipeline's
 * observer, end (writes DIR/fn-NNN-name.js, the .dot/.svg files and
 * rebuilds DIR/index.html from every function dumped there so far). */
typedef struct GrDump GrDump;
GrDump *gr_dump_begin(Runtime *rt, const char *dir, BytecodeFunction *bf, const char *name);
void gr_dump_observe(void *dump, const Graph *g, const char *pass, uint32_t index, bool changed);
/* Returns false (with a message on stderr) when files could not be written. */
bool gr_dump_end(GrDump *d, const char *outcome);

/* Regenerates DIR/index.html from the fn-*.js files in DIR. */
bool gr_write_index(const char *dir);

/* The scheduled graph as the last stage of a dump: the blocks in layout
 * order as DOT clusters, the text form from be_schedule_print. */
struct BeSchedule;
char *gr_schedule_to_dot(const struct BeSchedule *s, const uint8_t *changed, const char *title);
void gr_dump_scheduled(void *dump, const Graph *g, const struct BeSchedule *s, uint32_t index);

/* Attaches the dumps to the optimizing tier's compiles (backend/be_tier.h,
 * be_tier_watch): the driver calls it after be_tier_install when
 * --dump-graphs is given. */
void gr_watch_install(Runtime *rt);

#endif

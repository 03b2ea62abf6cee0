/* gr_dump.h — graph views for people: Graphviz DOT, SVG rendered through
 * libgvc, and a static HTML page that steps through the passes of each
 * optimized function (--dump-graphs=DIR, --graph-filter=NAME), plus the
 * tier-up hook that drives the whole optimizing pipeline.
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

/* The optimizing tier's entry: the Runtime's OptHook (rt_runtime.h). The
 * driver installs it as rt->opt_hook unless --no-opt. Decides whether fn is
 * hot (>= GR_OPT_INVOCATIONS calls, >= GR_OPT_BACKEDGES loop iterations,
 * --always-opt, %OptimizeFunctionOnNextCall), builds its graph, runs the
 * pipeline, verifies, prints and dumps as the flags say. There is no code
 * installation yet: the function keeps running in the interpreter. */
#define GR_OPT_INVOCATIONS 1000
#define GR_OPT_BACKEDGES 10000
void ir_tierup(Runtime *rt, JSFunction *fn, int reason, uint32_t pc);

/* Compiles bf now, whatever the counters say (tests, tools). Returns true
 * when a graph was built and passed the pipeline. */
bool gr_optimize_now(Runtime *rt, BytecodeFunction *bf);

#endif

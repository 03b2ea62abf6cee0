/* gr_watch.c — attaches the graph dumps to the optimizing tier.
 *
 * The tier (backend/be_tier.c) compiles; graphs/ sits below it in the
 * dependency order (DESIGN §1), so the tier calls out through the function
 * pointers of a BeTierWatch that the driver installs: one dump per
 * compiled function, a stage per pass of its pipeline (the pipeline's
 * observer), and the scheduled graph as the last stage.
 */
#include "gr_dump.h"

#include "backend/be_tier.h"

static void *watch_begin(Runtime *rt, BytecodeFunction *bf, const char *name) {
    if (!rt->flags.dump_graphs) return NULL;
    return gr_dump_begin(rt, rt->flags.dump_graphs, bf, name);
}

static void watch_end(void *dump, const char *outcome) { gr_dump_end(dump, outcome); }

static const BeTierWatch gr_watch = {
    .begin = watch_begin,
    .stage = gr_dump_observe,
    .scheduled = gr_dump_scheduled,
    .end = watch_end,
};

void gr_watch_install(Runtime *rt) {
    if (rt && rt->tier) be_tier_watch(rt, &gr_watch);
}

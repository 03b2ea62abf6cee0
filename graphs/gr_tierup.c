/* gr_tierup.c — the optimizing tier's entry point (the Runtime's OptHook).
 *
 * It lives at the bottom of the compiler stack because it drives every
 * stage above it: the graph builder (ir/), the pass pipeline (passes/),
 * and the dumps (graphs/); the runtime reaches it only through
 * rt->opt_hook (DESIGN §1). The policy is counter-based in the manner of
 * V8's tiering manager and Hölzle & Ungar's adaptive recompilation: a
 * function is compiled once it has been called often enough or has looped
 * long enough, at once with --always-opt, or when
 * %OptimizeFunctionOnNextCall asks. A function is compiled at most once
 * unless asked again; a bailout leaves it interpreted for good.
 */
#include "gr_dump.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "ir/ir_build.h"
#include "runtime/rt_feedback.h"

static double now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void function_name(BytecodeFunction *bf, char *buf, size_t size) {
    buf[0] = 0;
    if (bf->flags & BFF_TOPLEVEL) { snprintf(buf, size, "<toplevel>"); return; }
    if (rt_is_string(bf->name)) {
        char *u = rt_string_to_utf8(bf->name, NULL);
        if (u) {
            snprintf(buf, size, "%s", u);
            free(u);
        }
    }
    if (!buf[0]) snprintf(buf, size, "<anonymous>");
}

/* Dumping (layout above all) can take far longer than compiling: it is
 * timed apart so that --trace-opt reports the compiler's own time. */
typedef struct TimedDump {
    GrDump *dump;
    double ms;
} TimedDump;

static void timed_observe(void *data, const Graph *g, const char *pass, uint32_t index, bool changed) {
    TimedDump *t = data;
    double t0 = now_ms();
    gr_dump_observe(t->dump, g, pass, index, changed);
    t->ms += now_ms() - t0;
}

static bool compile(Runtime *rt, BytecodeFunction *bf) {
    const Flags *fl = &rt->flags;
    FILE *out = rt->out ? rt->out : stdout;
    FILE *err = rt->err ? rt->err : stderr;
    char name[64];
    function_name(bf, name, sizeof name);
    bool selected = !fl->graph_filter || strcmp(fl->graph_filter, name) == 0;
    const char *file = bf->script && bf->script->filename ? bf->script->filename : "?";

    double t0 = now_ms();
    IrBailout why;
    uint32_t where;
    Graph *g = ir_build_graph(rt, bf, name, &why, &where);
    if (!g) {
        if (fl->trace_opt)
            fprintf(out, "[bailout %s (%s:%u): %s at @%u]\n", name, file, bf->line, ir_bailout_text(why), where);
        fflush(out);
        return false;
    }
    uint32_t built = g->live_count;
    GrDump *dump = NULL;
    if (fl->dump_graphs && selected) dump = gr_dump_begin(rt, fl->dump_graphs, bf, name);
    TimedDump timed = {dump, 0};
    PipelineOptions po = {
        .passes = fl->passes,
        .disable = fl->disable_pass,
        .print_after = selected ? fl->print_after : NULL,
        .print_graph = selected && fl->print_graph,
        .verify_each = fl->verify_each,
        .stats = fl->pass_stats,
        .out = out,
        .err = err,
        .observer = dump ? timed_observe : NULL,
        .observer_data = &timed,
        .rt = rt,
    };
    PipelineResult res;
    bool ok = pass_pipeline_run(g, &po, &res);
    double ms = now_ms() - t0 - timed.ms;
    char outcome[200];
    if (ok) {
        snprintf(outcome, sizeof outcome, "built %u nodes, %u after passes, %.2f ms", built, g->live_count, ms);
        if (fl->trace_opt) fprintf(out, "[optimizing %s (%s:%u) - %s]\n", name, file, bf->line, outcome);
    } else if (res.error[0]) {
        snprintf(outcome, sizeof outcome, "%s", res.error);
        fprintf(err, "reef: %s\n", res.error);
    } else {
        snprintf(outcome, sizeof outcome, "%s after %s", ir_bailout_text(IR_BAILOUT_VerifyFailed),
                 res.failed_after ? res.failed_after : "?");
        if (fl->trace_opt) fprintf(out, "[bailout %s (%s:%u): %s]\n", name, file, bf->line, outcome);
    }
    if (fl->pass_stats && selected) pass_stats_print(out, g, &res);
    if (dump) gr_dump_end(dump, outcome);
    fflush(out);
    ir_graph_free(g);
    return ok;
}

bool gr_optimize_now(Runtime *rt, BytecodeFunction *bf) {
    if (!rt || !bf) return false;
    bf->opt_flags |= BCO_OPT_ATTEMPTED;
    return compile(rt, bf);
}

void ir_tierup(Runtime *rt, JSFunction *fn, int reason, uint32_t pc) {
    (void)pc;
    if (!rt || !fn || !fn->bc || rt->flags.no_opt) return;
    BytecodeFunction *bf = fn->bc;
    if (bf->opt_flags & BCO_NEVER_OPTIMIZE) return;
    bool go = false;
    switch (reason) {
    case 0:   /* a call */
        if (bf->opt_flags & BCO_OPTIMIZE_ON_NEXT_CALL) {
            bf->opt_flags &= ~(uint32_t)BCO_OPTIMIZE_ON_NEXT_CALL;
            go = true;
        } else if (!(bf->opt_flags & BCO_OPT_ATTEMPTED)) {
            go = (rt->flags.always_opt && !(bf->flags & BFF_TOPLEVEL)) ||
                 bf->invocation_count >= GR_OPT_INVOCATIONS;
        }
        break;
    case 1:   /* a loop back edge */
        if (bf->opt_flags & BCO_OSR_REQUESTED) {
            bf->opt_flags &= ~(uint32_t)BCO_OSR_REQUESTED;
            go = true;
        } else if (!(bf->opt_flags & BCO_OPT_ATTEMPTED)) {
            go = bf->feedback && bf->feedback->backedge_count >= GR_OPT_BACKEDGES;
        }
        break;
    default:  /* %OptimizeFunctionOnNextCall & co: acted upon at the next call */
        return;
    }
    if (!go) return;
    bf->opt_flags |= BCO_OPT_ATTEMPTED;
    compile(rt, bf);
}

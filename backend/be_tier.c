/* be_tier.c — tiering policy, the compile pipeline, on-stack replacement
 * and the deoptimizer entry (see be_tier.h).
 *
 * Policy in the manner of V8's tiering manager and of Hölzle & Ungar's
 * adaptive recompilation: counters on calls and loop back edges, a
 * function recompiled after each deoptimization once it is hot again (its
 * feedback has grown meanwhile), and never again after too many
 * deoptimizations (runtime/rt_deopt.c keeps the count).
 *
 * On-stack replacement without touching the graph builder: the function is
 * compiled from a clone of its bytecode whose first instruction jumps to
 * the loop header and in which every interpreter register (plus one for
 * the accumulator) is a formal parameter. The builder then makes each of
 * them a Parameter, i.e. the value the interpreter frame holds when the
 * OSR code is entered, exactly the loop-header state. Only outermost loops
 * (JumpLoop depth 0) are entered this way.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "be_tier.h"
#include "be_backend.h"
#include "be_regalloc.h"
#include "be_schedule.h"
#include "be_select.h"
#include "ir/ir_build.h"
#include "passes/pass.h"
#include "runtime/rt_feedback.h"
#include "runtime/rt_tier.h"

/* The extra root slot (Runtime.extra_roots) holding the heap values that
 * optimized code embeds (constants, shapes, call targets): the collector
 * must never free and reuse what a compiled check compares against. */
#define BE_TIER_ROOT_SLOT 7

typedef struct BeTier {
    BeBackend *be;
    uint32_t stress_counter;      /* --deopt-every-n-times */
    BeTierStats stats;
    ValueArray *roots;
    uint32_t nroots;
    BeTierWatch watch;            /* --dump-graphs, installed by the driver */
    RtOptCode **codes;            /* every installed code: discarded code may still be running, */
    uint32_t ncodes, codes_cap;   /* so it is freed only at teardown */
} BeTier;

/* What the deopt entry needs besides the table. */
typedef struct BeTierCode {
    BeCodeFn *cf;
    BeSelectPoint *points;
    uint32_t npoints;
} BeTierCode;

static double now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static BeTier *tier_of(Runtime *rt) { return rt->tier; }

void be_tier_install(Runtime *rt) {
    BeTier *t = calloc(1, sizeof *t);
    if (!t) abort();
    BeOptions o;
    be_options_from_flags(&o, &rt->flags);
    t->be = be_backend_new(&o, rt->out ? rt->out : stdout);
    rt->tier = t;
    rt->opt_hook = (void *)be_tier_hook;
}

static void code_free(RtOptCode *code) {
    for (uint32_t i = 0; i < code->ntramps; i++) rt_tramp_free(code->tramps[i]);
    free(code->tramps);
    BeTierCode *tc = code->backend;
    if (tc) {
        free(tc->points);
        free(tc);
    }
    free(code);
}

void be_tier_uninstall(Runtime *rt) {
    BeTier *t = tier_of(rt);
    if (!t) return;
    for (uint32_t i = 0; i < t->ncodes; i++) code_free(t->codes[i]);
    free(t->codes);
    be_backend_free(t->be);       /* unmaps the code and frees the tables */
    free(t);
    rt->tier = NULL;
    rt->opt_hook = NULL;
}

const BeTierStats *be_tier_stats(Runtime *rt) { return rt->tier ? &tier_of(rt)->stats : NULL; }

void be_tier_watch(Runtime *rt, const BeTierWatch *w) {
    if (rt->tier) tier_of(rt)->watch = *w;
}

static void fn_name(BytecodeFunction *bf, char *buf, size_t n) {
    buf[0] = 0;
    if (bf->flags & BFF_TOPLEVEL) { snprintf(buf, n, "<toplevel>"); return; }
    if (rt_is_string(bf->name)) {
        char *u = rt_string_to_utf8(bf->name, NULL);
        if (u) snprintf(buf, n, "%s", u);
        free(u);
    }
    if (!buf[0]) snprintf(buf, n, "<anonymous>");
}

static const char *file_of(BytecodeFunction *bf) {
    const char *f = bf->script && bf->script->filename ? bf->script->filename : "?";
    const char *s = strrchr(f, '/');
    return s ? s + 1 : f;
}

static void add_roots(Runtime *rt, BeTier *t, const Value *v, uint32_t n) {
    if (!n) return;
    uint32_t cap = t->roots ? t->roots->capacity : 0;
    if (t->nroots + n > cap) {
        uint32_t nc = cap ? cap * 2 : 64;
        while (nc < t->nroots + n) nc *= 2;
        ValueArray *na = rt_values_new(rt, nc);     /* may collect: the old array is still rooted */
        if (t->roots) memcpy(na->v, t->roots->v, t->nroots * sizeof(Value));
        t->roots = na;
        rt->extra_roots[BE_TIER_ROOT_SLOT] = rt_ptr(na);
    }
    memcpy(t->roots->v + t->nroots, v, n * sizeof(Value));
    t->nroots += n;
}

/* ---- the deoptimizer entry ------------------------------------------------------------------ */
static Value decode(const BeDeoptValue *v, const BeDeoptRegs *regs, uintptr_t fp) {
    if (v->kind == BE_DV_OPTIMIZED_OUT || v->kind == BE_DV_OBJECT) return RT_UNDEFINED;
    uint64_t bits = be_deopt_read(v, regs, fp);
    switch (v->repr) {
    case BE_REPR_INT32: return rt_int((int32_t)(uint32_t)bits);
    case BE_REPR_FLOAT64: {
        double d;
        memcpy(&d, &bits, 8);
        return rt_number(d);
    }
    case BE_REPR_BOOL: return rt_bool((bits & 1) != 0);
    default: return (Value)bits;
    }
}

static uint64_t deopt_entry(BeDeoptRegs *regs, uint32_t point, uintptr_t fp, uintptr_t fn_entry) {
    (void)fn_entry;
    RtActivation *act = *(RtActivation **)(fp + 16);
    Runtime *rt = act->rt;
    BeTierCode *tc = act->code->backend;
    const BeDeoptTable *t = &tc->cf->deopt;
    const BeDeoptPoint *p = &t->points[point];
    uint32_t nf = p->nframes ? p->nframes : 1;
    RtDeoptState *st = calloc(nf, sizeof *st);
    if (!st) abort();
    uint32_t ir = point < tc->npoints ? tc->points[point].ir_reason : IR_DEOPT__COUNT + 2;
    for (uint32_t i = 0; i < nf; i++) {
        const BeDeoptFrame *f = &t->frames[p->first_frame + i];
        const BeDeoptValue *vals = &t->values[f->first_value];
        Value *rv = malloc(((size_t)f->nregs + 1) * sizeof(Value));
        if (!rv) abort();
        st[i].bc_offset = f->bc_offset;
        st[i].bf = f->function;
        st[i].closure = decode(&vals[0], regs, fp);
        st[i].context = decode(&vals[1], regs, fp);
        st[i].receiver = decode(&vals[2], regs, fp);
        for (uint32_t k = 0; k < f->nregs; k++) rv[k] = decode(&vals[3 + k], regs, fp);
        st[i].acc = f->has_acc ? decode(&vals[3 + f->nregs], regs, fp) : RT_UNDEFINED;
        st[i].regs = rv;
        st[i].nregs = f->nregs;
        st[i].reason = (int)ir;
        if (ir < IR_DEOPT__COUNT) st[i].reason_text = ir_deopt_text(ir);
        else if (ir == IR_DEOPT__COUNT) st[i].reason_text = "forced (--deopt-every-n-times)";
        else if (ir == IR_DEOPT__COUNT + 1) st[i].reason_text = "code invalidated during a call";
        else st[i].reason_text = "unknown";
        st[i].soft = ir == IR_DEOPT_NoFeedback || ir == IR_DEOPT_Unsupported;
        st[i].counts = ir != IR_DEOPT__COUNT + 1;
        st[i].throwing = ir == IR_DEOPT_Exception;
        st[i].keep = ir == IR_DEOPT_Exception || ir == IR_DEOPT_ThrowInTry;
    }
    BeTier *tier = tier_of(rt);
    tier->stats.deopts++;
    if (ir == IR_DEOPT__COUNT) tier->stress_counter = 0;
    Value r = rt_deopt_frames(rt, act, st, nf);
    for (uint32_t i = 0; i < nf; i++) free(st[i].regs);
    free(st);
    return r;
}

/* ---- OSR: a clone that starts at the loop header ---------------------------------------------- */
static BytecodeFunction *osr_clone(BytecodeFunction *bf, uint32_t jl) {
    if (jl + 7 > bf->code_len || bf->code[jl] != BC_JumpLoop) return NULL;
    uint32_t header = rt_bc_u32(bf->code + jl + 1);
    uint32_t b = 0;
    while (b < 5 && b < bf->code_len) b += (uint32_t)rt_bytecode_length((Bytecode)bf->code[b]);
    if (b > header || header >= bf->code_len || (uint32_t)bf->register_count + 1 > 0xFFFF) return NULL;
    BytecodeFunction *c = malloc(sizeof *c);
    uint8_t *code = malloc(bf->code_len);
    if (!c || !code) abort();
    *c = *bf;
    memcpy(code, bf->code, bf->code_len);
    code[0] = BC_Jump;
    memcpy(code + 1, &header, 4);
    for (uint32_t i = 5; i < b; i++) code[i] = BC_Nop;
    c->code = code;
    c->formal_count = c->register_count = (uint16_t)(bf->register_count + 1);
    c->opt_code = NULL;
    c->tier = NULL;
    c->next_in_runtime = NULL;
    return c;
}

static void osr_clone_free(BytecodeFunction *c) {
    if (!c) return;
    free(c->code);
    free(c);
}

/* ---- compiling ------------------------------------------------------------------------------- */

/* One compile as the watcher sees it. Dumping (layout above all) can take
 * far longer than compiling: it is timed apart, so that --trace-opt
 * reports the compiler's own time. */
typedef struct Watched {
    const BeTierWatch *w;
    void *state;
    double ms;
} Watched;

static void watched_stage(void *data, const Graph *g, const char *pass, uint32_t index, bool changed) {
    Watched *x = data;
    double t0 = now_ms();
    x->w->stage(x->state, g, pass, index, changed);
    x->ms += now_ms() - t0;
}

static void watched_end(Watched *x, const char *outcome) {
    if (x->state && x->w->end) x->w->end(x->state, outcome);
    x->state = NULL;
}

/* A verifier failure is a compiler bug: fatal under --verify-each. */
static void verify_failed(Runtime *rt) {
    if (!rt->flags.verify_each) return;
    fflush(rt->out);
    fflush(rt->err);
    exit(BE_TIER_VERIFY_EXIT);
}
static bool bailout(Runtime *rt, BytecodeFunction *bf, const char *name, const char *why, uint32_t at) {
    BeTier *t = tier_of(rt);
    t->stats.bailouts++;
    if (rt->flags.trace_opt) {
        fprintf(rt->out, "[bailout %s (%s:%u): %s", name, file_of(bf), bf->line, why);
        if (at != UINT32_MAX) fprintf(rt->out, " at @%u", at);
        fprintf(rt->out, "]\n");
        fflush(rt->out);
    }
    return false;
}

/* A derived constructor's `this` is a register of its own code once
 * super() returned (StaThis); an arrow that calls super() binds the
 * constructor frame's instead, which optimized code would not see. */
static bool creates_closures(const BytecodeFunction *bf) {
    for (uint32_t pc = 0; pc < bf->code_len;) {
        uint8_t op = bf->code[pc];
        if (op >= BC__COUNT || op == BC_CreateClosure) return true;
        pc += (uint32_t)rt_bytecode_length((Bytecode)op);
    }
    return false;
}

bool be_tier_compile(Runtime *rt, BytecodeFunction *bf, uint32_t osr_pc, const char *why) {
    BeTier *t = tier_of(rt);
    if (!t) return false;
    RtTierInfo *ti = rt_tier_info(bf);
    ti->compiles++;
    char name[64], err[320];
    fn_name(bf, name, sizeof name);
    if (bf->opt_flags & BCO_NEVER_OPTIMIZE) return bailout(rt, bf, name, "marked never-optimize", UINT32_MAX);
    if ((bf->flags & BFF_DERIVED_CTOR) && creates_closures(bf))
        return bailout(rt, bf, name, "derived class constructor with closures (an arrow may call super)", UINT32_MAX);
    if (!be_backend_available(t->be)) return false;
    double t0 = now_ms();
    BytecodeFunction *src = bf, *clone = NULL;
    if (osr_pc) {
        clone = osr_clone(bf, osr_pc);
        if (!clone) return bailout(rt, bf, name, "no OSR entry at this loop", osr_pc);
        src = clone;
    }
    IrBailout irb;
    uint32_t where;
    Graph *g = ir_build_graph(rt, src, name, &irb, &where);
    if (!g) {
        osr_clone_free(clone);
        return bailout(rt, bf, name, ir_bailout_text(irb), where);
    }
    uint32_t built = g->live_count;
    const Flags *fl = &rt->flags;
    bool selected = !fl->graph_filter || strcmp(fl->graph_filter, name) == 0;
    Watched wd = {&t->watch, NULL, 0};
    if (selected && t->watch.begin) wd.state = t->watch.begin(rt, bf, name);
    PipelineOptions po = {
        .passes = fl->passes, .disable = fl->disable_pass,
        .print_after = selected ? fl->print_after : NULL,
        .print_graph = selected && fl->print_graph,
        .verify_each = fl->verify_each, .stats = fl->pass_stats,
        .out = rt->out, .err = rt->err, .rt = rt,
        .observer = wd.state && t->watch.stage ? watched_stage : NULL, .observer_data = &wd,
    };
    PipelineResult pr;
    if (!pass_pipeline_run(g, &po, &pr)) {
        ir_graph_free(g);
        osr_clone_free(clone);
        watched_end(&wd, pr.error[0] ? pr.error : "graph verifier failed");
        if (pr.verify_errors) verify_failed(rt);
        return bailout(rt, bf, name, pr.error[0] ? pr.error : "graph verifier failed", UINT32_MAX);
    }
    if (fl->pass_stats && selected) pass_stats_print(rt->out, g, &pr);
    uint32_t after = g->live_count;
    be_select_representations(g);
    ir_type_clamp(g);      /* an int32 phi gets an int32 type */
    IrErrors e = {0};
    if (ir_verify(g, &e)) {
        snprintf(err, sizeof err, "graph verifier failed after representation selection: %s", e.msg[0]);
        if (fl->verify_each) {
            fprintf(rt->err, "reef: graph of %s fails verification after representation selection:\n", name);
            ir_errors_print(rt->err, &e);
        }
        ir_errors_free(&e);
        ir_graph_free(g);
        osr_clone_free(clone);
        watched_end(&wd, err);
        verify_failed(rt);
        return bailout(rt, bf, name, err, UINT32_MAX);
    }
    ir_errors_free(&e);
    BeSchedule *s = be_schedule(g, err, sizeof err);
    if (!s) {
        ir_graph_free(g);
        osr_clone_free(clone);
        watched_end(&wd, err);
        return bailout(rt, bf, name, err, UINT32_MAX);
    }
    if (selected && fl->print_graph) be_schedule_print(rt->out, s);
    if (wd.state && t->watch.scheduled) {
        double w0 = now_ms();
        t->watch.scheduled(wd.state, g, s, pr.count + 1);
        wd.ms += now_ms() - w0;
    }
    RtOptCode *code = calloc(1, sizeof *code);
    if (!code) abort();
    code->bf = bf;
    code->osr_pc = osr_pc;
    BeSelectOptions so = {
        .code = code, .osr = osr_pc != 0, .osr_nregs = bf->register_count,
        .deopt_every_n = fl->deopt_every_n_times, .stress_counter = &t->stress_counter,
    };
    BeSelectResult sr;
    bool ok = be_select(g, s, &so, &sr, err, sizeof err);
    be_schedule_free(s);
    ir_graph_free(g);
    osr_clone_free(clone);
    if (!ok) {
        code_free(code);
        watched_end(&wd, err);
        return bailout(rt, bf, name, err, UINT32_MAX);
    }
    char lirname[96];
    snprintf(lirname, sizeof lirname, "%s%s", name, osr_pc ? " (osr)" : "");
    free(sr.fn->name);
    sr.fn->name = strdup(lirname);
    double t1 = now_ms();
    BeCodeFn *cf = NULL;
    if (be_regalloc(sr.fn, fl->print_regalloc ? rt->out : NULL, err, sizeof err)) {
        t1 = now_ms();
        cf = be_backend_compile(t->be, sr.fn, (uint64_t)(uintptr_t)deopt_entry, err, sizeof err);
    }
    double t2 = now_ms();
    if (!cf) {
        be_lir_free(sr.fn);
        be_select_free(&sr);
        code_free(code);
        watched_end(&wd, err);
        return bailout(rt, bf, name, err, UINT32_MAX);
    }
    add_roots(rt, t, sr.roots, sr.nroots);
    BeTierCode *tc = calloc(1, sizeof *tc);
    if (!tc) abort();
    tc->cf = cf;
    tc->points = sr.points;
    tc->npoints = sr.fn->deopt.npoints;
    sr.points = NULL;
    code->backend = tc;
    code->entry = (RtOptEntry)cf->entry;
    uint32_t ninstrs = sr.ninstrs;
    be_lir_free(sr.fn);
    be_select_free(&sr);
    if (t->ncodes == t->codes_cap) {
        t->codes_cap = t->codes_cap ? 2 * t->codes_cap : 64;
        t->codes = realloc(t->codes, t->codes_cap * sizeof *t->codes);
        if (!t->codes) abort();
    }
    t->codes[t->ncodes++] = code;
    if (osr_pc) ti->osr = code;
    else bf->opt_code = code;
    ti->calls_since = ti->backedges_since = 0;
    double ms = t2 - t0 - wd.ms, mc = t2 - t1;
    if (wd.state) {
        char outcome[160];
        snprintf(outcome, sizeof outcome, "compiled: %u nodes built, %u after passes, %u instrs, %.2f ms",
                 built, after, ninstrs, ms);
        watched_end(&wd, outcome);
    }
    t->stats.compiles++;
    t->stats.total_ms += ms;
    t->stats.mc_ms += mc;
    if (fl->trace_opt) {
        fprintf(rt->out, "[compiling %s (%s:%u)%s reason: %s, %u nodes -> %u after passes, %u instrs, %.2f ms, of which MC %.2f ms]\n",
                name, file_of(bf), bf->line, osr_pc ? " OSR" : "", why, built, after, ninstrs, ms, mc);
        fflush(rt->out);
    }
    return true;
}

/* ---- the hook ---------------------------------------------------------------------------------- */
void be_tier_hook(Runtime *rt, JSFunction *fn, int reason, uint32_t pc) {
    if (!fn || !fn->bc || rt->flags.no_opt || !rt->tier) return;
    BytecodeFunction *bf = fn->bc;
    RtTierInfo *ti = rt_tier_info(bf);
    switch (reason) {
    case 0: {   /* a call: the frame is pushed; the interpreter enters opt_code if we install it */
        if (bf->opt_code || (bf->flags & BFF_TOPLEVEL)) return;
        if (bf->opt_flags & BCO_NEVER_OPTIMIZE) return;
        if (bf->opt_flags & BCO_OPTIMIZE_ON_NEXT_CALL) {
            bf->opt_flags &= ~(uint32_t)BCO_OPTIMIZE_ON_NEXT_CALL;
            be_tier_compile(rt, bf, 0, "%OptimizeFunctionOnNextCall");
            return;
        }
        if (ti->failed) return;
        if (rt->flags.always_opt) {
            if (!be_tier_compile(rt, bf, 0, "--always-opt")) ti->failed = 1;
            return;
        }
        if (++ti->calls_since >= BE_TIER_CALL_BUDGET) {
            if (!be_tier_compile(rt, bf, 0, "hot")) ti->failed = 1;
        }
        return;
    }
    case 1: {   /* a loop back edge at the JumpLoop at pc */
        if (bf->opt_flags & BCO_NEVER_OPTIMIZE) return;
        bool want = (bf->opt_flags & BCO_OSR_REQUESTED) != 0;
        if (!want && ti->failed) return;
        if (!want) want = ++ti->backedges_since >= (rt->flags.always_opt ? 1 : BE_TIER_BACKEDGE_BUDGET);
        /* inner loops count, but OSR enters at an outermost loop's header */
        if (!want || pc + 7 > bf->code_len || rt_bc_u16(bf->code + pc + 5) != 0) return;
        bf->opt_flags &= ~(uint32_t)BCO_OSR_REQUESTED;
        ti->backedges_since = 0;
        if (ti->osr && ti->osr->osr_pc == pc) return;
        if (!be_tier_compile(rt, bf, pc, (bf->opt_flags & BCO_OSR_REQUESTED) ? "%OptimizeOsr" : "hot loop"))
            ti->failed = 1;
        return;
    }
    default:    /* natives */
        if (bf->opt_flags & BCO_DEOPT_REQUESTED) {
            bf->opt_flags &= ~(uint32_t)BCO_DEOPT_REQUESTED;
            rt_deopt_invalidate(rt, bf, "%DeoptimizeNow");
        }
        if (bf->opt_flags & BCO_NEVER_OPTIMIZE) rt_deopt_invalidate(rt, bf, "%NeverOptimizeFunction");
        if (bf->opt_flags & BCO_OPTIMIZE_ON_NEXT_CALL) ti->failed = 0;
        return;
    }
}

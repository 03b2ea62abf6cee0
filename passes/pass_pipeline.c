/* pass_pipeline.c — the registry built from passes.def and the pipeline
 * driver: the default sequence, --passes replacing it, --disable-pass,
 * --print-after, --verify-each and --pass-stats. Every stage is reported
 * to an observer so that graphs/ can dump it without passes/ knowing
 * about graphs/ (the dependency rule of DESIGN §1).
 */
#include "pass.h"

#include <string.h>
#include <time.h>

const PassInfo pass_registry[] = {
#define PASS(name, fn, summary) {#name, fn, summary},
#include "passes.def"
#undef PASS
};
const uint32_t pass_registry_count = sizeof pass_registry / sizeof pass_registry[0];

/* Inline first, so that every later pass sees callee and caller as one
 * graph; fold (it kills dead branches locally and value-numbers, so that
 * equal objects are one node); peel small loops, so that the first
 * iteration's checks and loads cover the body's; forward loads (so that
 * checks of a reloaded field see the same value) and replace allocations
 * that do not escape; fold again (value numbering makes the checks' inputs
 * equal); drop checks covered on every path, fold what that exposed, and
 * sweep what is left unreachable or unused. */
const char pass_default_pipeline[] = "inline,fold,peel,loadelim,escape,fold,checkelim,fold,dce";

const PassInfo *pass_find(const char *name) {
    for (uint32_t i = 0; i < pass_registry_count; i++)
        if (strcmp(pass_registry[i].name, name) == 0) return &pass_registry[i];
    return NULL;
}

/* Whether `name` is one of the comma-separated names in list. */
static bool in_list(const char *list, const char *name) {
    if (!list) return false;
    size_t n = strlen(name);
    const char *p = list;
    while (*p) {
        const char *e = strchr(p, ',');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        if ((len == n && strncmp(p, name, n) == 0) || (len == 3 && strncmp(p, "all", 3) == 0)) return true;
        if (!e) break;
        p = e + 1;
    }
    return false;
}

static double now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* A graph the verifier rejects is a compiler bug: the function stays
 * interpreted. The messages go to err only under --verify-each; otherwise
 * the first one becomes the bailout reason (--trace-opt shows it). */
static bool verify(Graph *g, const char *after, const PipelineOptions *opt, FILE *err, PipelineResult *res) {
    IrErrors e = {0};
    uint32_t n = ir_verify(g, &e);
    if (n) {
        if (opt->verify_each) {
            fprintf(err, "reef: graph of %s fails verification after %s:\n", g->name, after);
            ir_errors_print(err, &e);
        }
        res->verify_errors = n;
        res->failed_after = after;
        snprintf(res->error, sizeof res->error, "graph verifier failed after %s (%u error%s): %s", after, n,
                 n == 1 ? "" : "s", e.count ? e.msg[0] : "?");
    }
    ir_errors_free(&e);
    return n == 0;
}

bool pass_pipeline_run(Graph *g, const PipelineOptions *opt, PipelineResult *res) {
    memset(res, 0, sizeof *res);
    FILE *out = opt->out ? opt->out : stdout;
    FILE *err = opt->err ? opt->err : stderr;
    const char *list = opt->passes ? opt->passes : pass_default_pipeline;

    /* Resolve every name first: a typo fails before any work is done. */
    const PassInfo *seq[PIPELINE_MAX_PASSES];
    uint32_t n = 0;
    const char *p = list;
    while (*p) {
        const char *e = strchr(p, ',');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        if (len > 0) {
            char name[64];
            if (len >= sizeof name) len = sizeof name - 1;
            memcpy(name, p, len);
            name[len] = 0;
            const PassInfo *pi = pass_find(name);
            if (!pi) {
                snprintf(res->error, sizeof res->error, "unknown pass '%s'", name);
                return false;
            }
            if (!in_list(opt->disable, name)) {
                if (n == PIPELINE_MAX_PASSES) {
                    snprintf(res->error, sizeof res->error, "more than %d passes", PIPELINE_MAX_PASSES);
                    return false;
                }
                seq[n++] = pi;
            }
        }
        if (!e) break;
        p = e + 1;
    }

    if (opt->print_after && in_list(opt->print_after, "build")) ir_print_graph(out, g, "after build");
    if (opt->observer) opt->observer(opt->observer_data, g, "build", 0, true);
    if (opt->verify_each && !verify(g, "build", opt, err, res)) return false;

    for (uint32_t i = 0; i < n; i++) {
        PassContext ctx = {.rt = opt->rt, .log = err, .pass = seq[i]->name};
        PassStat *st = &res->stats[res->count++];
        st->name = seq[i]->name;
        st->nodes_before = g->live_count;
        double t0 = now_ms();
        st->changed = seq[i]->fn(g, &ctx);
        st->ms = now_ms() - t0;
        st->nodes_after = g->live_count;
        st->visits = ctx.visits;
        st->changes = ctx.changes;
        if (opt->print_after && in_list(opt->print_after, seq[i]->name)) {
            char title[80];
            snprintf(title, sizeof title, "after %s", seq[i]->name);
            ir_print_graph(out, g, title);
        }
        if (opt->observer) opt->observer(opt->observer_data, g, seq[i]->name, i + 1, st->changed);
        if ((opt->verify_each || i + 1 == n) && !verify(g, seq[i]->name, opt, err, res)) return false;
    }
    if (n == 0 && !opt->verify_each && !verify(g, "build", opt, err, res)) return false;
    if (opt->print_graph && !opt->print_after) ir_print_graph(out, g, NULL);
    return true;
}

void pass_stats_print(FILE *f, const Graph *g, const PipelineResult *res) {
    fprintf(f, "[pass-stats %s]\n", g->name);
    fprintf(f, "  %-10s %9s %7s %7s %9s %9s %s\n", "pass", "ms", "before", "after", "visits", "changes",
            "visits/change");
    double total = 0;
    for (uint32_t i = 0; i < res->count; i++) {
        const PassStat *s = &res->stats[i];
        total += s->ms;
        fprintf(f, "  %-10s %9.3f %7u %7u %9llu %9llu", s->name, s->ms, s->nodes_before, s->nodes_after,
                (unsigned long long)s->visits, (unsigned long long)s->changes);
        if (s->changes) fprintf(f, " %.1f\n", (double)s->visits / (double)s->changes);
        else fputs(" -\n", f);
    }
    fprintf(f, "  %-10s %9.3f\n", "total", total);
}

/* pass.h — the pass interface, the registry and the pipeline driver.
 *
 * A pass is `bool pass_NAME(Graph *g, PassContext *ctx)`: it rewrites the
 * graph in place and returns whether it changed anything. Worklist passes
 * add their node visits and changes to ctx so that --pass-stats can show how
 * much work each rewrite cost. The pipeline (pass_pipeline.c) runs a list
 * of passes, verifies, prints and reports to an observer (graphs/ uses it
 * to dump each stage) — passes never print or dump by themselves.
 */
#ifndef PASS_H
#define PASS_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include "ir/ir.h"

typedef struct PassContext {
    Runtime *rt;              /* may be NULL (unit tests) */
    FILE *log;                /* where a pass may explain itself (never NULL) */
    const char *pass;         /* name of the running pass */
    uint64_t visits, changes; /* filled in by worklist passes */
} PassContext;

typedef bool (*PassFn)(Graph *g, PassContext *ctx);

typedef struct PassInfo {
    const char *name;
    PassFn fn;
    const char *summary;
} PassInfo;

#define PASS(name, fn, summary) bool fn(Graph *g, PassContext *ctx);
#include "passes.def"
#undef PASS

extern const PassInfo pass_registry[];
extern const uint32_t pass_registry_count;
const PassInfo *pass_find(const char *name);
extern const char pass_default_pipeline[];

/* Called before the first pass (pass "build", index 0) and after each pass. */
typedef void (*PassObserver)(void *data, const Graph *g, const char *pass, uint32_t index, bool changed);

typedef struct PipelineOptions {
    const char *passes;        /* "a,b,c" replaces the default pipeline; NULL: default */
    const char *disable;       /* comma-separated passes to drop */
    const char *print_after;   /* comma-separated pass names, or "all" ("build" = before any pass) */
    bool print_graph;          /* print the final graph (when print_after is NULL) */
    bool verify_each;          /* verify after every pass (the final graph is always verified) */
    bool stats;                /* --pass-stats */
    FILE *out;                 /* printing; NULL: stdout */
    FILE *err;                 /* verifier messages, statistics; NULL: stderr */
    PassObserver observer;
    void *observer_data;
    Runtime *rt;
} PipelineOptions;

#define PIPELINE_MAX_PASSES 64

typedef struct PassStat {
    const char *name;
    double ms;
    uint32_t nodes_before, nodes_after;
    uint64_t visits, changes;
    bool changed;
} PassStat;

typedef struct PipelineResult {
    uint32_t count;                 /* passes run */
    PassStat stats[PIPELINE_MAX_PASSES];
    uint32_t verify_errors;         /* found after the failing pass */
    const char *failed_after;       /* pass after which verification failed ("build": before any) */
    char error[160];                /* unknown pass name, or the verifier's first message */
} PipelineResult;

/* Runs the pipeline. False when a pass name is unknown (res->error) or the
 * verifier rejects the graph (res->failed_after; messages went to err). */
bool pass_pipeline_run(Graph *g, const PipelineOptions *opt, PipelineResult *res);
/* Writes the --pass-stats table. */
void pass_stats_print(FILE *f, const Graph *g, const PipelineResult *res);

#endif

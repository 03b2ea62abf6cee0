/* reef_main.c — `reef [flags] file.js [args]`, `reef -e CODE`, or a REPL.
 * Creates the runtime, installs the front end as its compile hook, the
 * Node-style host, and runs. Exit status follows Node: 1 on an uncaught
 * exception or a syntax error. */
#include <stdlib.h>
#include <string.h>
#include "driver/dr_driver.h"
#include "frontend/fe_compile.h"
#include "runtime/rt_feedback.h"
#include "backend/be_tier.h"
#include "graphs/gr_dump.h"

static BytecodeFunction *compile_hook(Runtime *rt, const char *filename, const char *source,
                                      size_t len, CompileMode mode, const char *params) {
    return fe_compile(rt, filename, source, len, mode, params, NULL);
}

int main(int argc, char **argv) {
    DrOptions opts;
    int p = dr_parse_args(argc, argv, &opts);
    if (p != 0) return p < 0 ? 2 : 0;

    Runtime *rt = rt_new(&opts.flags, __builtin_frame_address(0));
    if (!rt) {
        fprintf(stderr, "reef: cannot create the runtime\n");
        return 1;
    }
    rt->compile = compile_hook;
    if (!rt->flags.no_opt) {
        be_tier_install(rt);
        if (rt->flags.dump_graphs) gr_watch_install(rt);   /* --dump-graphs follows every compile */
    }
    dr_host_init(rt, &opts);

    int status;
    if (opts.eval_src) status = dr_run_source(rt, "[eval]", opts.eval_src, strlen(opts.eval_src));
    else if (opts.script) status = dr_run_main(rt, opts.script);
    else status = dr_repl(rt);

    if (rt->flags.print_feedback) rt_feedback_print_all(rt, rt->out);
    fflush(rt->out);
    fflush(rt->err);
    void *host = rt->host;
    be_tier_uninstall(rt);
    rt_free(rt);
    free(host);
    return status;
}

/* dr_repl.c — the read-eval-print loop: each input is compiled as a script
 * in the global scope; input that ends in the middle of a construct
 * ("Unexpected end of input") continues on the next line, as in Node's REPL;
 * the completion value is printed with console.log's formatting. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "driver/dr_driver.h"
#include "frontend/fe_compile.h"

static bool incomplete(const FeDiags *d, const char *src, size_t len) {
    if (d->count == 0) return false;
    /* An error at the very end of the text means the construct is unfinished. */
    for (size_t i = 0; i < d->count; i++)
        if (strstr(d->items[i].message, "end of input")) return true;
    (void)src;
    (void)len;
    return false;
}

int dr_repl(Runtime *rt) {
    bool tty = isatty(0);
    char *buf = NULL;
    size_t len = 0, cap = 0;
    char line[4096];
    for (;;) {
        if (tty) {
            fputs(len ? "... " : "> ", stdout);
            fflush(stdout);
        }
        if (!fgets(line, sizeof line, stdin)) break;
        size_t n = strlen(line);
        if (len + n + 1 > cap) {
            cap = (len + n + 1) * 2;
            char *nb = realloc(buf, cap);
            if (!nb) break;
            buf = nb;
        }
        memcpy(buf + len, line, n + 1);
        len += n;
        if (len == 1 && buf[0] == '\n') { len = 0; continue; }
        if (strcmp(buf, ".exit\n") == 0) break;

        FeDiags diags = {0};
        BytecodeFunction *bf = fe_compile(rt, "REPL", buf, len, RT_COMPILE_SCRIPT, NULL, &diags);
        if (!bf) {
            bool more = incomplete(&diags, buf, len);
            if (!more) fe_print_diags(&diags, "REPL", buf, rt->err);
            fe_diags_free(&diags);
            rt_take_exception(rt);
            if (more) continue;
            len = 0;
            continue;
        }
        fe_diags_free(&diags);
        len = 0;
        Value r = rt_run_toplevel(rt, bf, rt_ptr(rt->global));
        if (rt_is_exception(r)) {
            fflush(rt->out);
            rt_report_exception(rt, rt_take_exception(rt), rt->err);
            continue;
        }
        rt_console_print(rt, rt->out, 1, &r);
        fflush(rt->out);
    }
    free(buf);
    if (tty) fputc('\n', stdout);
    return 0;
}

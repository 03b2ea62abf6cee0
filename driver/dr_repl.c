/* dr_repl.c — the read-eval-print loop: each input is compiled as a script
 * in the global scope; input that ends in the middle of a construct
 * ("Unexpected end of input") continues on the next line, as in Node's REPL;
 * the completion value is printed with console.log's formatting. */
#include <stdlib.h>
#include <string.h>
#include "driver/dr_driver.h"
#include "driver/dr_lineedit.h"
#include "frontend/fe_compile.h"

/* An error at the end of the text means the construct is unfinished. */
static bool incomplete(const FeDiags *d) {
    for (size_t i = 0; i < d->count; i++)
        if (strstr(d->items[i].message, "end of input")) return true;
    return false;
}

static bool append(char **buf, size_t *len, size_t *cap, const char *s) {
    size_t n = strlen(s);
    if (*len + n + 2 > *cap) {
        size_t nc = (*len + n + 2) * 2;
        char *nb = realloc(*buf, nc);
        if (!nb) return false;
        *buf = nb;
        *cap = nc;
    }
    memcpy(*buf + *len, s, n);
    *len += n;
    (*buf)[(*len)++] = '\n';
    (*buf)[*len] = 0;
    return true;
}

/* Compiles and runs one complete input; false when more lines are needed. */
static bool eval_input(Runtime *rt, const char *src, size_t len) {
    FeDiags diags = {0};
    BytecodeFunction *bf = fe_compile(rt, "REPL", src, len, RT_COMPILE_SCRIPT, NULL, &diags);
    if (!bf) {
        bool more = incomplete(&diags);
        if (!more) fe_print_diags(&diags, "REPL", src, rt->err);
        fe_diags_free(&diags);
        rt_take_exception(rt);
        return !more;
    }
    fe_diags_free(&diags);
    Value r = rt_run_toplevel(rt, bf, rt_ptr(rt->global));
    if (rt_is_exception(r)) {
        fflush(rt->out);
        rt_report_exception(rt, rt_take_exception(rt), rt->err);
    } else {
        /* Like Node's REPL: the value as util.inspect shows it (strings quoted). */
        Value shown = rt_inspect(rt, r);
        if (rt_is_exception(shown)) {
            rt_report_exception(rt, rt_take_exception(rt), rt->err);
        } else {
            char *u = rt_string_to_utf8(shown, NULL);
            fprintf(rt->out, "%s\n", u);
            free(u);
        }
    }
    fflush(rt->out);
    fflush(rt->err);
    return true;
}

int dr_repl(Runtime *rt) {
    LineEditor ed = {0};
    char *buf = NULL;
    size_t len = 0, cap = 0;
    for (;;) {
        char *line = dr_readline(&ed, len ? "... " : "> ");
        if (!line) break;
        bool exit_cmd = len == 0 && strcmp(line, ".exit") == 0;
        bool ok = !exit_cmd && append(&buf, &len, &cap, line);
        free(line);
        if (!ok) break;
        if (len == 1) { len = 0; continue; }  /* empty line */
        if (eval_input(rt, buf, len)) len = 0;
    }
    free(buf);
    dr_lineedit_free(&ed);
    return 0;
}

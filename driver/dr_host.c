/* dr_host.c — enough of Node's host for ordinary scripts and the
 * Are-We-Fast-Yet harness: CommonJS `require` of relative files with a module
 * cache, `module.exports`/`exports`, `process` (argv, env, exit, hrtime,
 * stdout.write, platform) and `performance.now()`. Modules are compiled as
 * function bodies with Node's wrapper parameters, so top-level declarations
 * of a file stay local to it, as in Node. */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "driver/dr_driver.h"
#include "frontend/fe_compile.h"
#include "runtime/rt_builtins.h"

extern char **environ;

enum { ROOT_MODULE_CACHE = 0 };
#define MODULE_PARAMS "exports, require, module, __filename, __dirname"

typedef struct DrHost {
    const DrOptions *opts;
    struct timespec start;
} DrHost;

char *dr_read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    for (;;) {
        if (!buf) break;
        size_t got = fread(buf + n, 1, cap - n - 1, f);
        n += got;
        if (n + 1 < cap) break;
        char *nb = realloc(buf, cap * 2);
        if (!nb) { free(buf); buf = NULL; break; }
        buf = nb;
        cap *= 2;
    }
    int err = ferror(f);
    fclose(f);
    if (!buf || err) {
        free(buf);
        errno = err ? EIO : ENOMEM;
        return NULL;
    }
    buf[n] = 0;
    if (len) *len = n;
    return buf;
}

static Value str(Runtime *rt, const char *s) { return rt_string_from_cstr(rt, s); }

static Value set_prop(Runtime *rt, Value obj, const char *name, Value v) {
    rt_define_cstr(rt, rt_as_object(obj), name, v, PROP_DEFAULT);
    return v;
}

/* ---- process ------------------------------------------------------------ */

static Value proc_exit(Runtime *rt, Value this_val, int argc, Value *argv, Value nt, JSNative *self) {
    int code = 0;
    if (argc > 0 && !rt_is_undefined(argv[0])) {
        int32_t c;
        if (rt_to_int32(rt, argv[0], &c) < 0) return RT_EXCEPTION;
        code = c;
    }
    fflush(rt->out);
    fflush(rt->err);
    exit(code & 0xff);
}

static Value proc_write(Runtime *rt, Value this_val, int argc, Value *argv, Value nt, JSNative *self) {
    Value s = rt_to_string(rt, argc > 0 ? argv[0] : RT_UNDEFINED);
    if (rt_is_exception(s)) return s;
    size_t n;
    char *u = rt_string_to_utf8(s, &n);
    fwrite(u, 1, n, self->magic == 2 ? rt->err : rt->out);
    free(u);
    return RT_TRUE;
}

static Value proc_hrtime(Runtime *rt, Value this_val, int argc, Value *argv, Value nt, JSNative *self) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    double sec = (double)ts.tv_sec, nsec = (double)ts.tv_nsec;
    if (argc > 0 && !rt_is_undefined(argv[0])) {
        if (!rt_is_array(argv[0]))
            return rt_throw_error(rt, ERR_TypeError, "The \"time\" argument must be an instance of Array");
        double ps, pn;
        if (rt_to_number(rt, rt_get_index(rt, argv[0], 0), &ps) < 0) return RT_EXCEPTION;
        if (rt_to_number(rt, rt_get_index(rt, argv[0], 1), &pn) < 0) return RT_EXCEPTION;
        sec -= ps;
        nsec -= pn;
        if (nsec < 0) { sec -= 1; nsec += 1e9; }
    }
    Value parts[2] = {rt_number(sec), rt_number(nsec)};
    return rt_ptr(rt_array_from(rt, parts, 2));
}

static Value perf_now(Runtime *rt, Value this_val, int argc, Value *argv, Value nt, JSNative *self) {
    DrHost *h = rt->host;
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    double ms = (double)(ts.tv_sec - h->start.tv_sec) * 1e3 + (double)(ts.tv_nsec - h->start.tv_nsec) / 1e6;
    return rt_double(ms);
}

static void init_process(Runtime *rt, const DrOptions *o) {
    Value proc = rt_ptr(rt_object_new(rt, rt_intrinsic(rt, INTR_ObjectPrototype)));
    rt_define_cstr(rt, rt->global, "process", proc, PROP_HIDDEN);

    JSObject *argv = rt_array_new(rt, 0);
    char buf[PATH_MAX];
    const char *exe = realpath("/proc/self/exe", buf) ? buf : o->exec_path;
    rt_array_push(rt, argv, str(rt, exe));
    if (o->script) {
        char sbuf[PATH_MAX];
        rt_array_push(rt, argv, str(rt, realpath(o->script, sbuf) ? sbuf : o->script));
    }
    for (int i = 0; i < o->script_argc; i++) rt_array_push(rt, argv, str(rt, o->script_argv[i]));
    set_prop(rt, proc, "argv", rt_ptr(argv));

    Value env = rt_ptr(rt_object_new(rt, rt_intrinsic(rt, INTR_ObjectPrototype)));
    for (char **e = environ; e && *e; e++) {
        const char *eq = strchr(*e, '=');
        if (!eq) continue;
        Value key = rt_intern(rt, rt_string_from_utf8(rt, *e, (size_t)(eq - *e)));
        rt_define_data(rt, rt_as_object(env), rt_to_property_key(rt, key), str(rt, eq + 1), PROP_DEFAULT);
    }
    set_prop(rt, proc, "env", env);
    set_prop(rt, proc, "platform", str(rt, "linux"));
    set_prop(rt, proc, "exitCode", RT_UNDEFINED);
    rt_define_native(rt, rt_as_object(proc), "exit", proc_exit, 1, 0);
    rt_define_native(rt, rt_as_object(proc), "hrtime", proc_hrtime, 1, 0);

    Value out = rt_ptr(rt_object_new(rt, rt_intrinsic(rt, INTR_ObjectPrototype)));
    rt_define_native(rt, rt_as_object(out), "write", proc_write, 1, 1);
    set_prop(rt, proc, "stdout", out);
    Value err = rt_ptr(rt_object_new(rt, rt_intrinsic(rt, INTR_ObjectPrototype)));
    rt_define_native(rt, rt_as_object(err), "write", proc_write, 1, 2);
    set_prop(rt, proc, "stderr", err);

    Value perf = rt_ptr(rt_object_new(rt, rt_intrinsic(rt, INTR_ObjectPrototype)));
    rt_define_native(rt, rt_as_object(perf), "now", perf_now, 0, 0);
    rt_define_cstr(rt, rt->global, "performance", perf, PROP_HIDDEN);
}

/* ---- CommonJS modules ------------------------------------------------------- */

static char *dir_of(const char *path) {
    const char *slash = strrchr(path, '/');
    if (!slash) return strdup(".");
    if (slash == path) return strdup("/");
    return strndup(path, (size_t)(slash - path));
}

static bool is_file(const char *p) {
    FILE *f = fopen(p, "rb");
    if (!f) return false;
    fclose(f);
    return true;
}

/* Node's resolution for relative specifiers: X, X.js, X/index.js. */
static bool resolve(const char *dir, const char *spec, char out[PATH_MAX]) {
    char joined[PATH_MAX];
    if (spec[0] == '/') snprintf(joined, sizeof joined, "%s", spec);
    else snprintf(joined, sizeof joined, "%s/%s", dir, spec);
    static const char *const suffixes[] = {"", ".js", "/index.js"};
    for (size_t i = 0; i < 3; i++) {
        char cand[PATH_MAX + 16];
        snprintf(cand, sizeof cand, "%s%s", joined, suffixes[i]);
        if (is_file(cand) && realpath(cand, out)) return true;
    }
    return false;
}

static Value make_require(Runtime *rt, const char *dir);

/* Loads (or returns the cached) module at the absolute path `abs`. */
static Value load_module(Runtime *rt, const char *abs) {
    Value cache = rt->extra_roots[ROOT_MODULE_CACHE];
    Value key = rt_to_property_key(rt, str(rt, abs));
    Value cached = rt_get(rt, cache, key);
    if (rt_is_exception(cached)) return cached;
    if (rt_is_object(cached)) return rt_get_cstr(rt, cached, "exports");

    size_t len;
    char *src = dr_read_file(abs, &len);
    if (!src) return rt_throw_error(rt, ERR_Error, "Cannot read module '%s': %s", abs, strerror(errno));
    FeDiags diags = {0};
    BytecodeFunction *bf = fe_compile(rt, abs, src, len, RT_COMPILE_FUNCTION_BODY, MODULE_PARAMS, &diags);
    if (!bf) {
        if (diags.count) {
            fe_print_diags(&diags, abs, src, rt->err);
            rt_throw_error(rt, ERR_SyntaxError, "%s", diags.items[0].message);
        }
        fe_diags_free(&diags);
        free(src);
        return RT_EXCEPTION;
    }
    fe_diags_free(&diags);
    free(src);

    Value module = rt_ptr(rt_object_new(rt, rt_intrinsic(rt, INTR_ObjectPrototype)));
    Value exports = rt_ptr(rt_object_new(rt, rt_intrinsic(rt, INTR_ObjectPrototype)));
    set_prop(rt, module, "id", str(rt, abs));
    set_prop(rt, module, "filename", str(rt, abs));
    set_prop(rt, module, "exports", exports);
    set_prop(rt, module, "loaded", RT_FALSE);
    if (rt_set(rt, cache, key, module, false) < 0) return RT_EXCEPTION;

    char *dir = dir_of(abs);
    Value args[5] = {exports, make_require(rt, dir), module, str(rt, abs), str(rt, dir)};
    free(dir);
    Value fn = rt_ptr(rt_closure_new(rt, bf, NULL));
    if (rt->flags.print_bytecode) fe_print_bytecode(rt, bf, rt->out);
    Value r = rt_call(rt, fn, exports, 5, args);
    if (rt_is_exception(r)) return r;
    set_prop(rt, module, "loaded", RT_TRUE);
    return rt_get_cstr(rt, module, "exports");
}

static Value host_require(Runtime *rt, Value this_val, int argc, Value *argv, Value nt, JSNative *self) {
    Value spec = rt_to_string(rt, argc > 0 ? argv[0] : RT_UNDEFINED);
    if (rt_is_exception(spec)) return spec;
    char *s = rt_string_to_utf8(spec, NULL);
    char *dir = rt_string_to_utf8(self->data[0], NULL);
    char abs[PATH_MAX];
    bool relative = s[0] == '/' || strncmp(s, "./", 2) == 0 || strncmp(s, "../", 3) == 0;
    bool found = relative && resolve(dir, s, abs);
    Value r;
    if (!found) r = rt_throw_error(rt, ERR_Error, "Cannot find module '%s'", s);
    else r = load_module(rt, abs);
    free(s);
    free(dir);
    return r;
}

static Value make_require(Runtime *rt, const char *dir) {
    JSNative *fn = rt_native_new(rt, host_require, "require", 1, 0);
    fn->data[0] = str(rt, dir);
    return rt_ptr(fn);
}

/* ---- test262's host object ------------------------------------------------ */

/* $262.evalScript(src): parse and run src as a separate script in the global
 * scope; syntax errors are thrown as SyntaxError, as INTERPRETING.md asks. */
static Value t262_eval_script(Runtime *rt, Value this_val, int argc, Value *argv, Value nt, JSNative *self) {
    Value src = rt_to_string(rt, argc > 0 ? argv[0] : RT_UNDEFINED);
    if (rt_is_exception(src)) return src;
    return rt_eval_script(rt, src);
}

static Value t262_gc(Runtime *rt, Value this_val, int argc, Value *argv, Value nt, JSNative *self) {
    rt_gc_collect(rt);
    return RT_UNDEFINED;
}

static void init_test262(Runtime *rt) {
    Value o = rt_ptr(rt_object_new(rt, rt_intrinsic(rt, INTR_ObjectPrototype)));
    rt_define_native(rt, rt_as_object(o), "evalScript", t262_eval_script, 1, 0);
    rt_define_native(rt, rt_as_object(o), "gc", t262_gc, 0, 0);
    set_prop(rt, o, "global", rt_ptr(rt->global));
    rt_define_cstr(rt, rt->global, "$262", o, PROP_HIDDEN);
}

void dr_host_init(Runtime *rt, const DrOptions *opts) {
    DrHost *h = calloc(1, sizeof *h);
    if (!h) {
        fprintf(stderr, "reef: out of memory\n");
        exit(1);
    }
    h->opts = opts;
    clock_gettime(CLOCK_MONOTONIC, &h->start);
    rt->host = h;
    rt->extra_roots[ROOT_MODULE_CACHE] = rt_ptr(rt_object_new(rt, RT_NULL));
    init_process(rt, opts);
    if (rt->flags.test262_host) init_test262(rt);
}

/* Uncaught exceptions print like Node's and give exit status 1. */
static int finish(Runtime *rt, Value r) {
    if (rt_is_exception(r)) {
        fflush(rt->out);
        rt_report_exception(rt, rt_take_exception(rt), rt->err);
        return 1;
    }
    return 0;
}

int dr_run_main(Runtime *rt, const char *path) {
    if (rt->flags.script) {
        size_t n;
        char *text = dr_read_file(path, &n);
        if (!text) {
            fprintf(rt->err, "reef: cannot read '%s': %s\n", path, strerror(errno));
            return 1;
        }
        int st = dr_run_source(rt, path, text, n);
        free(text);
        return st;
    }
    char abs[PATH_MAX];
    if (!realpath(path, abs) || !is_file(abs)) {
        fprintf(rt->err, "reef: cannot open '%s': %s\n", path, strerror(errno ? errno : ENOENT));
        return 1;
    }
    /* Syntax errors of the main file get every diagnostic, not just the first. */
    size_t len;
    char *src = dr_read_file(abs, &len);
    if (!src) {
        fprintf(rt->err, "reef: cannot read '%s': %s\n", path, strerror(errno));
        return 1;
    }
    FeDiags diags = {0};
    BytecodeFunction *bf = fe_compile(rt, path, src, len, RT_COMPILE_FUNCTION_BODY, MODULE_PARAMS, &diags);
    if (!bf) {
        fe_print_diags(&diags, path, src, rt->err);
        fe_diags_free(&diags);
        free(src);
        rt_take_exception(rt);
        return 1;
    }
    fe_diags_free(&diags);
    free(src);
    Value cache = rt->extra_roots[ROOT_MODULE_CACHE];
    Value module = rt_ptr(rt_object_new(rt, rt_intrinsic(rt, INTR_ObjectPrototype)));
    Value exports = rt_ptr(rt_object_new(rt, rt_intrinsic(rt, INTR_ObjectPrototype)));
    set_prop(rt, module, "id", str(rt, "."));
    set_prop(rt, module, "filename", str(rt, abs));
    set_prop(rt, module, "exports", exports);
    rt_set(rt, cache, rt_to_property_key(rt, str(rt, abs)), module, false);
    if (rt->flags.print_bytecode) fe_print_bytecode(rt, bf, rt->out);
    char *dir = dir_of(abs);
    Value args[5] = {exports, make_require(rt, dir), module, str(rt, abs), str(rt, dir)};
    free(dir);
    Value fn = rt_ptr(rt_closure_new(rt, bf, NULL));
    return finish(rt, rt_call(rt, fn, exports, 5, args));
}

int dr_run_source(Runtime *rt, const char *name, const char *src, size_t len) {
    FeDiags diags = {0};
    BytecodeFunction *bf = fe_compile(rt, name, src, len, RT_COMPILE_SCRIPT, NULL, &diags);
    if (!bf) {
        fe_print_diags(&diags, name, src, rt->err);
        fe_diags_free(&diags);
        rt_take_exception(rt);
        return 1;
    }
    fe_diags_free(&diags);
    if (rt->flags.print_bytecode) fe_print_bytecode(rt, bf, rt->out);
    return finish(rt, rt_run_toplevel(rt, bf, rt_ptr(rt->global)));
}

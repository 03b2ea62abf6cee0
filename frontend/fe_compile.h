/* fe_compile.h — the front end's public face: JavaScript source text in,
 * BytecodeFunction out (scan → parse → resolve scopes → generate bytecode).
 * The driver and the runtime's compile hook call exactly these functions.
 */
#ifndef FE_COMPILE_H
#define FE_COMPILE_H

#include <stdio.h>
#include <stdint.h>
#include <stddef.h>
#include "runtime/rt_runtime.h"

typedef struct FeDiag { char *message; uint32_t line, col; } FeDiag;          /* 1-based */
typedef struct FeDiags { FeDiag *items; size_t count, cap; } FeDiags;

/* Compiles source text (UTF-8, need not be NUL-terminated) into a
 * BytecodeFunction:
 *   RT_COMPILE_SCRIPT         a script; top-level var/function/let/const/class
 *                             become properties of the global object; the
 *                             function returns the completion value of the
 *                             last expression statement (the REPL prints it).
 *   RT_COMPILE_FUNCTION_BODY  `src` is a function body and `params` its
 *                             comma-separated formal parameters (new Function,
 *                             CommonJS module wrappers): the result IS that
 *                             function (formals = params, name "anonymous").
 *   RT_COMPILE_MODULE         compiled like a strict function body.
 * On syntax errors returns NULL, appends every error found to `diags` (when
 * non-NULL; at most 10) and leaves a pending SyntaxError carrying the first
 * message in rt->exception. */
BytecodeFunction *fe_compile(Runtime *rt, const char *filename, const char *src, size_t len,
                             CompileMode mode, const char *params, FeDiags *diags);

/* The same, shaped as Runtime.compile (CompileHook): diagnostics are dropped,
 * the pending SyntaxError carries the first one. */
BytecodeFunction *fe_compile_hook(Runtime *rt, const char *filename, const char *src, size_t len,
                                  CompileMode mode, const char *params);

/* Prints each diag as:  file:LINE:COL: SyntaxError: MESSAGE\n<source line>\n<spaces>^\n */
void fe_print_diags(const FeDiags *d, const char *filename, const char *src, FILE *f);
void fe_diags_free(FeDiags *d);

/* --print-bytecode: a V8-like listing of bf and (recursively) its nested
 * functions; honours rt->flags.print_bytecode_filter (a function name). */
void fe_print_bytecode(Runtime *rt, BytecodeFunction *bf, FILE *f);
/* One function only, no recursion (tests, debuggers). */
void fe_print_function(Runtime *rt, BytecodeFunction *bf, FILE *f);

#endif

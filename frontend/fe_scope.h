/* fe_scope.h — scope analysis: declares every binding (var hoisting,
 * function declarations, let/const/class block scopes, parameters, catch
 * parameters), resolves every identifier reference to its Binding (or to a
 * global when none), and finds which bindings inner functions capture.
 * Allocation then puts captured bindings in heap Context slots and the rest
 * in registers.
 */
#ifndef FE_SCOPE_H
#define FE_SCOPE_H

#include "fe_ast.h"

/* Resolves the whole program (top-level function and everything nested).
 * Errors (redeclarations) go to fc's diagnostics. */
void fe_resolve_program(FeCompiler *fc, FuncNode *top);

/* Assigns registers (after the formals) and context slots for every scope of
 * fn; sets fn->local_count, fn->formal_count and each scope's has_context. */
void fe_allocate_function(FeCompiler *fc, FuncNode *fn);

/* Looks a name up in one scope. */
Binding *fe_scope_find(Scope *s, const char *name);

#endif

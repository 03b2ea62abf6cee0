/* test_pass_inline.c — passes/pass_inline.c needs a Runtime (it builds the
 * callee's graph from its bytecode and feedback); without one it leaves the
 * graph alone. Its effect on real code is tests/ir/inline.js. */
#include <criterion/criterion.h>
#include "test_ir_util.h"

Test(inline, does_nothing_without_a_runtime) {
    Graph *g = tg_new();
    tg_return(g, g->start, g->start, tg_param(g, 0));
    cr_assert_not(tg_run(g, "inline"));
    ir_graph_free(g);
}

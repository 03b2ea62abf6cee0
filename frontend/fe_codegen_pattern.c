/* fe_codegen_pattern.c — destructuring (ECMA-262 §8.6.2 BindingInitialization
 * and §13.15.5 DestructuringAssignmentEvaluation): a value in a register is
 * taken apart into identifiers, member targets or nested patterns. Array
 * patterns walk the iterator protocol (GetIterator / IteratorNext, which
 * answers hole when done; IteratorClose when the pattern stops early);
 * object patterns load each property and gather the rest with
 * CopyDataProperties minus the keys already taken.
 */
#include "fe_codegen.h"

static void assign_member(Gen *g, Node *t, uint32_t val) {
    uint32_t mark = fe_reg_mark(g);
    if (t->a->kind == N_SUPER) {
        uint32_t k = fe_reg(g);
        if (t->kind == N_MEMBER) fe_emit(g, BC_LdaConstant, fe_const_atom(g, t->name));
        else { fe_gen_expr(g, t->b); fe_emit(g, BC_ToPropertyKey); }
        fe_emit(g, BC_Star, k);
        fe_emit(g, BC_SetSuperProperty, k, val);
        fe_reg_release(g, mark);
        return;
    }
    uint32_t obj = fe_reg(g);
    fe_gen_expr(g, t->a);
    fe_emit(g, BC_Star, obj);
    fe_pos_node(g, t, false);
    if (t->kind == N_MEMBER) {
        fe_emit(g, BC_Ldar, val);
        fe_emit(g, BC_SetNamedProperty, obj, fe_const_atom(g, t->name), fe_slot(g, FS_Store));
    } else {
        uint32_t key = fe_reg(g);
        fe_gen_expr(g, t->b);
        fe_emit(g, BC_Star, key);
        fe_emit(g, BC_Ldar, val);
        fe_emit(g, BC_SetKeyedProperty, obj, key, fe_slot(g, FS_KeyedStore));
    }
    fe_reg_release(g, mark);
}

static void assign_array(Gen *g, Node *pat, uint32_t val, int mode) {
    uint32_t mark = fe_reg_mark(g);
    uint32_t it = fe_reg(g), tmp = fe_reg(g);
    fe_pos_node(g, pat, false);
    fe_emit(g, BC_Ldar, val);
    fe_emit(g, BC_GetIterator);
    fe_emit(g, BC_Star, it);
    bool rest = false;
    for (uint32_t i = 0; i < pat->list.count; i++) {
        Node *el = pat->list.items[i];
        if (el->kind == N_SPREAD) {
            Label top = fe_label(g), done = fe_label(g);
            fe_emit(g, BC_CreateArray, tmp, 0);
            fe_emit(g, BC_Star, tmp);
            fe_bind(g, top);
            fe_emit(g, BC_IteratorNext, it);
            fe_emit(g, BC_JumpIfHole, done);
            fe_emit(g, BC_ArrayPush, tmp);
            fe_emit(g, BC_JumpLoop, top, (uint32_t)g->loop_depth);
            fe_bind(g, done);
            fe_gen_assign_to(g, el->a, tmp, mode);
            rest = true;
            break;
        }
        Label have = fe_label(g), next = fe_label(g);
        fe_emit(g, BC_IteratorNext, it);
        if (el->kind == N_HOLE) continue;
        fe_emit(g, BC_JumpIfHole, have);
        fe_emit(g, BC_Star, tmp);
        fe_emit(g, BC_Jump, next);
        fe_bind(g, have);
        fe_emit(g, BC_LdaUndefined);
        fe_emit(g, BC_Star, tmp);
        fe_bind(g, next);
        fe_gen_assign_to(g, el, tmp, mode);
    }
    if (!rest) fe_emit(g, BC_IteratorClose, it);
    fe_reg_release(g, mark);
}

static void assign_object(Gen *g, Node *pat, uint32_t val, int mode) {
    uint32_t mark = fe_reg_mark(g);
    uint32_t n = pat->list.count;
    bool rest = n && pat->list.items[n - 1]->op == PK_SPREAD;
    uint32_t tmp = fe_reg(g);
    uint32_t keys = rest ? fe_regs(g, n) : fe_reg(g);
    if (n == 0 || rest) {
        fe_emit(g, BC_Ldar, val);            /* RequireObjectCoercible */
        fe_emit(g, BC_ToObject);
    }
    for (uint32_t i = 0; i < n; i++) {
        Node *p = pat->list.items[i];
        if (p->op == PK_SPREAD) {
            uint32_t excluded = fe_reg(g);
            fe_emit(g, BC_CreateArray, keys, i);
            fe_emit(g, BC_Star, excluded);
            fe_emit(g, BC_CreateObject);
            fe_emit(g, BC_Star, tmp);
            fe_emit(g, BC_Ldar, val);
            fe_pos_node(g, p, false);
            fe_emit(g, BC_CopyDataProperties, tmp, excluded);
            fe_gen_assign_to(g, p->b, tmp, mode);
            break;
        }
        uint32_t key = rest ? keys + i : keys;
        fe_pos_node(g, p, false);
        if (fe_key_is_named(p)) {
            if (rest) {
                fe_emit(g, BC_LdaConstant, fe_const_str(g, p->a->str));
                fe_emit(g, BC_Star, key);
            }
            fe_emit(g, BC_GetNamedProperty, val, fe_const_str(g, p->a->str), fe_slot(g, FS_Load));
        } else {
            fe_gen_property_key(g, p, key);
            fe_emit(g, BC_Ldar, key);
            fe_emit(g, BC_GetKeyedProperty, val, fe_slot(g, FS_KeyedLoad));
        }
        fe_emit(g, BC_Star, tmp);
        fe_gen_assign_to(g, p->b, tmp, mode);
    }
    fe_reg_release(g, mark);
}

void fe_gen_assign_to(Gen *g, Node *t, uint32_t val, int mode) {
    switch (t->kind) {
    case N_IDENT:
        fe_emit(g, BC_Ldar, val);
        fe_gen_store_var(g, t, mode != 0);
        return;
    case N_MEMBER: case N_INDEX:
        assign_member(g, t, val);
        return;
    case N_ASSIGN: {
        uint32_t mark = fe_reg_mark(g), v = fe_reg(g);
        Label have = fe_label(g);
        fe_emit(g, BC_Ldar, val);
        fe_emit(g, BC_Star, v);
        fe_emit(g, BC_JumpIfNotUndefined, have);
        fe_gen_expr(g, t->b);
        fe_emit(g, BC_Star, v);
        fe_bind(g, have);
        fe_gen_assign_to(g, t->a, v, mode);
        fe_reg_release(g, mark);
        return;
    }
    case N_ARRAY: assign_array(g, t, val, mode); return;
    case N_OBJECT: assign_object(g, t, val, mode); return;
    default:
        fe_gen_error(g, t, "Invalid destructuring assignment target");
        return;
    }
}

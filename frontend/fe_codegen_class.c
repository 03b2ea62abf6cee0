/* fe_codegen_class.c — classes (ECMA-262 §15.7 ClassDefinitionEvaluation),
 * object literals (§13.2.5) and array literals (§13.2.4).
 *
 * A class becomes: heritage in a register (hole: none), CreateClass from
 * the constructor's template, its prototype loaded once, one DefineMethod /
 * DefineGetter / DefineSetter per member (non-enumerable) with the key in a
 * register, the instance fields as a synthetic initializer closure attached
 * with SetClassFields (the interpreter runs it at construction), and static
 * fields and blocks as a synthetic method called once with this = the class.
 */
#include <string.h>
#include "fe_codegen.h"

void fe_gen_class(Gen *g, Node *cls) {
    uint32_t mark = fe_reg_mark(g);
    Scope *outer = g->scope;
    Control cctx;
    fe_enter_scope(g, cls->scope, &cctx, NULL);
    uint32_t base = fe_reg(g), klass = fe_reg(g), proto = fe_reg(g), key = fe_reg(g);
    if (cls->a) {
        fe_gen_expr(g, cls->a);
    } else {
        fe_emit(g, BC_LdaTheHole);
    }
    fe_emit(g, BC_Star, base);
    BytecodeFunction *ctor = fe_gen_function(g->fc, cls->c->func, g);
    fe_pos_node(g, cls, false);
    fe_emit(g, BC_CreateClass, fe_add_function(g, ctor), base);
    fe_emit(g, BC_Star, klass);
    fe_emit(g, BC_GetNamedProperty, klass, fe_const_atom(g, g->fc->a_prototype), fe_slot(g, FS_Load));
    fe_emit(g, BC_Star, proto);
    for (uint32_t i = 0; i < cls->list.count; i++) {
        Node *m = cls->list.items[i];
        if (m->op == PK_FIELD) {
            if (m->flags & FL_COMPUTED) {
                fe_gen_property_key(g, m, key);
                fe_emit(g, BC_Ldar, key);
                fe_gen_store_binding(g, m->binding, m->binding->name, true);
            }
            continue;
        }
        uint32_t target = (m->flags & FL_STATIC) ? klass : proto;
        fe_gen_property_key(g, m, key);
        fe_gen_closure(g, m->b->func);
        Bytecode op = m->op == PK_GET ? BC_DefineGetter : m->op == PK_SET ? BC_DefineSetter : BC_DefineMethod;
        fe_emit(g, op, target, key, 0);
    }
    if (cls->b) {
        fe_gen_closure(g, cls->b->func);
        fe_emit(g, BC_SetClassFields, klass);
    }
    if (cls->name) {
        Binding *inner = fe_scope_find(cls->scope, cls->name);
        fe_emit(g, BC_Ldar, klass);
        fe_gen_store_binding(g, inner, cls->name, true);
    }
    if (cls->d) {
        uint32_t fn = fe_reg(g);
        fe_gen_closure(g, cls->d->func);
        fe_emit(g, BC_Star, fn);
        fe_emit(g, BC_Mov, klass, key);         /* receiver window: [class] */
        fe_emit(g, BC_Call, fn, key, 1, fe_slot(g, FS_Call));
    }
    fe_emit(g, BC_Ldar, klass);
    fe_exit_scope(g, cls->scope, &cctx, outer);
    fe_reg_release(g, mark);
}

/* The body of a field initializer: define each field on `this`. */
void fe_gen_fields(Gen *g, FuncNode *fn) {
    uint32_t mark = fe_reg_mark(g);
    uint32_t self = fe_reg(g), key = fe_reg(g);
    fe_emit(g, BC_LdaThis);
    fe_emit(g, BC_Star, self);
    for (uint32_t i = 0; i < fn->fields.count; i++) {
        Node *m = fn->fields.items[i];
        fe_pos_node(g, m, true);
        if (m->op == PK_STATIC_BLOCK) {
            fe_gen_stmt(g, m->b);
            continue;
        }
        bool named = fe_key_is_named(m);
        if (m->flags & FL_COMPUTED) {
            fe_gen_load_binding(g, m->binding, m->binding->name, false);
            fe_emit(g, BC_Star, key);
        } else if (!named) {
            fe_gen_property_key(g, m, key);
        }
        if (m->b) fe_gen_expr(g, m->b);
        else fe_emit(g, BC_LdaUndefined);
        if (named) fe_emit(g, BC_DefineNamedOwn, self, fe_const_str(g, m->a->str));
        else fe_emit(g, BC_DefineKeyedOwn, self, key);
    }
    fe_reg_release(g, mark);
}

void fe_gen_object(Gen *g, Node *obj) {
    uint32_t mark = fe_reg_mark(g);
    uint32_t o = fe_reg(g), key = fe_reg(g);
    if (obj->flags & FL_DUP_PROTO) fe_gen_error(g, obj, "Duplicate __proto__ fields are not allowed in object literals");
    fe_emit(g, BC_CreateObject);
    fe_emit(g, BC_Star, o);
    for (uint32_t i = 0; i < obj->list.count; i++) {
        Node *p = obj->list.items[i];
        switch (p->op) {
        case PK_INIT: case PK_SHORTHAND:
            if (p->flags & FL_COVER_INIT) {
                fe_gen_error(g, p, "Invalid shorthand property initializer");
                break;
            }
            if (fe_key_is_named(p)) {
                fe_gen_expr(g, p->b);
                fe_emit(g, BC_DefineNamedOwn, o, fe_const_str(g, p->a->str));
            } else {
                fe_gen_property_key(g, p, key);
                fe_gen_expr(g, p->b);
                fe_emit(g, BC_DefineKeyedOwn, o, key);
            }
            break;
        case PK_METHOD: case PK_GET: case PK_SET: {
            fe_gen_property_key(g, p, key);
            fe_gen_closure(g, p->b->func);
            Bytecode op = p->op == PK_GET ? BC_DefineGetter : p->op == PK_SET ? BC_DefineSetter : BC_DefineMethod;
            fe_emit(g, op, o, key, 1);
            break;
        }
        case PK_SPREAD: {
            fe_emit(g, BC_LdaUndefined);
            fe_emit(g, BC_Star, key);
            fe_gen_expr(g, p->b);
            fe_pos_node(g, p, false);
            fe_emit(g, BC_CopyDataProperties, o, key);
            break;
        }
        case PK_PROTO: {
            /* __proto__: v  ==  Object.setPrototypeOf(o, v) for objects and null */
            uint32_t m2 = fe_reg_mark(g);
            uint32_t fn = fe_reg(g), win = fe_regs(g, 3);
            Label skip = fe_label(g);
            fe_gen_expr(g, p->b);
            fe_emit(g, BC_Star, win + 2);
            fe_emit(g, BC_TypeOf);
            fe_emit(g, BC_Star, fn);
            fe_emit(g, BC_LdaConstant, fe_const_atom(g, fe_atom(g->fc, "object", 6)));
            fe_emit(g, BC_TestEqualStrict, fn, fe_slot(g, FS_Compare));
            fe_emit(g, BC_JumpIfFalse, skip);
            fe_emit(g, BC_LdaGlobal, fe_const_atom(g, fe_atom(g->fc, "Object", 6)), fe_slot(g, FS_Global));
            fe_emit(g, BC_Star, win);
            fe_emit(g, BC_GetNamedProperty, win, fe_const_atom(g, fe_atom(g->fc, "setPrototypeOf", 14)), fe_slot(g, FS_Load));
            fe_emit(g, BC_Star, fn);
            fe_emit(g, BC_Mov, o, win + 1);
            fe_emit(g, BC_Call, fn, win, 3, fe_slot(g, FS_Call));
            fe_bind(g, skip);
            fe_reg_release(g, m2);
            break;
        }
        default:
            fe_gen_error(g, p, "Unexpected token");
            break;
        }
    }
    fe_emit(g, BC_Ldar, o);
    fe_reg_release(g, mark);
}

#define FE_ARRAY_PREFIX_MAX 64

void fe_gen_array(Gen *g, Node *arr) {
    uint32_t mark = fe_reg_mark(g);
    uint32_t n = arr->list.count, prefix = 0;
    while (prefix < n && prefix < FE_ARRAY_PREFIX_MAX) {
        int k = arr->list.items[prefix]->kind;
        if (k == N_SPREAD || k == N_HOLE) break;
        prefix++;
    }
    uint32_t base = fe_regs(g, prefix);
    for (uint32_t i = 0; i < prefix; i++) {
        fe_gen_expr(g, arr->list.items[i]);
        fe_emit(g, BC_Star, base + i);
    }
    fe_pos_node(g, arr, false);
    fe_emit(g, BC_CreateArray, base, prefix);
    if (prefix < n) {
        uint32_t a = fe_reg(g);
        fe_emit(g, BC_Star, a);
        for (uint32_t i = prefix; i < n; i++) {
            Node *el = arr->list.items[i];
            if (el->kind == N_HOLE) {
                fe_emit(g, BC_ArrayPushHole, a);
            } else if (el->kind == N_SPREAD) {
                fe_gen_expr(g, el->a);
                fe_pos_node(g, el, false);
                fe_emit(g, BC_ArraySpread, a);
            } else {
                fe_gen_expr(g, el);
                fe_emit(g, BC_ArrayPush, a);
            }
        }
        fe_emit(g, BC_Ldar, a);
    }
    fe_reg_release(g, mark);
}

/* test_lex.c — the scanner: every literal form, escapes into UTF-16,
 * templates with nested substitutions, punctuators, line terminators and the
 * newline_before flag that automatic semicolon insertion relies on.
 */
#include <criterion/criterion.h>
#include <math.h>
#include <string.h>
#include "frontend/fe_ast.h"
#include "frontend/fe_lex.h"

#define MAXTOK 64

typedef struct {
    FeCompiler fc;
    Lexer lx;
    Token t[MAXTOK];
    int n;
} Lexed;

static Lexed *lex(const char *src) {
    Lexed *l = calloc(1, sizeof *l);
    fe_compiler_init(&l->fc, NULL, "t.js", src, strlen(src));
    fe_lex_init(&l->lx, &l->fc, src, strlen(src));
    do {
        fe_lex_next(&l->lx, &l->t[l->n]);
    } while (l->t[l->n++].type != T_EOF && l->n < MAXTOK);
    return l;
}

static void done(Lexed *l) {
    fe_compiler_free(&l->fc);
    free(l);
}

static bool str_is(FeStr s, const char *ascii) {
    if (s.len != strlen(ascii)) return false;
    for (uint32_t i = 0; i < s.len; i++)
        if (s.s[i] != (unsigned char)ascii[i]) return false;
    return true;
}

Test(lex, numbers) {
    Lexed *l = lex("0 42 3.25 .5 5. 1e3 1E-2 0x1F 0o17 0b101 1_000_000 0.000_1 017 019 9007199254740993 0x20000000000001");
    double want[] = {0, 42, 3.25, 0.5, 5, 1000, 0.01, 31, 15, 5, 1000000, 0.0001, 15, 19,
                     9007199254740992.0, 9007199254740992.0};
    for (int i = 0; i < 16; i++) {
        cr_assert_eq(l->t[i].type, T_NUMBER, "token %d", i);
        cr_assert_eq(l->t[i].num, want[i], "token %d: %.17g", i, l->t[i].num);
    }
    cr_assert(l->t[12].legacy_octal);
    cr_assert(!l->t[11].legacy_octal);
    cr_assert_eq(l->t[16].type, T_EOF);
    done(l);
}

Test(lex, number_rounding_is_exact) {
    Lexed *l = lex("0.1 2.2250738585072011e-308 1.7976931348623157e308 5e-324");
    cr_assert_eq(l->t[0].num, 0.1);
    cr_assert_eq(l->t[1].num, 2.2250738585072011e-308);
    cr_assert_eq(l->t[2].num, 1.7976931348623157e308);
    cr_assert_eq(l->t[3].num, 5e-324);
    done(l);
}

Test(lex, bad_numbers) {
    const char *bad[] = {"1__0", "1_", "0x", "3in", "1n", "0b2", "1e"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        Lexed *l = lex(bad[i]);
        cr_assert_eq(l->t[0].type, T_ERROR, "%s", bad[i]);
        done(l);
    }
}

Test(lex, string_escapes) {
    Lexed *l = lex("'a\\n\\t\\r\\b\\f\\v\\0' \"\\x41\\u0042\\u{43}\\u{1F600}\" 'line\\\ncont' '\\101\\8' 'é€'");
    FeStr s = l->t[0].str;
    uint16_t want0[] = {'a', '\n', '\t', '\r', '\b', '\f', '\v', 0};
    cr_assert_eq(s.len, 8);
    for (int i = 0; i < 8; i++) cr_assert_eq(s.s[i], want0[i]);
    s = l->t[1].str;
    cr_assert_eq(s.len, 5);
    cr_assert_eq(s.s[0], 'A');
    cr_assert_eq(s.s[1], 'B');
    cr_assert_eq(s.s[2], 'C');
    cr_assert_eq(s.s[3], 0xD83D);
    cr_assert_eq(s.s[4], 0xDE00);
    cr_assert(str_is(l->t[2].str, "linecont"));
    cr_assert(str_is(l->t[3].str, "A8"));
    cr_assert(l->t[3].legacy_octal);
    s = l->t[4].str;
    cr_assert_eq(s.len, 2);
    cr_assert_eq(s.s[0], 0xE9);
    cr_assert_eq(s.s[1], 0x20AC);
    done(l);
}

Test(lex, unterminated_string) {
    Lexed *l = lex("'abc\n'");
    cr_assert_eq(l->t[0].type, T_ERROR);
    cr_assert_str_eq(l->t[0].error, "Invalid or unexpected token");
    done(l);
}

Test(lex, templates_nest) {
    Lexed *l = lex("`a${x + `b${ {c: 1}.c }`}d` `\\n${1}` `x\r\ny`");
    cr_assert_eq(l->t[0].type, T_TEMPLATE);
    cr_assert_eq(l->t[0].tpl_kind, TPL_HEAD);
    cr_assert(str_is(l->t[0].str, "a"));
    cr_assert_eq(l->t[1].type, T_IDENT);
    cr_assert_eq(l->t[2].type, T_PLUS);
    cr_assert_eq(l->t[3].tpl_kind, TPL_HEAD);
    cr_assert(str_is(l->t[3].str, "b"));
    cr_assert_eq(l->t[4].type, T_LBRACE);
    cr_assert_eq(l->t[8].type, T_RBRACE);
    cr_assert_eq(l->t[9].type, T_DOT);
    cr_assert_eq(l->t[11].type, T_TEMPLATE);
    cr_assert_eq(l->t[11].tpl_kind, TPL_TAIL);
    cr_assert_eq(l->t[12].tpl_kind, TPL_TAIL);
    cr_assert(str_is(l->t[12].str, "d"));
    cr_assert(str_is(l->t[13].str, "\n"));
    cr_assert(str_is(l->t[13].raw, "\\n"));
    cr_assert(str_is(l->t[16].str, "x\ny"));
    cr_assert(str_is(l->t[16].raw, "x\ny"));
    done(l);
}

Test(lex, punctuators) {
    Lexed *l = lex("?. ?? ?\?= &&= ||= ** **= >>>= >>> ... => ?.5 a?.b");
    TokenType want[] = {T_QDOT, T_NULLISH, T_NULLISH_ASSIGN, T_LAND_ASSIGN, T_LOR_ASSIGN, T_STARSTAR,
                        T_EXP_ASSIGN, T_SHR_ASSIGN, T_SHR, T_ELLIPSIS, T_ARROW, T_QUESTION, T_NUMBER,
                        T_IDENT, T_QDOT, T_IDENT, T_EOF};
    for (int i = 0; i < 17; i++) cr_assert_eq(l->t[i].type, want[i], "token %d: %d", i, l->t[i].type);
    done(l);
}

Test(lex, identifiers_and_keywords) {
    Lexed *l = lex("var \\u0061bc café $_ let of _\\u{62}");
    cr_assert_eq(l->t[0].type, T_VAR);
    cr_assert_eq(l->t[1].type, T_IDENT);
    cr_assert_str_eq(l->t[1].name, "abc");
    cr_assert(l->t[1].escaped);
    cr_assert_str_eq(l->t[2].name, "café");
    cr_assert_str_eq(l->t[3].name, "$_");
    cr_assert_eq(l->t[4].type, T_IDENT);   /* contextual */
    cr_assert_eq(l->t[5].type, T_IDENT);
    cr_assert_str_eq(l->t[6].name, "_b");
    cr_assert_eq(l->t[1].name, fe_atom(&l->fc, "abc", 3));  /* atoms are canonical */
    done(l);
    l = lex("v\\u0061r \\u200Dx");
    cr_assert_eq(l->t[0].type, T_IDENT);       /* a property name; never a keyword */
    cr_assert(l->t[0].escaped_keyword);
    cr_assert_eq(l->t[1].type, T_ERROR);       /* ZWJ cannot start an identifier */
    done(l);
}

Test(lex, comments_lines_and_columns) {
    Lexed *l = lex("a /* x\n y */ b // c\r\nc\xE2\x80\xA8" "d\xE2\x80\xA9" "e é f");
    cr_assert(!l->t[0].newline_before || l->t[0].start == 0);
    cr_assert(l->t[1].newline_before);
    cr_assert_eq(l->t[1].line, 2);
    cr_assert_eq(l->t[1].col, 7);
    cr_assert_eq(l->t[2].line, 3);
    cr_assert(l->t[2].newline_before);
    cr_assert_eq(l->t[3].line, 4);
    cr_assert(l->t[3].newline_before);
    cr_assert_eq(l->t[4].line, 5);
    cr_assert_eq(l->t[6].col, 5);      /* columns count code points, not bytes */
    done(l);
}

Test(lex, unterminated_comment_and_template) {
    Lexed *l = lex("a /* never");
    cr_assert_eq(l->t[1].type, T_ERROR);
    done(l);
    l = lex("`abc");
    cr_assert_eq(l->t[0].type, T_ERROR);
    done(l);
}

Test(lex, hashbang) {
    Lexed *l = lex("#!/usr/bin/env reef\nx");
    cr_assert_eq(l->t[0].type, T_IDENT);
    cr_assert_eq(l->t[0].line, 2);
    done(l);
}

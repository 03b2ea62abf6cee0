/* fe_lex.c — the scanner: UTF-8 source to tokens, following the lexical
 * grammar of ECMA-262 (2020) §12: white space and line terminators (LF, CR,
 * LS, PS), comments, identifiers with \u escapes and non-ASCII letters,
 * punctuators (incl. ?. ?? ??= &&= ||= ** >>>=), numeric literals (decimal,
 * exponent, 0x/0o/0b, legacy octal, separators), string literals with every
 * escape (values are UTF-16), and template literals (cooked and raw, with
 * `${ }` nesting tracked by a brace counter per open substitution).
 *
 * Decimal conversion uses strtod on the cleaned digits: glibc's strtod is
 * correctly rounded, which is what the spec's "round to nearest" asks for.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "fe_lex.h"

const char *const fe_token_text[T__COUNT] = {
#define TOK(id, text) text,
    FE_TOKENS(TOK)
#undef TOK
};

int fe_utf8_encode(uint32_t cp, char *b) {
    if (cp < 0x80) { b[0] = (char)cp; return 1; }
    if (cp < 0x800) { b[0] = (char)(0xC0 | (cp >> 6)); b[1] = (char)(0x80 | (cp & 0x3F)); return 2; }
    if (cp < 0x10000) {
        b[0] = (char)(0xE0 | (cp >> 12)); b[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        b[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    b[0] = (char)(0xF0 | (cp >> 18)); b[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    b[2] = (char)(0x80 | ((cp >> 6) & 0x3F)); b[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

uint32_t fe_utf8_decode(const unsigned char *s, size_t n, int *used) {
    *used = 1;
    if (n == 0) return 0xFFFD;
    unsigned c = s[0];
    if (c < 0x80) return c;
    int len;
    uint32_t cp, min;
    if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; min = 0x80; }
    else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; min = 0x800; }
    else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; min = 0x10000; }
    else return 0xFFFD;
    if ((size_t)len > n) return 0xFFFD;
    for (int i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80) return 0xFFFD;
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF) return 0xFFFD;
    *used = len;
    return cp;
}

bool fe_is_strict_reserved(const char *n) {
    static const char *const words[] = {"implements", "interface", "let", "package", "private",
                                        "protected", "public", "static", "yield", NULL};
    for (int i = 0; words[i]; i++)
        if (strcmp(n, words[i]) == 0) return true;
    return false;
}

void fe_lex_init(Lexer *lx, FeCompiler *fc, const char *src, size_t len) {
    memset(lx, 0, sizeof *lx);
    lx->fc = fc;
    lx->src = src;
    lx->len = len > UINT32_MAX - 16 ? UINT32_MAX - 16 : (uint32_t)len;
    lx->line = 1;
    lx->col = 1;
    /* a #! line at the very start is a comment (hashbang grammar) */
    if (lx->len >= 2 && src[0] == '#' && src[1] == '!') {
        while (lx->pos < lx->len && src[lx->pos] != '\n' && src[lx->pos] != '\r') lx->pos++;
    }
}

/* ---- character classes ------------------------------------------------------ */
static int peekc(Lexer *lx, uint32_t ahead) {
    uint32_t p = lx->pos + ahead;
    return p < lx->len ? (unsigned char)lx->src[p] : -1;
}

static uint32_t peek_cp(Lexer *lx, uint32_t at, int *used) {
    return fe_utf8_decode((const unsigned char *)lx->src + at, lx->len - at, used);
}

static bool is_unicode_space(uint32_t c) {
    return c == 0xA0 || c == 0xFEFF || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) ||
           c == 0x202F || c == 0x205F || c == 0x3000;
}
static bool is_line_term(uint32_t c) { return c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029; }
static bool is_id_start_ascii(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '$' || c == '_';
}
static bool is_id_part_ascii(int c) { return is_id_start_ascii(c) || (c >= '0' && c <= '9'); }
/* Non-ASCII letters are accepted broadly: anything that is not white space or
 * a line terminator (ZWNJ/ZWJ included, as ID_Continue allows). */
static bool is_id_unicode(uint32_t c) { return c >= 0x80 && !is_unicode_space(c) && !is_line_term(c) && c != 0xFFFD; }

static int hexval(int c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static void newline(Lexer *lx) {
    lx->line++;
    lx->line_start = lx->pos;
    lx->col_pos = lx->pos;
    lx->col = 1;
}

/* Consumes a line terminator at pos (CRLF counts once). */
static void eat_line_term(Lexer *lx) {
    int c = peekc(lx, 0);
    if (c == '\r') {
        lx->pos++;
        if (peekc(lx, 0) == '\n') lx->pos++;
    } else if (c == '\n') {
        lx->pos++;
    } else {
        lx->pos += 3; /* LS / PS */
    }
    newline(lx);
}

static bool at_line_term(Lexer *lx) {
    int c = peekc(lx, 0);
    if (c == '\n' || c == '\r') return true;
    return c == 0xE2 && peekc(lx, 1) == 0x80 && (peekc(lx, 2) == 0xA8 || peekc(lx, 2) == 0xA9);
}

static uint32_t column_of(Lexer *lx, uint32_t pos) {
    if (lx->col_pos < lx->line_start || lx->col_pos > pos) {
        lx->col_pos = lx->line_start;
        lx->col = 1;
    }
    for (uint32_t i = lx->col_pos; i < pos; i++)
        if (((unsigned char)lx->src[i] & 0xC0) != 0x80) lx->col++;
    lx->col_pos = pos;
    return lx->col;
}

/* ---- UTF-16 buffers in the arena -------------------------------------------- */
typedef struct { uint16_t *s; uint32_t len, cap; FeCompiler *fc; } U16Buf;

static void u16_push(U16Buf *b, uint16_t c) {
    if (b->len == b->cap) {
        uint32_t ncap = b->cap ? b->cap * 2 : 32;
        uint16_t *ns = fe_alloc(b->fc, ncap * sizeof *ns);
        if (b->len) memcpy(ns, b->s, b->len * sizeof *ns);
        b->s = ns;
        b->cap = ncap;
    }
    b->s[b->len++] = c;
}
static void u16_push_cp(U16Buf *b, uint32_t cp) {
    if (cp >= 0x10000) {
        cp -= 0x10000;
        u16_push(b, (uint16_t)(0xD800 + (cp >> 10)));
        u16_push(b, (uint16_t)(0xDC00 + (cp & 0x3FF)));
    } else {
        u16_push(b, (uint16_t)cp);
    }
}
static FeStr u16_done(U16Buf *b) {
    FeStr s = {b->s, b->len};
    if (!s.s) s.s = fe_alloc(b->fc, 2);
    return s;
}

/* ---- whitespace and comments ------------------------------------------------- */
static const char *skip_space(Lexer *lx, bool *nl) {
    for (;;) {
        int c = peekc(lx, 0);
        if (c == ' ' || c == '\t' || c == 0x0B || c == 0x0C) { lx->pos++; continue; }
        if (c == '\n' || c == '\r') { eat_line_term(lx); *nl = true; continue; }
        if (c == '/' && peekc(lx, 1) == '/') {
            while (lx->pos < lx->len && !at_line_term(lx)) lx->pos++;
            continue;
        }
        if (c == '/' && peekc(lx, 1) == '*') {
            lx->pos += 2;
            for (;;) {
                if (lx->pos >= lx->len) return "Unexpected end of input";
                if (peekc(lx, 0) == '*' && peekc(lx, 1) == '/') { lx->pos += 2; break; }
                if (at_line_term(lx)) { eat_line_term(lx); *nl = true; }
                else lx->pos++;
            }
            continue;
        }
        if (c >= 0x80) {
            int used;
            uint32_t cp = peek_cp(lx, lx->pos, &used);
            if (is_unicode_space(cp)) { lx->pos += (uint32_t)used; continue; }
            if (cp == 0x2028 || cp == 0x2029) { eat_line_term(lx); *nl = true; continue; }
        }
        return NULL;
    }
}

/* ---- identifiers -------------------------------------------------------------- */
/* Reads \uXXXX or \u{X...} after the backslash; -1 if malformed. */
static int64_t read_unicode_escape(Lexer *lx) {
    if (peekc(lx, 0) != 'u') return -1;
    lx->pos++;
    if (peekc(lx, 0) == '{') {
        lx->pos++;
        int64_t v = 0;
        int n = 0;
        while (hexval(peekc(lx, 0)) >= 0) {
            v = v * 16 + hexval(peekc(lx, 0));
            if (v > 0x10FFFF) return -1;
            lx->pos++;
            n++;
        }
        if (n == 0 || peekc(lx, 0) != '}') return -1;
        lx->pos++;
        return v;
    }
    int64_t v = 0;
    for (int i = 0; i < 4; i++) {
        int h = hexval(peekc(lx, 0));
        if (h < 0) return -1;
        v = v * 16 + h;
        lx->pos++;
    }
    return v;
}

static TokenType keyword_type(const char *s, size_t n) {
    if (n < 2 || n > 10 || s[0] < 'b' || s[0] > 'w') return T_IDENT;
    for (int t = T_FIRST_KEYWORD; t <= T_LAST_KEYWORD; t++) {
        const char *k = fe_token_text[t];
        if (strlen(k) == n && memcmp(k, s, n) == 0) return (TokenType)t;
    }
    return T_IDENT;
}

static void scan_identifier(Lexer *lx, Token *t) {
    uint32_t start = lx->pos;
    bool escaped = false;
    /* fast path: plain ASCII */
    while (lx->pos < lx->len && is_id_part_ascii(peekc(lx, 0))) lx->pos++;
    int c = peekc(lx, 0);
    if (c != '\\' && c < 0x80) {
        size_t n = lx->pos - start;
        t->name = fe_atom(lx->fc, lx->src + start, n);
        t->type = keyword_type(lx->src + start, n);
        return;
    }
    /* slow path: escapes and non-ASCII letters, decoded into UTF-8 */
    size_t cap = 64, len = lx->pos - start;
    char *buf = malloc(cap);
    if (!buf) { t->type = T_ERROR; t->error = "out of memory"; return; }
    if (len + 8 > cap) { cap = len * 2 + 16; buf = realloc(buf, cap); }
    memcpy(buf, lx->src + start, len);
    for (;;) {
        int ch = peekc(lx, 0);
        uint32_t cp;
        if (ch < 0) break;
        if (ch == '\\') {
            lx->pos++;
            int64_t v = read_unicode_escape(lx);
            bool first = len == 0;
            if (v < 0 || !(v < 0x80 ? (first ? is_id_start_ascii((int)v) : is_id_part_ascii((int)v))
                                    : is_id_unicode((uint32_t)v))) {
                free(buf);
                t->type = T_ERROR;
                t->error = "Invalid Unicode escape sequence";
                return;
            }
            cp = (uint32_t)v;
            if (first && (cp == 0x200C || cp == 0x200D)) {
                free(buf);
                t->type = T_ERROR;
                t->error = "Invalid Unicode escape sequence";
                return;
            }
            escaped = true;
        } else if (ch < 0x80) {
            if (!is_id_part_ascii(ch)) break;
            cp = (uint32_t)ch;
            lx->pos++;
        } else {
            int used;
            cp = peek_cp(lx, lx->pos, &used);
            if (!is_id_unicode(cp)) break;
            lx->pos += (uint32_t)used;
        }
        if (len + 8 > cap) {
            cap *= 2;
            char *nb = realloc(buf, cap);
            if (!nb) { free(buf); t->type = T_ERROR; t->error = "out of memory"; return; }
            buf = nb;
        }
        len += (size_t)fe_utf8_encode(cp, buf + len);
    }
    t->name = fe_atom(lx->fc, buf, len);
    t->type = keyword_type(buf, len);
    free(buf);
    if (escaped && t->type != T_IDENT) {
        /* fine as a property name; the parser rejects it anywhere else */
        t->type = T_IDENT;
        t->escaped_keyword = true;
    }
    t->escaped = escaped;
}

/* ---- numbers -------------------------------------------------------------------- */
/* Digits with optional `_` separators (never leading, trailing or doubled). */
static bool scan_digits(Lexer *lx, int base, char *out, size_t *n, size_t cap, bool *any) {
    bool last_sep = false;
    *any = false;
    for (;;) {
        int c = peekc(lx, 0);
        if (c == '_') {
            if (!*any || last_sep) return false;
            last_sep = true;
            lx->pos++;
            continue;
        }
        int v = hexval(c);
        if (v < 0 || v >= base) break;
        if (*n + 1 < cap) out[(*n)++] = (char)c;
        else return false;
        *any = true;
        last_sep = false;
        lx->pos++;
    }
    return !last_sep;
}

/* Non-decimal integer literal → double with correct rounding: the digits are
 * rewritten as hexadecimal and handed to strtod, which rounds exactly. */
static double radix_value(const char *digits, size_t n, int base) {
    if (base == 16) {
        char *buf = malloc(n + 3);
        if (!buf) return NAN;
        buf[0] = '0'; buf[1] = 'x';
        memcpy(buf + 2, digits, n);
        buf[n + 2] = 0;
        double d = strtod(buf, NULL);
        free(buf);
        return d;
    }
    int bits = base == 8 ? 3 : 1;
    size_t nbits = n * (size_t)bits;
    size_t nhex = (nbits + 3) / 4;
    char *buf = malloc(nhex + 3);
    if (!buf) return NAN;
    buf[0] = '0'; buf[1] = 'x';
    for (size_t h = 0; h < nhex; h++) {
        int v = 0;
        for (int b = 0; b < 4; b++) {
            /* bit index from the most significant end of a nhex*4-bit number */
            size_t bit = h * 4 + (size_t)b;
            size_t pad = nhex * 4 - nbits;
            int val = 0;
            if (bit >= pad) {
                size_t k = bit - pad;              /* bit within the digit string */
                int dv = hexval(digits[k / (size_t)bits]);
                val = (dv >> (bits - 1 - (int)(k % (size_t)bits))) & 1;
            }
            v = v * 2 + val;
        }
        buf[2 + h] = "0123456789abcdef"[v];
    }
    buf[2 + nhex] = 0;
    double d = strtod(buf, NULL);
    free(buf);
    return d;
}

static void scan_number(Lexer *lx, Token *t) {
    size_t cap = lx->len - lx->pos + 8;
    if (cap > 4096) cap = 4096;
    char stack[4096];
    char *buf = stack;
    size_t n = 0;
    bool any;
    int c = peekc(lx, 0), c1 = peekc(lx, 1);
    const char *err = NULL;
    if (c == '0' && (c1 == 'x' || c1 == 'X' || c1 == 'o' || c1 == 'O' || c1 == 'b' || c1 == 'B')) {
        int base = (c1 == 'x' || c1 == 'X') ? 16 : (c1 == 'o' || c1 == 'O') ? 8 : 2;
        lx->pos += 2;
        if (!scan_digits(lx, base, buf, &n, sizeof stack, &any) || !any) err = "Invalid or unexpected token";
        else t->num = radix_value(buf, n, base);
    } else if (c == '0' && c1 >= '0' && c1 <= '9') {
        /* legacy octal (017) or legacy decimal (08, 019) */
        uint32_t s = lx->pos;
        bool octal = true;
        while (peekc(lx, 0) >= '0' && peekc(lx, 0) <= '9') {
            if (peekc(lx, 0) >= '8') octal = false;
            lx->pos++;
        }
        size_t len = lx->pos - s;
        if (len >= sizeof stack) len = sizeof stack - 1;
        memcpy(buf, lx->src + s, len);
        buf[len] = 0;
        t->legacy_octal = true;
        if (octal) {
            t->num = radix_value(buf + 1, len - 1, 8);
        } else {
            if (peekc(lx, 0) == '.' || peekc(lx, 0) == 'e' || peekc(lx, 0) == 'E') {
                /* 08.5 is legal sloppy code; keep it simple and read the rest */
                n = len;
                if (peekc(lx, 0) == '.') { buf[n++] = '.'; lx->pos++; scan_digits(lx, 10, buf, &n, sizeof stack - 8, &any); }
                buf[n] = 0;
            }
            t->num = strtod(buf, NULL);
        }
    } else {
        bool int_any = false, frac_any = false;
        if (c != '.') {
            if (!scan_digits(lx, 10, buf, &n, sizeof stack - 8, &int_any)) err = "Numeric separators are not allowed here";
        }
        if (!err && peekc(lx, 0) == '.') {
            lx->pos++;
            buf[n++] = '.';
            if (peekc(lx, 0) == '_') err = "Numeric separators are not allowed here";
            else if (!scan_digits(lx, 10, buf, &n, sizeof stack - 8, &frac_any)) err = "Numeric separators are not allowed here";
        }
        if (!err && !int_any && !frac_any) err = "Invalid or unexpected token";
        int e = peekc(lx, 0);
        if (!err && (e == 'e' || e == 'E')) {
            lx->pos++;
            buf[n++] = 'e';
            if (peekc(lx, 0) == '+' || peekc(lx, 0) == '-') buf[n++] = (char)lx->src[lx->pos++];
            bool exp_any;
            if (!scan_digits(lx, 10, buf, &n, sizeof stack - 8, &exp_any) || !exp_any) err = "Invalid or unexpected token";
        }
        if (!err && peekc(lx, 0) == 'n') {
            lx->pos++;
            err = "BigInt literals are not supported";
        }
        buf[n] = 0;
        if (!err) t->num = strtod(buf, NULL);
    }
    (void)cap;
    /* an identifier start or digit right after a number is an error (3in, 1x) */
    int after = peekc(lx, 0);
    if (!err && (is_id_start_ascii(after) || after == '\\' || (after >= '0' && after <= '9')))
        err = "Invalid or unexpected token";
    if (err) {
        t->type = T_ERROR;
        t->error = err;
        while (lx->pos < lx->len && (is_id_part_ascii(peekc(lx, 0)) || peekc(lx, 0) == '.')) lx->pos++;
        return;
    }
    t->type = T_NUMBER;
}

/* ---- strings and templates ---------------------------------------------------------- */
/* One escape sequence after the backslash, appended to out. Returns NULL or an
 * error message. `tpl`: template rules (no legacy octal). */
static const char *scan_escape(Lexer *lx, U16Buf *out, bool tpl, bool *octal) {
    int c = peekc(lx, 0);
    if (c < 0) return "Invalid or unexpected token";
    switch (c) {
    case 'n': lx->pos++; u16_push(out, '\n'); return NULL;
    case 't': lx->pos++; u16_push(out, '\t'); return NULL;
    case 'r': lx->pos++; u16_push(out, '\r'); return NULL;
    case 'b': lx->pos++; u16_push(out, '\b'); return NULL;
    case 'f': lx->pos++; u16_push(out, '\f'); return NULL;
    case 'v': lx->pos++; u16_push(out, '\v'); return NULL;
    case 'x': {
        int h1 = hexval(peekc(lx, 1)), h2 = hexval(peekc(lx, 2));
        if (h1 < 0 || h2 < 0) { lx->pos++; return "Invalid hexadecimal escape sequence"; }
        lx->pos += 3;
        u16_push(out, (uint16_t)(h1 * 16 + h2));
        return NULL;
    }
    case 'u': {
        int64_t v = read_unicode_escape(lx);
        if (v < 0) return "Invalid Unicode escape sequence";
        u16_push_cp(out, (uint32_t)v);
        return NULL;
    }
    case '\r': case '\n':
        eat_line_term(lx);       /* line continuation */
        return NULL;
    default:
        break;
    }
    if (c >= '0' && c <= '7') {
        if (c == '0' && !(peekc(lx, 1) >= '0' && peekc(lx, 1) <= '9')) {
            lx->pos++;
            u16_push(out, 0);
            return NULL;
        }
        if (tpl) return "Octal escape sequences are not allowed in template strings";
        /* legacy octal: up to three digits, value <= 0377 */
        int v = 0, n = 0, max = c <= '3' ? 3 : 2;
        while (n < max && peekc(lx, 0) >= '0' && peekc(lx, 0) <= '7') {
            v = v * 8 + (peekc(lx, 0) - '0');
            lx->pos++;
            n++;
        }
        *octal = true;
        u16_push(out, (uint16_t)v);
        return NULL;
    }
    if (c == '8' || c == '9') {
        if (tpl) return "\\8 and \\9 are not allowed in template strings";
        *octal = true;
        lx->pos++;
        u16_push(out, (uint16_t)c);
        return NULL;
    }
    if (c >= 0x80) {
        int used;
        uint32_t cp = peek_cp(lx, lx->pos, &used);
        if (cp == 0x2028 || cp == 0x2029) { eat_line_term(lx); return NULL; }
        lx->pos += (uint32_t)used;
        u16_push_cp(out, cp);
        return NULL;
    }
    lx->pos++;
    u16_push(out, (uint16_t)c);
    return NULL;
}

static void scan_string(Lexer *lx, Token *t) {
    int quote = peekc(lx, 0);
    lx->pos++;
    U16Buf b = {.fc = lx->fc};
    for (;;) {
        int c = peekc(lx, 0);
        if (c < 0 || c == '\n' || c == '\r') {
            t->type = T_ERROR;
            t->error = "Invalid or unexpected token";
            return;
        }
        if (c == quote) { lx->pos++; break; }
        if (c == '\\') {
            lx->pos++;
            bool oct = false;
            const char *e = scan_escape(lx, &b, false, &oct);
            if (oct) t->legacy_octal = true;
            if (e) { t->type = T_ERROR; t->error = e; return; }
            continue;
        }
        if (c < 0x80) { u16_push(&b, (uint16_t)c); lx->pos++; continue; }
        int used;
        uint32_t cp = peek_cp(lx, lx->pos, &used);
        if (cp == 0x2028 || cp == 0x2029) { lx->pos += 3; newline(lx); }
        else lx->pos += (uint32_t)used;
        u16_push_cp(&b, cp);
    }
    t->type = T_STRING;
    t->str = u16_done(&b);
}

/* Scans template characters after ` or } up to ` or ${. */
static void scan_template(Lexer *lx, Token *t, bool head) {
    U16Buf cooked = {.fc = lx->fc}, raw = {.fc = lx->fc};
    const char *bad = NULL;
    for (;;) {
        int c = peekc(lx, 0);
        if (c < 0) { t->type = T_ERROR; t->error = "Unexpected end of input"; return; }
        if (c == '`') { lx->pos++; t->tpl_kind = head ? TPL_FULL : TPL_TAIL; break; }
        if (c == '$' && peekc(lx, 1) == '{') {
            lx->pos += 2;
            if (lx->tpl_depth >= FE_LEX_TPL_MAX) { t->type = T_ERROR; t->error = "Too much nesting"; return; }
            lx->tpl_braces[lx->tpl_depth++] = 0;
            t->tpl_kind = head ? TPL_HEAD : TPL_MIDDLE;
            break;
        }
        if (c == '\\') {
            uint32_t s = lx->pos;
            lx->pos++;
            bool oct = false;
            uint32_t line0 = lx->line;
            const char *e = scan_escape(lx, &cooked, true, &oct);
            if (e && !bad) bad = e;
            if (e && lx->pos == s + 1 && lx->pos < lx->len) lx->pos++;   /* never past the end */
            /* raw text of the escape, line terminators normalised */
            u16_push(&raw, '\\');
            for (uint32_t i = s + 1; i < lx->pos; i++) {
                unsigned char ch = (unsigned char)lx->src[i];
                if (ch == '\r') { u16_push(&raw, '\n'); if (i + 1 < lx->pos && lx->src[i + 1] == '\n') i++; }
                else if (ch < 0x80) u16_push(&raw, ch);
                else { int used; uint32_t cp = fe_utf8_decode((const unsigned char *)lx->src + i, lx->pos - i, &used); u16_push_cp(&raw, cp); i += (uint32_t)used - 1; }
            }
            (void)line0;
            continue;
        }
        if (c == '\r' || c == '\n') {
            eat_line_term(lx);
            u16_push(&cooked, '\n');
            u16_push(&raw, '\n');
            continue;
        }
        if (c < 0x80) { u16_push(&cooked, (uint16_t)c); u16_push(&raw, (uint16_t)c); lx->pos++; continue; }
        int used;
        uint32_t cp = peek_cp(lx, lx->pos, &used);
        if (cp == 0x2028 || cp == 0x2029) { lx->pos += 3; newline(lx); }
        else lx->pos += (uint32_t)used;
        u16_push_cp(&cooked, cp);
        u16_push_cp(&raw, cp);
    }
    t->type = T_TEMPLATE;
    t->str = u16_done(&cooked);
    t->raw = u16_done(&raw);
    if (bad) { t->bad_escape = true; t->error = bad; }
}

/* ---- punctuators ------------------------------------------------------------------------ */
static TokenType scan_punct(Lexer *lx) {
    int c = peekc(lx, 0), c1 = peekc(lx, 1), c2 = peekc(lx, 2), c3 = peekc(lx, 3);
#define RET(n, t) do { lx->pos += (n); return (t); } while (0)
    switch (c) {
    case '{': RET(1, T_LBRACE);
    case '}': RET(1, T_RBRACE);
    case '(': RET(1, T_LPAREN);
    case ')': RET(1, T_RPAREN);
    case '[': RET(1, T_LBRACK);
    case ']': RET(1, T_RBRACK);
    case ';': RET(1, T_SEMI);
    case ',': RET(1, T_COMMA);
    case ':': RET(1, T_COLON);
    case '~': RET(1, T_TILDE);
    case '#': RET(1, T_HASH);
    case '@': RET(1, T_AT);
    case '.':
        if (c1 == '.' && c2 == '.') RET(3, T_ELLIPSIS);
        RET(1, T_DOT);
    case '<':
        if (c1 == '<') { if (c2 == '=') RET(3, T_SHL_ASSIGN); RET(2, T_SHL); }
        if (c1 == '=') RET(2, T_LE);
        RET(1, T_LT);
    case '>':
        if (c1 == '>') {
            if (c2 == '>') { if (c3 == '=') RET(4, T_SHR_ASSIGN); RET(3, T_SHR); }
            if (c2 == '=') RET(3, T_SAR_ASSIGN);
            RET(2, T_SAR);
        }
        if (c1 == '=') RET(2, T_GE);
        RET(1, T_GT);
    case '=':
        if (c1 == '=') { if (c2 == '=') RET(3, T_EQ_STRICT); RET(2, T_EQ); }
        if (c1 == '>') RET(2, T_ARROW);
        RET(1, T_ASSIGN);
    case '!':
        if (c1 == '=') { if (c2 == '=') RET(3, T_NE_STRICT); RET(2, T_NE); }
        RET(1, T_BANG);
    case '+':
        if (c1 == '+') RET(2, T_INC);
        if (c1 == '=') RET(2, T_ADD_ASSIGN);
        RET(1, T_PLUS);
    case '-':
        if (c1 == '-') RET(2, T_DEC);
        if (c1 == '=') RET(2, T_SUB_ASSIGN);
        RET(1, T_MINUS);
    case '*':
        if (c1 == '*') { if (c2 == '=') RET(3, T_EXP_ASSIGN); RET(2, T_STARSTAR); }
        if (c1 == '=') RET(2, T_MUL_ASSIGN);
        RET(1, T_STAR);
    case '/':
        if (c1 == '=') RET(2, T_DIV_ASSIGN);
        RET(1, T_SLASH);
    case '%':
        if (c1 == '=') RET(2, T_MOD_ASSIGN);
        RET(1, T_PERCENT);
    case '&':
        if (c1 == '&') { if (c2 == '=') RET(3, T_LAND_ASSIGN); RET(2, T_AND); }
        if (c1 == '=') RET(2, T_AND_ASSIGN);
        RET(1, T_AMP);
    case '|':
        if (c1 == '|') { if (c2 == '=') RET(3, T_LOR_ASSIGN); RET(2, T_OR); }
        if (c1 == '=') RET(2, T_OR_ASSIGN);
        RET(1, T_PIPE);
    case '^':
        if (c1 == '=') RET(2, T_XOR_ASSIGN);
        RET(1, T_CARET);
    case '?':
        if (c1 == '?') { if (c2 == '=') RET(3, T_NULLISH_ASSIGN); RET(2, T_NULLISH); }
        if (c1 == '.' && !(c2 >= '0' && c2 <= '9')) RET(2, T_QDOT);
        RET(1, T_QUESTION);
    default:
        return T_ERROR;
    }
#undef RET
}

void fe_lex_next(Lexer *lx, Token *t) {
    memset(t, 0, sizeof *t);
    bool nl = false;
    const char *err = skip_space(lx, &nl);
    t->newline_before = nl || lx->pos == 0;
    t->start = lx->pos;
    t->line = lx->line;
    t->col = column_of(lx, lx->pos);
    if (err) {
        t->type = T_ERROR;
        t->error = err;
        t->end = lx->pos;
        return;
    }
    if (lx->pos >= lx->len) {
        t->type = T_EOF;
        t->end = lx->pos;
        return;
    }
    int c = peekc(lx, 0);
    if (is_id_start_ascii(c) || c == '\\') {
        scan_identifier(lx, t);
    } else if (c >= 0x80) {
        int used;
        uint32_t cp = peek_cp(lx, lx->pos, &used);
        if (is_id_unicode(cp)) scan_identifier(lx, t);
        else { lx->pos += (uint32_t)used; t->type = T_ERROR; t->error = "Invalid or unexpected token"; }
    } else if ((c >= '0' && c <= '9') || (c == '.' && peekc(lx, 1) >= '0' && peekc(lx, 1) <= '9')) {
        scan_number(lx, t);
    } else if (c == '"' || c == '\'') {
        scan_string(lx, t);
    } else if (c == '`') {
        lx->pos++;
        scan_template(lx, t, true);
    } else if (c == '}' && lx->tpl_depth > 0 && lx->tpl_braces[lx->tpl_depth - 1] == 0) {
        lx->tpl_depth--;
        lx->pos++;
        scan_template(lx, t, false);
    } else {
        t->type = scan_punct(lx);
        if (t->type == T_ERROR) {
            lx->pos++;
            t->error = "Invalid or unexpected token";
        } else if (t->type == T_LBRACE) {
            lx->brace_depth++;
            if (lx->tpl_depth > 0) lx->tpl_braces[lx->tpl_depth - 1]++;
        } else if (t->type == T_RBRACE) {
            lx->brace_depth--;
            if (lx->tpl_depth > 0) lx->tpl_braces[lx->tpl_depth - 1]--;
        }
    }
    t->end = lx->pos;
}

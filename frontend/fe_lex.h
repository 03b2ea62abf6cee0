/* fe_lex.h — reef's JavaScript scanner (ECMAScript 2020 lexical grammar,
 * ECMA-262 §12). The scanner turns UTF-8 source into tokens on demand; the
 * parser pulls one token at a time and may copy the whole scanner state to
 * look ahead (the state is a plain struct, so a copy is a snapshot).
 *
 * Every token knows its byte range, its 1-based line and column (columns
 * count code points) and whether a line terminator preceded it (for
 * automatic semicolon insertion).
 */
#ifndef FE_LEX_H
#define FE_LEX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "fe_ast.h"

/* Token kinds: TOK(id, text). Punctuators first, then keywords (their text is
 * the keyword), then the literal kinds. */
#define FE_TOKENS(TOK) \
    TOK(EOF, "end of input") \
    TOK(LBRACE, "{") TOK(RBRACE, "}") TOK(LPAREN, "(") TOK(RPAREN, ")") \
    TOK(LBRACK, "[") TOK(RBRACK, "]") TOK(DOT, ".") TOK(ELLIPSIS, "...") \
    TOK(SEMI, ";") TOK(COMMA, ",") TOK(LT, "<") TOK(GT, ">") TOK(LE, "<=") \
    TOK(GE, ">=") TOK(EQ, "==") TOK(NE, "!=") TOK(EQ_STRICT, "===") \
    TOK(NE_STRICT, "!==") TOK(PLUS, "+") TOK(MINUS, "-") TOK(STAR, "*") \
    TOK(SLASH, "/") TOK(PERCENT, "%") TOK(STARSTAR, "**") TOK(INC, "++") \
    TOK(DEC, "--") TOK(SHL, "<<") TOK(SAR, ">>") TOK(SHR, ">>>") \
    TOK(AMP, "&") TOK(PIPE, "|") TOK(CARET, "^") TOK(BANG, "!") \
    TOK(TILDE, "~") TOK(AND, "&&") TOK(OR, "||") TOK(NULLISH, "??") \
    TOK(QUESTION, "?") TOK(QDOT, "?.") TOK(COLON, ":") TOK(ASSIGN, "=") \
    TOK(ADD_ASSIGN, "+=") TOK(SUB_ASSIGN, "-=") TOK(MUL_ASSIGN, "*=") \
    TOK(DIV_ASSIGN, "/=") TOK(MOD_ASSIGN, "%=") TOK(EXP_ASSIGN, "**=") \
    TOK(SHL_ASSIGN, "<<=") TOK(SAR_ASSIGN, ">>=") TOK(SHR_ASSIGN, ">>>=") \
    TOK(AND_ASSIGN, "&=") TOK(OR_ASSIGN, "|=") TOK(XOR_ASSIGN, "^=") \
    TOK(LAND_ASSIGN, "&&=") TOK(LOR_ASSIGN, "||=") TOK(NULLISH_ASSIGN, "?\?=") \
    TOK(ARROW, "=>") TOK(HASH, "#") TOK(AT, "@") \
    /* keywords (reserved words) */ \
    TOK(BREAK, "break") TOK(CASE, "case") TOK(CATCH, "catch") TOK(CLASS, "class") \
    TOK(CONST, "const") TOK(CONTINUE, "continue") TOK(DEBUGGER, "debugger") \
    TOK(DEFAULT, "default") TOK(DELETE, "delete") TOK(DO, "do") TOK(ELSE, "else") \
    TOK(ENUM, "enum") TOK(EXPORT, "export") TOK(EXTENDS, "extends") \
    TOK(FALSE, "false") TOK(FINALLY, "finally") TOK(FOR, "for") \
    TOK(FUNCTION, "function") TOK(IF, "if") TOK(IMPORT, "import") TOK(IN, "in") \
    TOK(INSTANCEOF, "instanceof") TOK(NEW, "new") TOK(NULL, "null") \
    TOK(RETURN, "return") TOK(SUPER, "super") TOK(SWITCH, "switch") \
    TOK(THIS, "this") TOK(THROW, "throw") TOK(TRUE, "true") TOK(TRY, "try") \
    TOK(TYPEOF, "typeof") TOK(VAR, "var") TOK(VOID, "void") TOK(WHILE, "while") \
    TOK(WITH, "with") \
    /* literals and names */ \
    TOK(IDENT, "identifier") TOK(NUMBER, "number") TOK(STRING, "string") \
    TOK(TEMPLATE, "template string") TOK(BIGINT, "bigint") TOK(ERROR, "invalid token")

typedef enum {
#define TOK(id, text) T_##id,
    FE_TOKENS(TOK)
#undef TOK
    T__COUNT
} TokenType;

#define T_FIRST_KEYWORD T_BREAK
#define T_LAST_KEYWORD T_WITH

extern const char *const fe_token_text[T__COUNT];

/* Template chunk kinds (T_TEMPLATE): `a${ is HEAD, }b${ MIDDLE, }c` TAIL,
 * `abc` FULL. */
enum { TPL_FULL, TPL_HEAD, TPL_MIDDLE, TPL_TAIL };

typedef struct Token {
    TokenType type;
    uint32_t start, end;        /* byte range in the source */
    uint32_t line, col;         /* 1-based; col counts code points */
    bool newline_before;
    bool escaped;               /* identifier/keyword spelled with \u escapes */
    bool escaped_keyword;       /* T_IDENT that spells a reserved word with escapes */
    bool legacy_octal;          /* 017 literal or \1 escape (strict mode rejects) */
    bool bad_escape;            /* template with an invalid escape (cooked undefined) */
    uint8_t tpl_kind;           /* TPL_* for T_TEMPLATE */
    const char *name;           /* T_IDENT (and keywords): canonical atom */
    double num;                 /* T_NUMBER */
    FeStr str;                  /* T_STRING: value; T_TEMPLATE: cooked */
    FeStr raw;                  /* T_TEMPLATE: raw */
    const char *error;          /* T_ERROR: message */
} Token;

#define FE_LEX_TPL_MAX 64

/* The whole scanner state: copying it is a snapshot (parser lookahead). */
typedef struct Lexer {
    const char *src;
    uint32_t len;
    uint32_t pos;
    uint32_t line;
    uint32_t line_start;        /* byte offset where the current line starts */
    uint32_t col_pos, col;      /* column cache: code point column of col_pos */
    int brace_depth;            /* { minus } seen outside templates (error recovery) */
    int tpl_depth;              /* open ${ substitutions */
    int tpl_braces[FE_LEX_TPL_MAX]; /* unmatched { inside each open substitution */
    FeCompiler *fc;             /* arena and atoms */
} Lexer;

void fe_lex_init(Lexer *lx, FeCompiler *fc, const char *src, size_t len);
/* Scans the next token into *t. Never fails: errors come back as T_ERROR. */
void fe_lex_next(Lexer *lx, Token *t);
/* Identifier classification helpers (shared with the parser). */
bool fe_is_strict_reserved(const char *name);
/* Appends the UTF-8 encoding of code point cp to buf; returns bytes written. */
int fe_utf8_encode(uint32_t cp, char *buf);
/* Decodes one UTF-8 sequence at s[0..n); returns the code point (U+FFFD on
 * invalid input) and stores the length used in *used (at least 1). */
uint32_t fe_utf8_decode(const unsigned char *s, size_t n, int *used);

#endif

/* gr_html.c — --dump-graphs=DIR: for each optimized function and each
 * stage of its pipeline a DOT file and an SVG, and one static, self-contained
 * index.html that steps through the stages with the function's source and
 * bytecode beside the graph, the nodes each pass changed highlighted, and
 * FrameStates hidden at the click of a checkbox. The last stage is the
 * scheduled graph: basic blocks as clusters, nodes in execution order.
 *
 * Layout: DIR/fn-NNN-name/SS-pass.dot|.svg, DIR/fn-NNN-name.js (the data of
 * one function as a script that appends to REEF_FUNCS), DIR/index.html
 * (the viewer with every fn-*.js inlined, so it opens from file:// without
 * any fetch). NNN counts the functions already in DIR, so nothing but the
 * directory itself carries state from one compilation to the next.
 * In the spirit of the phase browsers of C1visualizer and Turbolizer.
 */
#define _GNU_SOURCE
#include "gr_dump.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "backend/be_schedule.h"
#include "frontend/fe_compile.h"

typedef struct Stage {
    char pass[32];
    bool changed;
    char *text;             /* ir_print_graph output */
    char *svg;              /* NULL when not rendered */
    char *changed_ids;      /* "n3 n7 ..." */
    char *removed_ids;
    uint32_t nodes;
} Stage;

struct GrDump {
    Runtime *rt;
    char dir[512];
    char sub[640];          /* DIR/fn-NNN-name */
    char base[128];         /* fn-NNN-name */
    char name[64];
    BytecodeFunction *bf;
    Stage *stages;
    uint32_t nstages, cap;
    char **prev_lines;      /* previous stage's line per node id */
    uint32_t prev_count;
    bool failed;
};

static char *slurp_stream(void (*fn)(void *, FILE *), void *arg) {
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (!f) return NULL;
    fn(arg, f);
    fclose(f);
    return buf;
}

static void safe_name(const char *in, char *out, size_t size) {
    size_t k = 0;
    for (; *in && k + 1 < size && k < 40; in++)
        out[k++] = ((*in >= 'a' && *in <= 'z') || (*in >= 'A' && *in <= 'Z') || (*in >= '0' && *in <= '9') ||
                    *in == '_') ? *in : '_';
    out[k] = 0;
    if (!k) snprintf(out, size, "anonymous");
}

static bool is_fn_file(const char *n) {
    size_t l = strlen(n);
    return strncmp(n, "fn-", 3) == 0 && l > 3 && strcmp(n + l - 3, ".js") == 0;
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* The fn-*.js files of dir, sorted (malloc'd array of malloc'd names). */
static char **list_fn_files(const char *dir, uint32_t *count) {
    *count = 0;
    DIR *d = opendir(dir);
    if (!d) return NULL;
    char **names = NULL;
    uint32_t cap = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (!is_fn_file(e->d_name)) continue;
        if (*count == cap) {
            cap = cap ? cap * 2 : 16;
            names = ir_xrealloc(names, cap * sizeof(char *));
        }
        names[(*count)++] = strdup(e->d_name);
    }
    closedir(d);
    if (*count) qsort(names, *count, sizeof(char *), cmp_str);
    return names;
}

GrDump *gr_dump_begin(Runtime *rt, const char *dir, BytecodeFunction *bf, const char *name) {
    if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
        fprintf(stderr, "reef: cannot create --dump-graphs directory %s: %s\n", dir, strerror(errno));
        return NULL;
    }
    GrDump *d = ir_xcalloc(1, sizeof *d);
    d->rt = rt;
    d->bf = bf;
    snprintf(d->dir, sizeof d->dir, "%s", dir);
    snprintf(d->name, sizeof d->name, "%s", name);
    uint32_t n;
    char **names = list_fn_files(dir, &n);
    for (uint32_t i = 0; i < n; i++) free(names[i]);
    free(names);
    char safe[48];
    safe_name(name, safe, sizeof safe);
    snprintf(d->base, sizeof d->base, "fn-%03u-%s", n, safe);
    snprintf(d->sub, sizeof d->sub, "%s/%s", dir, d->base);
    if (mkdir(d->sub, 0777) != 0 && errno != EEXIST) d->failed = true;
    return d;
}

typedef struct { const Graph *g; const char *title; } PrintArg;
static void print_graph_cb(void *arg, FILE *f) {
    PrintArg *a = arg;
    ir_print_graph(f, a->g, a->title);
}
typedef struct { const Graph *g; NodeId n; } NodeArg;
static void print_node_cb(void *arg, FILE *f) {
    NodeArg *a = arg;
    ir_print_node(f, a->g, a->n);
}

static void write_file(GrDump *d, const char *path, const char *text) {
    FILE *f = fopen(path, "w");
    if (!f) { d->failed = true; return; }
    fputs(text, f);
    if (fclose(f) != 0) d->failed = true;
}

static void print_schedule_cb(void *arg, FILE *f) { be_schedule_print(f, arg); }

/* One stage: the graph's text form, the nodes changed since the previous
 * stage, its DOT and SVG. With a schedule, the text and the picture are
 * the scheduled view. */
static void record_stage(GrDump *d, const Graph *g, const char *pass, uint32_t index, bool changed,
                         const BeSchedule *sched) {
    if (d->nstages == d->cap) {
        d->cap = d->cap ? d->cap * 2 : 8;
        d->stages = ir_xrealloc(d->stages, d->cap * sizeof(Stage));
    }
    Stage *s = &d->stages[d->nstages++];
    memset(s, 0, sizeof *s);
    snprintf(s->pass, sizeof s->pass, "%s", pass);
    s->changed = changed;
    s->nodes = g->live_count;
    char title[96];
    snprintf(title, sizeof title, "after %s", pass);
    PrintArg pa = {g, title};
    s->text = sched ? slurp_stream(print_schedule_cb, (void *)sched) : slurp_stream(print_graph_cb, &pa);

    /* Which nodes are new or different from the previous stage, which are gone. */
    uint8_t *ch = ir_xcalloc(g->node_count, 1);
    char **lines = ir_xcalloc(g->node_count, sizeof(char *));
    size_t clen = 0, ccap = 64, rlen = 0, rcap = 64;
    s->changed_ids = ir_xcalloc(ccap, 1);
    s->removed_ids = ir_xcalloc(rcap, 1);
    for (NodeId n = 1; n < g->node_count; n++) {
        if (!ir_is_live(g, n)) continue;
        NodeArg na = {g, n};
        lines[n] = slurp_stream(print_node_cb, &na);
        const char *old = n < d->prev_count ? d->prev_lines[n] : NULL;
        if (index > 0 && (!old || !lines[n] || strcmp(old, lines[n]) != 0)) {
            ch[n] = 1;
            char id[16];
            int w = snprintf(id, sizeof id, "%sn%u", clen ? " " : "", n);
            if (clen + (size_t)w + 1 > ccap) { while (clen + (size_t)w + 1 > ccap) ccap *= 2; s->changed_ids = ir_xrealloc(s->changed_ids, ccap); }
            memcpy(s->changed_ids + clen, id, (size_t)w + 1);
            clen += (size_t)w;
        }
    }
    for (NodeId n = 1; n < d->prev_count; n++) {
        if (!d->prev_lines[n] || (n < g->node_count && ir_is_live(g, n))) continue;
        char id[16];
        int w = snprintf(id, sizeof id, "%sn%u", rlen ? " " : "", n);
        if (rlen + (size_t)w + 1 > rcap) { while (rlen + (size_t)w + 1 > rcap) rcap *= 2; s->removed_ids = ir_xrealloc(s->removed_ids, rcap); }
        memcpy(s->removed_ids + rlen, id, (size_t)w + 1);
        rlen += (size_t)w;
    }
    for (uint32_t i = 0; i < d->prev_count; i++) free(d->prev_lines[i]);
    free(d->prev_lines);
    d->prev_lines = lines;
    d->prev_count = g->node_count;

    char gtitle[160];
    if (sched) snprintf(gtitle, sizeof gtitle, "%s: scheduled (%u nodes, %d blocks)", d->name, g->live_count, sched->nblocks);
    else snprintf(gtitle, sizeof gtitle, "%s: after %s (%u nodes)", d->name, pass, g->live_count);
    char *dot = sched ? gr_schedule_to_dot(sched, ch, gtitle) : gr_graph_to_dot(g, ch, gtitle);
    free(ch);
    char path[900];
    snprintf(path, sizeof path, "%s/%02u-%s.dot", d->sub, index, pass);
    write_file(d, path, dot);
    s->svg = gr_dot_to_svg(dot, g->live_count);
    if (s->svg) {
        snprintf(path, sizeof path, "%s/%02u-%s.svg", d->sub, index, pass);
        write_file(d, path, s->svg);
    }
    free(dot);
}

void gr_dump_observe(void *dump, const Graph *g, const char *pass, uint32_t index, bool changed) {
    if (dump) record_stage(dump, g, pass, index, changed, NULL);
}

void gr_dump_scheduled(void *dump, const Graph *g, const BeSchedule *s, uint32_t index) {
    if (dump && s) record_stage(dump, g, "scheduled", index, true, s);
}

/* A JS string literal that is also safe inside a <script> element. */
static void put_js_string(FILE *f, const char *s) {
    fputc('"', f);
    for (; s && *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\') fprintf(f, "\\%c", c);
        else if (c == '\n') fputs("\\n", f);
        else if (c == '\r') fputs("\\r", f);
        else if (c == '\t') fputs("\\t", f);
        else if (c < 0x20) fprintf(f, "\\u%04x", c);
        else if (c == '<' && s[1] == '/') fputs("<\\/", f), s++;
        else if (c == '<' && s[1] == '!') fputs("\\u003c", f);
        else fputc(c, f);
    }
    fputc('"', f);
}

static void print_bytecode_cb(void *arg, FILE *f) {
    GrDump *d = arg;
    if (d->rt) fe_print_function(d->rt, d->bf, f);
}

bool gr_dump_end(GrDump *d, const char *outcome) {
    if (!d) return false;
    char path[900];
    snprintf(path, sizeof path, "%s/%s.js", d->dir, d->base);
    FILE *f = fopen(path, "w");
    if (f) {
        fputs("REEF_FUNCS.push({name: ", f);
        put_js_string(f, d->name);
        fputs(", id: ", f);
        put_js_string(f, d->base);
        char where[600] = "";
        char *src = NULL;
        if (d->bf && d->bf->script) {
            snprintf(where, sizeof where, "%s:%u", d->bf->script->filename ? d->bf->script->filename : "?", d->bf->line);
            const Script *sc = d->bf->script;
            if (sc->source && d->bf->src_start <= d->bf->src_end && d->bf->src_end <= sc->source_len) {
                size_t n = d->bf->src_end - d->bf->src_start;
                src = ir_xmalloc(n + 1);
                memcpy(src, sc->source + d->bf->src_start, n);
                src[n] = 0;
            }
        }
        fputs(", where: ", f);
        put_js_string(f, where);
        fputs(", outcome: ", f);
        put_js_string(f, outcome ? outcome : "");
        fputs(", source: ", f);
        put_js_string(f, src ? src : "");
        free(src);
        char *bc = d->bf ? slurp_stream(print_bytecode_cb, d) : NULL;
        fputs(", bytecode: ", f);
        put_js_string(f, bc ? bc : "");
        free(bc);
        fputs(",\n stages: [\n", f);
        for (uint32_t i = 0; i < d->nstages; i++) {
            Stage *s = &d->stages[i];
            fputs("  {pass: ", f);
            put_js_string(f, s->pass);
            fprintf(f, ", changed: %s, nodes: %u, changedIds: ", s->changed ? "true" : "false", s->nodes);
            put_js_string(f, s->changed_ids);
            fputs(", removedIds: ", f);
            put_js_string(f, s->removed_ids);
            fputs(", text: ", f);
            put_js_string(f, s->text);
            fputs(", svg: ", f);
            if (s->svg) put_js_string(f, s->svg);
            else fputs("null", f);
            fputs("},\n", f);
        }
        fputs(" ]});\n", f);
        if (fclose(f) != 0) d->failed = true;
    } else {
        d->failed = true;
    }
    bool ok = !d->failed && gr_write_index(d->dir);
    if (!ok) fprintf(stderr, "reef: could not write all graph dumps into %s\n", d->dir);
    for (uint32_t i = 0; i < d->nstages; i++) {
        free(d->stages[i].text);
        free(d->stages[i].svg);
        free(d->stages[i].changed_ids);
        free(d->stages[i].removed_ids);
    }
    free(d->stages);
    for (uint32_t i = 0; i < d->prev_count; i++) free(d->prev_lines[i]);
    free(d->prev_lines);
    free(d);
    return ok;
}

/* ---- the viewer --------------------------------------------------------------------- */

static const char index_head[] =
"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
"<title>reef graphs</title>\n<style>\n"
"body{margin:0;font:13px Helvetica,Arial,sans-serif;display:grid;grid-template-columns:190px 1fr 420px;"
"grid-template-rows:auto 1fr;height:100vh;color:#212529}\n"
"header{grid-column:1/4;padding:6px 10px;background:#343a40;color:#fff;display:flex;gap:12px;align-items:center;flex-wrap:wrap}\n"
"header button{font:inherit;padding:2px 8px}\n"
"#stages button.cur{background:#ffd43b;font-weight:bold}\n"
"#stages button.nochange{opacity:.6}\n"
"#fns{overflow:auto;border-right:1px solid #ccc;padding:4px}\n"
"#fns div{padding:3px 6px;cursor:pointer;border-radius:3px}\n"
"#fns div.cur{background:#d0ebff}\n"
"#graph{overflow:auto;padding:6px;background:#fff}\n"
"#side{overflow:auto;border-left:1px solid #ccc;padding:6px;background:#f8f9fa}\n"
"pre{font:11px Menlo,Consolas,monospace;white-space:pre;margin:4px 0 12px}\n"
"h3{margin:6px 0 2px;font-size:12px;text-transform:uppercase;color:#495057}\n"
"body.hide-fs .fs{display:none}\n"
"#graph svg{max-width:100%;height:auto}\n"
"#graph.actual svg{max-width:none}\n"
"svg .node.changed polygon,svg .node.changed ellipse,svg .node.changed path{stroke:#e03131;stroke-width:3}\n"
".note{color:#868e96;font-style:italic}\n"
"#legend span{padding:0 6px;margin-right:4px;border-radius:3px}\n"
"</style></head>\n<body>\n"
"<header><b>reef</b><span id=\"title\"></span><span id=\"stages\"></span>"
"<button id=\"prev\" title=\"previous pass (left arrow)\">&#9664;</button>"
"<button id=\"next\" title=\"next pass (right arrow)\">&#9654;</button>"
"<label><input type=\"checkbox\" id=\"showfs\"> FrameStates</label>"
"<label><input type=\"checkbox\" id=\"actual\"> actual size</label>"
"<span id=\"legend\"><span style=\"background:#ffd8a8;color:#000\">control</span>"
"<span style=\"background:#d0ebff;color:#000\">check</span><span style=\"background:#e5dbff;color:#000\">memory/call</span>"
"<span style=\"background:#d3f9d8;color:#000\">pure</span><span style=\"border:2px solid #e03131\">changed</span></span>"
"</header>\n<nav id=\"fns\"></nav>\n<main id=\"graph\"></main>\n"
"<aside id=\"side\"><h3>changes</h3><pre id=\"changes\"></pre><h3>source</h3><pre id=\"source\"></pre>"
"<h3>bytecode</h3><pre id=\"bytecode\"></pre><h3>graph text</h3><pre id=\"text\"></pre></aside>\n"
"<script>\nvar REEF_FUNCS = [];\n";

static const char index_tail[] =
"</script>\n<script>\n"
"(function(){\n"
"var fi = 0, si = 0;\n"
"function el(id){return document.getElementById(id);}\n"
"function showFns(){var nav=el('fns');nav.innerHTML='';\n"
" REEF_FUNCS.forEach(function(f,i){var d=document.createElement('div');d.textContent=f.name+' ('+f.stages.length+')';"
"d.title=f.where+' '+f.outcome;if(i===fi)d.className='cur';d.onclick=function(){fi=i;si=f.stages.length-1;render();};nav.appendChild(d);});}\n"
"function render(){\n"
" showFns(); var f=REEF_FUNCS[fi]; if(!f){el('graph').innerHTML='<p class=note>no function was dumped</p>';return;}\n"
" if(si<0)si=0; if(si>=f.stages.length)si=f.stages.length-1; var s=f.stages[si];\n"
" el('title').textContent=f.name+'  '+f.where+'  '+f.outcome;\n"
" var st=el('stages'); st.innerHTML='';\n"
" f.stages.forEach(function(x,i){var b=document.createElement('button');b.textContent=x.pass;"
"b.className=(i===si?'cur':'')+(x.changed?'':' nochange');b.title=x.nodes+' nodes';b.onclick=function(){si=i;render();};st.appendChild(b);});\n"
" el('graph').innerHTML = s.svg ? s.svg : '<p class=note>'+s.nodes+' nodes: too large to lay out; see the .dot file in '+f.id+'/</p>';\n"
" el('changes').textContent=(si===0?'the graph as built':('after '+s.pass+': '+(s.changed?'changed':'no change')))+"
"'\\nchanged/new: '+(s.changedIds||'-')+'\\nremoved: '+(s.removedIds||'-');\n"
" el('source').textContent=f.source; el('bytecode').textContent=f.bytecode; el('text').textContent=s.text;\n"
"}\n"
"el('prev').onclick=function(){si--;render();}; el('next').onclick=function(){si++;render();};\n"
"document.addEventListener('keydown',function(e){if(e.key==='ArrowLeft'){si--;render();}if(e.key==='ArrowRight'){si++;render();}});\n"
"el('showfs').onchange=function(){document.body.classList.toggle('hide-fs',!this.checked);};\n"
"document.body.classList.add('hide-fs');\n"
"el('actual').onchange=function(){el('graph').classList.toggle('actual',this.checked);};\n"
"if(REEF_FUNCS.length){si=REEF_FUNCS[0].stages.length-1;}\n"
"render();\n})();\n</script>\n</body></html>\n";

bool gr_write_index(const char *dir) {
    char path[600];
    snprintf(path, sizeof path, "%s/index.html", dir);
    FILE *out = fopen(path, "w");
    if (!out) return false;
    fputs(index_head, out);
    uint32_t n;
    char **names = list_fn_files(dir, &n);
    for (uint32_t i = 0; i < n; i++) {
        char p[900];
        snprintf(p, sizeof p, "%s/%s", dir, names[i]);
        FILE *in = fopen(p, "r");
        if (in) {
            char buf[8192];
            size_t k;
            while ((k = fread(buf, 1, sizeof buf, in)) > 0) fwrite(buf, 1, k, out);
            fclose(in);
        }
        free(names[i]);
    }
    free(names);
    fputs(index_tail, out);
    return fclose(out) == 0;
}

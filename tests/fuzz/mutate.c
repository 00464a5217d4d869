/* SPDX-License-Identifier: Apache-2.0 */
/* mutate: deterministic inputs for fuzzing lovc.
 *
 *   mutate SEED COUNT OUTDIR FILE...
 *
 * Writes COUNT byte-level mutations of the given .lov files to OUTDIR (m0000.lov,
 * m0001.lov, ...), then a fixed set of extreme inputs (x-*.lov: deep nesting,
 * a 200 000-term sum, a 5 MB file, random bytes, ...). The same SEED and files
 * give the same inputs, byte for byte. Prints one line per input written:
 * "NAME: what was done", so a failure can be understood without a debugger.
 *
 * Mutations (one to three per input): flip bits, insert random bytes, delete
 * a range, duplicate a range, splice two files, truncate, move a line, insert
 * invalid UTF-8, a huge number, a token of the language, or deep nesting. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- Random numbers (splitmix64: small, and the same everywhere) ---------- */

static uint64_t rng_state;

static uint64_t rng_next(void)
{
    uint64_t z = (rng_state += 0x9E3779B97F4A7C15u);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
    return z ^ (z >> 31);
}

/* A number in [0, n); 0 when n is 0. */
static size_t rng_below(size_t n)
{
    return n ? (size_t)(rng_next() % n) : 0;
}

/* ---- Growable byte buffers ----------------------------------------------- */

typedef struct buf {
    unsigned char *data;
    size_t len;
    size_t cap;
} buf;

static void *xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q) {
        fputs("mutate: out of memory\n", stderr);
        exit(2);
    }
    return q;
}

static void buf_reserve(buf *b, size_t extra)
{
    if (b->len + extra <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + extra)
        cap *= 2;
    b->data = xrealloc(b->data, cap);
    b->cap = cap;
}

/* Inserts n bytes at position 'at' (clamped to the end). */
static void buf_insert(buf *b, size_t at, const void *p, size_t n)
{
    if (at > b->len)
        at = b->len;
    buf_reserve(b, n);
    memmove(b->data + at + n, b->data + at, b->len - at);
    memcpy(b->data + at, p, n);
    b->len += n;
}

static void buf_append(buf *b, const void *p, size_t n)
{
    buf_insert(b, b->len, p, n);
}

static void buf_puts(buf *b, const char *s)
{
    buf_append(b, s, strlen(s));
}

static void buf_repeat(buf *b, const char *s, size_t times)
{
    size_t n = strlen(s);
    buf_reserve(b, n * times);
    for (size_t i = 0; i < times; i++)
        buf_append(b, s, n);
}

static void buf_delete(buf *b, size_t at, size_t n)
{
    if (at >= b->len)
        return;
    if (n > b->len - at)
        n = b->len - at;
    memmove(b->data + at, b->data + at + n, b->len - at - n);
    b->len -= n;
}

static void buf_copy(buf *dst, const buf *src)
{
    dst->len = 0;
    buf_append(dst, src->data, src->len);
}

static buf read_file(const char *path)
{
    buf b = {0};
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "mutate: cannot open %s\n", path);
        exit(2);
    }
    unsigned char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        buf_append(&b, chunk, n);
    fclose(f);
    return b;
}

/* ---- What was done, for the log ------------------------------------------ */

static char note[512];
static size_t note_len;

static void note_add(const char *fmt, ...)
{
    if (note_len >= sizeof note - 1)
        return;
    if (note_len > 0 && note_len < sizeof note - 2) {
        note[note_len++] = ';';
        note[note_len++] = ' ';
        note[note_len] = '\0';
    }
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(note + note_len, sizeof note - note_len, fmt, ap);
    va_end(ap);
    if (n > 0)
        note_len += (size_t)n < sizeof note - note_len ? (size_t)n : sizeof note - note_len - 1;
}

/* ---- Mutations ------------------------------------------------------------- */

static const char *const invalid_utf8[] = {
    "\xC3",             /* lead byte without its continuation */
    "\xFF",             /* never valid */
    "\x80",             /* continuation without a lead */
    "\xC0\xAF",         /* overlong '/' */
    "\xED\xA0\x80",     /* UTF-16 surrogate */
    "\xF4\x90\x80\x80", /* beyond U+10FFFF */
    "\xE6",             /* Latin-1 'ae' */
    "\xEF\xBB\xBF",     /* byte order mark, not at the start */
    "\xC2\xA7",         /* the section sign, valid but not allowed outside quotes */
    "\xE2\x80\x9C",     /* typographic quote */
    "\x00",             /* NUL */
    "\x1A",             /* control character */
};

static const char *const huge_numbers[] = {
    "99999999999999999999999999999",
    "9223372036854775807",
    "9223372036854775808",
    "9 223 372 036 854 775 807",
    "9 223 372 036 854 775 808 kr",
    "92233720368547758 kr",
    "92233720368547758.07 kr",
    "0.0000000000000000000000001",
    "1234567890123456789.5",
    "2147483647 months",
    "2147483648 days",
    "306783378 weeks",
    "178956971 years",
    "9999999999 %",
    "999999999999999999.99 %",
    "9999-12-31 + 1 day",
    "0001-01-01 - 1 day",
    "0000-00-00",
    "9999-99-99",
    "2021-02-29",
    "rounded half up to 99999999999999999999 decimals",
    "rounded half up to 19 decimals",
};

static const char *const tokens[] = {
    "(", ")", ",", ":", ".", "+", "-", "*", "/", "%", "=", "<", ">", "<=", ">=", "!=", "<>",
    "\xE2\x89\xA4", "\xE2\x89\xA0", "\"", "\"\\", "#", "\n",
    "module", "title", "source", "version", "in force from 2016-10-01", "until", "reference date",
    "month end rule clamp", "month end rule", "use", "use forvaltningsloven from \"modules/forvaltningsloven.lov\"",
    "use x from \"modules\"", "use x from \"/\"", "enum", "case", "record", "field", "input", "parameter",
    "definition", "outcome", "adverse outcome", "requires", "default", "exception", "to", "when",
    "according to", "text", "assert", "always", "external", "boolean", "integer", "decimal", "money",
    "date", "duration", "list of", "optional", "if", "then", "else", "match", "end", "and", "or",
    "not", "implies", "is present", "is absent", "otherwise", "rounded", "half up", "down", "kr",
    "decimals", "within", "before", "after", "between", "sum of", "count", "exists", "for all",
    "where", "holds", "minimum of", "maximum of", "yes", "no", "at", "days", "months", "years",
    "x", "x.y", "x.y.z", "f(", "f()", "month_end(", "min(1, 2)", "abs(", "2020-01-01", "14 days",
    "1 066 kr", "0.5", "25 %", "default", "exception e to e", "aktivloven \"\xC2\xA7 1\"",
    "\"\xC2\xA7 13 f\"", "\xC2\xA7", "\t", "\r\n",
};

/* Inserts the nesting that stresses the parser and the passes after it. */
static void insert_deep(buf *b, size_t at)
{
    buf d = {0};
    switch (rng_below(8)) {
    case 0:
        buf_repeat(&d, "(", 100000);
        note_add("100000 '(' at %zu", at);
        break;
    case 1:
        buf_repeat(&d, "(", 300);
        buf_puts(&d, "x");
        buf_repeat(&d, ")", 300);
        note_add("300 balanced '(' at %zu", at);
        break;
    case 2:
        buf_repeat(&d, "not ", 100000);
        note_add("100000 'not' at %zu", at);
        break;
    case 3:
        buf_repeat(&d, "- ", 50000);
        note_add("50000 '-' at %zu", at);
        break;
    case 4:
        buf_repeat(&d, "if x then ", 5000);
        note_add("5000 nested 'if' at %zu", at);
        break;
    case 5:
        buf_repeat(&d, "match x case a then ", 3000);
        note_add("3000 nested 'match' at %zu", at);
        break;
    case 6:
        buf_repeat(&d, "f(", 20000);
        note_add("20000 nested calls at %zu", at);
        break;
    default:
        buf_repeat(&d, "x.", 100000);
        buf_puts(&d, "x");
        note_add("a 100000-part field path at %zu", at);
        break;
    }
    buf_insert(b, at, d.data, d.len);
    free(d.data);
}

/* Replaces a byte with one that means something to the scanner. */
static void replace_byte(buf *b)
{
    static const char specials[] = "()\"\\#:.,=<>-+*/%\n \t0123456789_aZ";
    if (b->len) {
        size_t i = rng_below(b->len);
        b->data[i] = (unsigned char)specials[rng_below(sizeof specials - 1)];
        note_add("replaced byte %zu", i);
    }
}

/* Applies one random mutation to b; 'other' is another input for splices. */
static void mutate_once(buf *b, const buf *other)
{
    size_t at = rng_below(b->len + 1);
    switch (rng_below(13)) {
    case 0: {
        int flips = 1 + (int)rng_below(4);
        for (int i = 0; i < flips && b->len; i++)
            b->data[rng_below(b->len)] ^= (unsigned char)(1u << rng_below(8));
        note_add("flipped %d bits", flips);
        break;
    }
    case 1: {
        unsigned char bytes[8];
        size_t n = 1 + rng_below(sizeof bytes);
        for (size_t i = 0; i < n; i++)
            bytes[i] = (unsigned char)rng_below(256);
        buf_insert(b, at, bytes, n);
        note_add("inserted %zu random bytes at %zu", n, at);
        break;
    }
    case 2: {
        size_t n = 1 + rng_below(32);
        buf_delete(b, at, n);
        note_add("deleted %zu bytes at %zu", n, at);
        break;
    }
    case 3: {
        if (b->len == 0)
            break;
        size_t from = rng_below(b->len);
        size_t n = 1 + rng_below(256);
        if (n > b->len - from)
            n = b->len - from;
        buf piece = {0};
        buf_append(&piece, b->data + from, n);
        buf_insert(b, at, piece.data, piece.len);
        free(piece.data);
        note_add("duplicated %zu bytes from %zu to %zu", n, from, at);
        break;
    }
    case 4: {
        size_t cut_b = rng_below(b->len + 1), cut_o = rng_below(other->len + 1);
        b->len = cut_b;
        buf_append(b, other->data + cut_o, other->len - cut_o);
        note_add("spliced at %zu with another file from %zu", cut_b, cut_o);
        break;
    }
    case 5:
        b->len = at;
        note_add("truncated to %zu bytes", at);
        break;
    case 6: {
        /* Move a line: cut the line at one place, put it at another. */
        if (b->len == 0)
            break;
        size_t s = rng_below(b->len), e = s;
        while (s > 0 && b->data[s - 1] != '\n')
            s--;
        while (e < b->len && b->data[e] != '\n')
            e++;
        if (e < b->len)
            e++;
        buf line = {0};
        buf_append(&line, b->data + s, e - s);
        buf_delete(b, s, e - s);
        size_t to = rng_below(b->len + 1);
        buf_insert(b, to, line.data, line.len);
        free(line.data);
        note_add("moved the line at %zu to %zu", s, to);
        break;
    }
    case 7: {
        size_t k = rng_below(sizeof invalid_utf8 / sizeof invalid_utf8[0]);
        size_t n = k == 10 ? 1 : strlen(invalid_utf8[k]);  /* the NUL entry */
        buf_insert(b, at, invalid_utf8[k], n);
        note_add("inserted bad byte sequence %zu at %zu", k, at);
        break;
    }
    case 8: {
        const char *s = huge_numbers[rng_below(sizeof huge_numbers / sizeof huge_numbers[0])];
        buf_insert(b, at, s, strlen(s));
        note_add("inserted '%s' at %zu", s, at);
        break;
    }
    case 9:
    case 10: {
        const char *s = tokens[rng_below(sizeof tokens / sizeof tokens[0])];
        buf_insert(b, at, " ", 1);
        buf_insert(b, at + 1, s, strlen(s));
        buf_insert(b, at + 1 + strlen(s), " ", 1);
        note_add("inserted token at %zu", at);
        break;
    }
    case 11:
        /* Deep nesting is costly to run, so it is rarer than the rest. */
        if (rng_below(4) == 0) {
            insert_deep(b, at);
            break;
        }
        replace_byte(b);
        break;
    default:
        replace_byte(b);
        break;
    }
}

/* ---- The extreme inputs ------------------------------------------------------ */

static const char header[] =
    "module fuzz\n  source aktivloven \"Lov om aktiv socialpolitik\"\n\n"
    "input x: integer\n\ndefinition d: integer\n  according to aktivloven \"\xC2\xA7 1\"\n  = ";

/* A definition whose value is 'body' repeated 'times'. */
static void definition_with(buf *b, const char *body_start, const char *body, size_t times,
                            const char *body_end)
{
    b->len = 0;
    buf_puts(b, header);
    buf_puts(b, body_start);
    buf_repeat(b, body, times);
    buf_puts(b, body_end);
    buf_puts(b, "\n");
}

typedef struct outdir {
    const char *dir;
    int written;
} outdir;

static void write_input(outdir *o, const char *name, const buf *b)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", o->dir, name);
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(b->data, 1, b->len, f) != b->len || fclose(f) != 0) {
        fprintf(stderr, "mutate: cannot write %s\n", path);
        exit(2);
    }
    printf("%s: %s\n", name, note);
    o->written++;
}

static void extremes(outdir *o, const buf *inputs, int ninputs)
{
    buf b = {0};
    struct {
        const char *name, *start, *body;
        size_t times;
        const char *end, *what;
    } deep[] = {
        {"x-parens-open.lov", "", "(", 100000, "x", "100000 '(' never closed"},
        {"x-parens-closed.lov", "", "(", 100000, "x", "100000 '(' (closed below)"},
        {"x-sum-chain.lov", "1", " + 1", 200000, "", "a sum of 200000 terms"},
        {"x-and-chain.lov", "yes", " and yes", 100000, "", "100000 'and'"},
        {"x-implies-chain.lov", "yes", " implies yes", 100000, "", "100000 'implies' (right-nested)"},
        {"x-not-chain.lov", "", "not ", 100000, "yes", "100000 'not'"},
        {"x-minus-chain.lov", "", "-", 100000, "1", "100000 '-'"},
        {"x-if-chain.lov", "", "if yes then 1 else ", 20000, "1", "20000 nested 'if'"},
        {"x-call-chain.lov", "", "min(1, ", 20000, "1", "20000 nested calls (never closed)"},
        {"x-field-chain.lov", "x", ".y", 100000, "", "a field path of 100000 parts"},
        {"x-unit-chain.lov", "1", " days", 100000, "", "100000 units in a row"},
        {"x-otherwise-chain.lov", "x", " otherwise x", 100000, "", "100000 'otherwise'"},
        {"x-long-line.lov", "1", " + x", 20000, " + y", "errors on one 200 kB line"},
    };
    for (size_t i = 0; i < sizeof deep / sizeof deep[0]; i++) {
        definition_with(&b, deep[i].start, deep[i].body, deep[i].times, deep[i].end);
        if (strcmp(deep[i].name, "x-parens-closed.lov") == 0)
            buf_repeat(&b, ")", 100000);
        note_len = 0;
        note_add("%s", deep[i].what);
        write_input(o, deep[i].name, &b);
    }

    /* Many declarations and many unknown names (1 MB): each unknown name is
     * compared with every declaration for a suggestion. */
    b.len = 0;
    buf_puts(&b, "module fuzz\n  source aktivloven \"Lov om aktiv socialpolitik\"\n\n");
    for (int i = 0; i < 10000; i++) {
        char line[128];
        snprintf(line, sizeof line, "input inddata_%d: integer\n", i);
        buf_puts(&b, line);
    }
    for (int i = 0; i < 10000; i++) {
        char line[160];
        snprintf(line, sizeof line,
                 "definition d%d: integer according to aktivloven \"\xC2\xA7 1\" = ukendt_%d\n", i, i);
        buf_puts(&b, line);
    }
    note_len = 0;
    note_add("10000 inputs and 10000 definitions, each using an unknown name");
    write_input(o, "x-many-unknown-names.lov", &b);

    /* One definition with a long chain of exceptions (4.6 MB), each an exception
     * to the one before. */
    b.len = 0;
    buf_puts(&b, "module fuzz\n  source s \"Lov om aktiv socialpolitik\"\n\n"
                 "input x: boolean\n\ndefinition d: boolean\n"
                 "  according to s \"1\"\n  default no\n"
                 "  exception e0 according to s \"1\" when x then yes\n");
    for (int i = 1; i < 75000; i++) {
        char line[160];
        snprintf(line, sizeof line, "  exception e%d to e%d according to s \"1\" when x then yes\n",
                 i, i - 1);
        buf_puts(&b, line);
    }
    note_len = 0;
    note_add("75000 exceptions, each an exception to the one before");
    write_input(o, "x-exception-chain.lov", &b);

    /* A long chain of definitions, each using the next, closed into a circle. */
    b.len = 0;
    buf_puts(&b, "module fuzz\n  source aktivloven \"Lov om aktiv socialpolitik\"\n\n");
    for (int i = 0; i < 20000; i++) {
        char line[160];
        snprintf(line, sizeof line, "definition d%d: integer according to aktivloven \"\xC2\xA7 1\" = d%d\n",
                 i, (i + 1) % 20000);
        buf_puts(&b, line);
    }
    note_len = 0;
    note_add("20000 definitions in one circle");
    write_input(o, "x-definition-circle.lov", &b);

    /* A chain of 40000 definitions without errors, each using the next and
     * so written before what it uses (the safety checks once went over such
     * a chain once per link). */
    b.len = 0;
    buf_puts(&b, "module fuzz\n  source s \"Lov om aktiv socialpolitik\"\n  reference date dag\n\n"
                 "input dag: date\n");
    for (int i = 0; i < 40000; i++) {
        char line[160];
        snprintf(line, sizeof line, "definition d%d: boolean according to s \"1\" = d%d\n", i, i + 1);
        buf_puts(&b, line);
    }
    buf_puts(&b, "definition d40000: boolean according to s \"1\" = dag > 2020-01-01\n");
    note_len = 0;
    note_add("40000 definitions, each using the next, written before it");
    write_input(o, "x-definition-chain-backwards.lov", &b);

    /* A chain of 80000 definitions with parameters (4.9 MB), each calling the
     * next, the last one calling an external function. */
    b.len = 0;
    buf_puts(&b, "module fuzz\n  source s \"Lov om aktiv socialpolitik\"\n\n"
                 "external ekstern(x: integer): integer according to s \"1\"\n");
    for (int i = 0; i < 80000; i++) {
        char line[160];
        snprintf(line, sizeof line,
                 "definition f%d(x: integer): integer according to s \"1\" = f%d(x)\n", i, i + 1);
        buf_puts(&b, line);
    }
    buf_puts(&b, "definition f80000(x: integer): integer according to s \"1\" = ekstern(x)\n");
    note_len = 0;
    note_add("80000 definitions, each calling the next, the last an external function");
    write_input(o, "x-external-chain.lov", &b);

    /* 10000 quoted texts side by side, joined into one. */
    b.len = 0;
    buf_puts(&b, "module fuzz\n  source aktivloven \"Lov om aktiv socialpolitik\"\n\ninput x: boolean\n  text");
    buf_repeat(&b, " \"Kommunens vurdering\"", 10000);
    buf_puts(&b, "\n");
    note_len = 0;
    note_add("10000 quoted texts side by side");
    write_input(o, "x-joined-texts.lov", &b);

    /* 5 MB: the inputs again and again. */
    b.len = 0;
    for (int i = 0; b.len < 5u * 1024u * 1024u; i = (i + 1) % ninputs)
        buf_append(&b, inputs[i].data, inputs[i].len);
    note_len = 0;
    note_add("5 MB of the inputs one after another");
    write_input(o, "x-5mb.lov", &b);

    /* Random bytes, and random printable text. */
    for (int k = 0; k < 4; k++) {
        b.len = 0;
        size_t n = 1 + rng_below(k < 2 ? 4096 : 65536);
        for (size_t i = 0; i < n; i++) {
            unsigned char c = k % 2 == 0 ? (unsigned char)rng_below(256)
                                         : (unsigned char)(32 + rng_below(95));
            buf_append(&b, &c, 1);
        }
        char name[64];
        snprintf(name, sizeof name, "x-random-%d.lov", k);
        note_len = 0;
        note_add("%zu random %s", n, k % 2 == 0 ? "bytes" : "printable characters");
        write_input(o, name, &b);
    }

    b.len = 0;
    note_len = 0;
    note_add("an empty file");
    write_input(o, "x-empty.lov", &b);
    free(b.data);
}

int main(int argc, char **argv)
{
    if (argc < 5) {
        fputs("usage: mutate SEED COUNT OUTDIR FILE...\n", stderr);
        return 2;
    }
    rng_state = strtoull(argv[1], NULL, 10);
    int count = atoi(argv[2]);
    outdir o = {.dir = argv[3]};
    int ninputs = argc - 4;
    buf *inputs = xrealloc(NULL, (size_t)ninputs * sizeof *inputs);
    for (int i = 0; i < ninputs; i++)
        inputs[i] = read_file(argv[4 + i]);

    buf b = {0};
    for (int n = 0; n < count; n++) {
        size_t which = rng_below((size_t)ninputs);
        buf_copy(&b, &inputs[which]);
        note_len = 0;
        note_add("from %s", argv[4 + which]);
        int ops = 1 + (int)rng_below(3);
        for (int k = 0; k < ops; k++)
            mutate_once(&b, &inputs[rng_below((size_t)ninputs)]);
        char name[32];
        snprintf(name, sizeof name, "m%04d.lov", n);
        write_input(&o, name, &b);
    }
    extremes(&o, inputs, ninputs);

    free(b.data);
    for (int i = 0; i < ninputs; i++)
        free(inputs[i].data);
    free(inputs);
    return 0;
}

// SPDX-License-Identifier: Apache-2.0
// Tokenizes .lov files with the TextMate grammar of editors/vscode, as VS Code
// does (vscode-textmate on vscode-oniguruma), and checks, against a scanner of
// its own, that every keyword of the language (the compiler's own table,
// compiler/front/lex_support.c), every string, every date and every amount of
// money gets its scope.
//
//   node tests/editors/tokenize.js NODE_MODULES FILE.lov...
'use strict';
const fs = require('fs');
const path = require('path');
const modules = process.argv[2];
const files = process.argv.slice(3);
const vsctm = require(path.join(modules, 'vscode-textmate'));
const oniguruma = require(path.join(modules, 'vscode-oniguruma'));

const top = path.join(__dirname, '..', '..');
const grammarFile = path.join(top, 'editors', 'vscode', 'syntaxes', 'lov.tmLanguage.json');
const keywords = [...fs.readFileSync(path.join(top, 'compiler', 'front', 'lex_support.c'), 'utf8')
    .matchAll(/\{"([a-z]+)", [A-Z_]+\}/g)].map(m => m[1]);

const wasm = fs.readFileSync(path.join(modules, 'vscode-oniguruma', 'release', 'onig.wasm')).buffer;
const onigLib = oniguruma.loadWASM(wasm).then(() => ({
    createOnigScanner: p => new oniguruma.OnigScanner(p),
    createOnigString: s => new oniguruma.OnigString(s),
}));
const registry = new vsctm.Registry({
    onigLib,
    loadGrammar: async () => vsctm.parseRawGrammar(fs.readFileSync(grammarFile, 'utf8'), grammarFile),
});

// The scanner of the test: comments, strings (with \" inside) and the rest;
// in the rest, keywords, dates and amounts, as the language reference writes them.
const LETTER = /[\p{L}\p{N}_]/u;
const NUM = '(?:\\d{1,3}(?: \\d{3})+|\\d+)';
function expectations(line) {
    const want = [];   // {start, end, kind}
    let i = 0, code = '';
    const spans = [];
    while (i < line.length) {
        const c = line[i];
        if (c === '#') break;
        if (c === '"') {
            let j = i + 1;
            while (j < line.length && line[j] !== '"') j += line[j] === '\\' ? 2 : 1;
            want.push({ start: i, end: Math.min(j + 1, line.length), kind: 'string' });
            spans.push([i, j + 1]);
            i = j + 1;
            continue;
        }
        if (c === '\u00a7') {                       // an unquoted provision runs to = : # ( ) or "
            let j = i;
            while (j < line.length && !'\n"=:#()'.includes(line[j])) j++;
            spans.push([i, j]);
            i = j;
            continue;
        }
        i++;
    }
    const end = i;
    const inSpan = k => spans.some(([a, b]) => k >= a && k < b);
    const free = (a, b) => (a === 0 || !LETTER.test(line[a - 1])) && (b >= line.length || !LETTER.test(line[b]));
    const found = [];
    const scan = (re, kind) => {
        for (const m of line.slice(0, end).matchAll(re)) {
            const a = m.index, b = m.index + m[0].length;
            if (inSpan(a) || !free(a, b) || found.some(f => a < f.end && b > f.start)) continue;
            found.push({ start: a, end: b, kind });
        }
    };
    scan(/\d{4}-\d{2}-\d{2}/g, 'date');
    scan(new RegExp(NUM + '(?:\\.\\d+)?\\s*kr', 'g'), 'money');
    scan(new RegExp(NUM + '\\s*(?:days?|weeks?|months?|years?)', 'g'), 'duration');
    scan(/[\p{L}_][\p{L}\p{N}_]*/gu, 'word');
    for (const f of found)
        if (f.kind !== 'word') want.push(f);
        else if (keywords.includes(line.slice(f.start, f.end))) want.push({ ...f, kind: 'keyword' });
    return want;
}

const SCOPES = {
    string: s => s.startsWith('string.quoted'),
    date: s => s === 'constant.numeric.date.lov',
    money: s => s === 'constant.numeric.money.lov',
    duration: s => s === 'constant.numeric.duration.lov',
    keyword: s => /^(keyword|storage\.type|constant\.language)\./.test(s),
};

(async () => {
    const grammar = await registry.loadGrammar('source.lov');
    const counts = { keyword: 0, string: 0, date: 0, money: 0, duration: 0 };
    const failures = [];
    for (const file of files) {
        const lines = fs.readFileSync(file, 'utf8').split('\n');
        let state = vsctm.INITIAL;
        lines.forEach((line, n) => {
            const r = grammar.tokenizeLine(line, state);
            state = r.ruleStack;
            for (const w of expectations(line)) {
                // Every token the expected text spans carries the scope.
                const toks = r.tokens.filter(t => t.startIndex < w.end && t.endIndex > w.start);
                const ok = toks.length > 0 && toks[0].startIndex <= w.start
                    && toks[toks.length - 1].endIndex >= w.end
                    && toks.every(t => t.scopes.some(SCOPES[w.kind]));
                counts[w.kind]++;
                if (!ok && failures.length < 20)
                    failures.push(`${file}:${n + 1}:${w.start + 1}: ${w.kind} '${line.slice(w.start, w.end)}' `
                        + `is scoped ${toks.map(t => `'${line.slice(t.startIndex, t.endIndex)}' `
                        + t.scopes.slice(1).join(' ')).join(', ') || 'not at all'}`);
            }
        });
    }
    for (const f of failures) console.log('      ' + f);
    const summary = Object.entries(counts).map(([k, v]) => `${v} ${k}s`).join(', ');
    const none = Object.entries(counts).filter(([, v]) => v === 0).map(([k]) => k);
    if (none.length) console.log(`      no ${none.join(', ')} found: the test saw nothing to check`);
    console.log(`${failures.length || none.length ? 'FAIL' : 'ok  '}  the grammar scopes ${summary} in ${files.length} files`);
    process.exit(failures.length || none.length ? 1 : 0);
})().catch(e => { console.log('FAIL  ' + e.stack); process.exit(1); });

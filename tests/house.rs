//! The house rules that the compiler cannot check, checked on every test run
//! (ARCHITECTURE.md, "The house"): no two files of `src/` import each other,
//! even through a ring of several files; nothing reads the system time except
//! `src/clock.rs` and `src/main.rs`; no function outside tests is longer than
//! 80 lines. Imports are read as text: `use` trees and inline paths that start
//! with `crate::`, `super::` or `self::` (what a relative `use child::…` of a
//! module's own child names is the module's own business, as in Rust itself).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const MAX_FN_LINES: usize = 80;

/// Functions that are nothing but a table (one arm per key, no logic) and
/// may be longer: (file, function). Keep this list short.
const TABLES: &[(&str, &str)] = &[
    // Each key's action and what it is: one line an action, nothing to split by.
    ("src/ui/keymap/action.rs", "code"),
];

/// One source file: its module path and its code without comments, string
/// contents or test modules.
struct Source {
    path: String,
    module: Vec<String>,
    code: String,
}

#[test]
fn no_file_imports_another_that_imports_it_back() {
    let sources = read_sources();
    let graph = import_graph(&sources);
    let circles = strongly_connected(&graph);
    let named: Vec<String> = circles
        .iter()
        .map(|c| {
            c.iter()
                .map(|&i| sources[i].path.as_str())
                .collect::<Vec<_>>()
                .join(" ↔ ")
        })
        .collect();
    assert!(
        named.is_empty(),
        "import circles between files (break each by moving the shared part into a module both \
         can import):\n{}",
        named.join("\n")
    );
}

#[test]
fn only_the_clock_reads_the_time() {
    let mut stray = Vec::new();
    for s in read_sources() {
        if s.path == "src/clock.rs" || s.path == "src/main.rs" {
            continue;
        }
        for needle in ["Utc::now()", "Local::now()", "SystemTime::now()"] {
            for (i, line) in s.code.lines().enumerate() {
                if line.contains(needle) {
                    stray.push(format!("{}:{} {needle}", s.path, i + 1));
                }
            }
        }
    }
    assert!(
        stray.is_empty(),
        "the system time is read outside src/clock.rs (take a `crate::clock::Clock` instead):\n{}",
        stray.join("\n")
    );
}

#[test]
fn no_function_is_longer_than_80_lines() {
    let mut long = Vec::new();
    for s in read_sources() {
        for (name, line, len) in functions(&s.code) {
            let table = TABLES.contains(&(s.path.as_str(), name.as_str()));
            if len > MAX_FN_LINES && !table {
                long.push(format!("{}:{line} {name} ({len} lines)", s.path));
            }
        }
    }
    assert!(
        long.is_empty(),
        "functions over {MAX_FN_LINES} lines (split them by step or by case):\n{}",
        long.join("\n")
    );
}

/// The checker itself finds what it must: a ring of two files, an import
/// through a `use` group, a clock read and a long function.
#[test]
fn the_checks_find_what_they_look_for() {
    let a = "use crate::x::{y::{Z, W}, v};\nfn f() {}\n";
    let b = "fn g() { super::a::f(); }\n";
    let srcs = vec![
        source("src/x/a.rs", a),
        source("src/x/b.rs", b),
        source("src/x/y.rs", "use super::b::g;\n"),
        source("src/x/mod.rs", "mod a;\n"),
    ];
    let graph = import_graph(&srcs);
    assert!(graph[&0].contains(&2), "a uses crate::x::y");
    assert!(graph[&1].contains(&0), "b calls super::a::f");
    let circles = strongly_connected(&graph);
    assert_eq!(circles.len(), 1, "a → y → b → a is one ring");
    assert_eq!(circles[0].len(), 3);

    let code = strip("let s = \"Utc::now()\"; // Utc::now()\nlet t = 'x';");
    assert!(!code.contains("now"), "strings and comments are not code");
    let long_fn = format!("fn long() {{\n{}}}\n", "    x();\n".repeat(90));
    assert_eq!(functions(&long_fn), vec![("long".to_owned(), 1, 92)]);
    let tests = strip_test_module("fn a() {}\n#[cfg(test)]\nmod tests {\n fn b() {}\n}\n");
    assert!(!tests.contains("fn b"));
}

fn source(path: &str, text: &str) -> Source {
    let rel = path.trim_start_matches("src/").trim_end_matches(".rs");
    let mut module: Vec<String> = rel.split('/').map(str::to_owned).collect();
    if matches!(
        module.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        module.pop();
    }
    Source {
        path: path.to_owned(),
        module,
        code: strip_test_module(&strip(text)),
    }
}

fn read_sources() -> Vec<Source> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    collect(&root.join("src"), &mut files);
    files.sort();
    let texts: Vec<(String, String)> = files
        .iter()
        .map(|f| {
            let rel = f
                .strip_prefix(root)
                .expect("under the crate")
                .to_string_lossy()
                .replace('\\', "/");
            (rel, std::fs::read_to_string(f).expect("readable source"))
        })
        .collect();
    // Files declared as `#[cfg(test)] mod name;` are tests as a whole.
    let mut test_files = BTreeSet::new();
    for (rel, text) in &texts {
        let dir = test_module_dir(rel);
        for name in cfg_test_children(text) {
            test_files.insert(format!("{dir}{name}.rs"));
            test_files.insert(format!("{dir}{name}/mod.rs"));
        }
    }
    texts
        .iter()
        .filter(|(rel, _)| !test_files.contains(rel))
        .map(|(rel, text)| source(rel, text))
        .collect()
}

/// Where the children of the module in `rel` live: beside a `mod.rs` or
/// `lib.rs`, in a folder named after any other file.
fn test_module_dir(rel: &str) -> String {
    let (dir, file) = rel.rsplit_once('/').unwrap_or(("", rel));
    match file {
        "mod.rs" | "lib.rs" | "main.rs" => format!("{dir}/"),
        _ => format!("{dir}/{}/", file.trim_end_matches(".rs")),
    }
}

fn cfg_test_children(text: &str) -> Vec<String> {
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let mut out = Vec::new();
    for pair in lines.windows(2) {
        if pair[0] == "#[cfg(test)]" {
            let decl = pair[1]
                .trim_start_matches("pub(crate) ")
                .trim_start_matches("pub ");
            if let Some(name) = decl.strip_prefix("mod ").and_then(|d| d.strip_suffix(';')) {
                out.push(name.trim().to_owned());
            }
        }
    }
    out
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("readable src") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Removes comments and the contents of string and character literals, so
/// that only code is searched.
fn strip(text: &str) -> String {
    let c: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < c.len() {
        let next = c.get(i + 1).copied();
        if c[i] == '/' && next == Some('/') {
            while i < c.len() && c[i] != '\n' {
                i += 1;
            }
        } else if c[i] == '/' && next == Some('*') {
            i = skip_block_comment(&c, i, &mut out);
        } else if c[i] == 'r' && (next == Some('"') || next == Some('#')) && !ident_before(&c, i) {
            i = skip_raw_string(&c, i, &mut out);
        } else if c[i] == '"' {
            i = skip_string(&c, i, &mut out);
        } else if c[i] == '\'' {
            i = skip_char(&c, i, &mut out);
        } else {
            out.push(c[i]);
            i += 1;
        }
    }
    out
}

fn ident_before(c: &[char], i: usize) -> bool {
    i > 0 && (c[i - 1].is_alphanumeric() || c[i - 1] == '_')
}

/// Keeps the newlines of what it skips, so line numbers stay right.
fn keep_lines(c: &[char], from: usize, to: usize, out: &mut String) {
    out.extend(c[from..to.min(c.len())].iter().filter(|&&ch| ch == '\n'));
}

fn skip_block_comment(c: &[char], start: usize, out: &mut String) -> usize {
    let (mut i, mut depth) = (start + 2, 1);
    while i < c.len() && depth > 0 {
        if c[i] == '/' && c.get(i + 1) == Some(&'*') {
            depth += 1;
            i += 2;
        } else if c[i] == '*' && c.get(i + 1) == Some(&'/') {
            depth -= 1;
            i += 2;
        } else {
            i += 1;
        }
    }
    keep_lines(c, start, i, out);
    i
}

fn skip_raw_string(c: &[char], start: usize, out: &mut String) -> usize {
    let mut i = start + 1;
    let mut hashes = 0;
    while c.get(i) == Some(&'#') {
        hashes += 1;
        i += 1;
    }
    if c.get(i) != Some(&'"') {
        // `r#ident`, a raw identifier: code.
        out.push(c[start]);
        return start + 1;
    }
    i += 1;
    while i < c.len() {
        if c[i] == '"' && (1..=hashes).all(|k| c.get(i + k) == Some(&'#')) {
            i += 1 + hashes;
            break;
        }
        i += 1;
    }
    out.push_str("\"\"");
    keep_lines(c, start, i, out);
    i
}

fn skip_string(c: &[char], start: usize, out: &mut String) -> usize {
    let mut i = start + 1;
    while i < c.len() && c[i] != '"' {
        i += if c[i] == '\\' { 2 } else { 1 };
    }
    out.push_str("\"\"");
    keep_lines(c, start, i, out);
    i + 1
}

/// A character literal (`'x'`, `'\n'`, `'\u{4e2d}'`) or a lifetime (`'a`).
fn skip_char(c: &[char], start: usize, out: &mut String) -> usize {
    if c.get(start + 1) == Some(&'\\') {
        let mut i = start + 3;
        while i < c.len() && c[i] != '\'' {
            i += 1;
        }
        out.push_str("' '");
        return i + 1;
    }
    if c.get(start + 2) == Some(&'\'') {
        out.push_str("' '");
        return start + 3;
    }
    out.push('\'');
    start + 1
}

/// Cuts a `#[cfg(test)] mod tests { … }` block and everything after it:
/// test modules close the files that have them.
fn strip_test_module(code: &str) -> String {
    let mut offset = 0;
    for line in code.split_inclusive('\n') {
        if line.trim() == "#[cfg(test)]" {
            let rest = code[offset + line.len()..].trim_start();
            if rest.starts_with("mod ") && !rest.lines().next().is_some_and(|l| l.ends_with(';')) {
                return code[..offset].to_owned();
            }
        }
        offset += line.len();
    }
    code.to_owned()
}

/// Every module path a file names, from `use` trees and inline paths.
fn named_paths(code: &str) -> Vec<Vec<String>> {
    let mut paths = Vec::new();
    let flat: String = code.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut rest = flat.as_str();
    while let Some(at) = find_word(rest, "use ") {
        let tail = &rest[at + 4..];
        let end = tail.find(';').unwrap_or(tail.len());
        let tree: String = tail[..end].chars().filter(|c| !c.is_whitespace()).collect();
        expand_use(&tree, &mut Vec::new(), &mut paths);
        rest = &tail[end..];
    }
    for head in ["crate::", "super::", "self::"] {
        let mut from = 0;
        while let Some(at) = find_word(&flat[from..], head) {
            let start = from + at;
            let path: String = flat[start..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                .collect();
            paths.push(
                path.split("::")
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned)
                    .collect(),
            );
            from = start + head.len();
        }
    }
    paths
}

/// The first place `word` stands on its own (not the tail of a longer name).
fn find_word(text: &str, word: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(at) = text[from..].find(word) {
        let i = from + at;
        let before = text[..i].chars().next_back();
        if !before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
            return Some(i);
        }
        from = i + word.len();
    }
    None
}

/// `a::{b, c::{d, e}}` → `a::b`, `a::c::d`, `a::c::e`.
fn expand_use(tree: &str, prefix: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    let Some(open) = tree.find('{') else {
        let mut path = prefix.clone();
        let item = tree.split(" as ").next().unwrap_or(tree);
        path.extend(
            item.split("::")
                .filter(|s| !s.is_empty())
                .map(str::to_owned),
        );
        out.push(path);
        return;
    };
    let depth_before = prefix.len();
    prefix.extend(
        tree[..open]
            .split("::")
            .filter(|s| !s.is_empty())
            .map(str::to_owned),
    );
    let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
    let (mut depth, mut start) = (0, 0);
    for (i, ch) in inner.char_indices() {
        match ch {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                expand_use(&inner[start..i], prefix, out);
                start = i + 1;
            }
            _ => {}
        }
    }
    expand_use(&inner[start..], prefix, out);
    prefix.truncate(depth_before);
}

/// Which file each file imports: an edge for every path that resolves to
/// another file's module.
fn import_graph(sources: &[Source]) -> BTreeMap<usize, BTreeSet<usize>> {
    let by_module: BTreeMap<&[String], usize> = sources
        .iter()
        .enumerate()
        .filter(|(_, s)| s.path != "src/main.rs")
        .map(|(i, s)| (s.module.as_slice(), i))
        .collect();
    let mut graph = BTreeMap::new();
    for (i, s) in sources.iter().enumerate() {
        let edges: &mut BTreeSet<usize> = graph.entry(i).or_default();
        if s.path == "src/main.rs" {
            continue;
        }
        for path in named_paths(&s.code) {
            let Some(full) = absolute(s, &path) else {
                continue;
            };
            let target = (1..=full.len())
                .rev()
                .find_map(|k| by_module.get(&full[..k]).copied());
            if let Some(t) = target.filter(|&t| t != i) {
                edges.insert(t);
            }
        }
    }
    graph
}

/// A path named in `s` as a path from the crate root, or None when it does
/// not start at `crate`, `super` or `self`.
fn absolute(s: &Source, path: &[String]) -> Option<Vec<String>> {
    let (first, rest) = path.split_first()?;
    let mut base = match first.as_str() {
        "crate" => return Some(rest.to_vec()),
        "self" => s.module.clone(),
        "super" => {
            let mut m = s.module.clone();
            m.pop()?;
            m
        }
        _ => return None,
    };
    let mut rest = rest;
    while let Some((head, tail)) = rest.split_first() {
        if head != "super" {
            break;
        }
        base.pop()?;
        rest = tail;
    }
    base.extend(rest.iter().cloned());
    Some(base)
}

/// Rings of files that import each other (Tarjan's strongly connected
/// components of more than one file).
fn strongly_connected(graph: &BTreeMap<usize, BTreeSet<usize>>) -> Vec<Vec<usize>> {
    struct Walk<'g> {
        graph: &'g BTreeMap<usize, BTreeSet<usize>>,
        index: BTreeMap<usize, usize>,
        low: BTreeMap<usize, usize>,
        stack: Vec<usize>,
        on_stack: BTreeSet<usize>,
        rings: Vec<Vec<usize>>,
    }
    fn visit(w: &mut Walk<'_>, v: usize) {
        let n = w.index.len();
        w.index.insert(v, n);
        w.low.insert(v, n);
        w.stack.push(v);
        w.on_stack.insert(v);
        let next: Vec<usize> = w.graph.get(&v).into_iter().flatten().copied().collect();
        for u in next {
            if !w.index.contains_key(&u) {
                visit(w, u);
                let lu = w.low[&u];
                w.low.entry(v).and_modify(|l| *l = (*l).min(lu));
            } else if w.on_stack.contains(&u) {
                let iu = w.index[&u];
                w.low.entry(v).and_modify(|l| *l = (*l).min(iu));
            }
        }
        if w.low[&v] == w.index[&v] {
            let mut ring = Vec::new();
            while let Some(u) = w.stack.pop() {
                w.on_stack.remove(&u);
                ring.push(u);
                if u == v {
                    break;
                }
            }
            if ring.len() > 1 {
                ring.sort_unstable();
                w.rings.push(ring);
            }
        }
    }
    let mut w = Walk {
        graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        rings: Vec::new(),
    };
    for &v in graph.keys() {
        if !w.index.contains_key(&v) {
            visit(&mut w, v);
        }
    }
    w.rings
}

/// Each `fn` with a body: its name, first line and length in lines.
fn functions(code: &str) -> Vec<(String, usize, usize)> {
    let lines: Vec<&str> = code.lines().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let Some(name) = fn_name(lines[i]) else {
            i += 1;
            continue;
        };
        let (mut depth, mut opened, mut j) = (0i32, false, i);
        while j < lines.len() {
            if !opened && lines[j].trim_end().ends_with(';') {
                break;
            }
            for ch in lines[j].chars() {
                match ch {
                    '{' => {
                        depth += 1;
                        opened = true;
                    }
                    '}' => depth -= 1,
                    _ => {}
                }
            }
            if opened && depth <= 0 {
                break;
            }
            j += 1;
        }
        if opened {
            out.push((name, i + 1, j - i + 1));
            i = j + 1;
        } else {
            i += 1;
        }
    }
    out
}

/// The name of a function declared on this line, if one is.
fn fn_name(line: &str) -> Option<String> {
    let mut words = line.split_whitespace().peekable();
    while let Some(w) = words.peek() {
        let modifier = w.starts_with("pub")
            || matches!(*w, "const" | "async" | "unsafe" | "extern" | "default")
            || w.starts_with('"');
        if !modifier {
            break;
        }
        words.next();
    }
    if words.next()? != "fn" {
        return None;
    }
    let name: String = words
        .next()?
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    (!name.is_empty()).then_some(name)
}

use std::time::Instant;
use xinfang::domain::case::Case;
fn main() {
    let conn = rusqlite::Connection::open_with_flags("/tmp/r100k.db", rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let t = Instant::now();
    let mut stmt = conn.prepare("SELECT doc FROM cases WHERE received_at >= 1759248000 - 86400*200 AND received_at < 1764518400").unwrap();
    let docs: Vec<Vec<u8>> = stmt.query_map([], |r| Ok(r.get_ref(0)?.as_bytes().unwrap().to_vec())).unwrap().map(|r| r.unwrap()).collect();
    println!("read {} docs {} MB in {:?}", docs.len(), docs.iter().map(|d| d.len()).sum::<usize>() / 1_000_000, t.elapsed());
    for _ in 0..3 {
        let t = Instant::now();
        let cases: Vec<Case> = docs.iter().map(|d| serde_json::from_slice(d).unwrap()).collect();
        println!("full parse {:?}", t.elapsed());
        let t = Instant::now();
        let v: Vec<serde::de::IgnoredAny> = docs.iter().map(|d| serde_json::from_slice(d).unwrap()).collect();
        println!("scan only {:?}", t.elapsed());
        let t = Instant::now();
        drop(cases); drop(v);
        println!("drop {:?}", t.elapsed());
    }
}

//! Numbered, append-only schema migrations tracked in `PRAGMA user_version`.
//! A hand-rolled runner (30 lines) instead of a crate that pins rusqlite.

use rusqlite::Connection;

use super::StoreError;

pub(super) mod step_0010;
pub(super) mod step_0018;
pub(super) mod step_0045;

/// Each entry is applied once, in order; never edit one that has shipped: the test
/// `shipped_migrations_never_change` pins each file's SHA-256.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_ledger.sql"),
    include_str!("migrations/0002_drafts.sql"),
    include_str!("migrations/0003_queue_views.sql"),
    include_str!("migrations/0004_dashboard.sql"),
    include_str!("migrations/0005_reception.sql"),
    include_str!("migrations/0006_report.sql"),
    include_str!("migrations/0007_documents.sql"),
    include_str!("migrations/0008_repeaters.sql"),
    include_str!("migrations/0009_charts.sql"),
    include_str!("migrations/0010_search_prefixes.sql"),
    include_str!("migrations/0011_case_facts.sql"),
    include_str!("migrations/0012_attached_later.sql"),
    include_str!("migrations/0013_superior_due.sql"),
    include_str!("migrations/0014_report_steps.sql"),
    include_str!("migrations/0015_decision_notice.sql"),
    include_str!("migrations/0016_report_hearings_outbound.sql"),
    include_str!("migrations/0017_office_journal.sql"),
    include_str!("migrations/0018_confidentiality.sql"),
    include_str!("migrations/0019_sight_indexes.sql"),
    include_str!("migrations/0020_department_sight.sql"),
    include_str!("migrations/0021_report_rollups.sql"),
    include_str!("migrations/0022_screening.sql"),
    include_str!("migrations/0023_backlog.sql"),
    include_str!("migrations/0024_attachments.sql"),
    include_str!("migrations/0025_evaluations.sql"),
    include_str!("migrations/0026_owned_open.sql"),
    include_str!("migrations/0027_report_stocks.sql"),
    include_str!("migrations/0028_search_longer_prefixes.sql"),
    include_str!("migrations/0029_start_tallies.sql"),
    include_str!("migrations/0030_first_time_again.sql"),
    include_str!("migrations/0031_stock_states.sql"),
    include_str!("migrations/0032_stock_days.sql"),
    include_str!("migrations/0033_facts_days.sql"),
    include_str!("migrations/0034_rollup_months.sql"),
    include_str!("migrations/0035_department_tallies.sql"),
    include_str!("migrations/0036_dashboard_counts.sql"),
    include_str!("migrations/0037_backlog_due.sql"),
    include_str!("migrations/0038_desk_counts_sight.sql"),
    include_str!("migrations/0039_charts_rollup.sql"),
    include_str!("migrations/0040_letters_hours.sql"),
    include_str!("migrations/0041_fewer_case_indexes.sql"),
    include_str!("migrations/0042_indexes_of_the_assigned.sql"),
    include_str!("migrations/0043_phone_tails.sql"),
    include_str!("migrations/0044_accused_changes.sql"),
    include_str!("migrations/0045_squeezed_accused.sql"),
    include_str!("migrations/0046_reviews_by_case.sql"),
];

pub fn latest() -> i64 {
    MIGRATIONS.len() as i64
}

/// Brings the schema up to date inside one immediate transaction. A ledger
/// from a newer xinfang is refused rather than guessed at.
pub fn migrate(conn: &mut Connection) -> Result<(), StoreError> {
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    let current: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if current > latest() {
        return Err(StoreError::NewerSchema {
            found: current,
            known: latest(),
        });
    }
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(current as usize) {
        tx.execute_batch(sql)?;
        rust_step(&tx, i + 1)?;
        tx.pragma_update(None, "user_version", i as i64 + 1)?;
    }
    tx.commit()?;
    Ok(())
}

/// The version of `0028_search_longer_prefixes.sql`, whose Rust step fills the index.
const SEARCH_LONGER_PREFIXES: usize = 28;

/// The version of `0045_squeezed_accused.sql`, whose Rust step rewrites the columns.
const SQUEEZED_ACCUSED: usize = 45;

/// What a migration needs beyond its SQL, run in the same transaction right after it.
fn rust_step(tx: &Connection, version: usize) -> Result<(), StoreError> {
    match version {
        // The search index made anew with prefix indexes: its tokens come from Rust.
        10 => step_0010::run(tx),
        18 => step_0018::run(tx),
        // 0028: the search index made anew with prefix indexes of 4 to 11, filled as 10's.
        SEARCH_LONGER_PREFIXES => step_0010::run(tx),
        // 0045: the accused columns squeezed as the domain compares names.
        SQUEEZED_ACCUSED => step_0045::run(tx),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every shipped migration file, with its number and SHA-256: the SQL files, and the
    /// Rust steps run after them. A ledger in use has run them; editing one would leave
    /// it unlike a ledger made new. A new migration is pinned here when it is added.
    #[rustfmt::skip]
    const SHIPPED: &[(usize, &str, &str)] = &[
        (1, "0001_ledger.sql", "c5214ab15de63f749c91657db54e7d9b51be317c5377e455724e1d0dcbea340c"),
        (2, "0002_drafts.sql", "a153dcc0789252bcd96c477e826c91c99735df7924acada717cf668b67599b66"),
        (3, "0003_queue_views.sql", "d19cceed8b971bbe3043619b96cb789091fff882c1dd89912c80528127e274c1"),
        (4, "0004_dashboard.sql", "65343300b019cafe3d289153b0038afcffccab5be2392d7f45e1859be65a62ed"),
        (5, "0005_reception.sql", "afc9b5a99bc86d3da7e2a8f5d6ed66549e2feafe67c73d0eade3896da8f4f92f"),
        (6, "0006_report.sql", "e4470bdc4d9e029375c402faa0036534ec3f29d0685edd40bb083955bb89b006"),
        (7, "0007_documents.sql", "ff7bf665a4828fb32952e1f4a00520f1dafd3ab7cecf19c0168febda8235167b"),
        (8, "0008_repeaters.sql", "ba0adc727ef894bc06f0444f5f0187bf7d5baf82c28d5982a4638968cdda7cd6"),
        (9, "0009_charts.sql", "b1a8a85c3f2804c675bf994c39cbabbb4819dfaa43f2b8dd8f92038dd1dd97ec"),
        (10, "0010_search_prefixes.sql", "e3acd9df01d27726f43e8901292ffcfa21ede647f25c19ec99a88eb8afd8843f"),
        (10, "step_0010.rs", "e8238526bc7ab585ff265a86c44bc44896a6c983152dc7bf880150d94ae9b443"),
        (11, "0011_case_facts.sql", "03df579c76cd15059897342043c842c67bca6ff32e88e3fd17d955834da2c1eb"),
        (12, "0012_attached_later.sql", "14cd3ebd232d08f0a91d7a1c47dd5424f383f940f68975b47f8dfa7db03bd19c"),
        (13, "0013_superior_due.sql", "0d79485d940f9a18ad08814910a73aac3af5b7f4dd0ac2ba68ec08874bb4714e"),
        (14, "0014_report_steps.sql", "32ee30be39fd080911e54fab6c546bda9a67da7a8c319169563d101c6aac77de"),
        (15, "0015_decision_notice.sql", "639dd2069b7abfcab375975de479d8c53afbd394dbfd6cc5c3b9cf4aa203741f"),
        (16, "0016_report_hearings_outbound.sql", "a2c3fb30d1694df691963601b8744a092e9783e83156e955ba86372bd1582404"),
        (17, "0017_office_journal.sql", "271a8683661690c446d8dc8c4f9fdf7aa742504e2a768358695e00d8806dcd34"),
        (18, "0018_confidentiality.sql", "097d44cd3e4893aec7c1127bf27a25c067074a07c5dc6ef63531da624ec25c3c"),
        (18, "step_0018.rs", "3068e3178be229d1afc2c003bc19c04cc62414cc6ae5b49a9ad04efd625b12a4"),
        (19, "0019_sight_indexes.sql", "5ed61b7fe0d028df8ff5de15fd5529011c32f4d14c63ded445dd7b24480c1528"),
        (20, "0020_department_sight.sql", "dda682f25a215ef3ca84f265811c7a96d39eadff1fa52ad5d93dbd35a9017e21"),
        (21, "0021_report_rollups.sql", "7e3f6f82fbcf55b8b51ddc483c86bdd3b92f7ab8b29f6ffb23d79a845511c820"),
        (22, "0022_screening.sql", "bedc97acc529c429cf87597873513e9c2cc14c0b58e99acd6654c7a0f2b88be7"),
        (23, "0023_backlog.sql", "327b3713c33d693fb8da7d05c1d47d51ee8cfe6474abbfff2923f81d2d089ff4"),
        (24, "0024_attachments.sql", "ed50011ac4b5b44eb18af372ecc84c02972ad5335dab847f0058d61eb30f9fe5"),
        (25, "0025_evaluations.sql", "51953cb551265dc1d3fa1712f1b40984aea53501833b1620ccc863bac8d7ad85"),
        (26, "0026_owned_open.sql", "49aa3b5976042b229339d435745b1d039ee8f2f13fbd736138a4c0dfecf3df93"),
        (27, "0027_report_stocks.sql", "ea90f205c7f86d1cb637eff5265c8676dce1e954529343d1006d69820a80c796"),
        (SEARCH_LONGER_PREFIXES, "0028_search_longer_prefixes.sql", "61140c3bca419c1c93b4a2c4235af2dea9fab772366fd1781a453f4708e4b3db"),
        (SEARCH_LONGER_PREFIXES + 1, "0029_start_tallies.sql", "46a0aecacce18baf8a4190ffa5b24d5a19e6fb3b760cee617779ab652719e157"),
        (SEARCH_LONGER_PREFIXES + 2, "0030_first_time_again.sql", "89d9772df548dab6aa20e6232554a41169eb494b281233d0e21fdcb84402a26f"),
        (SEARCH_LONGER_PREFIXES + 3, "0031_stock_states.sql", "371a16a35507be0c2c866ab18cd2925c5a4e2267c61b5096dd25ddf2ddcfd451"),
        (SEARCH_LONGER_PREFIXES + 4, "0032_stock_days.sql", "43103dac3717ef23fd79d70c70ed94bb47ef4e7d9cb7c7289eb9b40877093868"),
        (SEARCH_LONGER_PREFIXES + 5, "0033_facts_days.sql", "a348d8ac77abdcf0dac1852917b22fb4994fb16cd462918c419c64568343f3cb"),
        (SEARCH_LONGER_PREFIXES + 6, "0034_rollup_months.sql", "4d9a54be82acc263a48d2a611d6a5f3804ecac2e5cd5c4f82ceb7669068ddbd9"),
        (SEARCH_LONGER_PREFIXES + 7, "0035_department_tallies.sql", "0ef1aa55bc8e763cf37a004f6df00e3d7e6d0f601235625c8a2a9324f01fb3c8"),
        (SEARCH_LONGER_PREFIXES + 8, "0036_dashboard_counts.sql", "73b8e80bb19253573b8f165acfc252b20be567429f61d8a69357744887eadf42"),
        (SEARCH_LONGER_PREFIXES + 9, "0037_backlog_due.sql", "15049440ceaeea9df9cd6dc9a169a9c83e9126944cbc5a8cea5cb6eb5240bd1a"),
        (SEARCH_LONGER_PREFIXES + 10, "0038_desk_counts_sight.sql", "10883007d354f47dae0bc60a746ad33ef4461a278154cf35ce81ed7e8e7ef61a"),
        (SEARCH_LONGER_PREFIXES + 11, "0039_charts_rollup.sql", "5976c8dfca5a5308503cced2e66ec47a9d6b79311cdeb9dba4d7c7d477ec9422"),
        (SEARCH_LONGER_PREFIXES + 12, "0040_letters_hours.sql", "c283f06964f01767178abb9af28618f57b40a65013ffebf65602814e4a33f980"),
        (SEARCH_LONGER_PREFIXES + 13, "0041_fewer_case_indexes.sql", "cc5df89e44fcd40211de422a6f328eec09e416eb16ff8d8622d39622436a4e3e"),
        (SEARCH_LONGER_PREFIXES + 14, "0042_indexes_of_the_assigned.sql", "9240c963505c4249e98766a5e0d9e225ccba30ded2c64c9515ad3290617bda45"),
        (SEARCH_LONGER_PREFIXES + 15, "0043_phone_tails.sql", "31bb872afc12adf72d18f27b3a550ad48c16f36d5a889046301344ccef2ff388"),
        (SEARCH_LONGER_PREFIXES + 16, "0044_accused_changes.sql", "bc7aac2903a49a853e0e854c4eb0c39f18f7db68906f067795b5f75019b9357f"),
        (SQUEEZED_ACCUSED, "0045_squeezed_accused.sql", "23dc39a6739e0d022212d2fd6c0ddb72721dcfd12dbdcefa49ad4db404bc4636"),
        (SQUEEZED_ACCUSED, "step_0045.rs", "a419d89060ef9806dce0bf3847d4f268f2fe221b915b506be20b35e4ae53c016"),
        (SQUEEZED_ACCUSED + 1, "0046_reviews_by_case.sql", "16b443d02664ad0fdee1a2853398b6079e47c97bc1f7bf7cddb969ebb7798a5e"),
    ];

    /// The SHA-256 of a file's text, line ends as LF (a checkout that writes CRLF changes
    /// no statement).
    fn sha256(text: &str) -> String {
        use sha2::{Digest, Sha256};
        let digest = Sha256::digest(text.replace("\r\n", "\n").as_bytes());
        digest.iter().map(|b| format!("{b:02x}")).collect()
    }

    #[test]
    fn shipped_migrations_never_change() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/store/migrations");
        for &(n, file, pinned) in SHIPPED {
            let text = std::fs::read_to_string(dir.join(file))
                .unwrap_or_else(|e| panic!("shipped migration {n} ({file}) is gone: {e}"));
            assert!(
                sha256(&text) == pinned,
                "shipped migration {n} changed: add a new migration instead ({file})"
            );
            if file.ends_with(".sql") {
                assert_eq!(MIGRATIONS[n - 1], text, "migration {n} is not {file}");
            }
        }
        let mut files: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        files.sort();
        for file in files {
            let text = std::fs::read_to_string(dir.join(&file)).unwrap();
            assert!(
                SHIPPED.iter().any(|&(_, f, _)| f == file),
                "migration file {file} is not pinned: add its number, name and SHA-256 {} to SHIPPED",
                sha256(&text)
            );
        }
        let sql = SHIPPED
            .iter()
            .filter(|(_, f, _)| f.ends_with(".sql"))
            .count();
        assert_eq!(sql, MIGRATIONS.len(), "every migration is pinned");
    }

    #[test]
    fn empty_database_migrates_to_latest_and_is_sound() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn).unwrap();
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(version, latest());
        let ok: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(ok, "ok");
        let fk: i64 = conn
            .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(fk, 0);
        // Running again changes nothing.
        migrate(&mut conn).unwrap();
    }

    #[test]
    fn a_newer_ledger_is_refused() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "user_version", latest() + 1)
            .unwrap();
        assert!(matches!(
            migrate(&mut conn),
            Err(StoreError::NewerSchema { found, known }) if found == latest() + 1 && known == latest()
        ));
    }

    #[test]
    fn a_ledger_of_schema_1_gains_drafts_and_keeps_its_rows() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(MIGRATIONS[0]).unwrap();
        conn.pragma_update(None, "user_version", 1).unwrap();
        conn.execute(
            "INSERT INTO operators (name, role) VALUES ('李娜', 'clerk')",
            [],
        )
        .unwrap();
        migrate(&mut conn).unwrap();
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(version, latest());
        let name: String = conn
            .query_row("SELECT name FROM operators", [], |r| r.get(0))
            .unwrap();
        assert_eq!(name, "李娜");
        conn.execute(
            "INSERT INTO drafts (slot, operator, body, saved_at) VALUES ('intake', '李娜', '{}', '2026-04-01T09:00:00.000+08:00')",
            [],
        )
        .unwrap();
    }

    /// A ledger in memory with the first `version` migrations, as an older xinfang left it.
    fn at_version(version: usize) -> Connection {
        let mut conn = Connection::open_in_memory().unwrap();
        let tx = conn.transaction().unwrap();
        for sql in &MIGRATIONS[..version] {
            tx.execute_batch(sql).unwrap();
        }
        tx.pragma_update(None, "user_version", i64::try_from(version).unwrap())
            .unwrap();
        tx.commit().unwrap();
        conn
    }

    #[test]
    fn migration_13_counts_the_superiors_date_in_next_due() {
        let mut conn = at_version(12);
        // (id, channel, next_due, doc): a referral whose handling clock ends after the
        // superior's date; one with no other clock running; one whose clock ends first;
        // one without a date; a letter.
        let referral = |deadline: &str| {
            format!(r#"{{"intake":{{"referral":{{"body":"市信访局","deadline":"{deadline}"}}}}}}"#)
        };
        let rows = [
            (1, "referral", Some("2026-05-06"), referral("2026-04-10")),
            (2, "referral", None, referral("2026-04-10")),
            (3, "referral", Some("2026-03-20"), referral("2026-04-10")),
            (
                4,
                "referral",
                Some("2026-05-06"),
                r#"{"intake":{}}"#.to_owned(),
            ),
            (5, "letter", Some("2026-05-06"), referral("2026-04-10")),
        ];
        for (id, channel, due, doc) in &rows {
            conn.execute(
                "INSERT INTO cases (id, version, state, channel, received_at, received_date,
                     category, urgency, people, next_due, doc)
                 VALUES (?1, 1, 'assigned', ?2, 0, '2026-03-02', 'c', 'normal', 1, ?3, ?4)",
                rusqlite::params![id, channel, due, doc],
            )
            .unwrap();
        }
        conn.execute(
            "INSERT INTO case_facts (id, received_at, state, channel, people, category, urgency,
                 linked) VALUES (1, 0, 'assigned', 'referral', 1, 'c', 'normal', 0)",
            [],
        )
        .unwrap();
        migrate(&mut conn).unwrap();
        let facts: Option<String> = conn
            .query_row(
                "SELECT superior_due FROM case_facts WHERE id = 1",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(facts.as_deref(), Some("2026-04-10"));
        let due = |id: i64| -> Option<String> {
            conn.query_row("SELECT next_due FROM cases WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .unwrap()
        };
        assert_eq!(due(1).as_deref(), Some("2026-04-10"));
        assert_eq!(due(2).as_deref(), Some("2026-04-10"));
        assert_eq!(due(3).as_deref(), Some("2026-03-20"));
        assert_eq!(due(4).as_deref(), Some("2026-05-06"));
        assert_eq!(due(5).as_deref(), Some("2026-05-06"));
    }

    #[test]
    fn migration_15_keeps_the_first_notice_of_the_decision() {
        let mut conn = at_version(14);
        // (id, decision, doc): an acceptance with two 受理告知书 and another document (the
        // first notice counts, whatever its place), a decline with its notice, an acceptance
        // with none.
        let doc = |docs: &str| format!(r#"{{"intake":{{}},"documents":[{docs}]}}"#);
        let rows = [
            (
                1,
                "accept",
                doc(r#"{"kind":"transfer","at":"2026-03-04T09:00:00+08:00"},
                       {"kind":"accept","at":"2026-03-20T09:00:00+08:00"},
                       {"kind":"accept","at":"2026-03-21T09:00:00+08:00"}"#),
            ),
            (
                2,
                "decline",
                doc(r#"{"kind":"decline","at":"2026-03-05T08:00:00+08:00"}"#),
            ),
            (3, "accept", doc("")),
        ];
        for (id, decision, doc) in &rows {
            conn.execute(
                "INSERT INTO cases (id, version, state, channel, received_at, received_date,
                     category, urgency, people, doc)
                 VALUES (?1, 1, 'registered', 'visit', 0, '2026-03-02', 'c', 'normal', 1, ?2)",
                rusqlite::params![id, doc],
            )
            .unwrap();
            conn.execute(
                "INSERT INTO case_facts (id, received_at, state, channel, people, category,
                     urgency, linked, decision)
                 VALUES (?1, 0, 'registered', 'visit', 1, 'c', 'normal', 0, ?2)",
                rusqlite::params![id, decision],
            )
            .unwrap();
        }
        migrate(&mut conn).unwrap();
        let at = |id: i64| -> Option<i64> {
            conn.query_row(
                "SELECT notice_at FROM case_facts WHERE id = ?1",
                [id],
                |r| r.get(0),
            )
            .unwrap()
        };
        // 2026-03-20 09:00 +08:00 = 01:00 UTC; 2026-03-05 08:00 +08:00 = 00:00 UTC.
        assert_eq!(at(1), Some(1_773_968_400));
        assert_eq!(at(2), Some(1_772_668_800));
        assert_eq!(at(3), None);
    }

    #[test]
    fn migration_16_keeps_the_hearings_and_the_jiaoban() {
        let mut conn = at_version(15);
        // (id, level, decision, doc): a 复核 case with two hearings, kept in their order; a
        // 交办 with a date and its report received; a 交办 without a date; a plain 转送.
        let rows = [
            (
                1,
                Some("rereview"),
                "accept",
                r#"{"hearings":[{"from":"2026-03-24","to":"2026-03-26"},
                                {"from":"2026-03-10","to":"2026-03-10"}]}"#,
            ),
            (
                2,
                None,
                "pass_on",
                r#"{"decision":{"decision":"pass_on","to":"区住建局","assign":true,
                    "report_by":"2026-04-10"},"report_received":{"received_on":"2026-04-09"}}"#,
            ),
            (
                3,
                None,
                "pass_on",
                r#"{"decision":{"decision":"pass_on","to":"区住建局","assign":true}}"#,
            ),
            (
                4,
                None,
                "pass_on",
                r#"{"decision":{"decision":"pass_on","to":"区住建局"}}"#,
            ),
        ];
        for (id, level, decision, doc) in &rows {
            conn.execute(
                "INSERT INTO cases (id, version, state, channel, received_at, received_date,
                     category, urgency, people, doc)
                 VALUES (?1, 1, 'registered', 'visit', 0, '2026-03-02', 'c', 'normal', 1, ?2)",
                rusqlite::params![id, doc],
            )
            .unwrap();
            conn.execute(
                "INSERT INTO case_facts (id, received_at, state, channel, people, category,
                     urgency, linked, decision, level)
                 VALUES (?1, 0, 'registered', 'visit', 1, 'c', 'normal', 0, ?2, ?3)",
                rusqlite::params![id, decision, level],
            )
            .unwrap();
        }
        migrate(&mut conn).unwrap();
        type Row = (Option<String>, Option<i64>, Option<String>, Option<String>);
        let row = |id: i64| -> Row {
            conn.query_row(
                "SELECT hearings, outbound, report_by, report_received_on
                   FROM case_facts WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .unwrap()
        };
        let s = |x: &str| Some(x.to_owned());
        assert_eq!(
            row(1),
            (
                s("2026-03-24,2026-03-26;2026-03-10,2026-03-10"),
                None,
                None,
                None
            )
        );
        assert_eq!(row(2), (None, Some(1), s("2026-04-10"), s("2026-04-09")));
        assert_eq!(row(3), (None, Some(1), None, None));
        assert_eq!(row(4), (None, None, None, None));
    }
}

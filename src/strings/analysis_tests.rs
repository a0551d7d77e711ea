//! The analysis sentences' own tests: how a change, a rate and 需关注 are said.

use super::*;

/// The English rates paragraph opens its sentence with a capital; the Chinese is as is.
#[test]
fn the_rates_sentence_opens_with_a_capital() {
    let r = |name: &str, lang| Rate {
        name: name.to_owned(),
        value: "100.0%".to_owned(),
        changes: vec![(Against::YearAgo, delta(lang, Some(1.0), true))],
    };
    let en = rates(Lang::En, &[r("decided-in-time rate", Lang::En)], false);
    assert!(
        en.starts_with("3. Timeliness and satisfaction. Decided-in-time rate 100.0% (up 1.0 points on a year earlier)"),
        "{en}"
    );
    let zh = rates(Lang::Zh, &[r("及时受理率", Lang::Zh)], false);
    assert!(
        zh.starts_with("三、办理质效。及时受理率100.0%（同比上升1.0个百分点）"),
        "{zh}"
    );
}

/// A change is said as an office writes it: 增长/下降 and the size, 持平, or 上期无 for a
/// zero base; never a sign or a dash.
#[test]
fn a_change_is_said_in_words() {
    let zh =
        |c: Option<f64>, rate| phrase(Lang::Zh, Against::Before, &delta(Lang::Zh, c, rate), rate);
    assert_eq!(zh(Some(24.7), false), "环比增长24.7%");
    assert_eq!(zh(Some(-8.4), false), "环比下降8.4%");
    assert_eq!(zh(Some(0.0), true), "环比持平");
    assert_eq!(zh(Some(-0.04), true), "环比持平");
    assert_eq!(zh(Some(1.3), true), "环比上升1.3个百分点");
    assert_eq!(zh(None, false), "上期无");
    let yoy = phrase(Lang::Zh, Against::YearAgo, &Delta::NoBase, false);
    assert_eq!(yoy, "去年同期无");
    let en = |c: Option<f64>| {
        phrase(
            Lang::En,
            Against::YearAgo,
            &delta(Lang::En, c, false),
            false,
        )
    };
    assert_eq!(en(Some(24.7)), "up 24.7% on a year earlier");
    assert_eq!(en(Some(-8.4)), "down 8.4% on a year earlier");
    assert_eq!(en(Some(0.0)), "unchanged on a year earlier");
    assert_eq!(en(None), "none in the same period last year");
}

/// 需关注 follows only what got worse: a rise in something bad, a fall in something good.
#[test]
fn only_what_got_worse_deserves_a_look() {
    let row = |subject, change: f64, worrying| Moved {
        subject,
        before: "10".to_owned(),
        now: "20".to_owned(),
        change: delta(Lang::Zh, Some(change), false),
        unit: Unit::Items,
        worrying,
    };
    let good = [row(Subject::FirstTimeOnce, 100.0, false)];
    let said = notable(Lang::Zh, &good, Against::YearAgo, Quiet::Steady);
    assert!(!said.contains("需关注"), "{said}");
    assert!(
        said.contains("与去年同期相比，初信初访一次办结件由10件增至20件，增长100.0%"),
        "{said}"
    );
    let bad = [
        row(Subject::Repeat, 50.0, true),
        row(Subject::FirstTimeOnce, -50.0, true),
    ];
    let said = notable(Lang::Zh, &bad, Against::Before, Quiet::Steady);
    assert!(
        said.ends_with("重复信访增加，初信初访一次办结件减少，需关注原因。"),
        "{said}"
    );
    let said = notable(Lang::En, &bad, Against::Before, Quiet::Steady);
    assert!(said.ends_with(" Repeat petitions rose; first petitions closed at once fell: their causes deserve a look."), "{said}");
}

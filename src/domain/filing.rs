//! How a case is filed in the ledger: the number it is registered under and the day it
//! counts as replied. The store writes both in columns; they are decided here, once.

use chrono::NaiveDate;

use super::case::Case;

/// The case number of the `seq`-th case registered in `year`: `2026-0007`. Four digits at
/// least, so numbers of a year sort as text up to 9999; more digits when a year has more.
pub fn case_number(year: i32, seq: i64) -> String {
    format!("{year}-{seq:04}")
}

/// The later of the day the reply was served and the day it was recorded (in the offset it
/// was recorded with); None before the reply. After it only a return visit and the
/// archiving happen to a case, so a report finds the older cases replied in its window by
/// this day.
pub fn replied_on(case: &Case) -> Option<NaiveDate> {
    case.reply
        .as_ref()
        .map(|r| r.served_at.max(r.stamp.at.date_naive()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_numbers_have_four_digits_at_least() {
        assert_eq!(case_number(2026, 1), "2026-0001");
        assert_eq!(case_number(2026, 137), "2026-0137");
        assert_eq!(case_number(2027, 9999), "2027-9999");
        assert_eq!(case_number(2027, 12345), "2027-12345");
    }

    /// A case replied `served`, the reply recorded at `recorded` (RFC 3339).
    fn replied(served: &str, recorded: &str) -> Case {
        serde_json::from_value(serde_json::json!({
            "id": 1, "case_no": "2026-0001", "state": "replied",
            "intake": {"channel": "visit", "received_at": "2026-03-02T09:00:00+08:00",
                       "receiver": "李娜", "people": 1, "category": "城乡建设",
                       "summary": "事项", "petitioners": [{"name": "张三", "main": true}]},
            "reply": {"method": "post", "text": "答复", "served_at": served, "signed": true,
                      "by": "李娜", "at": recorded}
        }))
        .unwrap()
    }

    #[test]
    fn replied_on_is_the_later_of_served_and_recorded() {
        let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        // Recorded after it was served (a paper record typed in later).
        let late = replied("2026-03-10", "2026-03-12T16:00:00+08:00");
        assert_eq!(replied_on(&late), Some(day("2026-03-12")));
        // Served after it was recorded (posted on the day, delivered later).
        let posted = replied("2026-03-14", "2026-03-12T16:00:00+08:00");
        assert_eq!(replied_on(&posted), Some(day("2026-03-14")));
        // The recorded day is the one of the offset it was recorded with, not UTC's.
        let early = replied("2026-03-01", "2026-03-12T01:00:00+08:00");
        assert_eq!(replied_on(&early), Some(day("2026-03-12")));
        let mut open = late;
        open.reply = None;
        assert_eq!(replied_on(&open), None);
    }
}
